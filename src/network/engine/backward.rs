//! The backward pass and the parameter update over a batch, in vector
//! kernels: the book's `TwoLayerNet.gradient` followed by
//! `params[key] -= learning_rate * grad[key]`.
//!
//! dy = (y − t) / N; ∂W2 = z1ᵀ·dy and ∂b2 = Σₙ dy (sums over the samples in
//! order); da1 = dy·W2ᵀ (over the classes in order);
//! dz1 = ((1 − z1)·z1)·da1; ∂b1 = Σₙ dz1; ∂W1 = xᵀ·dz1, row p summed over
//! the samples in which pixel p is nonzero, in order. No sum depends on the
//! vector width or on how work is split.

use super::forward::{accumulate, with_block, BLOCK};
use super::layout::{flat, flat_mut, Lanes, PaddedParams, OUTPUT_CHUNKS};
use super::simd::multiversion;
use super::sparse::{BatchColumns, PixelLists};
use crate::network::CLASSES;

/// The backward pass of a batch: what each sample contributes, and the
/// gradients summed over the samples (∂W1 excepted, which is applied row
/// by row as it is computed).
#[derive(Debug, Clone, Default)]
pub struct Backward {
    /// dy, [`OUTPUT_CHUNKS`] lanes per sample.
    pub dy: Vec<Lanes>,
    /// dz1, [`PaddedParams::chunks`] lanes per sample.
    pub dz1: Vec<Lanes>,
    pub sums: Sums,
}

/// The gradients of the second layer and the biases.
#[derive(Debug, Clone, Default)]
pub struct Sums {
    /// ∂W2, `hidden` rows of [`OUTPUT_CHUNKS`] lanes.
    pub dw2: Vec<Lanes>,
    /// ∂b1.
    pub db1: Vec<Lanes>,
    /// ∂b2.
    pub db2: Vec<Lanes>,
}

impl Backward {
    /// Room for `batch` samples of `params`' network.
    pub fn resize(&mut self, params: &PaddedParams, batch: usize) {
        self.dy.resize(batch * OUTPUT_CHUNKS, Lanes::default());
        self.dz1.resize(batch * params.chunks, Lanes::default());
        self.sums
            .dw2
            .resize(params.hidden * OUTPUT_CHUNKS, Lanes::default());
        self.sums.db1.resize(params.chunks, Lanes::default());
        self.sums.db2.resize(OUTPUT_CHUNKS, Lanes::default());
    }
}

/// dy = (y − t) / N and dz1 of each sample of `y` and `z1` (consecutive
/// samples of a batch of `batch_num`, with their `labels`), into `dy` and
/// `dz1`: what each sample contributes, before any sum over samples.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn dy_and_dz1_generic(
    params: &PaddedParams,
    y: &[Lanes],
    z1: &[Lanes],
    labels: &[usize],
    batch_num: f64,
    dy: &mut [Lanes],
    dz1: &mut [Lanes],
) {
    let (chunks, classes) = (params.chunks, OUTPUT_CHUNKS * 8);
    // dy = (y − t) / N, t one-hot (0 in the padding lanes too).
    let (y, dy_flat) = (flat(y), flat_mut(dy));
    for (s, &label) in labels.iter().enumerate() {
        for k in 0..classes {
            let t = if k == label { 1.0 } else { 0.0 };
            dy_flat[s * classes + k] = (y[s * classes + k] - t) / batch_num;
        }
    }
    for s in 0..labels.len() {
        let dy = &dy[s * OUTPUT_CHUNKS..(s + 1) * OUTPUT_CHUNKS];
        let z1 = &z1[s * chunks..(s + 1) * chunks];
        hidden_error(params, dy, z1, &mut dz1[s * chunks..(s + 1) * chunks]);
    }
}

multiversion! {
    /// dy and dz1 of some samples of a batch of `batch_num` (see [`Backward`]).
    pub fn dy_and_dz1(
        params: &PaddedParams,
        y: &[Lanes],
        z1: &[Lanes],
        labels: &[usize],
        batch_num: f64,
        dy: &mut [Lanes],
        dz1: &mut [Lanes],
    ) = dy_and_dz1_generic;
}

/// ∂W2 = z1ᵀ·dy, ∂b2 = Σₙ dy, ∂b1 = Σₙ dz1 over the samples of `dy`.
#[inline(always)]
fn sums_generic(
    hidden: usize,
    chunks: usize,
    z1: &[Lanes],
    dy: &[Lanes],
    dz1: &[Lanes],
    out: &mut Sums,
) {
    let (classes, n) = (OUTPUT_CHUNKS * 8, dy.len() / OUTPUT_CHUNKS);
    let (width, z1, dy_flat) = (chunks * 8, flat(z1), flat(dy));
    // ∂W2 row j = Σₙ z1ₙⱼ·dyₙ.
    let dw2 = flat_mut(&mut out.dw2);
    for j in 0..hidden {
        let mut acc = [0.0f64; OUTPUT_CHUNKS * 8];
        for s in 0..n {
            accumulate(&mut acc, z1[s * width + j], &dy_flat[s * classes..]);
        }
        dw2[j * classes..(j + 1) * classes].copy_from_slice(&acc);
    }
    sum_rows(dy, OUTPUT_CHUNKS, &mut out.db2);
    sum_rows(dz1, chunks, &mut out.db1);
}

multiversion! {
    /// The sums over the samples of `TwoLayerNet.gradient` but ∂W1, from
    /// the samples' dy and dz1 and the forward pass's z1 (`chunks` lanes
    /// per sample, of which `hidden` are units).
    pub fn sums(
        hidden: usize,
        chunks: usize,
        z1: &[Lanes],
        dy: &[Lanes],
        dz1: &[Lanes],
        out: &mut Sums,
    ) = sums_generic;
}

/// dz1 = ((1 − z1)·z1)·da1 of one sample, with da1 = dy·W2ᵀ summed over
/// the classes in order.
#[inline(always)]
fn hidden_error(params: &PaddedParams, dy: &[Lanes], z1: &[Lanes], dz1: &mut [Lanes]) {
    let chunks = params.chunks;
    let (dy, z1, dz1, w2t) = (flat(dy), flat(z1), flat_mut(dz1), flat(&params.w2t));
    let mut col = 0;
    while col < chunks {
        let n = (chunks - col).min(BLOCK);
        with_block!(n, L => {
            let mut da1 = [0.0f64; L];
            for (k, &d) in dy[..CLASSES].iter().enumerate() {
                accumulate(&mut da1, d, &w2t[(k * chunks + col) * 8..]);
            }
            let (z, out) = (&z1[col * 8..][..L], &mut dz1[col * 8..][..L]);
            for ((o, &z), a) in out.iter_mut().zip(z).zip(da1) {
                *o = ((1.0 - z) * z) * a;
            }
        });
        col += n;
    }
}

/// out = Σₙ rows[n], `width` lanes per row, the rows added in order from 0.
#[inline(always)]
fn sum_rows(rows: &[Lanes], width: usize, out: &mut [Lanes]) {
    let out = flat_mut(out);
    out.fill(0.0);
    for row in flat(rows).chunks_exact(width * 8) {
        for (o, r) in out.iter_mut().zip(row) {
            *o += r;
        }
    }
}

/// p − lr·g for every lane.
#[inline(always)]
fn descend(param: &mut [Lanes], grad: &[Lanes], learning_rate: f64) {
    for (p, g) in flat_mut(param).iter_mut().zip(flat(grad)) {
        *p -= learning_rate * g;
    }
}

/// For each pixel of a batch, the samples in which it is nonzero and its
/// byte there, in sample order: what ∂W1's row for the pixel sums over.
pub trait PixelSamples {
    /// Calls `f(sample, byte)` for each sample with pixel `p` nonzero, in
    /// increasing sample order.
    fn each(&self, p: usize, f: impl FnMut(usize, u8));
    /// Whether pixel `p` is nonzero in some sample.
    fn any(&self, p: usize) -> bool;
}

impl PixelSamples for BatchColumns {
    #[inline(always)]
    fn each(&self, p: usize, mut f: impl FnMut(usize, u8)) {
        let (samples, values) = self.pixel(p);
        for (&s, &v) in samples.iter().zip(values) {
            f(s as usize, v);
        }
    }
    #[inline(always)]
    fn any(&self, p: usize) -> bool {
        !self.pixel(p).0.is_empty()
    }
}

/// The lists of consecutive parts of a batch, in order.
impl PixelSamples for [PixelLists] {
    #[inline(always)]
    fn each(&self, p: usize, mut f: impl FnMut(usize, u8)) {
        let mut offset = 0;
        for lists in self {
            for (s, v) in lists.pixel(p) {
                f(offset + s, v);
            }
            offset += lists.samples();
        }
    }
    #[inline(always)]
    fn any(&self, p: usize) -> bool {
        self.iter().any(|lists| lists.count(p) > 0)
    }
}

/// W1 −= lr·∂W1 for the rows of `pixels` (`w1` starts at the first), with
/// ∂W1 row p = Σ x·dz1 over `samples`' list for p, in order.
#[inline(always)]
fn descend_rows<S: PixelSamples + ?Sized>(
    w1: &mut [Lanes],
    pixels: std::ops::Range<usize>,
    chunks: usize,
    dz1: &[Lanes],
    samples: &S,
    table: &[f64; 256],
    learning_rate: f64,
) {
    let (w1, dz1) = (flat_mut(w1), flat(dz1));
    let stride = chunks * 8;
    for (row, p) in pixels.enumerate() {
        if !samples.any(p) {
            // ∂W1 row p is 0 and W1 − lr·0 is W1.
            continue;
        }
        let mut col = 0;
        while col < chunks {
            let n = (chunks - col).min(BLOCK);
            with_block!(n, L => {
                let mut acc = [0.0f64; L];
                samples.each(p, |s, v| {
                    accumulate(&mut acc, table[v as usize], &dz1[s * stride + col * 8..]);
                });
                for (w, a) in w1[row * stride + col * 8..][..L].iter_mut().zip(acc) {
                    *w -= learning_rate * a;
                }
            });
            col += n;
        }
    }
}

#[inline(always)]
fn descend_w1_generic(
    w1: &mut [Lanes],
    chunks: usize,
    dz1: &[Lanes],
    columns: &BatchColumns,
    table: &[f64; 256],
    learning_rate: f64,
) {
    descend_rows(
        w1,
        columns.range(),
        chunks,
        dz1,
        columns,
        table,
        learning_rate,
    );
}

multiversion! {
    /// W1 −= lr·∂W1 for the rows of the pixels `columns` holds (`w1`
    /// starts at the first of them), with ∂W1 = xᵀ·dz1 summed from
    /// `columns` and `dz1`.
    pub fn descend_w1(
        w1: &mut [Lanes],
        chunks: usize,
        dz1: &[Lanes],
        columns: &BatchColumns,
        table: &[f64; 256],
        learning_rate: f64,
    ) = descend_w1_generic;
}

#[inline(always)]
fn descend_w1_lists_generic(
    w1: &mut [Lanes],
    pixels: std::ops::Range<usize>,
    chunks: usize,
    dz1: &[Lanes],
    lists: &[PixelLists],
    table: &[f64; 256],
    learning_rate: f64,
) {
    descend_rows(w1, pixels, chunks, dz1, lists, table, learning_rate);
}

multiversion! {
    /// [`descend_w1`] for the rows of `pixels`, from the lists that the
    /// consecutive parts of the batch recorded.
    pub fn descend_w1_lists(
        w1: &mut [Lanes],
        pixels: std::ops::Range<usize>,
        chunks: usize,
        dz1: &[Lanes],
        lists: &[PixelLists],
        table: &[f64; 256],
        learning_rate: f64,
    ) = descend_w1_lists_generic;
}

/// b1 −= lr·∂b1, W2 −= lr·∂W2, b2 −= lr·∂b2 (and W2ᵀ refreshed): every
/// parameter but W1.
pub fn descend_others(
    params_b1: &mut [Lanes],
    w2: &mut [Lanes],
    b2: &mut [Lanes],
    grad: &Sums,
    learning_rate: f64,
) {
    descend(params_b1, &grad.db1, learning_rate);
    descend(w2, &grad.dw2, learning_rate);
    descend(b2, &grad.db2, learning_rate);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::engine::simd::Level;
    use crate::network::engine::sparse::{input_table, SparseImages};
    use crate::network::engine::threads::Team;
    use crate::network::synthetic;

    #[test]
    fn the_lists_and_the_columns_give_w1_the_same_bits() {
        let images = SparseImages::new(&synthetic(300, 0), &Team::new(2).unwrap()).unwrap();
        let (chunks, input) = (7, images.pixels());
        let batch: Vec<usize> = (0..150).map(|i| (i * 37) % 300).collect();
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        let dz1: Vec<Lanes> = (0..batch.len() * chunks)
            .map(|_| Lanes(std::array::from_fn(|_| next())))
            .collect();
        let w1: Vec<Lanes> = (0..input * chunks)
            .map(|_| Lanes(std::array::from_fn(|_| next())))
            .collect();
        let table = input_table();
        let level = Level::detect();
        let mid = 300;
        let mut columns = BatchColumns::default();
        let mut by_columns = w1.clone();
        let (low, high) = by_columns.split_at_mut(mid * chunks);
        columns.fill(&images, &batch, 0..mid);
        descend_w1(level, low, chunks, &dz1, &columns, &table, 0.1);
        columns.fill(&images, &batch, mid..input);
        descend_w1(level, high, chunks, &dz1, &columns, &table, 0.1);

        let mut lists = vec![PixelLists::default(); 3];
        lists[0].record(&images, &batch[..75]);
        lists[1].record(&images, &batch[75..100]);
        lists[2].record(&images, &batch[100..]);
        let mut by_lists = w1.clone();
        let (low, high) = by_lists.split_at_mut(mid * chunks);
        descend_w1_lists(level, low, 0..mid, chunks, &dz1, &lists, &table, 0.1);
        descend_w1_lists(level, high, mid..input, chunks, &dz1, &lists, &table, 0.1);

        assert_ne!(by_columns, w1);
        let bits = |w: &[Lanes]| flat(w).iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&by_lists), bits(&by_columns));
    }
}
