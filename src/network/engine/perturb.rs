//! The batch loss with one parameter moved by ±h, recomputed only where
//! the move reaches, eight evaluations at a time.
//!
//! The unperturbed forward values of every sample are kept ([`Base`]).
//! Moving W1[i, j] by δ changes, in each sample n whose pixel i is nonzero
//! (value xₙ), only a1ₙⱼ ← a1ₙⱼ + xₙ·δ, hence z1ₙⱼ, hence the whole row
//! a2ₙ ← a2ₙ + (z1′ₙⱼ − z1ₙⱼ)·W2[j, :]; moving b1[j] does the same in every
//! sample with x = 1. Moving W2[j, k] changes a2ₙₖ ← a2ₙₖ + z1ₙⱼ·δ in every
//! sample, moving b2[k] a2ₙₖ ← a2ₙₖ + δ. Each changed sample's loss term
//! ln(yₙ,ₜₙ + δ) is recomputed from its new a2 row by the book's softmax;
//! the other samples keep theirs. The loss is then the book's mean of all
//! N terms, summed in numpy's order.
//!
//! δ is the move that the book's `x[idx] = tmp_val + h` really makes,
//! fl(θ + h) − θ (exact in doubles), and the gradient is
//! (f(θ + h) − f(θ − h)) / 2h as `numerical_gradient` divides it.

use super::exp::exp_lanes;
use super::forward::ForwardValues;
use super::layout::{flat, PaddedParams, OUTPUT_CHUNKS};
use super::log::log_lanes;
use crate::network::CLASSES;
use crate::numerics::loss::DELTA;
use crate::numerics::sum::numpy_sum;
use crate::numerics::H;

/// Evaluations computed together: one vector register of AVX-512, two of
/// AVX2.
pub const LANES: usize = 8;

/// The unperturbed forward values of a batch, laid out for gathering one
/// hidden unit's values across samples.
#[derive(Debug, Clone)]
pub struct Base {
    /// Samples in the batch (N).
    pub n: usize,
    /// The label of each sample.
    pub labels: Vec<usize>,
    /// a1, one row of N per hidden unit.
    pub a1: Vec<f64>,
    /// z1 = sigmoid(a1), one row of N per hidden unit.
    pub z1: Vec<f64>,
    /// a2 of each sample.
    pub a2: Vec<[f64; CLASSES]>,
    /// ln(yₙ,ₜₙ + δ) of each sample: the terms of the unperturbed loss.
    pub terms: Vec<f64>,
    /// The rows of W2.
    pub w2: Vec<[f64; CLASSES]>,
}

impl Base {
    /// The values of `fwd`, a forward pass of `params` over a batch with
    /// `labels`.
    pub fn new(params: &PaddedParams, fwd: &ForwardValues, labels: Vec<usize>) -> Self {
        let (n, hidden, stride) = (labels.len(), params.hidden, params.chunks * 8);
        let (a1, z1) = (flat(&fwd.a1), flat(&fwd.z1));
        let by_unit = |v: &[f64]| {
            let mut t = vec![0.0; hidden * n];
            for s in 0..n {
                for j in 0..hidden {
                    t[j * n + s] = v[s * stride + j];
                }
            }
            t
        };
        let w2 = flat(&params.w2);
        Base {
            n,
            a1: by_unit(a1),
            z1: by_unit(z1),
            a2: (0..n)
                .map(|s| {
                    flat(&fwd.a2)[s * OUTPUT_CHUNKS * 8..][..CLASSES]
                        .try_into()
                        .unwrap()
                })
                .collect(),
            terms: (0..n)
                .map(|s| libm::log(fwd.y(s)[labels[s]] + DELTA))
                .collect(),
            w2: (0..hidden)
                .map(|j| w2[j * OUTPUT_CHUNKS * 8..][..CLASSES].try_into().unwrap())
                .collect(),
            labels,
        }
    }
}

/// The evaluations of one parameter row, eight lanes at a time: each of
/// the samples it changes twice, for +h (the first half) and −h.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    /// Samples changed (m); lanes 0..m move by +h, m..2m by −h, the rest
    /// pad to a multiple of [`LANES`].
    m: usize,
    samples: Vec<usize>,
    x: Vec<f64>,
    plus: Vec<bool>,
    labels: Vec<[usize; LANES]>,
    /// a2 of each lane's sample, class by class, per group of lanes.
    a2: Vec<[[f64; LANES]; CLASSES]>,
    /// The loss term of each lane.
    terms: Vec<f64>,
    /// N terms, to be summed.
    all: Vec<f64>,
}

impl Scratch {
    /// Lanes for the samples `changed` with their inputs x.
    pub fn load(&mut self, base: &Base, changed: impl Iterator<Item = (usize, f64)> + Clone) {
        self.samples.clear();
        self.x.clear();
        self.plus.clear();
        for plus in [true, false] {
            for (s, x) in changed.clone() {
                self.samples.push(s);
                self.x.push(x);
                self.plus.push(plus);
            }
        }
        self.m = self.samples.len() / 2;
        while !self.samples.len().is_multiple_of(LANES) {
            self.samples
                .push(self.samples.first().copied().unwrap_or(0));
            self.x.push(0.0);
            self.plus.push(true);
        }
        let groups = self.samples.len() / LANES;
        self.labels.clear();
        self.a2.clear();
        for g in 0..groups {
            let lanes = &self.samples[g * LANES..][..LANES];
            let mut labels = [0; LANES];
            let mut a2 = [[0.0; LANES]; CLASSES];
            for (l, &sample) in lanes.iter().enumerate() {
                labels[l] = base.labels[sample];
                for (k, a2) in a2.iter_mut().enumerate() {
                    a2[l] = base.a2[sample][k];
                }
            }
            self.labels.push(labels);
            self.a2.push(a2);
        }
        self.terms.resize(self.samples.len(), 0.0);
    }

    /// Samples changed.
    pub fn changed(&self) -> usize {
        self.m
    }

    /// (f(θ + h) − f(θ − h)) / 2h from the lanes' terms, each f the mean
    /// over all N samples (the unchanged ones' terms from `base`).
    fn difference(&mut self, base: &Base) -> f64 {
        let m = self.m;
        let mut f = [0.0; 2];
        for (half, f) in f.iter_mut().enumerate() {
            self.all.clear();
            self.all.extend_from_slice(&base.terms);
            for (&s, &t) in self.samples[..m].iter().zip(&self.terms[half * m..][..m]) {
                self.all[s] = t;
            }
            *f = -numpy_sum(&self.all) / base.n as f64;
        }
        (f[0] - f[1]) / (2.0 * H)
    }
}

/// fl(θ ± h) − θ: the moves the book's `x[idx] = tmp_val ± h` makes.
#[inline(always)]
fn moves(theta: f64) -> (f64, f64) {
    ((theta + H) - theta, (theta - H) - theta)
}

/// ln(y_t + δ) of eight rows a2 + step·d: the book's softmax (the maximum
/// subtracted, the ten exponentials summed in numpy's order, each divided
/// by the sum) and cross-entropy term.
#[inline(always)]
fn terms8(
    a2: &[[f64; LANES]; CLASSES],
    step: [f64; LANES],
    d: &[f64; CLASSES],
    labels: &[usize; LANES],
) -> [f64; LANES] {
    let mut v = [[0.0; LANES]; CLASSES];
    let mut max = [f64::NEG_INFINITY; LANES];
    for k in 0..CLASSES {
        for l in 0..LANES {
            v[k][l] = a2[k][l] + step[l] * d[k];
            max[l] = max[l].max(v[k][l]);
        }
    }
    // (std::array::from_fn is not inlined into the vector versions; loops are.)
    let mut e = [[0.0; LANES]; CLASSES];
    for k in 0..CLASSES {
        let mut x = [0.0; LANES];
        for l in 0..LANES {
            x[l] = v[k][l] - max[l];
        }
        e[k] = exp_lanes(x);
    }
    let mut y = [0.0; LANES];
    for l in 0..LANES {
        let sum = ((e[0][l] + e[1][l]) + (e[2][l] + e[3][l]))
            + ((e[4][l] + e[5][l]) + (e[6][l] + e[7][l]))
            + e[8][l]
            + e[9][l];
        let mut et = 0.0;
        for (k, e) in e.iter().enumerate() {
            if labels[l] == k {
                et = e[l];
            }
        }
        y[l] = et / sum + DELTA;
    }
    log_lanes(y)
}

/// The gradient of the first-layer row `row` (W1[i, :] with the lanes of
/// pixel i loaded, or b1 with every sample at x = 1): for each hidden unit
/// j, a1′ = a1 + x·δ, z1′ = 1 / (1 + exp(−a1′)), a2′ = a2 + (z1′ − z1)·W2[j, :].
#[inline(always)]
pub fn first_layer(base: &Base, row: &[f64], s: &mut Scratch, out: &mut [f64]) {
    let n = base.n;
    for (j, (&theta, out)) in row.iter().zip(out).enumerate() {
        let (up, down) = moves(theta);
        let (a1, z1) = (&base.a1[j * n..][..n], &base.z1[j * n..][..n]);
        for g in 0..s.a2.len() {
            let lanes = g * LANES..(g + 1) * LANES;
            let (samples, x, plus) = (
                &s.samples[lanes.clone()],
                &s.x[lanes.clone()],
                &s.plus[lanes.clone()],
            );
            let mut minus_a1 = [0.0; LANES];
            for l in 0..LANES {
                minus_a1[l] = -(a1[samples[l]] + x[l] * if plus[l] { up } else { down });
            }
            let e = exp_lanes(minus_a1);
            let mut dz = [0.0; LANES];
            for l in 0..LANES {
                dz[l] = 1.0 / (1.0 + e[l]) - z1[samples[l]];
            }
            let t = terms8(&s.a2[g], dz, &base.w2[j], &s.labels[g]);
            s.terms[lanes].copy_from_slice(&t);
        }
        *out = s.difference(base);
    }
}

/// The gradient of the second-layer row `row` (W2[j, :] with
/// `multiplier` = z1 of unit j, or b2 with `multiplier` = 1), with the
/// lanes of every sample loaded: a2′ₖ = a2ₖ + multiplier·δ.
#[inline(always)]
pub fn second_layer(
    base: &Base,
    row: &[f64],
    multiplier: impl Fn(usize) -> f64,
    s: &mut Scratch,
    out: &mut [f64],
) {
    for (k, (&theta, out)) in row.iter().zip(out).enumerate() {
        let (up, down) = moves(theta);
        let mut d = [0.0; CLASSES];
        d[k] = 1.0;
        for g in 0..s.a2.len() {
            let lanes = g * LANES..(g + 1) * LANES;
            let (samples, plus) = (&s.samples[lanes.clone()], &s.plus[lanes.clone()]);
            let mut step = [0.0; LANES];
            for l in 0..LANES {
                step[l] = multiplier(samples[l]) * if plus[l] { up } else { down };
            }
            let t = terms8(&s.a2[g], step, &d, &s.labels[g]);
            s.terms[lanes].copy_from_slice(&t);
        }
        *out = s.difference(base);
    }
}
