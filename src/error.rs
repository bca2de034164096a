//! The errors a user can cause, told apart from runtime failures so that
//! `main` can exit with 2 for bad usage and 1 for everything else.

/// A mistake in how the tool was called: a bad value, path or name.
/// Its message is one line that names the flag or file and what is accepted.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(String);

impl UsageError {
    pub fn new(message: impl Into<String>) -> Self {
        UsageError(message.into())
    }
}
