//! `/api/train`: the 4-11/4-12 panel's training, streamed as server-sent
//! events while it runs. The query is `train`'s own flags, parsed by
//! `train`'s own declaration; the data, the settings, the training
//! function, the figures and the final report are `train`'s
//! ([`crate::command::train`]), so the result is what `numdiff-plot train
//! --json` prints for the same flags. One training at a time; Stop (or a
//! closed connection) ends it after the iteration under way.

use super::figures::{self, command_line, parse, TRAIN};
use super::http::{self, Response};
use super::query::shell_line;
use crate::cli::{Command, TrainArgs};
use crate::command::data::load_for_batches;
use crate::command::train::{self as train_command, paths, plots, Report, METHODS};
use crate::figure;
use crate::network::{Epoch, Observer};
use crate::render::{Format, Size};
use serde::Serialize;
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The shortest time between two progress events: at most 20 a second.
pub const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// The one training that may run, and the request to stop it.
#[derive(Debug, Default)]
pub struct Slot {
    running: AtomicBool,
    stop: AtomicBool,
}

/// The slot held by a running training, freed when dropped.
struct Held<'a>(&'a Slot);

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.0.running.store(false, Ordering::SeqCst);
    }
}

impl Slot {
    fn claim(&self) -> Option<Held<'_>> {
        self.running
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .ok()?;
        self.stop.store(false, Ordering::SeqCst);
        Some(Held(self))
    }

    /// `/api/train/stop`: asks the running training to stop after its
    /// current iteration; says whether one was running.
    pub fn stop(&self) -> Response {
        let running = self.running.load(Ordering::SeqCst);
        if running {
            self.stop.store(true, Ordering::SeqCst);
        }
        Response::json(200, &json!({ "stopping": running }))
    }
}

/// Runs the training the query asks for on the MNIST in `data` (the
/// server's `--data`), writing its events to `stream`; or answers with
/// the error (400 for bad flags or missing data, 409 when busy).
pub fn stream(
    slot: &Slot,
    data: Option<&Path>,
    query: &str,
    stream: &mut impl Write,
) -> Option<Response> {
    let panel = figures::panel(TRAIN).expect("training is a panel");
    let extra: Vec<String> = data
        .map(|d| vec!["--data".to_string(), d.display().to_string()])
        .unwrap_or_default();
    let parsed = command_line(panel, query, &extra).and_then(|argv| Ok((parse(&argv)?, argv)));
    let (cli, argv) = match parsed {
        Ok(parsed) => parsed,
        Err(message) => return Some(Response::error(400, &message)),
    };
    let Command::Train(args) = &cli.command else {
        unreachable!("the train panel's command line is train's")
    };
    let Some(_held) = slot.claim() else {
        return Some(Response::error(
            409,
            "a training is already running; stop it or wait",
        ));
    };
    let settings = train_command::settings(args);
    let (mnist, dir) = match load_for_batches(&args.data, settings.batch_size) {
        Ok(loaded) => loaded,
        Err(e) => {
            return Some(Response::error(
                400,
                &crate::output::escape_controls(&e.to_string()),
            ))
        }
    };
    let train = match METHODS.for_grad(args.grad) {
        Ok(train) => train,
        Err(e) => return Some(figures::refusal(&e)),
    };
    let head = http::head(200, "text/event-stream; charset=utf-8", None, &[]);
    let mut events = Events {
        out: stream,
        broken: false,
        last: None,
        iters: settings.iters,
        stop: &slot.stop,
    };
    events.write(head.as_bytes());
    let started = Instant::now();
    let result = train(mnist, &settings, &mut events);
    let seconds = started.elapsed().as_secs_f64();
    let done = result.and_then(|result| {
        train_command::check(&result, &settings)?;
        done(args, &dir, result, seconds, &shell_line(&argv))
    });
    let (event, data) = match done {
        Ok(done) => ("done", done),
        Err(e) => (
            "error",
            json!({ "error": crate::output::escape_controls(&format!("{e:#}")) }).to_string(),
        ),
    };
    events.event(event, &data);
    None
}

/// The `done` event's data: `train --json`'s report and both figures.
fn done(
    args: &TrainArgs,
    dir: &Path,
    result: crate::network::Training,
    seconds: f64,
    command: &str,
) -> anyhow::Result<String> {
    let settings = train_command::settings(args);
    let warnings = train_command::warnings(&result, &settings);
    let (loss, accuracy) = plots(result);
    let svg = |plot: &dyn figure::Plot| -> anyhow::Result<String> {
        Ok(String::from_utf8(figure::image(
            plot,
            Size::DEFAULT,
            Format::Svg,
        )?)?)
    };
    let files: [PathBuf; 2] = paths(&args.output);
    let output: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    #[derive(Serialize)]
    struct Done<'a> {
        data: Report<'a>,
        loss_svg: String,
        accuracy_svg: String,
        warnings: Vec<String>,
        command: &'a str,
    }
    let done = Done {
        loss_svg: svg(&loss)?,
        accuracy_svg: svg(&accuracy)?,
        warnings,
        data: Report::new(
            &loss, &accuracy, &settings, args.grad, dir, seconds, &output,
        ),
        command,
    };
    Ok(serde_json::to_string(&done)?)
}

/// The training's events on the connection; a connection that fails to
/// take one (the page was closed) stops the training.
struct Events<'a, W: Write> {
    out: &'a mut W,
    broken: bool,
    last: Option<Instant>,
    iters: usize,
    stop: &'a AtomicBool,
}

impl<W: Write> Events<'_, W> {
    fn write(&mut self, bytes: &[u8]) {
        if !self.broken {
            self.broken = self
                .out
                .write_all(bytes)
                .and_then(|_| self.out.flush())
                .is_err();
        }
    }

    fn event(&mut self, name: &str, data: &str) {
        self.write(format!("event: {name}\ndata: {data}\n\n").as_bytes());
    }
}

impl<W: Write> Observer for Events<'_, W> {
    fn iteration(&mut self, iteration: usize, loss: f64) {
        let last = iteration + 1 == self.iters;
        if last || self.last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
            self.last = Some(Instant::now());
            let data = json!({ "iteration": iteration, "iterations": self.iters, "loss": loss });
            self.event("progress", &data.to_string());
        }
    }

    fn epoch(&mut self, e: &Epoch) {
        let data =
            json!({ "iteration": e.iteration, "train_acc": e.train_acc, "test_acc": e.test_acc });
        self.event("epoch", &data.to_string());
    }

    fn stopped(&mut self) -> bool {
        self.broken || self.stop.load(Ordering::SeqCst)
    }
}
