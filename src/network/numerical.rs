//! The book's `TwoLayerNet.numerical_gradient` (section 4.5): for every
//! parameter θ of W1, b1, W2, b2, the central difference
//!
//! ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h, h = 1e-4,
//!
//! with L the batch's mean cross-entropy, −Σₙ ln(yₙ,ₜₙ + 1e-7) / N.
//!
//! [`numerical_gradient_dense`] is the book's code as written: two full
//! forward passes per parameter, 79,520 of them for 784–50–10. It is the
//! reference. [`numerical_gradient`] computes the same differences of the
//! same losses, but evaluates each loss from the unperturbed forward
//! values, recomputing only the samples and values a parameter reaches
//! ([`perturb`](super::perturb)): a W1 weight of a pixel that is zero in
//! every image of the batch changes nothing, and its gradient is exactly 0,
//! as in the book. The parameters are split between threads in fixed,
//! contiguous ranges; each gradient is computed by one thread alone, so the
//! result does not depend on the number of threads.

use super::backprop::Gradients;
use super::dataset::CLASSES;
use super::forward::{self, ForwardValues};
use super::params::{flat, Params, OUT};
use super::perturb::{first_layer, second_layer, Base, Scratch};
use super::simd::{multiversion, Level};
use super::sparse::{input_table, BatchColumns, SparseImages};
use super::two_layer_net::TwoLayerNet;
use crate::numerics::{numerical_gradient as numerical_gradient_of, H};
use ndarray::{Array1, Array2, ArrayView2};
use std::ops::Range;

/// The book's `numerical_gradient(x, t)` as written: each parameter moved
/// to θ + h, then θ − h, with the whole loss recomputed each time.
pub fn numerical_gradient_dense(net: &TwoLayerNet, x: ArrayView2<f64>, t: &[usize]) -> Gradients {
    let loss = |edit: &dyn Fn(&mut TwoLayerNet)| {
        let mut moved = net.clone();
        edit(&mut moved);
        moved.loss(x, t)
    };
    Gradients {
        w1: numerical_gradient_of(|w| loss(&|n| n.w1.assign(w)), &net.w1, H),
        b1: numerical_gradient_of(|b| loss(&|n| n.b1.assign(b)), &net.b1, H),
        w2: numerical_gradient_of(|w| loss(&|n| n.w2.assign(w)), &net.w2, H),
        b2: numerical_gradient_of(|b| loss(&|n| n.b2.assign(b)), &net.b2, H),
    }
}

/// The numerical gradient of the network `params` on the images `batch`
/// of `images`, on `threads` threads (at least 1), with the kernels
/// compiled for `level`.
pub fn numerical_gradient(
    level: Level,
    params: &Params,
    images: &SparseImages,
    batch: &[usize],
    threads: usize,
) -> Gradients {
    let g = numerical_gradient_flat(level, params, images, batch, threads);
    let (input, hidden) = (params.input, params.hidden);
    let (w1, rest) = g.split_at(input * hidden);
    let (b1, rest) = rest.split_at(hidden);
    let (w2, b2) = rest.split_at(hidden * CLASSES);
    Gradients {
        w1: Array2::from_shape_vec((input, hidden), w1.to_vec()).expect("input × hidden"),
        b1: Array1::from(b1.to_vec()),
        w2: Array2::from_shape_vec((hidden, CLASSES), w2.to_vec()).expect("hidden × 10"),
        b2: Array1::from(b2.to_vec()),
    }
}

/// The same gradient as one vector: W1 row by row, b1, W2 row by row, b2.
pub fn numerical_gradient_flat(
    level: Level,
    params: &Params,
    images: &SparseImages,
    batch: &[usize],
    threads: usize,
) -> Vec<f64> {
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
    let ranges = units.split(threads.max(1), |u| units.cost(u, &columns, base.n));
    let mut rest = grad.as_mut_slice();
    let mut jobs = Vec::new();
    for range in ranges {
        let len = units.offset(range.end) - units.offset(range.start);
        let (out, tail) = rest.split_at_mut(len);
        rest = tail;
        jobs.push((range, out));
    }
    let (base, columns, units) = (&base, &columns, &units);
    let run = |(range, out): (Range<usize>, &mut [f64])| {
        gradient_units(level, base, params, columns, &table, units, range, out)
    };
    let mut jobs = jobs.into_iter();
    let first = jobs.next();
    std::thread::scope(|scope| {
        for job in jobs {
            scope.spawn(move || run(job));
        }
        if let Some(job) = first {
            run(job);
        }
    });
    grad
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
    fn new(params: &Params) -> Self {
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

    /// `parts` contiguous ranges of units of about equal cost.
    fn split(&self, parts: usize, cost: impl Fn(usize) -> usize) -> Vec<Range<usize>> {
        let costs: Vec<usize> = (0..self.len()).map(cost).collect();
        let total: usize = costs.iter().sum();
        let mut ranges = Vec::with_capacity(parts);
        let (mut start, mut sum, mut u) = (0, 0, 0);
        for p in 1..parts {
            while u < self.len() && sum * parts < total * p {
                sum += costs[u];
                u += 1;
            }
            ranges.push(start..u);
            start = u;
        }
        ranges.push(start..self.len());
        ranges
    }
}

#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn gradient_units_generic(
    base: &Base,
    params: &Params,
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
                    &w2[j * OUT * 8..][..CLASSES],
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
        params: &Params,
        columns: &BatchColumns,
        table: &[f64; 256],
        units: &Units,
        range: Range<usize>,
        out: &mut [f64],
    ) = gradient_units_generic;
}
