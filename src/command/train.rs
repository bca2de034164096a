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
//! The command meets the network in one place, [`METHODS`]: a training
//! function for each way of taking the gradient.

use super::data::load_for_batches;
use crate::cli::train::{Grad, TrainArgs};
use crate::data::{Images, Mnist};
use crate::error::Error;
use crate::figure::{self, train_accuracy, train_loss, Plot};
use crate::network::{self, Dataset, Epoch, Observer, Settings, Stalled, Training};
use crate::output::file::{describe, WriteError};
use crate::output::{fmt_count, interrupt, write_atomic, Progress, Show, Unit};
use crate::render::{Format, Size};
use crate::threads;
use anyhow::{anyhow, bail, Context, Result};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The book's settings from the flags, on the threads `--threads` asks
/// for (or every core), at most one per image of a batch.
pub fn settings(a: &TrainArgs) -> Settings {
    Settings {
        iters: a.iters,
        batch_size: a.batch,
        learning_rate: a.lr,
        hidden: a.hidden,
        seed: a.seed,
        threads: threads::count(a.threads, a.batch),
    }
}

/// Trains on the data (taken by value, so that its bytes can be moved into
/// the network's own layout without a copy) with the settings, telling
/// `observer` of every iteration and epoch.
pub type TrainFn = fn(Mnist, &Settings, &mut dyn Observer) -> Result<Training>;

/// The training functions of one build, one for each [`Grad`]; `None`
/// where the build has none.
#[derive(Debug, Clone, Copy)]
pub struct Methods {
    pub backprop: Option<TrainFn>,
    pub numerical: Option<TrainFn>,
}

/// The network the binary trains. Connecting a method is one entry here.
pub const METHODS: Methods = Methods {
    backprop: Some(backprop),
    numerical: Some(numerical),
};

impl Methods {
    /// The training function for `grad`, or the error that says this build
    /// has none.
    pub fn for_grad(&self, grad: Grad) -> Result<TrainFn> {
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

/// The book's `train_neuralnet.py` with the backprop gradient.
fn backprop(mnist: Mnist, settings: &Settings, observer: &mut dyn Observer) -> Result<Training> {
    let (train, test) = datasets(mnist)?;
    Ok(network::train(&train, &test, settings, observer)?)
}

/// The same loop with the chapter's numerical gradient
/// (`network.numerical_gradient`) in place of backprop.
fn numerical(mnist: Mnist, settings: &Settings, observer: &mut dyn Observer) -> Result<Training> {
    let (train, test) = datasets(mnist)?;
    Ok(network::train_numerical(&train, &test, settings, observer)?)
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

/// The training's progress on the command's bar (the loss) and report
/// lines (the book's line per epoch).
struct Shown<'p, 'o> {
    progress: &'p mut Progress<'o>,
    /// The first failure to print a line, reported after training.
    written: Result<(), WriteError>,
}

impl Observer for Shown<'_, '_> {
    fn iteration(&mut self, iteration: usize, loss: f64) {
        self.progress
            .set(iteration as u64 + 1, || format!("loss {loss:.4}"));
    }

    fn epoch(&mut self, e: &Epoch) {
        if self.written.is_ok() {
            self.written = self
                .progress
                .line(&train_accuracy::epoch_line(e.train_acc, e.test_acc));
        }
    }
}

/// `train` as the binary runs it: with [`METHODS`], reporting on stdout.
pub fn run(a: &TrainArgs) -> Result<()> {
    interrupt::exit_on_interrupt();
    let stdout = std::io::stdout();
    run_with(
        a,
        &METHODS,
        Show::detect(a.quiet, a.json),
        &mut stdout.lock(),
    )
}

/// `train` with `methods`, its report (or JSON) on `out`.
pub fn run_with(a: &TrainArgs, methods: &Methods, show: Show, out: &mut dyn Write) -> Result<()> {
    let settings = settings(a);
    let (mnist, dir) = load_for_batches(&a.data, settings.batch_size)?;
    prepare_output(&a.output)?;
    let train = methods.for_grad(a.grad)?;

    let mut progress = Progress::new(show, out);
    progress.start(
        "train",
        Some(settings.iters as u64),
        Unit::Steps("iterations"),
    );
    let started = Instant::now();
    let mut shown = Shown {
        progress: &mut progress,
        written: Ok(()),
    };
    let result = train(mnist, &settings, &mut shown)?;
    let written = shown.written;
    let seconds = started.elapsed().as_secs_f64();
    progress.finish();
    written?;
    check(&result, &settings)?;
    let warnings = warnings(&result, &settings);

    let (loss, accuracy) = plots(result);
    let files = draw(&loss, &accuracy, &a.output)?;
    interrupt::uninterrupted(|| {
        files
            .iter()
            .try_for_each(|(path, bytes)| write_atomic(path, bytes))
    })?;
    for warning in warnings {
        let _ = writeln!(std::io::stderr(), "warning: {warning}");
    }
    let paths: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
    if a.json {
        let report = Report::new(&loss, &accuracy, &settings, a.grad, &dir, seconds, &paths);
        let text = serde_json::to_string(&report).context("serializing the results")? + "\n";
        return Ok(progress.print(&text)?);
    }
    for path in paths {
        progress.line(&format!("wrote {}", path.display()))?;
    }
    progress.line(&format!(
        "{} in {seconds:.2} s",
        fmt_count(settings.iters, "iteration")
    ))?;
    Ok(())
}

/// What the user should know about a training's result, one line each
/// (printed as `warning: …`): that it went nowhere, with the flag that helps.
pub fn warnings(result: &Training, settings: &Settings) -> Vec<String> {
    let stalled = result.stalled(settings.learning_rate);
    stalled.map(|s| advice(&s)).into_iter().collect()
}

/// A training that went nowhere, said with the flag that helps.
fn advice(stalled: &Stalled) -> String {
    match stalled.too_large() {
        true => format!("{stalled}; try a smaller --lr"),
        false => format!("{stalled}; try a larger --lr or more --iters"),
    }
}

/// The two figures' data from a training's result: figure 4-11's losses
/// and figure 4-12's accuracies.
pub fn plots(result: Training) -> (train_loss::Data, train_accuracy::Data) {
    let accuracy = train_accuracy::Data {
        train_acc: result.epochs.iter().map(|e| e.train_acc).collect(),
        test_acc: result.epochs.iter().map(|e| e.test_acc).collect(),
    };
    (train_loss::Data { loss: result.loss }, accuracy)
}

/// The files `train` writes into `dir`: the loss, then the accuracies.
pub fn paths(dir: &Path) -> [PathBuf; 2] {
    [dir.join(train_loss::FILE), dir.join(train_accuracy::FILE)]
}

/// The JSON object `--json` prints.
#[derive(Serialize)]
pub struct Report<'a> {
    loss: &'a [f64],
    train_acc: &'a [f64],
    test_acc: &'a [f64],
    settings: ReportSettings<'a>,
    data: &'a Path,
    seconds: f64,
    output: &'a [&'a Path],
}

impl<'a> Report<'a> {
    /// The report of a training with `settings` and `grad` on the data in
    /// `data`, that took `seconds` and whose figures go to `output`.
    pub fn new(
        loss: &'a train_loss::Data,
        accuracy: &'a train_accuracy::Data,
        settings: &'a Settings,
        grad: Grad,
        data: &'a Path,
        seconds: f64,
        output: &'a [&'a Path],
    ) -> Self {
        Report {
            loss: &loss.loss,
            train_acc: &accuracy.train_acc,
            test_acc: &accuracy.test_acc,
            settings: ReportSettings {
                book: settings,
                grad,
            },
            data,
            seconds,
            output,
        }
    }
}

/// The settings as `--json` prints them: the book's, and the gradient.
#[derive(Serialize)]
struct ReportSettings<'a> {
    #[serde(flatten)]
    book: &'a Settings,
    grad: Grad,
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

/// A training that returned other than it was asked for is a bug, said
/// plainly rather than drawn.
pub fn check(result: &Training, settings: &Settings) -> Result<()> {
    if result.loss.len() != settings.iters {
        bail!(
            "internal error: the training returned {} losses for {} iterations",
            result.loss.len(),
            settings.iters,
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
    let [loss_path, accuracy_path] = paths(dir);
    Ok(vec![(loss_path, loss_png?), (accuracy_path, accuracy_png?)])
}
