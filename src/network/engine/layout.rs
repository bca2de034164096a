//! The network's parameters laid out for the vector kernels: every row of
//! hidden-unit values padded to a multiple of eight lanes and aligned to a
//! cache line, the ten outputs padded to sixteen.
//!
//! The padding lanes hold zeros and stay zero through training (their
//! gradient is exactly zero), so they never change a real value.

use crate::network::TwoLayerNet;
use crate::network::CLASSES;
use ndarray::{Array1, Array2};

/// Eight doubles, aligned to a 64-byte cache line: one AVX-512 register,
/// two AVX2 ones.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[repr(C, align(64))]
pub struct Lanes(pub [f64; 8]);

/// [`Lanes`] per row of output values (a2, y, dy, a row of W2): the ten
/// classes padded to sixteen.
pub const OUTPUT_CHUNKS: usize = 2;

/// The same values as a flat slice of doubles.
pub fn flat(lanes: &[Lanes]) -> &[f64] {
    // SAFETY: `Lanes` is `repr(C)` around `[f64; 8]`, 64 bytes with no
    // padding (its alignment equals its size), so n of them are 8n doubles.
    unsafe { std::slice::from_raw_parts(lanes.as_ptr().cast::<f64>(), lanes.len() * 8) }
}

/// The same values as a flat mutable slice of doubles.
pub fn flat_mut(lanes: &mut [Lanes]) -> &mut [f64] {
    // SAFETY: as in `flat`.
    unsafe { std::slice::from_raw_parts_mut(lanes.as_mut_ptr().cast::<f64>(), lanes.len() * 8) }
}

/// W1, b1, W2, b2 of a network with ten outputs, padded.
#[derive(Debug, Clone, PartialEq)]
pub struct PaddedParams {
    /// Pixels per image.
    pub input: usize,
    /// Hidden units.
    pub hidden: usize,
    /// [`Lanes`] per row of hidden values (a1, z1, dz1, a row of W1):
    /// ⌈hidden / 8⌉.
    pub chunks: usize,
    /// W1, `input` rows of `chunks` lanes.
    pub w1: Vec<Lanes>,
    /// b1, `chunks` lanes.
    pub b1: Vec<Lanes>,
    /// W2, `hidden` rows of [`OUTPUT_CHUNKS`] lanes.
    pub w2: Vec<Lanes>,
    /// W2 transposed, [`CLASSES`] rows of `chunks` lanes (for dy·W2ᵀ).
    pub w2t: Vec<Lanes>,
    /// b2, [`OUTPUT_CHUNKS`] lanes.
    pub b2: Vec<Lanes>,
}

impl PaddedParams {
    /// The parameters of `net`, which must have ten outputs.
    pub fn new(net: &TwoLayerNet) -> Self {
        let (input, hidden, output) = net.sizes();
        assert_eq!(output, CLASSES, "the network must have {CLASSES} outputs");
        let chunks = hidden.div_ceil(8);
        let mut params = PaddedParams {
            input,
            hidden,
            chunks,
            w1: vec![Lanes::default(); input * chunks],
            b1: vec![Lanes::default(); chunks],
            w2: vec![Lanes::default(); hidden * OUTPUT_CHUNKS],
            w2t: vec![Lanes::default(); CLASSES * chunks],
            b2: vec![Lanes::default(); OUTPUT_CHUNKS],
        };
        for ((i, j), &v) in net.w1.indexed_iter() {
            params.w1[i * chunks + j / 8].0[j % 8] = v;
        }
        for (j, &v) in net.b1.iter().enumerate() {
            params.b1[j / 8].0[j % 8] = v;
        }
        for ((j, k), &v) in net.w2.indexed_iter() {
            params.w2[j * OUTPUT_CHUNKS + k / 8].0[k % 8] = v;
        }
        for (k, &v) in net.b2.iter().enumerate() {
            params.b2[k / 8].0[k % 8] = v;
        }
        params.transpose_w2();
        params
    }

    /// Refreshes `w2t` from `w2`.
    pub fn transpose_w2(&mut self) {
        for j in 0..self.hidden {
            for k in 0..CLASSES {
                self.w2t[k * self.chunks + j / 8].0[j % 8] =
                    self.w2[j * OUTPUT_CHUNKS + k / 8].0[k % 8];
            }
        }
    }

    /// The same parameters as a [`TwoLayerNet`].
    pub fn net(&self) -> TwoLayerNet {
        let (c, h) = (self.chunks, self.hidden);
        TwoLayerNet {
            w1: Array2::from_shape_fn((self.input, h), |(i, j)| self.w1[i * c + j / 8].0[j % 8]),
            b1: Array1::from_shape_fn(h, |j| self.b1[j / 8].0[j % 8]),
            w2: Array2::from_shape_fn((h, CLASSES), |(j, k)| {
                self.w2[j * OUTPUT_CHUNKS + k / 8].0[k % 8]
            }),
            b2: Array1::from_shape_fn(CLASSES, |k| self.b2[k / 8].0[k % 8]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerics::RandomState;

    #[test]
    fn the_layout_round_trips_and_pads_with_zeros() {
        let mut net = TwoLayerNet::new(5, 11, 10, 1.0, &mut RandomState::new(4));
        net.b1.fill(0.5);
        net.b2.fill(-0.25);
        let params = PaddedParams::new(&net);
        assert_eq!(params.chunks, 2);
        assert_eq!(params.net(), net);
        assert_eq!(params.w1[1].0[5..], [0.0; 3]);
        assert_eq!(params.b2[1].0[2..], [0.0; 6]);
        assert_eq!(params.w2t[3 * 2 + 1].0[2], net.w2[[10, 3]]);
        assert_eq!(std::mem::align_of::<Lanes>(), 64);
        assert_eq!(flat(&params.b1)[..11], [0.5; 11]);
        assert_eq!(flat(&params.b1)[11..], [0.0; 5]);
    }
}
