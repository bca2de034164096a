//! Where `train` meets [`crate::network`]: the MNIST files as the network's
//! datasets, the command's settings as the book's hyperparameters, and the
//! network's progress as the command's.

use super::train::{Progress, TrainResult, TrainSettings};
use crate::data::{Images, Mnist};
use crate::network::{self, Dataset, Epoch, Settings, TrainError, Training};
use anyhow::{anyhow, Context, Result};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The book's `train_neuralnet.py` with the backprop gradient, on the fast
/// sparse network.
pub fn backprop(
    mnist: Mnist,
    s: &TrainSettings,
    progress: &mut dyn FnMut(Progress),
) -> Result<TrainResult> {
    let (train, test) = datasets(mnist)?;
    run(progress, |relay| {
        network::train(&train, &test, &settings(s), relay)
    })
}

/// The same loop with the chapter's numerical gradient
/// (`network.numerical_gradient`) in place of backprop.
pub fn numerical(
    mnist: Mnist,
    s: &TrainSettings,
    progress: &mut dyn FnMut(Progress),
) -> Result<TrainResult> {
    let (train, test) = datasets(mnist)?;
    run(progress, |relay| {
        network::train_numerical(&train, &test, &settings(s), relay)
    })
}

/// Runs a training loop on a thread of its own (the loop hands its work to
/// the network's threads), and reports its progress here, where the
/// terminal is, as it arrives through a channel.
fn run(
    progress: &mut dyn FnMut(Progress),
    train: impl FnOnce(&mut Relay) -> Result<Training, TrainError> + Send,
) -> Result<TrainResult> {
    let (events, reports) = mpsc::channel();
    let t = std::thread::scope(|scope| {
        let training = scope.spawn(move || train(&mut Relay::new(events)));
        for event in reports {
            progress(event);
        }
        training
            .join()
            .map_err(|_| anyhow!("the training thread stopped unexpectedly"))
    })??;
    Ok(TrainResult {
        loss: t.loss,
        train_acc: t.epochs.iter().map(|e| e.train_acc).collect(),
        test_acc: t.epochs.iter().map(|e| e.test_acc).collect(),
    })
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

/// The network's progress, sent to the thread that reports it: every
/// epoch, and the latest iteration at most every [`Relay::EVERY`] (each
/// message wakes that thread, which would otherwise take a core from the
/// training 10,000 times), and the last one at the end.
struct Relay {
    events: mpsc::Sender<Progress>,
    sent: Instant,
    unsent: Option<Progress>,
}

impl Relay {
    const EVERY: Duration = Duration::from_millis(40);

    fn new(events: mpsc::Sender<Progress>) -> Self {
        Relay {
            events,
            sent: Instant::now(),
            unsent: None,
        }
    }

    // The receiver outlives the loop, so a send cannot fail.
    fn send(&mut self, event: Progress) {
        let _ = self.events.send(event);
        self.sent = Instant::now();
    }

    fn flush(&mut self) {
        if let Some(event) = self.unsent.take() {
            self.send(event);
        }
    }
}

impl network::Progress for Relay {
    fn iteration(&mut self, iteration: usize, loss: f64) {
        self.unsent = Some(Progress::Iteration { iteration, loss });
        if self.sent.elapsed() >= Relay::EVERY {
            self.flush();
        }
    }

    fn epoch(&mut self, e: &Epoch) {
        self.flush();
        self.send(Progress::Epoch {
            index: e.index,
            iteration: e.iteration,
            train_acc: e.train_acc,
            test_acc: e.test_acc,
        });
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.flush();
    }
}
