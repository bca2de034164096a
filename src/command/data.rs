//! `data`: fetch MNIST into the data directory (`download`), check what it
//! holds (`verify`), and say where it is (`path`).
//!
//! Exit status: 2 for what the user can fix (no data directory, a mirror
//! that is not a URL, files of another data set in the way, files that do
//! not verify), 1 when the network or the disk fails.

use crate::cli::data::{DataArgs, DataCommand, DataDirArg, DownloadArgs};
use crate::data::error::DOWNLOAD_COMMAND;
use crate::data::{self, Check, DownloadError, Event, Options, Status, MNIST_SHA256};
use crate::error::Error;
use crate::output::{interrupt, print_stdout, Progress, Show, Unit};
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs the `data` subcommand `a` names.
pub fn run(a: &DataArgs) -> Result<()> {
    match &a.command {
        DataCommand::Download(a) => {
            interrupt::exit_on_interrupt();
            let dir = dir(&a.data)?;
            let stdout = std::io::stdout();
            fetch(
                &dir,
                &options(a),
                Show::detect(a.quiet, false),
                &mut stdout.lock(),
            )
        }
        DataCommand::Verify(a) => {
            let dir = dir(&a.data)?;
            let stdout = std::io::stdout();
            verify(&dir, &MNIST_SHA256, a.quiet, &mut stdout.lock())
        }
        DataCommand::Path(a) => {
            let dir = dir(&a.data)?;
            Ok(print_stdout(format!("{}\n", dir.display()).as_bytes())?)
        }
    }
}

/// The directory `--data` names, else `$NUMDIFF_PLOT_DATA`, else the cache
/// directory's; having none is a usage error.
pub fn dir(arg: &DataDirArg) -> Result<PathBuf, Error> {
    data::data_dir(arg.dir.as_deref()).map_err(|e| Error::usage(e.to_string()))
}

/// MNIST from the data directory, loaded and checked (bad data is a usage
/// error naming the file), with that directory; `--batch` must not ask
/// for more images than the training set has.
pub fn load_for_batches(arg: &DataDirArg, batch: usize) -> Result<(data::Mnist, PathBuf), Error> {
    let dir = dir(arg)?;
    let mnist = data::Mnist::load(&dir).map_err(|e| Error::usage(e.to_string()))?;
    let train_size = mnist.train_labels.len();
    if batch > train_size {
        return Err(Error::usage(format!(
            "--batch {batch}: the training set in {} has {train_size} images; \
             a batch can be at most that",
            dir.display()
        )));
    }
    Ok((mnist, dir))
}

/// The mirrors of `--mirror`, or the default ones, for MNIST's four files.
fn options(a: &DownloadArgs) -> Options<'static> {
    let mut options = Options::default();
    if !a.mirrors.is_empty() {
        options.mirrors = a.mirrors.clone();
    }
    options
}

/// Downloads what `dir` lacks of `options.files`, with a bar per file on a
/// terminal and a line per file on `out`: `PATH: ok (already there)` or
/// `PATH: saved from URL`. A mirror that fails is a warning on stderr while
/// another remains to be tried.
pub fn fetch(dir: &Path, options: &Options, show: Show, out: &mut dyn Write) -> Result<()> {
    let mut progress = Progress::new(show, out);
    let mut written = Ok(());
    let mut failures = 0;
    let mirrors = options.mirrors.len();
    let result = data::download(dir, options, &mut |event| {
        let line = match event {
            Event::Present { path, .. } => Some(format!("{}: ok (already there)", path.display())),
            Event::Start { name, .. } => {
                progress.start(name, None, Unit::Bytes);
                None
            }
            Event::Progress { bytes, total, .. } => {
                match total {
                    Some(total) => progress.set_total(bytes, total),
                    None => progress.set(bytes, String::new),
                }
                None
            }
            Event::Failed { url, reason, .. } => {
                progress.finish();
                failures += 1;
                if failures < mirrors {
                    let _ = writeln!(
                        std::io::stderr(),
                        "warning: {url}: {reason}; trying the next mirror"
                    );
                }
                None
            }
            Event::Saved { path, url, .. } => {
                progress.finish();
                failures = 0;
                Some(format!("{}: saved from {url}", path.display()))
            }
        };
        if let Some(line) = line {
            if written.is_ok() {
                written = progress.line(&line);
            }
        }
    });
    progress.finish();
    result.map_err(download_error)?;
    written?;
    progress.line(&format!(
        "{}: MNIST's {} files, verified",
        dir.display(),
        options.files.len()
    ))?;
    Ok(())
}

/// What the user can fix is a usage error (exit 2); the rest, network and
/// disk, is a runtime failure (exit 1).
fn download_error(e: DownloadError) -> anyhow::Error {
    match e {
        DownloadError::NotMnist { .. } | DownloadError::NoMirrors | DownloadError::BadMirror(_) => {
            Error::usage(e.to_string()).into()
        }
        _ => e.into(),
    }
}

/// Checks each of `files` in `dir` and prints a line for each (`PATH: ok`
/// or what is wrong), then, if any is not as published, fails with a line
/// that counts them and says what to do.
pub fn verify(dir: &Path, files: &[(&str, &str)], quiet: bool, out: &mut dyn Write) -> Result<()> {
    let checks = data::verify(dir, files);
    if !quiet {
        let report: String = checks.iter().map(|c| format!("{c}\n")).collect();
        match out.write_all(report.as_bytes()).and_then(|_| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                return Err(
                    crate::output::WriteError::Stdout(crate::output::file::describe(&e)).into(),
                )
            }
            _ => {}
        }
    }
    match not_verified(dir, &checks) {
        Some(problem) => Err(Error::usage(problem).into()),
        None => Ok(()),
    }
}

/// `DIR: not MNIST as published (1 missing, 2 with other content); …`, or
/// `None` when every file verifies.
fn not_verified(dir: &Path, checks: &[Check]) -> Option<String> {
    let missing = checks
        .iter()
        .filter(|c| c.status == Status::Missing)
        .count();
    let other = checks
        .iter()
        .filter(|c| !c.is_verified() && c.status != Status::Missing)
        .count();
    let mut counts = Vec::new();
    if missing > 0 {
        counts.push(format!("{missing} missing"));
    }
    if other > 0 {
        counts.push(format!("{other} with other content"));
    }
    if counts.is_empty() {
        return None;
    }
    let what = match other {
        0 => format!(
            "fetch them with `{DOWNLOAD_COMMAND} --data {}`",
            dir.display()
        ),
        _ => "a set in MNIST's format, such as Fashion-MNIST, still trains, but it is not MNIST; \
              download MNIST into another --data directory"
            .to_string(),
    };
    Some(format!(
        "{}: not MNIST as published ({}); {what}",
        dir.display(),
        counts.join(", ")
    ))
}
