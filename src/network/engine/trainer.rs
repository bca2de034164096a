//! One iteration of the book's training loop, fast: the forward pass, the
//! backprop gradient, the update, and the loss after it, on sparse images
//! with vector kernels, on the threads of a [`Team`].
//!
//! It computes what [`TwoLayerNet`] and [`gradient`](crate::network::gradient)
//! compute, in the order of the book's formulas. Work is split between
//! threads only where nothing is summed across the split (samples of a
//! forward pass, rows of W1, images of an accuracy pass), so the result
//! does not depend on the number of threads, the instruction set
//! ([`Level`]) or the machine.

use super::accuracy::{AccuracyPass, Pending};
use super::backward::{self, Backward};
use super::forward::{self, ForwardValues};
use super::layout::{Lanes, PaddedParams, OUTPUT_CHUNKS};
use super::simd::Level;
use super::sparse::{input_table, BatchColumns, PixelLists, SparseImages};
use super::threads::{balanced_bounds, split_by, Team};
use crate::network::TwoLayerNet;
use crate::threads::Panicked;
use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

/// The network being trained, the buffers of an iteration, and the threads.
#[derive(Debug)]
pub struct Trainer {
    params: PaddedParams,
    level: Level,
    table: [f64; 256],
    forward: ForwardValues,
    backward: Backward,
    /// Per thread, the pixels of its rows of W1 turned into columns (for
    /// parts of more than [`PixelLists::MAX`] samples).
    columns: Vec<BatchColumns>,
    /// Per thread, the pixels of its samples of the forward pass listed.
    lists: Vec<PixelLists>,
    /// Whether `lists` holds the current batch.
    listed: bool,
    labels: Vec<usize>,
    /// Accuracy passes started and not finished, oldest first.
    passes: VecDeque<Arc<AccuracyPass>>,
    team: Team,
}

/// Why a trainer cannot start.
#[derive(Debug, thiserror::Error)]
#[error("cannot start {threads} threads: {source}")]
pub struct ThreadError {
    threads: usize,
    source: std::io::Error,
}

impl ThreadError {
    /// Starting `threads` threads failed with `source`.
    pub fn new(threads: usize, source: std::io::Error) -> Self {
        ThreadError { threads, source }
    }
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
        let team = Team::new(threads).map_err(|source| ThreadError { threads, source })?;
        Ok(Trainer {
            params: PaddedParams::new(net),
            level,
            table: input_table(),
            forward: ForwardValues::default(),
            backward: Backward::default(),
            columns: Vec::new(),
            lists: Vec::new(),
            listed: false,
            labels: Vec::new(),
            passes: VecDeque::new(),
            team,
        })
    }

    /// The threads the trainer works on.
    pub fn team(&self) -> &Team {
        &self.team
    }

    /// One iteration of `train_neuralnet.py` on the images `batch`:
    /// `grad = network.gradient(x_batch, t_batch)`, each parameter
    /// `-= learning_rate * grad`, then `network.loss(x_batch, t_batch)` with
    /// the updated parameters, which it returns.
    ///
    /// Panics if the images do not have the network's input size or a
    /// batch index is not an image.
    pub fn step(
        &mut self,
        images: &SparseImages,
        batch: &[usize],
        learning_rate: f64,
    ) -> Result<f64, Panicked> {
        self.check(images);
        self.forward_on(images, batch, true)?;
        self.update(images, batch, learning_rate)?;
        self.forward_on(images, batch, false)?;
        let loss = self.forward.loss(&self.labels);
        self.measure(PARTS_PER_STEP.div_ceil(self.team.threads()))?;
        Ok(loss)
    }

    /// Works on the oldest accuracy pass not finished: up to `parts` parts
    /// of [`PART`](super::accuracy) images on each thread.
    fn measure(&mut self, parts: usize) -> Result<(), Panicked> {
        while self.passes.front().is_some_and(|p| p.is_handed_out()) {
            self.passes.pop_front();
        }
        if let Some(pass) = self.passes.front() {
            self.team.run(&|_| {
                for _ in 0..parts {
                    if !pass.run_part() {
                        break;
                    }
                }
            })?;
        }
        Ok(())
    }

    /// Finishes every accuracy pass started, on every thread.
    pub fn finish_accuracy(&mut self) -> Result<(), Panicked> {
        while !self.passes.is_empty() {
            self.measure(usize::MAX)?;
        }
        Ok(())
    }

    /// W −= lr·∂W for every parameter: W1's rows split between the
    /// threads, the other parameters' gradients summed by the first beside
    /// its rows.
    fn update(
        &mut self,
        images: &SparseImages,
        batch: &[usize],
        learning_rate: f64,
    ) -> Result<(), Panicked> {
        let threads = self.team.threads();
        let params = &mut self.params;
        let (level, chunks, table) = (self.level, params.chunks, &self.table);
        let Backward { dy, dz1, sums } = &mut self.backward;
        let (dy, dz1, z1) = (&*dy, &*dz1, &self.forward.z1);
        let (hidden, input) = (params.hidden, params.input);
        let lists = &self.lists[..];
        let bounds = if self.listed {
            // The first part also sums ∂W2 (about as much work as 2·hidden
            // listed pixels).
            balanced_bounds(input, threads, 2 * hidden, |p| {
                lists.iter().map(|l| l.count(p)).sum()
            })
        } else {
            (0..=threads).map(|t| t * input / threads).collect()
        };
        let rows: Vec<usize> = bounds.iter().map(|&b| b * chunks).collect();
        self.columns.resize_with(threads, Default::default);
        let mut sums = Some(sums);
        let parts: Vec<(Range<usize>, &mut [Lanes], _, &mut BatchColumns)> =
            split_by(&mut params.w1, &rows)
                .into_iter()
                .zip(self.columns.iter_mut())
                .enumerate()
                .map(|(t, (w1, columns))| (bounds[t]..bounds[t + 1], w1, sums.take(), columns))
                .collect();
        let listed = self.listed;
        self.team.each(parts, |(pixels, w1, sums, columns)| {
            if let Some(sums) = sums {
                backward::sums(level, hidden, chunks, z1, dy, dz1, sums);
            }
            if listed {
                backward::descend_w1_lists(
                    level,
                    w1,
                    pixels,
                    chunks,
                    dz1,
                    lists,
                    table,
                    learning_rate,
                );
            } else {
                columns.fill(images, batch, pixels);
                backward::descend_w1(level, w1, chunks, dz1, columns, table, learning_rate);
            }
        })?;
        let sums = &self.backward.sums;
        let params = &mut self.params;
        backward::descend_others(
            &mut params.b1,
            &mut params.w2,
            &mut params.b2,
            sums,
            learning_rate,
        );
        params.transpose_w2();
        Ok(())
    }

    /// The forward pass over `batch` into `self.forward`, its samples split
    /// between the threads, each part followed (with `deltas`) by its
    /// samples' dy and dz1.
    fn forward_on(
        &mut self,
        images: &SparseImages,
        batch: &[usize],
        deltas: bool,
    ) -> Result<(), Panicked> {
        let threads = self.team.threads();
        self.labels.clear();
        self.labels.extend(batch.iter().map(|&i| images.label(i)));
        self.forward.resize(&self.params, batch.len());
        self.backward.resize(&self.params, batch.len());
        let (params, level, table) = (&self.params, self.level, &self.table);
        let (chunks, batch_num) = (params.chunks, batch.len() as f64);
        // Each sample's forward pass is its own, so any split gives the
        // same bits; this one gives each thread about as many pixels.
        let bounds = balanced_bounds(batch.len(), threads, 0, |k| images.image(batch[k]).0.len());
        let scaled = |by: usize| bounds.iter().map(|&b| b * by).collect::<Vec<_>>();
        let record = deltas && bounds.windows(2).all(|b| b[1] - b[0] <= PixelLists::MAX);
        self.listed = record;
        self.lists.resize_with(threads, Default::default);
        let parts: Vec<_> = self
            .forward
            .rows()
            .split(&bounds, chunks)
            .into_iter()
            .zip(split_by(&mut self.backward.dy, &scaled(OUTPUT_CHUNKS)))
            .zip(split_by(&mut self.backward.dz1, &scaled(chunks)))
            .zip(self.lists.iter_mut())
            .enumerate()
            .map(|(t, (((rows, dy), dz1), lists))| (bounds[t]..bounds[t + 1], rows, dy, dz1, lists))
            .collect();
        let labels = &self.labels;
        self.team
            .each(parts, |(samples, mut rows, dy, dz1, lists)| {
                let part = &batch[samples.clone()];
                forward::forward(level, params, images, part, table, rows.reborrow());
                if deltas {
                    let labels = &labels[samples];
                    backward::dy_and_dz1(
                        level, params, rows.y, rows.z1, labels, batch_num, dy, dz1,
                    );
                }
                if record {
                    lists.record(images, part);
                }
            })
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

    /// `accuracy(x, t)`: the fraction of `images` the network classifies
    /// right (the first largest output against the label), now, on every
    /// thread.
    #[cfg(test)]
    pub fn accuracy(&self, images: &Arc<SparseImages>) -> Result<f64, Panicked> {
        self.check(images);
        super::accuracy::accuracy(&self.params, self.level, images, &self.team)
    }

    /// Starts `accuracy(x, t)` of the network as it is now over `images`,
    /// on a copy of the weights, measured a few parts at the end of each
    /// [`step`](Self::step) (so that every thread shares it evenly with the
    /// training) or by [`finish_accuracy`](Self::finish_accuracy).
    pub fn accuracy_in_background(&mut self, images: &Arc<SparseImages>) -> Pending {
        self.check(images);
        let pass = Arc::new(AccuracyPass::new(&self.params, self.level, images));
        self.passes.push_back(pass.clone());
        Pending::new(pass)
    }

    /// The parameters as a [`TwoLayerNet`].
    pub fn net(&self) -> TwoLayerNet {
        self.params.net()
    }
}

/// Parts of an accuracy pass measured after each step, shared between the
/// threads: a pass over MNIST's 70,000 images is then done in 547 steps,
/// less than an epoch (600), so passes never queue up.
const PARTS_PER_STEP: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::synthetic;
    use crate::numerics::RandomState;

    #[test]
    fn every_instruction_set_and_thread_count_gives_the_same_bits() {
        let team = Team::new(2).unwrap();
        let images = Arc::new(SparseImages::new(&synthetic(600, 0), &team).unwrap());
        // Two blocks of lanes, one of them partly padding, and a hidden layer
        // wider than one register block (7 × 8 lanes).
        for hidden in [13, 61] {
            let net = TwoLayerNet::new(784, hidden, 10, 0.01, &mut RandomState::new(3));
            let mut results = Vec::new();
            for level in Level::supported() {
                for threads in [1, 3] {
                    let mut trainer = Trainer::with_level(&net, threads, level).unwrap();
                    let mut rng = RandomState::new(4);
                    let losses: Vec<u64> = (0..10)
                        .map(|_| {
                            let batch = rng.choice(600, 50).unwrap();
                            trainer.step(&images, &batch, 0.3).unwrap().to_bits()
                        })
                        .collect();
                    let accuracy = trainer.accuracy(&images).unwrap();
                    results.push((level.name(), threads, losses, trainer.net(), accuracy));
                }
            }
            for r in &results[1..] {
                let first = &results[0];
                assert_eq!(
                    r.2, first.2,
                    "{} on {} vs {} on {}, hidden {hidden}",
                    r.0, r.1, first.0, first.1
                );
                assert_eq!(r.3, first.3);
                assert_eq!(r.4, first.4);
            }
        }
    }
}
