//! ln x eight at a time, bit for bit the `libm` crate's `log`.
//!
//! The numerical gradient evaluates the batch loss about three million
//! times per gradient, each with one ln(y + δ); `libm::log` is a scalar
//! function with branches. Its algorithm for positive normal numbers has
//! no branch at all, so here it is unchanged, lane by lane, for the
//! compiler to turn into vector instructions: the same IEEE operations in
//! the same order, hence the same bits. Zero, negative, subnormal, infinite
//! and NaN arguments go to `libm::log` itself.
//!
//! The algorithm (FreeBSD's `e_log.c` as musl writes it): x = 2ᵏ·(1 + f)
//! with √2/2 < 1 + f < √2, s = f/(2 + f), z = s², w = z²,
//! R = z·(Lg1 + w·(Lg3 + w·(Lg5 + w·Lg7))) + w·(Lg2 + w·(Lg4 + w·Lg6)),
//! ln x = s·(f²/2 + R) + k·ln2_lo − f²/2 + f + k·ln2_hi.

// libm's constants, by their bits.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
const LG1: f64 = f64::from_bits(0x3fe5_5555_5555_5593);
const LG2: f64 = f64::from_bits(0x3fd9_9999_9997_fa04);
const LG3: f64 = f64::from_bits(0x3fd2_4924_9422_9359);
const LG4: f64 = f64::from_bits(0x3fcc_71c5_1d8e_78af);
const LG5: f64 = f64::from_bits(0x3fc7_4664_96cb_03de);
const LG6: f64 = f64::from_bits(0x3fc3_9a09_d078_c69f);
const LG7: f64 = f64::from_bits(0x3fc2_f112_df3e_5244);

/// High words outside [2⁻¹⁰²², ∞): zero, subnormal, negative, ∞, NaN.
const HX_NORMAL_MIN: u32 = 0x0010_0000;
const HX_INFINITE: u32 = 0x7ff0_0000;

/// ln of each lane; `libm::log(x[i])` bit for bit.
#[inline(always)]
pub fn log_lanes<const N: usize>(x: [f64; N]) -> [f64; N] {
    let mut out = [0.0; N];
    let mut special = false;
    for i in 0..N {
        let ui = x[i].to_bits();
        let hx = (ui >> 32) as u32;
        special |= !(HX_NORMAL_MIN..HX_INFINITE).contains(&hx);
        // Reduce x into [√2/2, √2]: k from the exponent field, the mantissa
        // given the exponent of 1 (or of ½).
        let hx = hx.wrapping_add(0x3ff0_0000 - 0x3fe6_a09e);
        let k = (hx >> 20) as i32 - 0x3ff;
        let hx = (hx & 0x000f_ffff) + 0x3fe6_a09e;
        let reduced = f64::from_bits((hx as u64) << 32 | (ui & 0xffff_ffff));
        let f = reduced - 1.0;
        let hfsq = 0.5 * f * f;
        let s = f / (2.0 + f);
        let z = s * s;
        let w = z * z;
        let t1 = w * (LG2 + w * (LG4 + w * LG6));
        let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        let r = t2 + t1;
        let dk = k as f64;
        out[i] = s * (hfsq + r) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
    }
    if special {
        for i in 0..N {
            let hx = (x[i].to_bits() >> 32) as u32;
            if !(HX_NORMAL_MIN..HX_INFINITE).contains(&hx) {
                out[i] = libm::log(x[i]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_same_as_libm(xs: &[f64]) {
        for chunk in xs.chunks(8) {
            let mut x = [1.0; 8];
            x[..chunk.len()].copy_from_slice(chunk);
            let got = log_lanes(x);
            for i in 0..chunk.len() {
                let want = libm::log(x[i]);
                assert!(
                    got[i].to_bits() == want.to_bits() || (got[i].is_nan() && want.is_nan()),
                    "log({:e}) = {:e}, libm {:e}",
                    x[i],
                    got[i],
                    want
                );
            }
        }
    }

    #[test]
    fn special_values_and_boundaries_match_libm() {
        let mut xs = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.0,
            0.5,
            1e-7,
            1.0 + 1e-7,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            5e-324,
            1e-310,
            f64::MAX,
            std::f64::consts::SQRT_2,
            std::f64::consts::FRAC_1_SQRT_2,
        ];
        // Either side of where the reduction changes k: 2ⁿ·√2/2.
        for n in -1022i32..1024 {
            let x = 2f64.powi(n) * std::f64::consts::FRAC_1_SQRT_2;
            for d in -2i64..=2 {
                xs.push(f64::from_bits((x.to_bits() as i64 + d) as u64));
            }
        }
        assert_same_as_libm(&xs);
    }

    #[test]
    fn millions_of_arguments_match_libm() {
        let mut s = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let mut xs = Vec::with_capacity(1 << 21);
        for _ in 0..1 << 20 {
            // What the loss sees, y + 1e-7 in (1e-7, 1 + 1e-7], and any bits.
            let u = (next() >> 11) as f64 / (1u64 << 53) as f64;
            xs.push(u + 1e-7);
            xs.push(f64::from_bits(next()));
        }
        assert_same_as_libm(&xs);
    }
}
