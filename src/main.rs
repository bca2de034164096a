//! numdiff-plot: the figures of chapter 4 of "Deep Learning from Scratch".
//!
//! Exit status: 0 success, 1 runtime failure (I/O and the like), 2 bad usage.
//! Every error is one line on stderr.

use numdiff_plot::output::escape_controls;
use numdiff_plot::{cli, command, error};

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Mutex;

/// `report!` that cannot panic: a stderr that cannot be written
/// (`2>/dev/full`) is ignored, and the exit code still tells.
macro_rules! report {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match cli::Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(e, &args),
    };
    // A panic is a bug, but even then the user gets one line, not a
    // backtrace: the hook keeps the message and `main` reports it.
    static PANIC: Mutex<Option<String>> = Mutex::new(None);
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut slot) = PANIC.lock() {
            slot.get_or_insert(numdiff_plot::threads::panic_line(info));
        }
    }));
    match std::panic::catch_unwind(|| command::run(cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            // Our messages are one line; input they quote may not be.
            report!("error: {}", escape_controls(&format!("{e:#}")));
            ExitCode::from(error::exit_code(&e))
        }
        Err(_) => {
            let message = PANIC.lock().ok().and_then(|mut m| m.take());
            report!(
                "error: internal error (a bug; please report it): {}",
                message.unwrap_or_else(|| "panic".to_string())
            );
            ExitCode::from(1)
        }
    }
}

/// clap's own errors, in one line; help and version go to stdout.
fn usage_error(e: clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            report!("{}", cli::usage::one_line(&e, args));
            ExitCode::from(2)
        }
    }
}
