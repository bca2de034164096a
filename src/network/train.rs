//! The training loop of the book's `ch04/train_neuralnet.py`.
//!
//! ```text
//! network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
//! iters_num = 10000; batch_size = 100; learning_rate = 0.1
//! iter_per_epoch = max(train_size / batch_size, 1)
//! for i in range(iters_num):
//!     batch_mask = np.random.choice(train_size, batch_size)
//!     grad = network.gradient(x_batch, t_batch)
//!     params[key] -= learning_rate * grad[key]      (W1, b1, W2, b2)
//!     train_loss_list.append(network.loss(x_batch, t_batch))
//!     if i % iter_per_epoch == 0: train and test accuracy on the full sets
//! ```
//!
//! With the seed the book's script would get from `np.random.seed(seed)`,
//! the weights and every batch are numpy's. On N threads, each forward
//! pass and each W1 update is split in N parts that share no sum, and the
//! accuracy passes run on a copy of the weights, a part of 64 images per
//! thread after each step (counting right answers, in any order), so
//! nothing depends on the number of threads.

use super::backprop::gradient;
use super::dataset::{Dataset, CLASSES};
use super::engine::accuracy::Pending;
use super::engine::numerical_train::NumericalLearner;
use super::engine::sparse::{SparseError, SparseImages};
use super::engine::threads::Team;
use super::engine::trainer::{ThreadError, Trainer};
use super::two_layer_net::{inputs, labels, one_hot, TwoLayerNet};
use crate::numerics::RandomState;
use crate::threads::Panicked;
use std::collections::VecDeque;
use std::sync::Arc;

/// The hyperparameters of the loop, named as the book's script names them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Settings {
    /// `iters_num`: iterations (batches).
    pub iters: usize,
    /// `batch_size`: images per batch, drawn with replacement.
    pub batch_size: usize,
    /// `learning_rate`.
    pub learning_rate: f64,
    /// `hidden_size`.
    pub hidden: usize,
    /// The `np.random.seed` the weights and batches are drawn after.
    pub seed: u32,
    /// Threads to work on (0 or 1: the calling one alone). The results are
    /// the same bits on any number.
    #[serde(skip)]
    pub threads: usize,
}

impl Settings {
    /// The book's `train_neuralnet.py`: 10000 iterations of 100 images at
    /// rate 0.1, 50 hidden units, after `np.random.seed(0)`; on one thread.
    /// The command line's defaults are these.
    pub const fn book() -> Self {
        Settings {
            iters: 10_000,
            batch_size: 100,
            learning_rate: 0.1,
            hidden: 50,
            seed: 0,
            threads: 1,
        }
    }
}

/// The accuracies measured at one epoch boundary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Epoch {
    /// 0 for the first measurement.
    pub index: usize,
    /// The iteration after whose update it was measured.
    pub iteration: usize,
    pub train_acc: f64,
    pub test_acc: f64,
}

/// What the loop tells while it runs (to a progress bar, or the book's
/// per-epoch line). Both methods do nothing by default.
pub trait Observer {
    /// After iteration `iteration` (from 0), with the loss recorded for it.
    fn iteration(&mut self, _iteration: usize, _loss: f64) {}
    /// When an epoch's accuracies are known: in order, after the epoch's
    /// iteration and perhaps a few later ones (they are measured while
    /// training goes on).
    fn epoch(&mut self, _epoch: &Epoch) {}
    /// Asked after every iteration: true ends the training there, with
    /// [`TrainError::Stopped`] (a page's Stop button, a closed connection).
    fn stopped(&mut self) -> bool {
        false
    }
}

/// Tells nothing.
impl Observer for () {}

/// Everything the book's script records, and the trained network.
#[derive(Debug, Clone, PartialEq)]
pub struct Training {
    /// `train_loss_list`: the loss after every iteration's update.
    pub loss: Vec<f64>,
    /// `train_acc_list` and `test_acc_list`, with their iterations.
    pub epochs: Vec<Epoch>,
    pub net: TwoLayerNet,
}

/// Settings or data the loop cannot run with.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("the batch size must be at least 1")]
    EmptyBatch,
    #[error("the hidden layer needs at least 1 unit")]
    NoHiddenUnits,
    #[error("the learning rate must be a finite number, not {0}")]
    BadLearningRate(f64),
    #[error("the training set has no images")]
    NoTrainingImages,
    #[error("the test set has no images")]
    NoTestImages,
    #[error("training images have {train} pixels but test images {test}")]
    PixelMismatch { train: usize, test: usize },
    #[error(transparent)]
    Sparse(#[from] SparseError),
    #[error(transparent)]
    Threads(#[from] ThreadError),
    #[error(transparent)]
    Panicked(#[from] Panicked),
    #[error("the training was stopped after {done} of {iters} iterations")]
    Stopped { done: usize, iters: usize },
}

/// `iter_per_epoch = max(train_size / batch_size, 1)`, a float division as
/// in Python 3.
pub fn iter_per_epoch(train_size: usize, batch_size: usize) -> f64 {
    (train_size as f64 / batch_size as f64).max(1.0)
}

/// `i % iter_per_epoch == 0`, with Python's float remainder: iterations
/// 0, 600, 1200, … for MNIST's 60,000 images in batches of 100. (When the
/// quotient is not a whole number, the book's test holds at 0 only.)
pub fn is_epoch(iteration: usize, iter_per_epoch: f64) -> bool {
    (iteration as f64) % iter_per_epoch == 0.0
}

fn check(train: &Dataset, test: &Dataset, settings: &Settings) -> Result<(), TrainError> {
    if settings.batch_size == 0 {
        return Err(TrainError::EmptyBatch);
    }
    if settings.hidden == 0 {
        return Err(TrainError::NoHiddenUnits);
    }
    if !settings.learning_rate.is_finite() {
        return Err(TrainError::BadLearningRate(settings.learning_rate));
    }
    if train.is_empty() {
        return Err(TrainError::NoTrainingImages);
    }
    if test.is_empty() {
        return Err(TrainError::NoTestImages);
    }
    if train.pixels() != test.pixels() {
        return Err(TrainError::PixelMismatch {
            train: train.pixels(),
            test: test.pixels(),
        });
    }
    Ok(())
}

/// What every loop starts from: the settings and data checked, then the
/// script's `np.random.seed(seed)` and its network (W1, then W2, drawn from
/// that stream).
fn start(
    train: &Dataset,
    test: &Dataset,
    settings: &Settings,
) -> Result<(RandomState, TwoLayerNet), TrainError> {
    check(train, test, settings)?;
    let mut rng = RandomState::new(settings.seed);
    let net = TwoLayerNet::for_inputs(train.pixels(), settings.hidden, &mut rng);
    Ok((rng, net))
}

/// Trains the book's network on `train`, measuring accuracy on `train` and
/// `test` at every epoch boundary, as `train_neuralnet.py` does, with the
/// backprop gradient, on the fast engine.
pub fn train(
    train: &Dataset,
    test: &Dataset,
    settings: &Settings,
    observer: &mut dyn Observer,
) -> Result<Training, TrainError> {
    let (mut rng, net) = start(train, test, settings)?;
    let trainer = Trainer::new(&net, settings.threads)?;
    let mut learner = SparseBackprop {
        train: Arc::new(SparseImages::new(train, trainer.team())?),
        test: Arc::new(SparseImages::new(test, trainer.team())?),
        trainer,
        learning_rate: settings.learning_rate,
    };
    let (loss, epochs) = drive(settings, train.len(), &mut rng, observer, &mut learner)?;
    Ok(Training {
        loss,
        epochs,
        net: learner.trainer.net(),
    })
}

/// Trains the book's network as [`train()`] does, with the numerical
/// gradient (`network.numerical_gradient`, the line the book's script
/// keeps commented out because it "takes too long") in place of backprop,
/// on the fast engine.
pub fn train_numerical(
    train: &Dataset,
    test: &Dataset,
    settings: &Settings,
    observer: &mut dyn Observer,
) -> Result<Training, TrainError> {
    let (mut rng, net) = start(train, test, settings)?;
    let team = Team::new(settings.threads).map_err(|e| ThreadError::new(settings.threads, e))?;
    let mut learner = NumericalLearner::new(&net, train, test, settings.learning_rate, team)?;
    let (loss, epochs) = drive(settings, train.len(), &mut rng, observer, &mut learner)?;
    Ok(Training {
        loss,
        epochs,
        net: learner.net(),
    })
}

/// The same loop with the plain dense network ([`TwoLayerNet`] and
/// [`gradient`]) on one thread: the reference the fast loop is tested
/// against. Slow, and its accuracy passes hold every image as doubles
/// (376 MB for MNIST's training set).
pub fn train_reference(
    train: &Dataset,
    test: &Dataset,
    settings: &Settings,
    observer: &mut dyn Observer,
) -> Result<Training, TrainError> {
    let (mut rng, net) = start(train, test, settings)?;
    let mut dense = Dense {
        net,
        train,
        test,
        learning_rate: settings.learning_rate,
    };
    let (loss, epochs) = drive(settings, train.len(), &mut rng, observer, &mut dense)?;
    Ok(Training {
        loss,
        epochs,
        net: dense.net,
    })
}

/// What the loop needs of a network being trained: one iteration on a
/// batch, and the accuracies on the training and test sets.
pub(crate) trait Learner {
    /// Gradient, update, and the loss after the update.
    fn step(&mut self, batch: &[usize]) -> Result<f64, TrainError>;
    /// (train accuracy, test accuracy) of the network as it is now, perhaps
    /// still being measured when this returns.
    fn accuracies(&mut self) -> Result<Accuracies, TrainError>;
    /// Finishes measuring the accuracies started, once the loop is over.
    fn finish(&mut self) -> Result<(), TrainError> {
        Ok(())
    }
}

/// Train and test accuracy, known or being measured.
pub(crate) enum Accuracies {
    Known(f64, f64),
    Measuring(Pending, Pending),
}

impl Accuracies {
    fn poll(&self) -> Option<(f64, f64)> {
        match self {
            Accuracies::Known(train, test) => Some((*train, *test)),
            Accuracies::Measuring(train, test) => Some((train.poll()?, test.poll()?)),
        }
    }

    fn wait(&self) -> (f64, f64) {
        match self {
            Accuracies::Known(train, test) => (*train, *test),
            Accuracies::Measuring(train, test) => (train.wait(), test.wait()),
        }
    }
}

/// Backprop on the fast engine.
struct SparseBackprop {
    trainer: Trainer,
    train: Arc<SparseImages>,
    test: Arc<SparseImages>,
    learning_rate: f64,
}

impl Learner for SparseBackprop {
    fn step(&mut self, batch: &[usize]) -> Result<f64, TrainError> {
        Ok(self.trainer.step(&self.train, batch, self.learning_rate)?)
    }
    fn accuracies(&mut self) -> Result<Accuracies, TrainError> {
        Ok(Accuracies::Measuring(
            self.trainer.accuracy_in_background(&self.train),
            self.trainer.accuracy_in_background(&self.test),
        ))
    }
    fn finish(&mut self) -> Result<(), TrainError> {
        Ok(self.trainer.finish_accuracy()?)
    }
}

/// Backprop on the plain dense network.
struct Dense<'a> {
    net: TwoLayerNet,
    train: &'a Dataset,
    test: &'a Dataset,
    learning_rate: f64,
}

impl Learner for Dense<'_> {
    fn step(&mut self, batch: &[usize]) -> Result<f64, TrainError> {
        let (x, t) = (inputs(self.train, batch), labels(self.train, batch));
        let grad = gradient(&self.net, x.view(), one_hot(&t, CLASSES).view());
        self.net.update(&grad, self.learning_rate);
        Ok(self.net.loss(x.view(), &t))
    }
    fn accuracies(&mut self) -> Result<Accuracies, TrainError> {
        let accuracy = |data: &Dataset| {
            let all: Vec<usize> = (0..data.len()).collect();
            self.net
                .accuracy(inputs(data, &all).view(), &labels(data, &all))
        };
        Ok(Accuracies::Known(accuracy(self.train), accuracy(self.test)))
    }
}

/// The loop itself: draws the batches, steps, records the losses and, at
/// epoch boundaries, starts measuring the accuracies, which it reports in
/// order as they become known.
fn drive(
    settings: &Settings,
    train_size: usize,
    rng: &mut RandomState,
    observer: &mut dyn Observer,
    learner: &mut dyn Learner,
) -> Result<(Vec<f64>, Vec<Epoch>), TrainError> {
    let per_epoch = iter_per_epoch(train_size, settings.batch_size);
    let mut loss = Vec::with_capacity(settings.iters);
    let mut epochs = Vec::new();
    let mut measuring: VecDeque<(usize, Accuracies)> = VecDeque::new();
    for i in 0..settings.iters {
        let batch = rng
            .choice(train_size, settings.batch_size)
            .expect("the training set is not empty");
        let l = learner.step(&batch)?;
        loss.push(l);
        observer.iteration(i, l);
        if observer.stopped() {
            // The accuracies being measured finish before the error returns.
            learner.finish()?;
            return Err(TrainError::Stopped {
                done: i + 1,
                iters: settings.iters,
            });
        }
        if is_epoch(i, per_epoch) {
            measuring.push_back((i, learner.accuracies()?));
        }
        while let Some(known) = measuring.front().and_then(|(_, a)| a.poll()) {
            let (iteration, _) = measuring.pop_front().expect("a front");
            report(iteration, known, &mut epochs, observer);
        }
    }
    learner.finish()?;
    for (iteration, accuracies) in measuring {
        report(iteration, accuracies.wait(), &mut epochs, observer);
    }
    Ok((loss, epochs))
}

/// Hands the accuracies measured after `iteration` to `observer` and keeps them.
fn report(
    iteration: usize,
    (train_acc, test_acc): (f64, f64),
    epochs: &mut Vec<Epoch>,
    observer: &mut dyn Observer,
) {
    let epoch = Epoch {
        index: epochs.len(),
        iteration,
        train_acc,
        test_acc,
    };
    observer.epoch(&epoch);
    epochs.push(epoch);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::synthetic;

    fn bits(t: &Training) -> (Vec<u64>, Vec<(usize, u64, u64)>, TwoLayerNet) {
        (
            t.loss.iter().map(|l| l.to_bits()).collect(),
            t.epochs
                .iter()
                .map(|e| (e.iteration, e.train_acc.to_bits(), e.test_acc.to_bits()))
                .collect(),
            t.net.clone(),
        )
    }

    #[test]
    fn every_thread_count_gives_the_same_bits() {
        let (train_set, test_set) = (synthetic(360, 0), synthetic(130, 360));
        // 13 hidden units: two lanes of eight, one partly padding. Batches
        // of 60: one part for each of 7 threads is 8 or 9 samples.
        let settings = |threads| Settings {
            iters: 24,
            batch_size: 60,
            learning_rate: 0.5,
            hidden: 13,
            seed: 3,
            threads,
        };
        let one = train(&train_set, &test_set, &settings(1), &mut ()).unwrap();
        // An epoch every 360 / 60 = 6 iterations.
        assert_eq!(one.epochs.len(), 4);
        for threads in [2, 3, 4, 7] {
            let other = train(&train_set, &test_set, &settings(threads), &mut ()).unwrap();
            assert_eq!(bits(&other), bits(&one), "{threads} threads");
        }
        let reference = train_reference(&train_set, &test_set, &settings(1), &mut ()).unwrap();
        assert_eq!(reference.epochs, one.epochs);
    }
}
