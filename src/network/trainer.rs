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

use super::backward::{self, Backward};
use super::forward::{self, ForwardValues, Rows};
use super::params::{flat, Params, OUT};
use super::simd::Level;
use super::sparse::{input_table, BatchColumns, SparseImages};
use super::two_layer_net::TwoLayerNet;
use crate::network::dataset::CLASSES;
use crate::numerics::loss::cross_entropy_error_labels;
use ndarray::{s, ArrayView2};
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
    labels: Vec<usize>,
    pool: Option<Arc<rayon::ThreadPool>>,
}

/// Why a trainer cannot start.
#[derive(Debug, thiserror::Error)]
#[error("cannot start {threads} threads: {source}")]
pub struct ThreadError {
    threads: usize,
    source: rayon::ThreadPoolBuildError,
}

/// Runs `a` and `b`, on two threads when `parallel` (inside a pool).
fn join<A, B, RA, RB>(parallel: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
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
        let pool = if threads > 1 {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("train-{i}"))
                .build()
                .map_err(|source| ThreadError { threads, source })?;
            Some(Arc::new(pool))
        } else {
            None
        };
        Ok(Trainer {
            params: Params::new(net),
            level,
            table: input_table(),
            forward: ForwardValues::default(),
            backward: Backward::default(),
            columns: Default::default(),
            labels: Vec::new(),
            pool,
        })
    }

    /// Runs `work` with the trainer's threads available to it.
    fn run<R: Send>(&mut self, work: impl FnOnce(&mut Self, bool) -> R + Send) -> R {
        match self.pool.clone() {
            Some(pool) if pool.current_thread_index().is_some() => work(self, true),
            Some(pool) => pool.install(|| work(self, true)),
            None => work(self, false),
        }
    }

    /// The trainer's threads, to run a whole loop on with
    /// [`Threads::install`]: each step then hands work to the other thread
    /// without waking the calling one.
    pub fn threads(&self) -> Threads {
        Threads(self.pool.clone())
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
        self.run(|t, parallel| {
            t.forward_on(images, batch, parallel);
            backward::gradient(t.level, &t.params, &t.forward, &t.labels, &mut t.backward);
            t.update(images, batch, learning_rate, parallel);
            t.forward_on(images, batch, parallel);
            t.batch_loss()
        })
    }

    /// W −= lr·∂W for every parameter, W1's rows in two halves.
    fn update(
        &mut self,
        images: &SparseImages,
        batch: &[usize],
        learning_rate: f64,
        parallel: bool,
    ) {
        let params = &mut self.params;
        let (level, chunks, table) = (self.level, params.chunks, &self.table);
        let dz1 = &self.backward.dz1;
        let mid = params.input / 2;
        let (w1_low, w1_high) = params.w1.split_at_mut(mid * chunks);
        let [low, high] = &mut self.columns;
        join(
            parallel,
            || {
                low.fill(images, batch, 0..mid);
                backward::descend_w1(level, w1_low, chunks, dz1, low, table, learning_rate);
            },
            || {
                high.fill(images, batch, mid..params.input);
                backward::descend_w1(level, w1_high, chunks, dz1, high, table, learning_rate);
            },
        );
        backward::descend_others(
            &mut params.b1,
            &mut params.w2,
            &mut params.b2,
            &self.backward,
            learning_rate,
        );
        params.transpose_w2();
    }

    /// The forward pass over `batch` into `self.forward`, in two halves.
    fn forward_on(&mut self, images: &SparseImages, batch: &[usize], parallel: bool) {
        self.labels.clear();
        self.labels.extend(batch.iter().map(|&i| images.label(i)));
        self.forward.resize(&self.params, batch.len());
        let (params, level, table) = (&self.params, self.level, &self.table);
        let half = batch.len() / 2;
        let (low, high) = self.forward.rows().split_at(half, params.chunks);
        let pass = |batch: &[usize], rows: Rows<'_>| {
            forward::forward(level, params, images, batch, table, rows)
        };
        join(
            parallel,
            || pass(&batch[..half], low),
            || pass(&batch[half..], high),
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
        self.run(|t, parallel| t.forward_on(images, batch, parallel));
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
        let right = self.run(|t, parallel| {
            let (params, level) = (&t.params, t.level);
            let mid = images.len() / 2;
            let count = |start, end| correct(params, level, images, start, end);
            let (a, b) = join(parallel, || count(0, mid), || count(mid, images.len()));
            a + b
        });
        right as f64 / images.len() as f64
    }

    /// Starts `accuracy(x, t)` of the network as it is now over `images`,
    /// on the trainer's threads in chunks that fill the gaps left by the
    /// steps, and returns at once (with one thread, it is done at once).
    pub fn accuracy_in_background(&mut self, images: &Arc<SparseImages>) -> Pending {
        self.check(images);
        let pending = Pending {
            right: Arc::new(AtomicUsize::new(0)),
            chunks_left: Arc::new(AtomicUsize::new(0)),
            total: images.len(),
        };
        match &self.pool {
            None => {
                let right = self.accuracy(images) * images.len() as f64;
                pending
                    .right
                    .store(right.round() as usize, Ordering::Release);
            }
            Some(pool) => {
                let params = Arc::new(self.params.clone());
                let chunks = images.len().div_ceil(BACKGROUND_CHUNK);
                pending.chunks_left.store(chunks, Ordering::Release);
                for start in (0..images.len()).step_by(BACKGROUND_CHUNK) {
                    let end = (start + BACKGROUND_CHUNK).min(images.len());
                    let (params, images, level) = (params.clone(), images.clone(), self.level);
                    let (right, left) = (pending.right.clone(), pending.chunks_left.clone());
                    pool.spawn(move || {
                        right.fetch_add(
                            correct(&params, level, &images, start, end),
                            Ordering::AcqRel,
                        );
                        left.fetch_sub(1, Ordering::AcqRel);
                    });
                }
            }
        }
        pending
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

/// Images per background accuracy task: about a quarter of a millisecond,
/// short enough that a thread which picks one up while waiting for the
/// other half of a step does not hold the step up for long.
const BACKGROUND_CHUNK: usize = 512;

/// An accuracy being measured in the background.
#[derive(Debug)]
pub struct Pending {
    right: Arc<AtomicUsize>,
    chunks_left: Arc<AtomicUsize>,
    total: usize,
}

impl Pending {
    /// The accuracy, if every chunk is done.
    pub fn poll(&self) -> Option<f64> {
        (self.chunks_left.load(Ordering::Acquire) == 0)
            .then(|| self.right.load(Ordering::Acquire) as f64 / self.total as f64)
    }

    /// The accuracy, once every chunk is done; the calling thread works on
    /// the pool's tasks (these chunks among them) meanwhile.
    pub fn wait(&self) -> f64 {
        loop {
            if let Some(accuracy) = self.poll() {
                return accuracy;
            }
            if rayon::yield_now() != Some(rayon::Yield::Executed) {
                std::thread::yield_now();
            }
        }
    }
}

/// The threads of a [`Trainer`].
#[derive(Debug, Clone)]
pub struct Threads(Option<Arc<rayon::ThreadPool>>);

impl Threads {
    /// Runs `work` on one of the threads (on the calling thread when there
    /// is only one).
    pub fn install<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        match &self.0 {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }
}

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
