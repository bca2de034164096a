//! The forward pass over a batch of sparse images, in vector kernels:
//! a1 = x·W1 + b1, z1 = sigmoid(a1), a2 = z1·W2 + b2, y = softmax(a2),
//! every value kept per sample.
//!
//! Each sum runs in the order of the book's formula: a1ⱼ = (Σₚ xₚ·W1ₚⱼ) + b1ⱼ
//! over increasing pixels p, a2ₖ = (Σⱼ z1ⱼ·W2ⱼₖ) + b2ₖ over increasing j.
//! The lanes hold different hidden units (or classes), never parts of one
//! sum, so the vector width does not change a bit.

use super::exp::{exp8, sigmoid_in_place};
use super::layout::{flat, flat_mut, Lanes, PaddedParams, OUTPUT_CHUNKS};
use super::simd::multiversion;
use super::sparse::SparseImages;
use super::threads::split_by;
use crate::network::CLASSES;
use crate::numerics::functions::argmax;
use crate::numerics::loss::cross_entropy_error_labels;
use ndarray::{s, ArrayView2};

/// Lanes of a1 accumulated in registers at once: 7 × 8 = 56 hidden units,
/// the book's 50 in one pass over the pixels (14 of AVX2's 16 registers).
pub const BLOCK: usize = 7;

/// Runs `$body` with `$l` a constant equal to 8·`$n`, `$n` from 1 to
/// [`BLOCK`]: the lanes of a block of hidden units, known to the compiler
/// so that it keeps the block's sums in registers.
macro_rules! with_block {
    ($n:expr, $l:ident => $body:expr) => {
        match $n {
            1 => {
                const $l: usize = 8;
                $body
            }
            2 => {
                const $l: usize = 16;
                $body
            }
            3 => {
                const $l: usize = 24;
                $body
            }
            4 => {
                const $l: usize = 32;
                $body
            }
            5 => {
                const $l: usize = 40;
                $body
            }
            6 => {
                const $l: usize = 48;
                $body
            }
            _ => {
                const $l: usize = 56;
                $body
            }
        }
    };
}
pub(crate) use with_block;

/// acc += x · row over the first L lanes of `row`: one multiplication and
/// one addition per lane, never fused.
#[inline(always)]
pub fn accumulate<const L: usize>(acc: &mut [f64; L], x: f64, row: &[f64]) {
    let row: &[f64; L] = row[..L].try_into().expect("L lanes");
    // A plain counted loop: vectorized all the same when optimized, and
    // free of iterator calls in the unoptimized test profile.
    let mut l = 0;
    while l < L {
        acc[l] += x * row[l];
        l += 1;
    }
}

/// Every value of a forward pass over a batch, one row per sample: a1 and
/// z1 with [`PaddedParams::chunks`] lanes per sample, a2 and y with [`OUTPUT_CHUNKS`].
#[derive(Debug, Clone, Default)]
pub struct ForwardValues {
    pub a1: Vec<Lanes>,
    pub z1: Vec<Lanes>,
    pub a2: Vec<Lanes>,
    pub y: Vec<Lanes>,
}

impl ForwardValues {
    /// Room for `batch` samples of `params`' network.
    pub fn resize(&mut self, params: &PaddedParams, batch: usize) {
        self.a1.resize(batch * params.chunks, Lanes::default());
        self.z1.resize(batch * params.chunks, Lanes::default());
        self.a2.resize(batch * OUTPUT_CHUNKS, Lanes::default());
        self.y.resize(batch * OUTPUT_CHUNKS, Lanes::default());
    }

    /// y of sample `s`, the ten class probabilities.
    pub fn y(&self, s: usize) -> &[f64] {
        &flat(&self.y[s * OUTPUT_CHUNKS..(s + 1) * OUTPUT_CHUNKS])[..CLASSES]
    }

    /// The book's `loss(x, t)` from these values: the mean cross-entropy
    /// of y against the samples' `labels`.
    pub fn loss(&self, labels: &[usize]) -> f64 {
        let y = ArrayView2::from_shape((labels.len(), OUTPUT_CHUNKS * 8), flat(&self.y))
            .expect("y holds OUTPUT_CHUNKS lanes per sample");
        cross_entropy_error_labels(y.slice(s![.., ..CLASSES]), labels)
    }

    /// All rows, to be filled (perhaps split between threads).
    pub fn rows(&mut self) -> Rows<'_> {
        Rows {
            a1: &mut self.a1,
            z1: &mut self.z1,
            a2: &mut self.a2,
            y: &mut self.y,
        }
    }
}

/// The forward values of consecutive samples, borrowed from a
/// [`ForwardValues`].
#[derive(Debug)]
pub struct Rows<'a> {
    pub a1: &'a mut [Lanes],
    pub z1: &'a mut [Lanes],
    pub a2: &'a mut [Lanes],
    pub y: &'a mut [Lanes],
}

impl<'a> Rows<'a> {
    /// The rows cut at the samples `bounds` (from 0 to all), one part per
    /// run; `chunks` lanes per hidden row.
    pub fn split(self, bounds: &[usize], chunks: usize) -> Vec<Rows<'a>> {
        let scaled = |by: usize| bounds.iter().map(|&b| b * by).collect::<Vec<_>>();
        let (hidden, output) = (scaled(chunks), scaled(OUTPUT_CHUNKS));
        split_by(self.a1, &hidden)
            .into_iter()
            .zip(split_by(self.z1, &hidden))
            .zip(split_by(self.a2, &output))
            .zip(split_by(self.y, &output))
            .map(|(((a1, z1), a2), y)| Rows { a1, z1, a2, y })
            .collect()
    }

    /// The same rows, borrowed again.
    pub fn reborrow(&mut self) -> Rows<'_> {
        Rows {
            a1: &mut *self.a1,
            z1: &mut *self.z1,
            a2: &mut *self.a2,
            y: &mut *self.y,
        }
    }
}

/// Pixels per tile of W1 rows (four image rows): the W1 rows of a tile,
/// 50 KB with the book's 50 hidden units, stay in the fastest caches while
/// every sample of the batch adds its pixels from the tile. Smaller tiles
/// cost more in loop overhead than they save (measured: 16 to 784).
pub const TILE: usize = 112;

/// a1 = x·W1 + b1 for every image of `batch`, into `a1` ([`PaddedParams::chunks`]
/// lanes per sample).
///
/// Tiled: for each run of [`TILE`] pixels, each sample adds its nonzero
/// pixels in the run to its partial sums (held in registers for the run,
/// in `a1` between runs). A sample still adds its pixels in increasing
/// order, from 0, and b1 last, so the sums are those of the plain
/// pixel-by-pixel product; the tiling only keeps the W1 rows in use in the
/// fastest caches instead of fetching 150 rows per image from further out.
#[inline(always)]
fn hidden_inputs(
    params: &PaddedParams,
    images: &SparseImages,
    batch: &[usize],
    table: &[f64; 256],
    a1: &mut [Lanes],
) {
    let chunks = params.chunks;
    let stride = chunks * 8;
    let w1 = flat(&params.w1);
    let b1 = flat(&params.b1);
    let a1 = flat_mut(a1);
    a1.fill(0.0);
    let rows: Vec<(&[u16], &[u8])> = batch.iter().map(|&i| images.image(i)).collect();
    touch(&rows);
    let mut col = 0;
    while col < chunks {
        let n = (chunks - col).min(BLOCK);
        with_block!(n, L => {
            let mut next = vec![0usize; batch.len()];
            for tile_end in (TILE..params.input + TILE).step_by(TILE) {
                for (s, &(pixels, values)) in rows.iter().enumerate() {
                    let mut k = next[s];
                    if k == pixels.len() || pixels[k] as usize >= tile_end {
                        continue;
                    }
                    let out: &mut [f64; L] = (&mut a1[s * stride + col * 8..][..L]).try_into().unwrap();
                    let mut acc = *out;
                    while k < pixels.len() && (pixels[k] as usize) < tile_end {
                        accumulate(&mut acc, table[values[k] as usize], &w1[pixels[k] as usize * stride + col * 8..]);
                        k += 1;
                    }
                    *out = acc;
                    next[s] = k;
                }
            }
            for s in 0..batch.len() {
                let out = &mut a1[s * stride + col * 8..][..L];
                for (o, b) in out.iter_mut().zip(&b1[col * 8..]) {
                    *o += b;
                }
            }
        });
        col += n;
    }
}

/// Reads one byte of every cache line of the images, all independent loads
/// that the processor overlaps, so that the tiled loop, whose loads each
/// decide the next, finds randomly drawn images already in the cache.
#[inline(always)]
fn touch(rows: &[(&[u16], &[u8])]) {
    let mut sum = 0u32;
    for (pixels, values) in rows {
        sum = pixels
            .iter()
            .step_by(32)
            .fold(sum, |s, &p| s.wrapping_add(p as u32));
        sum = values
            .iter()
            .step_by(64)
            .fold(sum, |s, &v| s.wrapping_add(v as u32));
    }
    std::hint::black_box(sum);
}

/// a2 = z1·W2 + b2 of one sample.
#[inline(always)]
fn output_input(params: &PaddedParams, z1: &[Lanes], out: &mut [Lanes]) {
    let (z1, w2) = (flat(z1), flat(&params.w2));
    let mut acc = [0.0f64; OUTPUT_CHUNKS * 8];
    for (j, &z) in z1[..params.hidden].iter().enumerate() {
        accumulate(&mut acc, z, &w2[j * OUTPUT_CHUNKS * 8..]);
    }
    for ((o, a), b) in flat_mut(out).iter_mut().zip(acc).zip(flat(&params.b2)) {
        *o = a + b;
    }
}

/// a2 = z1·W2 + b2 of four samples at once (rows of `chunks` lanes in
/// `z1`, of [`OUTPUT_CHUNKS`] in `out`): four independent chains of sums that the
/// processor overlaps, each in the same order as [`output_input`]'s.
#[inline(always)]
fn output_inputs4(params: &PaddedParams, z1: &[Lanes], out: &mut [Lanes]) {
    let (w2, stride) = (flat(&params.w2), params.chunks * 8);
    let z1 = flat(z1);
    let mut acc = [[0.0f64; OUTPUT_CHUNKS * 8]; 4];
    for j in 0..params.hidden {
        let row = &w2[j * OUTPUT_CHUNKS * 8..];
        for (s, acc) in acc.iter_mut().enumerate() {
            accumulate(acc, z1[s * stride + j], row);
        }
    }
    let out = flat_mut(out);
    for (s, acc) in acc.iter().enumerate() {
        let out = &mut out[s * OUTPUT_CHUNKS * 8..(s + 1) * OUTPUT_CHUNKS * 8];
        for ((o, a), b) in out.iter_mut().zip(acc).zip(flat(&params.b2)) {
            *o = a + b;
        }
    }
}

/// y = softmax(a2) of one sample, as `common/functions.py`: the maximum
/// subtracted, the ten exponentials summed in numpy's order (eight partial
/// sums paired up, then the last two), each divided by the sum.
#[inline(always)]
fn softmax(a2: &[Lanes], y: &mut [Lanes]) {
    let a = &flat(a2)[..CLASSES];
    let max = a.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let low = exp8(std::array::from_fn(|l| a[l] - max));
    let high = exp8(std::array::from_fn(|l| {
        if l < 2 {
            a[8 + l] - max
        } else {
            0.0
        }
    }));
    let sum = ((low[0] + low[1]) + (low[2] + low[3]))
        + ((low[4] + low[5]) + (low[6] + low[7]))
        + high[0]
        + high[1];
    for l in 0..8 {
        y[0].0[l] = low[l] / sum;
        y[1].0[l] = if l < 2 { high[l] / sum } else { 0.0 };
    }
}

#[inline(always)]
fn forward_generic(
    params: &PaddedParams,
    images: &SparseImages,
    batch: &[usize],
    table: &[f64; 256],
    out: Rows<'_>,
) {
    let chunks = params.chunks;
    hidden_inputs(params, images, batch, table, out.a1);
    out.z1.copy_from_slice(out.a1);
    sigmoid_in_place(flat_mut(out.z1));
    let mut s = 0;
    while s + 4 <= batch.len() {
        let z1 = &out.z1[s * chunks..(s + 4) * chunks];
        output_inputs4(
            params,
            z1,
            &mut out.a2[s * OUTPUT_CHUNKS..(s + 4) * OUTPUT_CHUNKS],
        );
        s += 4;
    }
    for s in s..batch.len() {
        let z1 = &out.z1[s * chunks..(s + 1) * chunks];
        output_input(
            params,
            z1,
            &mut out.a2[s * OUTPUT_CHUNKS..(s + 1) * OUTPUT_CHUNKS],
        );
    }
    for (a2, y) in out
        .a2
        .chunks(OUTPUT_CHUNKS)
        .zip(out.y.chunks_mut(OUTPUT_CHUNKS))
    {
        softmax(a2, y);
    }
}

multiversion! {
    /// The forward pass over the images `batch` of `images`, into `out`
    /// (rows for `batch.len()` samples). `table` maps a byte to its input
    /// value ([`input_table`](super::sparse::input_table)).
    pub fn forward(
        params: &PaddedParams,
        images: &SparseImages,
        batch: &[usize],
        table: &[f64; 256],
        out: Rows<'_>,
    ) = forward_generic;
}

/// How many of the images start..end the network classifies right: the
/// book's `accuracy` numerator, argmax of y (the first of equals) against
/// the label, in chunks of 64 images.
#[inline(always)]
fn correct_generic(
    params: &PaddedParams,
    images: &SparseImages,
    start: usize,
    end: usize,
    table: &[f64; 256],
    work: &mut ForwardValues,
) -> usize {
    const CHUNK: usize = 64;
    let mut right = 0;
    let mut ids = [0usize; CHUNK];
    let mut at = start;
    while at < end {
        let n = (end - at).min(CHUNK);
        for (k, id) in ids[..n].iter_mut().enumerate() {
            *id = at + k;
        }
        work.resize(params, n);
        forward_generic(params, images, &ids[..n], table, work.rows());
        for (s, &i) in ids[..n].iter().enumerate() {
            right += usize::from(argmax(work.y(s)) == images.label(i));
        }
        at += n;
    }
    right
}

multiversion! {
    /// How many of the images start..end the network classifies right.
    pub fn correct(
        params: &PaddedParams,
        images: &SparseImages,
        start: usize,
        end: usize,
        table: &[f64; 256],
        work: &mut ForwardValues,
    ) -> usize = correct_generic;
}
