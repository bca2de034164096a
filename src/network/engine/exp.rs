//! e^x eight at a time, bit for bit the `libm` crate's `exp`.
//!
//! Training takes about 180 million exponentials (the sigmoid of every
//! hidden unit of every forward pass, the softmax of every output). The
//! platform's `exp` differs between machines (glibc picks an FMA variant on
//! some processors), so the training uses the pure-Rust `libm::exp`, which
//! gives the same bits everywhere but is a scalar function with branches.
//! Here is its algorithm, unchanged, written lane by lane without branches
//! so that the compiler turns it into vector instructions: every lane goes
//! through the same IEEE additions, multiplications and one division as
//! `libm::exp` does, so the results are identical (tested on millions of
//! arguments and on every boundary of the algorithm). Arguments of
//! magnitude ≥ 708.39 (overflow, underflow, infinities, NaN) go to
//! `libm::exp` itself.
//!
//! The algorithm (FreeBSD's `e_exp.c`): x = k·ln2 + r with |r| ≤ ½ln2,
//! r = hi − lo kept in two parts, c = r − r²·(P1 + r²·(P2 + … + r²·P5)),
//! exp(r) = 1 + (r·c/(2 − c) − lo + hi), exp(x) = 2ᵏ·exp(r).

use crate::numerics::activation::sigmoid;

/// Lanes handled together.
pub const LANES: usize = 8;

// libm's constants, by their bits.
const LN2HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
const INVLN2: f64 = f64::from_bits(0x3ff7_1547_652b_82fe);
const P1: f64 = f64::from_bits(0x3fc5_5555_5555_553e);
const P2: f64 = f64::from_bits(0xbf66_c16c_16be_bd93);
const P3: f64 = f64::from_bits(0x3f11_566a_af25_de2c);
const P4: f64 = f64::from_bits(0xbebb_bd41_c5d2_6bf1);
const P5: f64 = f64::from_bits(0x3e66_3769_72be_a4d0);

/// 1.5·2⁵²: x + ROUNDER holds a whole number x in its low bits.
const ROUNDER: f64 = 6_755_399_441_055_744.0;

/// High words (of |x|) where `libm::exp` changes course.
const HX_HUGE: u32 = 0x4086_232b; // |x| ≥ 708.39: overflow or underflow possible
const HX_FAR: u32 = 0x3ff0_a2b2; // |x| ≥ 1.5·ln2: k = trunc(x/ln2 ± ½)
const HX_NEAR: u32 = 0x3fd6_2e42; // |x| > 0.5·ln2: k = ±1
const HX_TINY: u32 = 0x3e30_0000; // |x| ≤ 2⁻²⁸: exp(x) = 1 + x

/// exp of each lane; `libm::exp(x[i])` bit for bit.
#[inline(always)]
pub fn exp8(x: [f64; LANES]) -> [f64; LANES] {
    exp_lanes(x)
}

/// exp of each lane, any number of lanes.
#[inline(always)]
pub fn exp_lanes<const N: usize>(x: [f64; N]) -> [f64; N] {
    let mut out = [0.0; N];
    let mut huge = false;
    for i in 0..N {
        let bits = x[i].to_bits();
        let hx = (bits >> 32) as u32 & 0x7fff_ffff;
        let negative = (bits >> 63) != 0;
        huge |= hx >= HX_HUGE;
        // k as libm chooses it, as a double: trunc(x/ln2 ± ½) far from 0,
        // ±1 nearer, 0 nearest.
        let half = if negative { -0.5 } else { 0.5 };
        let far = (INVLN2 * x[i] + half).trunc();
        let near = if negative { -1.0 } else { 1.0 };
        let k = if hx >= HX_FAR {
            far
        } else if hx > HX_NEAR {
            near
        } else {
            0.0
        };
        let hi = x[i] - k * LN2HI;
        let lo = k * LN2LO;
        let r = hi - lo;
        let rr = r * r;
        let c = r - rr * (P1 + rr * (P2 + rr * (P3 + rr * (P4 + rr * P5))));
        let y = 1.0 + (r * c / (2.0 - c) - lo + hi);
        // 2ᵏ, what scalbn multiplies by for |k| ≤ 1022: adding 1.5·2⁵² puts
        // k in the low bits of the sum (exactly, k being a whole number), and
        // k + 1023 shifted into the exponent field is 2ᵏ.
        let k_bits = (k + ROUNDER).to_bits();
        let scale = f64::from_bits(k_bits.wrapping_add(1023) << 52);
        out[i] = if hx <= HX_TINY { 1.0 + x[i] } else { y * scale };
    }
    if huge {
        for i in 0..N {
            let hx = (x[i].to_bits() >> 32) as u32 & 0x7fff_ffff;
            if hx >= HX_HUGE {
                out[i] = libm::exp(x[i]);
            }
        }
    }
    out
}

/// exp of every element, in place: `libm::exp` bit for bit.
#[cfg(test)]
fn exp_in_place(values: &mut [f64]) {
    let mut chunks = values.chunks_exact_mut(LANES);
    for chunk in &mut chunks {
        let x: [f64; LANES] = (*chunk).try_into().unwrap();
        chunk.copy_from_slice(&exp8(x));
    }
    for v in chunks.into_remainder() {
        *v = libm::exp(*v);
    }
}

/// [`sigmoid`], 1 / (1 + exp(−a)), of every element in place: the same
/// operations sixteen lanes at a time, the same bits.
#[inline(always)]
pub fn sigmoid_in_place(values: &mut [f64]) {
    let mut chunks = values.chunks_exact_mut(2 * LANES);
    for chunk in &mut chunks {
        let mut x = [0.0; 2 * LANES];
        for (x, &a) in x.iter_mut().zip(chunk.iter()) {
            *x = -a;
        }
        let e = exp_lanes(x);
        for (z, e) in chunk.iter_mut().zip(e) {
            *z = 1.0 / (1.0 + e);
        }
    }
    for v in chunks.into_remainder() {
        *v = sigmoid(*v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_same_as_libm(xs: &[f64]) {
        for chunk in xs.chunks(LANES) {
            let mut x = [0.0; LANES];
            x[..chunk.len()].copy_from_slice(chunk);
            let got = exp8(x);
            for i in 0..chunk.len() {
                let want = libm::exp(x[i]);
                assert!(
                    got[i].to_bits() == want.to_bits() || (got[i].is_nan() && want.is_nan()),
                    "exp({:e}) = {:e}, libm {:e}",
                    x[i],
                    got[i],
                    want
                );
            }
        }
    }

    /// x with high word `hx` and low word `lo`, of either sign.
    fn with_high_word(hx: u32, lo: u32, negative: bool) -> f64 {
        let sign = if negative { 1u64 << 63 } else { 0 };
        f64::from_bits(sign | (hx as u64) << 32 | lo as u64)
    }

    #[test]
    fn every_boundary_of_the_algorithm_matches_libm() {
        let mut xs = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            709.78,
            709.79,
            -745.1,
            -745.2,
            -708.0,
            f64::MIN_POSITIVE,
            5e-324,
        ];
        for hx in [HX_HUGE, HX_FAR, HX_NEAR, HX_TINY] {
            for d in [-2i64, -1, 0, 1, 2] {
                for lo in [0u32, 1, 0x7fff_ffff, 0xffff_ffff] {
                    for negative in [false, true] {
                        xs.push(with_high_word((hx as i64 + d) as u32, lo, negative));
                    }
                }
            }
        }
        // Where k changes: x = (n + ½)·ln2 and its neighbours.
        for n in -1030i32..1030 {
            let x = (n as f64 + 0.5) * std::f64::consts::LN_2;
            xs.extend([
                x,
                f64::from_bits(x.to_bits() + 1),
                f64::from_bits(x.to_bits() - 1),
            ]);
        }
        assert_same_as_libm(&xs);
    }

    #[test]
    fn millions_of_arguments_match_libm() {
        // A xorshift stream over the range that sigmoid and softmax see and
        // beyond, and over raw bit patterns.
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let mut xs = Vec::with_capacity(1 << 21);
        for _ in 0..1 << 20 {
            let u = (next() >> 11) as f64 / (1u64 << 53) as f64;
            xs.push(u * 80.0 - 40.0);
            xs.push(f64::from_bits(next()));
        }
        assert_same_as_libm(&xs);
        let mut in_place = xs.clone();
        exp_in_place(&mut in_place[3..]);
        for (x, e) in xs[3..].iter().zip(&in_place[3..]) {
            assert!(e.to_bits() == libm::exp(*x).to_bits() || e.is_nan());
        }
    }

    #[test]
    fn sigmoid_in_place_is_the_scalar_sigmoid() {
        let mut a: Vec<f64> = (-40..=40).map(|i| i as f64 * 0.37).collect();
        let want: Vec<f64> = a.iter().map(|&v| sigmoid(v)).collect();
        sigmoid_in_place(&mut a);
        assert_eq!(a, want);
        assert_eq!(sigmoid(0.0), 0.5);
    }
}
