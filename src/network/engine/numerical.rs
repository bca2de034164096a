//! The book's `TwoLayerNet.numerical_gradient`, fast: the same central
//! differences (θ ± h, h = 1e-4) of the same batch losses as
//! [`network::numerical_gradient`](crate::network::numerical_gradient),
//! but each loss is evaluated from the unperturbed forward values,
//! recomputing only the samples and values a parameter reaches
//! ([`perturb`](super::perturb)): a W1 weight of a pixel that is zero in
//! every image of the batch changes nothing, and its gradient is exactly 0,
//! as in the book. The parameters are split between threads in fixed,
//! contiguous ranges; each gradient is computed by one thread alone, so the
//! result does not depend on the number of threads.

use super::forward::{self, ForwardValues};
use super::layout::{flat, PaddedParams, OUTPUT_CHUNKS};
use super::perturb::{first_layer, second_layer, Base, Scratch};
use super::simd::{multiversion, Level};
use super::sparse::{input_table, BatchColumns, SparseImages};
use super::threads::{balanced_bounds, split_by, Team};
use crate::network::{Gradients, CLASSES};
use crate::threads::Panicked;
use ndarray::{Array1, Array2};
use std::ops::Range;

/// The numerical gradient of the network `params` on the images `batch`
/// of `images`, on the threads of `team`, with the kernels compiled for
/// `level`.
pub fn numerical_gradient(
    level: Level,
    params: &PaddedParams,
    images: &SparseImages,
    batch: &[usize],
    team: &Team,
) -> Result<Gradients, Panicked> {
    let g = numerical_gradient_flat(level, params, images, batch, team)?;
    let (input, hidden) = (params.input, params.hidden);
    let (w1, rest) = g.split_at(input * hidden);
    let (b1, rest) = rest.split_at(hidden);
    let (w2, b2) = rest.split_at(hidden * CLASSES);
    Ok(Gradients {
        w1: Array2::from_shape_vec((input, hidden), w1.to_vec()).expect("input × hidden"),
        b1: Array1::from(b1.to_vec()),
        w2: Array2::from_shape_vec((hidden, CLASSES), w2.to_vec()).expect("hidden × 10"),
        b2: Array1::from(b2.to_vec()),
    })
}

/// The same gradient as one vector: W1 row by row, b1, W2 row by row, b2.
pub fn numerical_gradient_flat(
    level: Level,
    params: &PaddedParams,
    images: &SparseImages,
    batch: &[usize],
    team: &Team,
) -> Result<Vec<f64>, Panicked> {
    let table = input_table();
    let mut fwd = ForwardValues::default();
    fwd.resize(params, batch.len());
    forward::forward(level, params, images, batch, &table, fwd.rows());
    let labels = batch.iter().map(|&i| images.label(i)).collect();
    let base = Base::new(params, &fwd, labels);
    let mut columns = BatchColumns::default();
    columns.fill(images, batch, 0..params.input);
    let units = Units::new(params);

    let mut grad = vec![0.0; units.len_out()];
    // Contiguous runs of units of about equal cost, one per thread.
    let bounds = balanced_bounds(units.len(), team.threads(), 0, |u| {
        units.cost(u, &columns, base.n)
    });
    let offsets: Vec<usize> = bounds.iter().map(|&u| units.offset(u)).collect();
    let jobs: Vec<_> = bounds
        .windows(2)
        .map(|b| b[0]..b[1])
        .zip(split_by(&mut grad, &offsets))
        .collect();
    let (base, columns, units) = (&base, &columns, &units);
    team.each(jobs, |(range, out)| {
        gradient_units(level, base, params, columns, &table, units, range, out)
    })?;
    Ok(grad)
}

/// The parameter rows in the order of the gradient vector: one unit per
/// pixel (a row of W1), then b1, then one per row of W2, then b2.
#[derive(Debug, Clone, Copy)]
struct Units {
    input: usize,
    hidden: usize,
}

/// What one unit is.
enum Unit {
    Pixel(usize),
    B1,
    W2(usize),
    B2,
}

impl Units {
    fn new(params: &PaddedParams) -> Self {
        Units {
            input: params.input,
            hidden: params.hidden,
        }
    }

    fn len(&self) -> usize {
        self.input + 1 + self.hidden + 1
    }

    fn unit(&self, u: usize) -> Unit {
        let (i, h) = (self.input, self.hidden);
        match u {
            u if u < i => Unit::Pixel(u),
            u if u == i => Unit::B1,
            u if u <= i + h => Unit::W2(u - i - 1),
            _ => Unit::B2,
        }
    }

    /// Where unit `u`'s gradients start in the vector (`len()`: its length).
    fn offset(&self, u: usize) -> usize {
        let (i, h) = (self.input, self.hidden);
        match u {
            u if u <= i => u * h,
            u if u <= i + 1 + h => i * h + h + (u - i - 1) * CLASSES,
            _ => i * h + h + h * CLASSES + CLASSES,
        }
    }

    fn len_out(&self) -> usize {
        self.offset(self.len())
    }

    /// About how many loss evaluations unit `u` takes.
    fn cost(&self, u: usize, columns: &BatchColumns, n: usize) -> usize {
        match self.unit(u) {
            Unit::Pixel(i) => 1 + self.hidden * columns.pixel(i).0.len(),
            Unit::B1 => self.hidden * n,
            Unit::W2(_) | Unit::B2 => CLASSES * n,
        }
    }
}

#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn gradient_units_generic(
    base: &Base,
    params: &PaddedParams,
    columns: &BatchColumns,
    table: &[f64; 256],
    units: &Units,
    range: Range<usize>,
    out: &mut [f64],
) {
    let (hidden, stride, n) = (params.hidden, params.chunks * 8, base.n);
    let (w1, b1, w2, b2) = (
        flat(&params.w1),
        flat(&params.b1),
        flat(&params.w2),
        flat(&params.b2),
    );
    let mut lanes = Scratch::default();
    let mut every = Scratch::default();
    let all = || (0..n).map(|s| (s, 1.0));
    let start = units.offset(range.start);
    for u in range {
        let out = &mut out[units.offset(u) - start..units.offset(u + 1) - start];
        match units.unit(u) {
            Unit::Pixel(i) => {
                let (samples, bytes) = columns.pixel(i);
                if samples.is_empty() {
                    // x = 0 in every sample: θ ± h changes no sum, f(θ + h)
                    // = f(θ − h) exactly.
                    out.fill(0.0);
                    continue;
                }
                let changed = samples
                    .iter()
                    .zip(bytes)
                    .map(|(&s, &b)| (s as usize, table[b as usize]));
                lanes.load(base, changed);
                first_layer(base, &w1[i * stride..][..hidden], &mut lanes, out);
            }
            Unit::B1 => {
                every.load(base, all());
                first_layer(base, &b1[..hidden], &mut every, out);
            }
            Unit::W2(j) => {
                if every.changed() != n {
                    every.load(base, all());
                }
                let z1 = &base.z1[j * n..][..n];
                second_layer(
                    base,
                    &w2[j * OUTPUT_CHUNKS * 8..][..CLASSES],
                    |s| z1[s],
                    &mut every,
                    out,
                );
            }
            Unit::B2 => {
                if every.changed() != n {
                    every.load(base, all());
                }
                second_layer(base, &b2[..CLASSES], |_| 1.0, &mut every, out);
            }
        }
    }
}

multiversion! {
    /// The gradients of the units `range`, into `out` (their part of the
    /// gradient vector).
    #[allow(clippy::too_many_arguments)]
    fn gradient_units(
        base: &Base,
        params: &PaddedParams,
        columns: &BatchColumns,
        table: &[f64; 256],
        units: &Units,
        range: Range<usize>,
        out: &mut [f64],
    ) = gradient_units_generic;
}

#[cfg(test)]
mod tests {
    //! The fast numerical gradient against the book's full-forward one
    //! (within 1e-10 on every parameter), against backprop (within 1e-6),
    //! and against itself on other thread counts and instruction sets.

    use super::*;
    use crate::network::{gradient, inputs, labels, one_hot, Dataset, TwoLayerNet};
    use crate::numerics::RandomState;

    /// Images from [`noise_bytes`](crate::network::synthetic::noise_bytes).
    fn synthetic(count: usize, rows: usize, cols: usize, seed: u64) -> Dataset {
        let (images, labels) = crate::network::synthetic::noise_bytes(count, rows, cols, seed);
        Dataset::new(images, labels, rows, cols).unwrap()
    }

    /// W1, b1, W2, b2 one after the other.
    fn all(g: &Gradients) -> Vec<f64> {
        let mut v = g.w1.iter().copied().collect::<Vec<_>>();
        v.extend(g.b1.iter().chain(&g.w2).chain(&g.b2));
        v
    }

    /// The largest |a − b| of each parameter array (W1, b1, W2, b2).
    fn max_diffs(a: &Gradients, b: &Gradients) -> [f64; 4] {
        let max = |x: ndarray::ArrayViewD<f64>, y: ndarray::ArrayViewD<f64>| {
            x.iter()
                .zip(y.iter())
                .map(|(p, q)| (p - q).abs())
                .fold(0.0, f64::max)
        };
        [
            max(a.w1.view().into_dyn(), b.w1.view().into_dyn()),
            max(a.b1.view().into_dyn(), b.b1.view().into_dyn()),
            max(a.w2.view().into_dyn(), b.w2.view().into_dyn()),
            max(a.b2.view().into_dyn(), b.b2.view().into_dyn()),
        ]
    }

    /// The fast gradient on every thread count and instruction set (all the
    /// same bits), the full-forward one, and backprop, for `net` on `batch`.
    fn three_gradients(net: &TwoLayerNet, data: &Dataset, batch: &[usize]) -> [Gradients; 3] {
        let params = PaddedParams::new(net);
        let team = Team::new(2).unwrap();
        let images = SparseImages::new(data, &team).unwrap();
        let fast = numerical_gradient(Level::detect(), &params, &images, batch, &team).unwrap();
        for level in Level::supported() {
            for threads in [1, 2, 3, 8] {
                let team = Team::new(threads).unwrap();
                let again = numerical_gradient(level, &params, &images, batch, &team).unwrap();
                let bits = |g: &Gradients| all(g).iter().map(|v| v.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&again), bits(&fast), "{} on {threads}", level.name());
            }
        }
        let (x, t) = (inputs(data, batch), labels(data, batch));
        let dense = crate::network::numerical_gradient(net, x.view(), &t);
        let backprop = gradient(net, x.view(), one_hot(&t, 10).view());
        [fast, dense, backprop]
    }

    /// Within 1e-10 of the full-forward gradient, within `tolerance` of backprop.
    fn assert_close(fast: &Gradients, dense: &Gradients, backprop: &Gradients, tolerance: f64) {
        let to_dense = max_diffs(fast, dense);
        assert!(
            to_dense.iter().all(|&d| d <= 1e-10),
            "fast vs full-forward: {to_dense:?}"
        );
        let to_backprop = max_diffs(fast, backprop);
        assert!(
            to_backprop.iter().all(|&d| d <= tolerance),
            "numerical vs backprop: {to_backprop:?}"
        );
    }

    #[test]
    fn fast_equals_full_forward_and_backprop_at_the_book_s_initialization() {
        let data = synthetic(12, 6, 6, 1);
        let net = TwoLayerNet::for_inputs(36, 7, &mut RandomState::new(0));
        // Nine samples, one image twice; 7 hidden units leave padding lanes.
        let batch = [3, 0, 11, 5, 3, 8, 1, 9, 4];
        let [fast, dense, backprop] = three_gradients(&net, &data, &batch);
        assert_close(&fast, &dense, &backprop, 1e-6);
        // Not a vacuous comparison: the gradients are far from zero.
        assert!(fast.b2.iter().any(|g| g.abs() > 0.05), "{:?}", fast.b2);
        assert!(fast.w1.iter().any(|g| g.abs() > 1e-4));
    }

    #[test]
    fn fast_equals_full_forward_and_backprop_on_a_network_far_from_its_start() {
        // Larger weights and nonzero biases: saturated units, confident outputs.
        let data = synthetic(10, 5, 4, 2);
        let mut rng = RandomState::new(3);
        let mut net = TwoLayerNet::new(20, 10, 10, 0.5, &mut rng);
        net.b1 = ndarray::Array1::from(rng.randn(10));
        net.b2 = ndarray::Array1::from(rng.randn(10));
        let batch = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        let [fast, dense, backprop] = three_gradients(&net, &data, &batch);
        // The loss has ln(y + 1e-7) where backprop differentiates ln y: with
        // confident outputs (y of the label near 0.01) the two differ by about
        // 1e-7 / y relative, 1.4e-6 here; the full-forward one agrees all the same.
        assert_close(&fast, &dense, &backprop, 3e-6);
        assert!(fast.w2.iter().any(|g| g.abs() > 0.05));
    }

    #[test]
    fn fast_equals_full_forward_on_mnist_sized_images() {
        let data = synthetic(4, 28, 28, 3);
        let net = TwoLayerNet::for_inputs(784, 5, &mut RandomState::new(0));
        let [fast, dense, backprop] = three_gradients(&net, &data, &[2, 0, 3]);
        assert_close(&fast, &dense, &backprop, 1e-6);
    }

    #[test]
    fn a_pixel_that_is_zero_in_every_sample_has_a_gradient_of_exactly_zero() {
        let mut data = synthetic(5, 3, 3, 4);
        let mut images = data.images().to_vec();
        for image in images.chunks_mut(9) {
            image[4] = 0;
        }
        data = Dataset::new(images, data.labels().to_vec(), 3, 3).unwrap();
        let net = TwoLayerNet::for_inputs(9, 3, &mut RandomState::new(1));
        let [fast, dense, _] = three_gradients(&net, &data, &[0, 1, 2, 3, 4]);
        assert!(fast.w1.row(4).iter().all(|&g| g.to_bits() == 0));
        assert!(dense.w1.row(4).iter().all(|&g| g == 0.0));
    }
}
