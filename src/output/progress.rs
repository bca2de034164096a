//! What a long command shows while it works: a progress bar on stderr when
//! stderr is a terminal (how far, a message such as the loss, the time
//! left), report lines on stdout chosen by the command (one per epoch, one
//! per file), and nothing at all with `--quiet`.
//!
//! The bar is indicatif's; it redraws at most 20 times a second, so it costs
//! next to nothing however often it is moved. A line printed while a bar is
//! shown is printed above it, the bar redrawn below.

use super::file::{describe, WriteError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, IsTerminal, Write};

/// What a long command shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Show {
    /// A progress bar on stderr.
    pub bar: bool,
    /// The command's report lines (on stdout, or the writer given).
    pub lines: bool,
}

impl Show {
    /// Nothing: `--quiet`.
    pub const NOTHING: Show = Show {
        bar: false,
        lines: false,
    };

    /// The bar if stderr is a terminal and the command is not `quiet`; the
    /// report lines unless `quiet` or the report is JSON instead.
    pub fn detect(quiet: bool, json: bool) -> Show {
        Show {
            bar: !quiet && io::stderr().is_terminal(),
            lines: !quiet && !json,
        }
    }
}

/// What the bar counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Steps of work, such as iterations, named by the word given.
    Steps(&'static str),
    /// Bytes, shown as KiB and MiB with a rate.
    Bytes,
}

/// A progress bar and the report lines of one command.
pub struct Progress<'a> {
    show: Show,
    out: &'a mut dyn Write,
    bar: Option<ProgressBar>,
    unit: Unit,
}

impl<'a> Progress<'a> {
    /// Reports to `out` (stdout, or a buffer in tests) as `show` says.
    pub fn new(show: Show, out: &'a mut dyn Write) -> Self {
        Progress {
            show,
            out,
            bar: None,
            unit: Unit::Steps(""),
        }
    }

    /// Starts a bar for `total` units (a spinner when the total is not
    /// known), labelled `label`, replacing the bar before it.
    pub fn start(&mut self, label: &str, total: Option<u64>, unit: Unit) {
        self.finish();
        self.unit = unit;
        if !self.show.bar {
            return;
        }
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
        bar.set_style(style(total.is_some(), unit));
        bar.set_prefix(label.to_string());
        self.bar = Some(bar);
    }

    /// Moves the bar to `position`. `message` is asked for only when a bar
    /// is shown, so that formatting it costs nothing otherwise.
    pub fn set(&self, position: u64, message: impl FnOnce() -> String) {
        if let Some(bar) = &self.bar {
            bar.set_position(position);
            bar.set_message(message());
        }
    }

    /// Moves the bar to `position` of `total`, a total learnt on the way
    /// (a download's length, once the server says it): a spinner becomes
    /// a bar with the time left.
    pub fn set_total(&self, position: u64, total: u64) {
        if let Some(bar) = &self.bar {
            if bar.length() != Some(total) {
                bar.set_length(total);
                bar.set_style(style(true, self.unit));
            }
            bar.set_position(position);
        }
    }

    /// Prints one report line, above the bar if one is shown. A reader that
    /// has gone away (`| head`) is not an error.
    pub fn line(&mut self, text: &str) -> Result<(), WriteError> {
        if !self.show.lines {
            return Ok(());
        }
        self.print(&format!("{text}\n"))
    }

    /// Prints `text` whatever [`Show`] says: a report that was asked for,
    /// such as `--json`'s.
    pub fn print(&mut self, text: &str) -> Result<(), WriteError> {
        let out = &mut *self.out;
        let mut write = || out.write_all(text.as_bytes()).and_then(|_| out.flush());
        let written = match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        };
        match written {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                Err(WriteError::Stdout(describe(&e)))
            }
            _ => Ok(()),
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }

    /// Whether a bar is being shown.
    pub fn has_bar(&self) -> bool {
        self.bar.is_some()
    }
}

impl Drop for Progress<'_> {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `label [####>------] 1200/10000 iterations  loss 0.3120  ETA 2s`, or with
/// bytes `label [####>------] 3.10 MiB/9.27 MiB  2.00 MiB/s  ETA 3s`; the bar
/// takes what the terminal's width leaves, so that the line never wraps.
fn style(known_total: bool, unit: Unit) -> ProgressStyle {
    let template = match (known_total, unit) {
        (true, Unit::Steps(word)) => {
            format!("{{prefix}} [{{wide_bar}}] {{pos}}/{{len}} {word}  {{msg}}  ETA {{eta}}")
        }
        (false, Unit::Steps(word)) => format!("{{prefix}} {{spinner}} {{pos}} {word}  {{msg}}"),
        (true, Unit::Bytes) => {
            "{prefix} [{wide_bar}] {bytes}/{total_bytes}  {bytes_per_sec}  ETA {eta}".to_string()
        }
        (false, Unit::Bytes) => "{prefix} {spinner} {bytes}  {bytes_per_sec}".to_string(),
    };
    ProgressStyle::with_template(&template)
        .expect("the templates are valid")
        .progress_chars("#>-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_printed_unless_quiet() {
        let mut out = Vec::new();
        let mut p = Progress::new(
            Show {
                bar: false,
                lines: true,
            },
            &mut out,
        );
        p.start("train", Some(10), Unit::Steps("iterations"));
        p.set(3, || unreachable!("no bar, no message"));
        p.line("train acc, test acc | 0.1, 0.2").unwrap();
        assert!(!p.has_bar());
        drop(p);
        assert_eq!(out, b"train acc, test acc | 0.1, 0.2\n");

        let mut out = Vec::new();
        let mut p = Progress::new(Show::NOTHING, &mut out);
        p.line("nothing").unwrap();
        drop(p);
        assert!(out.is_empty());
    }

    #[test]
    fn every_template_is_valid() {
        for total in [true, false] {
            for unit in [Unit::Steps("iterations"), Unit::Bytes] {
                let _ = style(total, unit);
            }
        }
    }

    #[test]
    fn show_follows_quiet_and_json() {
        assert_eq!(Show::detect(true, false), Show::NOTHING);
        assert!(!Show::detect(false, true).lines);
        assert!(Show::detect(false, false).lines);
    }
}
