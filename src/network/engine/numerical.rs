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
