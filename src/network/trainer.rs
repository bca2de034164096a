//! One iteration of the book's training loop, fast: the forward pass, the
//! backprop gradient, the update, and the loss after it, on sparse images
//! with vector kernels, on one or two threads.
//!
//! It computes what [`TwoLayerNet`] and [`gradient`](super::gradient)
//! compute, in the order of the book's formulas. Work is split between
//! threads only where nothing is summed across the split (samples of a
//! forward pass, rows of W1, images of an accuracy pass), so the result
//! does not depend on the number of threads, the instruction set
//! ([`Level`]) or the machine.

use super::accuracy::{AccuracyPass, Pending};
use super::backward::{self, Backward};
use super::forward::{self, ForwardValues, Rows};
use super::pair::Pair;
use super::params::{flat, Params, OUT};
use super::simd::Level;
use super::sparse::{input_table, BatchColumns, PixelLists, SparseImages};
use super::two_layer_net::TwoLayerNet;
use crate::network::dataset::CLASSES;
use crate::numerics::loss::cross_entropy_error_labels;
use ndarray::{s, ArrayView2};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The network being trained, the buffers of an iteration, and the threads.
#[derive(Debug)]
pub struct Trainer {
    params: Params,
    level: Level,
    table: [f64; 256],
    forward: ForwardValues,
    backward: Backward,
    columns: [BatchColumns; 2],
    /// The batch's pixels listed by the two halves of the forward pass, for
    /// batches of at most 2·[`PixelLists::MAX`] (larger ones are sorted into
    /// `columns` instead).
    lists: [PixelLists; 2],
    /// Whether `lists` holds the current batch.
    listed: bool,
    labels: Vec<usize>,
    /// Accuracy passes started and not finished, oldest first.
    passes: VecDeque<Arc<AccuracyPass>>,
    pair: Pair,
}

/// Why a trainer cannot start.
#[derive(Debug, thiserror::Error)]
#[error("cannot start {threads} threads: {source}")]
pub struct ThreadError {
    threads: usize,
    source: std::io::Error,
}

impl Trainer {
    /// Starts from the parameters of `net` (784–H–10 for MNIST), on
    /// `threads` threads (1: the calling one), with the widest vector
    /// instructions this processor has.
    pub fn new(net: &TwoLayerNet, threads: usize) -> Result<Self, ThreadError> {
        Trainer::with_level(net, threads, Level::detect())
    }

    /// Starts from `net`, with the kernels compiled for `level`.
    pub fn with_level(
        net: &TwoLayerNet,
        threads: usize,
        level: Level,
    ) -> Result<Self, ThreadError> {
        let pair = Pair::new(threads).map_err(|source| ThreadError { threads, source })?;
        Ok(Trainer {
            params: Params::new(net),
            level,
            table: input_table(),
            forward: ForwardValues::default(),
            backward: Backward::default(),
            columns: Default::default(),
            lists: Default::default(),
            listed: false,
            labels: Vec::new(),
            passes: VecDeque::new(),
            pair,
        })
    }

    /// One iteration of `train_neuralnet.py` on the images `batch`:
    /// `grad = network.gradient(x_batch, t_batch)`, each parameter
    /// `-= learning_rate * grad`, then `network.loss(x_batch, t_batch)` with
    /// the updated parameters, which it returns.
    ///
    /// Panics if the images do not have the network's input size or a
    /// batch index is not an image.
    pub fn step(&mut self, images: &SparseImages, batch: &[usize], learning_rate: f64) -> f64 {
        self.check(images);
        self.forward_on(images, batch, true);
        self.update(images, batch, learning_rate);
        self.forward_on(images, batch, false);
        let loss = self.batch_loss();
        self.measure(PARTS_PER_STEP);
        loss
    }

    /// Works on the oldest accuracy pass not finished: up to `parts` parts
    /// of [`PART`] images on each thread.
    fn measure(&mut self, parts: usize) {
        while self.passes.front().is_some_and(|p| p.is_handed_out()) {
            self.passes.pop_front();
        }
        if let Some(pass) = self.passes.front() {
            let run = || {
                for _ in 0..parts {
                    if !pass.run_part() {
                        break;
                    }
                }
            };
            self.pair.join(run, run);
        }
    }

    /// Finishes every accuracy pass started, on both threads.
    pub fn finish_accuracy(&mut self) {
        while !self.passes.is_empty() {
            self.measure(usize::MAX);
        }
    }

    /// W −= lr·∂W for every parameter: W1's rows in two parts, the other
    /// parameters' gradients summed beside the first.
    fn update(&mut self, images: &SparseImages, batch: &[usize], learning_rate: f64) {
        let params = &mut self.params;
        let (level, chunks, table) = (self.level, params.chunks, &self.table);
        let Backward { dy, dz1, sums } = &mut self.backward;
        let (dy, dz1, z1) = (&*dy, &*dz1, &self.forward.z1);
        let (hidden, input) = (params.hidden, params.input);
        let lists = &self.lists;
        let mid = if self.listed {
            // The first part also sums ∂W2 (about as much work as 2·hidden
            // listed pixels).
            row_split(lists, input, 2 * hidden)
        } else {
            input / 2
        };
        let (w1_low, w1_high) = params.w1.split_at_mut(mid * chunks);
        if self.listed {
            self.pair.join(
                || {
                    backward::sums(level, hidden, chunks, z1, dy, dz1, sums);
                    backward::descend_w1_lists(
                        level,
                        w1_low,
                        0..mid,
                        chunks,
                        dz1,
                        lists,
                        table,
                        learning_rate,
                    );
                },
                || {
                    backward::descend_w1_lists(
                        level,
                        w1_high,
                        mid..input,
                        chunks,
                        dz1,
                        lists,
                        table,
                        learning_rate,
                    )
                },
            );
        } else {
            let [low, high] = &mut self.columns;
            self.pair.join(
                || {
                    backward::sums(level, hidden, chunks, z1, dy, dz1, sums);
                    low.fill(images, batch, 0..mid);
                    backward::descend_w1(level, w1_low, chunks, dz1, low, table, learning_rate);
                },
                || {
                    high.fill(images, batch, mid..input);
                    backward::descend_w1(level, w1_high, chunks, dz1, high, table, learning_rate);
                },
            );
        }
        backward::descend_others(
            &mut params.b1,
            &mut params.w2,
            &mut params.b2,
            sums,
            learning_rate,
        );
        params.transpose_w2();
    }

    /// The forward pass over `batch` into `self.forward`, in two halves,
    /// each followed (`errors`) by its samples' dy and dz1.
    fn forward_on(&mut self, images: &SparseImages, batch: &[usize], errors: bool) {
        self.labels.clear();
        self.labels.extend(batch.iter().map(|&i| images.label(i)));
        self.forward.resize(&self.params, batch.len());
        self.backward.resize(&self.params, batch.len());
        let (params, level, table) = (&self.params, self.level, &self.table);
        let (half, chunks, n) = (
            sample_split(images, batch),
            params.chunks,
            batch.len() as f64,
        );
        let (low, high) = self.forward.rows().split_at(half, chunks);
        let (dy_low, dy_high) = self.backward.dy.split_at_mut(half * OUT);
        let (dz1_low, dz1_high) = self.backward.dz1.split_at_mut(half * chunks);
        let (labels_low, labels_high) = self.labels.split_at(half);
        let [lists_low, lists_high] = &mut self.lists;
        let record = errors && half.max(batch.len() - half) <= PixelLists::MAX;
        self.listed = record;
        let pass =
            |batch: &[usize], rows: Rows<'_>, labels: &[usize], dy, dz1, lists: &mut PixelLists| {
                let Rows { a1, z1, a2, y } = rows;
                let rows = Rows {
                    a1,
                    z1: &mut *z1,
                    a2,
                    y: &mut *y,
                };
                forward::forward(level, params, images, batch, table, rows);
                if errors {
                    backward::errors(level, params, y, z1, labels, n, dy, dz1);
                }
                if record {
                    lists.record(images, batch);
                }
            };
        self.pair.join(
            || pass(&batch[..half], low, labels_low, dy_low, dz1_low, lists_low),
            || {
                pass(
                    &batch[half..],
                    high,
                    labels_high,
                    dy_high,
                    dz1_high,
                    lists_high,
                )
            },
        );
    }

    /// The mean cross-entropy of the forward values in `self.forward`.
    fn batch_loss(&self) -> f64 {
        let y = ArrayView2::from_shape((self.labels.len(), OUT * 8), flat(&self.forward.y))
            .expect("y holds OUT lanes per sample");
        cross_entropy_error_labels(y.slice(s![.., ..CLASSES]), &self.labels)
    }

    /// The images must have as many pixels as the network has inputs.
    fn check(&self, images: &SparseImages) {
        assert_eq!(
            images.pixels(),
            self.params.input,
            "images of {} pixels for a network of {} inputs",
            images.pixels(),
            self.params.input
        );
    }

    /// The forward pass over `batch`, every value kept per sample.
    pub fn forward(&mut self, images: &SparseImages, batch: &[usize]) -> &ForwardValues {
        self.check(images);
        self.forward_on(images, batch, false);
        &self.forward
    }

    /// `loss(x, t)`: the mean cross-entropy of the network on `batch`.
    pub fn loss(&mut self, images: &SparseImages, batch: &[usize]) -> f64 {
        self.forward(images, batch);
        self.batch_loss()
    }

    /// `accuracy(x, t)`: the fraction of `images` the network classifies
    /// right (the first largest output against the label).
    pub fn accuracy(&mut self, images: &SparseImages) -> f64 {
        self.check(images);
        let (params, level) = (&self.params, self.level);
        let mid = images.len() / 2;
        let (low, high) = (AtomicUsize::new(0), AtomicUsize::new(0));
        self.pair.join(
            || low.store(correct(params, level, images, 0, mid), Ordering::Relaxed),
            || {
                high.store(
                    correct(params, level, images, mid, images.len()),
                    Ordering::Relaxed,
                )
            },
        );
        let right = low.into_inner() + high.into_inner();
        right as f64 / images.len() as f64
    }

    /// Starts `accuracy(x, t)` of the network as it is now over `images`,
    /// on a copy of the weights, measured a few parts at the end of each
    /// [`step`](Self::step) (so that both threads share it evenly with the
    /// training) or by [`finish_accuracy`](Self::finish_accuracy).
    pub fn accuracy_in_background(&mut self, images: &Arc<SparseImages>) -> Pending {
        self.check(images);
        let pass = Arc::new(AccuracyPass::new(&self.params, self.level, images));
        self.passes.push_back(pass.clone());
        Pending::new(pass)
    }

    /// The parameters, as the kernels lay them out.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The instruction set the kernels run on.
    pub fn level(&self) -> Level {
        self.level
    }

    /// The parameters as a [`TwoLayerNet`].
    pub fn net(&self) -> TwoLayerNet {
        self.params.net()
    }
}

/// Where to split `batch` between the two threads: the first sample at
/// which the nonzero pixels before it reach half of the batch's (each
/// sample's forward pass is its own, so any split gives the same bits).
fn sample_split(images: &SparseImages, batch: &[usize]) -> usize {
    let nonzero = |&i: &usize| images.image(i).0.len();
    let total: usize = batch.iter().map(nonzero).sum();
    let mut before = 0;
    for (k, i) in batch.iter().enumerate() {
        if 2 * before >= total {
            return k;
        }
        before += nonzero(i);
    }
    batch.len()
}

/// Where to split W1's rows between the threads: the first pixel at which
/// the listed entries before it reach half of all of them, less `extra`
/// (each row's update is its own, so any split gives the same bits).
fn row_split(lists: &[PixelLists; 2], input: usize, extra: usize) -> usize {
    let entries = |p: usize| lists[0].count(p) + lists[1].count(p);
    let total: usize = (0..input).map(entries).sum();
    let target = total.saturating_sub(extra) / 2;
    let mut before = 0;
    for p in 0..input {
        if before >= target {
            return p;
        }
        before += entries(p);
    }
    input
}

/// Parts of an accuracy pass each thread measures after each step: a pass
/// over MNIST's 70,000 images is then done in 547 steps, less than an epoch
/// (600), so passes never queue up.
const PARTS_PER_STEP: usize = 1;

/// How many of the images start..end the network `params` classifies right.
pub fn correct(
    params: &Params,
    level: Level,
    images: &SparseImages,
    start: usize,
    end: usize,
) -> usize {
    let mut work = ForwardValues::default();
    forward::correct(level, params, images, start, end, &input_table(), &mut work)
}
