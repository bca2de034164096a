//! Where `train` meets [`crate::network`]: the MNIST files as the network's
//! datasets, the command's settings as the book's hyperparameters, and the
//! network's progress as the command's.

use super::train::{Progress, TrainResult, TrainSettings};
use crate::data::{Images, Mnist};
use crate::network::{self, Dataset, Epoch, Settings};
use anyhow::{Context, Result};

/// The book's `train_neuralnet.py` with the backprop gradient, on the fast
/// sparse network, on as many threads as the machine has (at most 2: the
/// results are the same on 1).
pub fn backprop(
    mnist: Mnist,
    s: &TrainSettings,
    progress: &mut dyn FnMut(Progress),
) -> Result<TrainResult> {
    let (train, test) = datasets(mnist)?;
    let t = network::train(&train, &test, &settings(s), &mut Relay(progress))?;
    Ok(result(t))
}

/// The same loop with the chapter's numerical gradient
/// (`network.numerical_gradient`) in place of backprop.
pub fn numerical(
    mnist: Mnist,
    s: &TrainSettings,
    progress: &mut dyn FnMut(Progress),
) -> Result<TrainResult> {
    let (train, test) = datasets(mnist)?;
    let t = network::train_numerical(&train, &test, &settings(s), &mut Relay(progress))?;
    Ok(result(t))
}

/// The command's settings as the network's, on as many threads as the
/// machine has, at most 2 (the results are the same on 1).
fn settings(s: &TrainSettings) -> Settings {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    Settings {
        iters: s.iters,
        batch_size: s.batch_size,
        learning_rate: s.learning_rate,
        hidden: s.hidden,
        seed: s.seed,
        threads,
    }
}

/// What the book's script records, from the network's record.
fn result(t: network::Training) -> TrainResult {
    TrainResult {
        loss: t.loss,
        train_acc: t.epochs.iter().map(|e| e.train_acc).collect(),
        test_acc: t.epochs.iter().map(|e| e.test_acc).collect(),
    }
}

/// The training and test sets, their bytes moved, not copied.
pub fn datasets(m: Mnist) -> Result<(Dataset, Dataset)> {
    let set = |images: Images, labels: Vec<u8>, which: &str| {
        Dataset::new(images.pixels, labels, images.rows, images.cols)
            .with_context(|| format!("the {which} set"))
    };
    Ok((
        set(m.train_images, m.train_labels, "training")?,
        set(m.test_images, m.test_labels, "test")?,
    ))
}

/// The network's progress, told to the command's callback.
struct Relay<'a>(&'a mut dyn FnMut(Progress));

impl network::Progress for Relay<'_> {
    fn iteration(&mut self, iteration: usize, loss: f64) {
        (self.0)(Progress::Iteration { iteration, loss })
    }

    fn epoch(&mut self, e: &Epoch) {
        (self.0)(Progress::Epoch {
            index: e.index,
            iteration: e.iteration,
            train_acc: e.train_acc,
            test_acc: e.test_acc,
        })
    }
}
