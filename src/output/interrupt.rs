//! Ctrl-C (and SIGTERM, SIGHUP) during a long command.
//!
//! A long command computes everything before it writes anything, and writes
//! each file atomically ([`super::write_atomic`]: a temporary file renamed
//! into place). Killed by the default signal action in the middle of such a
//! write, the process would leave its temporary file behind. So a long
//! command installs [`exit_on_interrupt`]: an interruption ends the process
//! at once (exit status 130, as a shell reports SIGINT) unless writes are
//! under way inside [`uninterrupted`]; then it waits for them to finish. An
//! interrupted command thus leaves either nothing new or whole files.
//!
//! On Windows the handler hears Ctrl-C and Ctrl-Break (console control
//! events) and behaves the same, exit status 130 included. Closing the
//! console window is another event: Windows ends the process as soon as the
//! handler has been told, without waiting, so a write under way then can
//! leave its `.numdiff-plot-*` temporary file (never a partial figure).

use std::io::Write;
use std::sync::{Mutex, Once, PoisonError};

/// Held while files are being written.
static WRITING: Mutex<()> = Mutex::new(());
static INSTALL: Once = Once::new();

/// The exit status of an interrupted command: 128 + SIGINT.
pub const INTERRUPTED: i32 = 130;

/// From now on, Ctrl-C ends the process with [`INTERRUPTED`], after any
/// [`uninterrupted`] work in progress. Installing twice does nothing more.
pub fn exit_on_interrupt() {
    INSTALL.call_once(|| {
        // Without a handler (an exotic platform) the default action
        // remains, and the write window stays as small as it is.
        let _ = ctrlc::set_handler(|| {
            let _wait = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
            let _ = writeln!(std::io::stderr(), "\nerror: interrupted");
            std::process::exit(INTERRUPTED);
        });
    });
}

/// Runs `f` (the writes of a command's results) without being cut short by
/// an interruption; the interruption takes effect once `f` returns.
pub fn uninterrupted<T>(f: impl FnOnce() -> T) -> T {
    let _hold = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
    f()
}
