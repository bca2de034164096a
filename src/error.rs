//! The errors a user can cause, each one line that names the flag or file
//! and what is accepted; `main` prints it and exits with [`Error::exit_code`].
//! Failures nobody can act on (a figure that fails to draw) are `anyhow`
//! errors with context, and exit with 1.

use crate::expr::ExprError;
use crate::output::WriteError;
use std::path::PathBuf;

/// What a user can get wrong, or find wrong.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A mistake in how the tool was called: a bad value, flags that do not
    /// go together, work over a cap.
    #[error("{0}")]
    Usage(String),
    /// An expression that cannot be used as asked; `what` names the flag
    /// or the expression, `hint` says what to do instead:
    /// `--method complex-step: … abs() is not; use another --method`.
    #[error("{what}: {error}{}", hint.map(|h| format!("; {h}")).unwrap_or_default())]
    Expression {
        what: String,
        error: ExprError,
        hint: Option<&'static str>,
    },
    /// A file or stdout that cannot be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A file named by a flag that cannot be written, with what the flag
    /// takes: `cannot write x.png: it is a directory; --output takes …`.
    #[error("{error}; {hint}")]
    WriteHint {
        error: WriteError,
        hint: &'static str,
    },
    /// `all --check`: committed figures that are not what the binary draws.
    #[error(
        "figures out of date: {}; run `numdiff-plot all -o {}` to regenerate",
        .stale.join(", "),
        .dir.display()
    )]
    Stale {
        /// `DIR/FILE differs` or `DIR/FILE is missing`, one per figure.
        stale: Vec<String>,
        dir: PathBuf,
    },
}

impl Error {
    /// A [`Error::Usage`] with this message.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    /// 2 for bad usage (a value, a flag, an expression), 1 for everything
    /// else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Expression { .. } => 2,
            Error::Write(_) | Error::WriteHint { .. } | Error::Stale { .. } => 1,
        }
    }
}

/// The exit status for any error: [`Error::exit_code`] if it is (or wraps)
/// one of ours, else 1.
pub fn exit_code(e: &anyhow::Error) -> u8 {
    e.downcast_ref::<Error>().map_or(1, Error::exit_code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Problem;

    #[test]
    fn usage_mistakes_exit_with_2_and_the_rest_with_1() {
        assert_eq!(Error::usage("bad").exit_code(), 2);
        let write = || WriteError::File {
            path: "taken.png".into(),
            problem: Problem::IsADirectory,
        };
        assert_eq!(Error::from(write()).exit_code(), 1);
        let hinted = Error::WriteHint {
            error: write(),
            hint: "--output takes a file name",
        };
        assert_eq!(
            hinted.to_string(),
            "cannot write taken.png: it is a directory; --output takes a file name"
        );
        // Context on top keeps the code; an error of another kind is 1.
        let wrapped = anyhow::Error::new(Error::usage("bad")).context("while parsing");
        assert_eq!(exit_code(&wrapped), 2);
        assert_eq!(exit_code(&anyhow::anyhow!("drawing failed")), 1);
    }
}
