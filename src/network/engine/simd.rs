//! Which vector instructions the kernels are compiled for, chosen at run
//! time.
//!
//! The kernels are plain Rust over arrays of eight lanes; each is compiled
//! three times on x86-64 (for AVX-512, AVX2 and the baseline SSE2) and the
//! processor picks one. They use separate multiplications and additions,
//! never fused multiply–adds, and the same order of operations in every
//! version, so the three give identical bits: the instruction set changes
//! the speed, not the result.

/// An instruction set the kernels are compiled for, one the processor has:
/// the only ways to get one are [`Level::detect`] and [`Level::supported`]
/// (its field is private to this module, so no other code can make one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level(Isa);

/// The instruction sets, as a [`Level`] names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isa {
    /// 512-bit vectors (x86-64 with AVX-512F).
    Avx512,
    /// 256-bit vectors (x86-64 with AVX2).
    Avx2,
    /// What every processor of the target has (SSE2 on x86-64, NEON on aarch64).
    Baseline,
}

impl Level {
    /// The widest level this processor supports.
    pub fn detect() -> Level {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512f") {
                return Level(Isa::Avx512);
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                return Level(Isa::Avx2);
            }
        }
        Level(Isa::Baseline)
    }

    /// Every level this processor supports, widest first (for comparing them).
    #[cfg(test)]
    pub fn supported() -> Vec<Level> {
        let all = [Isa::Avx512, Isa::Avx2, Isa::Baseline];
        let best = all.iter().position(|&l| l == Level::detect().0).unwrap();
        all[best..].iter().map(|&isa| Level(isa)).collect()
    }

    /// The instruction set, which the processor has.
    pub fn isa(self) -> Isa {
        self.0
    }

    /// "avx512", "avx2" or "baseline".
    #[cfg(test)]
    pub fn name(self) -> &'static str {
        match self.0 {
            Isa::Avx512 => "avx512",
            Isa::Avx2 => "avx2",
            Isa::Baseline => "baseline",
        }
    }
}

/// Defines `pub fn name(level: Level, args…)` that runs `generic(args…)`
/// compiled for `level`. `generic` must be `#[inline(always)]` (and so must
/// what it calls in its hot loops) so that it is compiled into each version.
macro_rules! multiversion {
    ($(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? = $generic:path;) => {
        $(#[$meta])*
        // The level comes first, one more than the kernel's own arguments.
        #[allow(clippy::too_many_arguments)]
        $vis fn $name(level: $crate::network::engine::simd::Level, $($arg: $ty),*) $(-> $ret)? {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f")]
                fn avx512($($arg: $ty),*) $(-> $ret)? {
                    $generic($($arg),*)
                }
                #[target_feature(enable = "avx2")]
                fn avx2($($arg: $ty),*) $(-> $ret)? {
                    $generic($($arg),*)
                }
                match level.isa() {
                    // SAFETY: a `Level` is only made by `Level::detect` and
                    // `Level::supported` (its field is private to simd.rs),
                    // which checked that the processor has AVX-512F.
                    $crate::network::engine::simd::Isa::Avx512 => return unsafe { avx512($($arg),*) },
                    // SAFETY: as above, for AVX2.
                    $crate::network::engine::simd::Isa::Avx2 => return unsafe { avx2($($arg),*) },
                    $crate::network::engine::simd::Isa::Baseline => {}
                }
            }
            #[cfg(not(target_arch = "x86_64"))]
            let _ = level;
            $generic($($arg),*)
        }
    };
}
pub(crate) use multiversion;
