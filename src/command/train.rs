//! `train`: section 4.5 of the book, `ch04/train_neuralnet.py`. Trains the
//! two-layer network on MNIST with mini-batch gradient descent, prints the
//! book's line per epoch, and draws the loss (figure 4-11) and the
//! accuracies (figure 4-12).
//!
//! Everything that can be wrong is found before training starts: the flags
//! (by their parsers), the data (loaded and checked, exit 2 naming the
//! file), the batch size against the training set, the output directory
//! (created if missing, then tried with a temporary file). Nothing is
//! written until training has ended; then both figures are written
//! atomically, and Ctrl-C waits for those writes ([`interrupt`]).
//!
//! The command meets the network in one place, [`NETWORK`]: a [`Trainer`]
//! for each way of taking the gradient.

use super::data::load_for_batches;
use crate::cli::train::{Grad, TrainArgs};
use crate::data::Mnist;
use crate::error::Error;
use crate::figure::{self, train_accuracy, train_loss, Plot};
use crate::output::file::describe;
use crate::output::{interrupt, write_atomic, Progress as Bar, Show, Unit};
use crate::render::{Format, Size};
use anyhow::{anyhow, bail, Context, Result};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The hyperparameters, checked, named as the book's script names them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainSettings {
    /// `iters_num`: iterations, one mini-batch each.
    pub iters: usize,
    /// `batch_size`: images per mini-batch, drawn with replacement; at
    /// most the number of training images.
    pub batch_size: usize,
    /// `learning_rate`: finite, greater than 0.
    pub learning_rate: f64,
    /// `hidden_size`: at least 1.
    pub hidden: usize,
    /// `np.random.seed(seed)` before the weights and the batches are drawn.
    pub seed: u32,
    /// How the gradient is taken.
    pub grad: Grad,
}

impl TrainSettings {
    pub fn from_args(a: &TrainArgs) -> Self {
        TrainSettings {
            iters: a.iters,
            batch_size: a.batch,
            learning_rate: a.lr,
            hidden: a.hidden,
            seed: a.seed,
            grad: a.grad,
        }
    }
}

/// What a trainer reports while it runs, in order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// After iteration `iteration` (from 0), with the loss recorded for it.
    Iteration { iteration: usize, loss: f64 },
    /// Epoch `index`'s accuracies (0: before any epoch is complete),
    /// measured after iteration `iteration`.
    Epoch {
        index: usize,
        iteration: usize,
        train_acc: f64,
        test_acc: f64,
    },
}

/// What the book's script records: `train_loss_list` (one loss per
/// iteration), `train_acc_list` and `test_acc_list` (one per epoch).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrainResult {
    pub loss: Vec<f64>,
    pub train_acc: Vec<f64>,
    pub test_acc: Vec<f64>,
}

/// Trains on the data (taken by value, so that its bytes can be moved into
/// the network's own layout without a copy) with the settings, telling
/// `progress` of every iteration and epoch.
pub type Trainer = fn(Mnist, &TrainSettings, &mut dyn FnMut(Progress)) -> Result<TrainResult>;

/// The trainers of one build, one for each [`Grad`]; `None` where the
/// build has none.
#[derive(Debug, Clone, Copy)]
pub struct Network {
    pub backprop: Option<Trainer>,
    pub numerical: Option<Trainer>,
}

/// The network the binary trains. Connecting a trainer is one entry here.
pub const NETWORK: Network = Network {
    backprop: Some(super::network::backprop),
    numerical: Some(super::network::numerical),
};

impl Network {
    fn trainer(&self, grad: Grad) -> Result<Trainer> {
        match grad {
            Grad::Backprop => self
                .backprop
                .ok_or_else(|| anyhow!("train: this build has no network to train")),
            Grad::Numerical => self.numerical.ok_or_else(|| {
                Error::usage(
                    "--grad numerical: not available in this build yet; use --grad backprop",
                )
                .into()
            }),
        }
    }
}

/// `train` as the binary runs it: with [`NETWORK`], reporting on stdout.
pub fn run(a: &TrainArgs) -> Result<()> {
    interrupt::exit_on_interrupt();
    let stdout = std::io::stdout();
    run_with(
        a,
        &NETWORK,
        Show::detect(a.quiet, a.json),
        &mut stdout.lock(),
    )
}

/// `train` with `network`, its report (or JSON) on `out`.
pub fn run_with(a: &TrainArgs, network: &Network, show: Show, out: &mut dyn Write) -> Result<()> {
    let settings = TrainSettings::from_args(a);
    let (mnist, dir) = load_for_batches(&a.data, settings.batch_size)?;
    prepare_output(&a.output)?;
    let trainer = network.trainer(settings.grad)?;

    let mut bar = Bar::new(show, out);
    bar.start(
        "train",
        Some(settings.iters as u64),
        Unit::Steps("iterations"),
    );
    let mut written = Ok(());
    let started = Instant::now();
    let result = trainer(mnist, &settings, &mut |p| match p {
        Progress::Iteration { iteration, loss } => {
            bar.set(iteration as u64 + 1, || format!("loss {loss:.4}"))
        }
        Progress::Epoch {
            train_acc,
            test_acc,
            ..
        } => {
            if written.is_ok() {
                written = bar.line(&train_accuracy::epoch_line(train_acc, test_acc));
            }
        }
    })?;
    let seconds = started.elapsed().as_secs_f64();
    bar.finish();
    written?;
    check(&result, &settings)?;

    let loss = train_loss::Data { loss: result.loss };
    let accuracy = train_accuracy::Data {
        train_acc: result.train_acc,
        test_acc: result.test_acc,
    };
    let files = draw(&loss, &accuracy, &a.output)?;
    interrupt::uninterrupted(|| {
        files
            .iter()
            .try_for_each(|(path, bytes)| write_atomic(path, bytes))
    })?;
    for warning in loss.warnings() {
        let _ = writeln!(std::io::stderr(), "warning: {warning}");
    }
    let paths: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
    if a.json {
        let report = Report {
            loss: &loss.loss,
            train_acc: &accuracy.train_acc,
            test_acc: &accuracy.test_acc,
            settings: &settings,
            data: &dir,
            seconds,
            output: &paths,
        };
        let text = serde_json::to_string(&report).context("serializing the results")? + "\n";
        return Ok(bar.print(&text)?);
    }
    for path in paths {
        bar.line(&format!("wrote {}", path.display()))?;
    }
    bar.line(&format!("{} iterations in {seconds:.2} s", settings.iters))?;
    Ok(())
}

/// The JSON object `--json` prints.
#[derive(Serialize)]
struct Report<'a> {
    loss: &'a [f64],
    train_acc: &'a [f64],
    test_acc: &'a [f64],
    settings: &'a TrainSettings,
    data: &'a Path,
    seconds: f64,
    output: &'a [&'a Path],
}

/// A missing output directory is created; an existing one must take a
/// new file. Both before any training, so that a bad `-o` costs nothing.
fn prepare_output(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        bail!(
            "-o {}: not a directory; train writes {} and {} into a directory",
            dir.display(),
            train_loss::FILE,
            train_accuracy::FILE
        );
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        anyhow!(
            "-o {}: cannot create the directory: {}",
            dir.display(),
            describe(&e)
        )
    })?;
    tempfile::Builder::new()
        .prefix(".numdiff-plot-")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|e| {
            anyhow!(
                "-o {}: cannot write into it: {}",
                dir.display(),
                describe(&e)
            )
        })
}

/// A trainer that returned other than it was asked for is a bug, said
/// plainly rather than drawn.
fn check(result: &TrainResult, settings: &TrainSettings) -> Result<()> {
    if result.loss.len() != settings.iters || result.train_acc.len() != result.test_acc.len() {
        bail!(
            "internal error: the trainer returned {} losses for {} iterations, \
             and {} train and {} test accuracies",
            result.loss.len(),
            settings.iters,
            result.train_acc.len(),
            result.test_acc.len()
        );
    }
    Ok(())
}

/// Both figures as PNG bytes, with the paths they go to, drawn before
/// anything is written.
fn draw(
    loss: &train_loss::Data,
    accuracy: &train_accuracy::Data,
    dir: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let png = |plot: &(dyn Plot + Sync)| figure::image(plot, Size::DEFAULT, Format::Png);
    // The two figures at once, one on each core.
    let (loss_png, accuracy_png) = std::thread::scope(|scope| {
        let accuracy_png = scope.spawn(|| png(accuracy));
        (png(loss), accuracy_png.join())
    });
    let accuracy_png =
        accuracy_png.map_err(|_| anyhow!("drawing {} failed", train_accuracy::FILE))?;
    Ok(vec![
        (dir.join(train_loss::FILE), loss_png?),
        (dir.join(train_accuracy::FILE), accuracy_png?),
    ])
}
