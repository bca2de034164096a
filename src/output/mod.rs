//! Where results go: files written atomically, stdout, and numbers and
//! quoted input as text; progress while a long command works, and what
//! Ctrl-C does to it.
//!
//! Nothing here knows the command line: errors name the file, and the
//! commands add which flag it came from.

pub mod file;
pub mod interrupt;
pub mod progress;
pub mod text;

pub use file::{check_destination, print_stdout, write_atomic, Problem, WriteError};
pub use progress::{Progress, Show, Unit};
pub use text::{escape_controls, fmt_count, fmt_f64, fmt_line, fmt_py, fmt_rounded, fmt_vec};
