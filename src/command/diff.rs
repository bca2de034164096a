//! `diff`: an expression's symbolic derivative, and at `--at` the numbers
//! beside it.

use crate::cli::DiffArgs;
use crate::derivative::report;
use crate::error::Error;
use crate::output::print_stdout;
use anyhow::Result;
use std::io::Write;

/// `diff`: the symbolic derivative, and at `--at` the numbers beside it.
pub fn run(a: DiffArgs) -> Result<()> {
    let n = a.expr.vars().len();
    if n == 0 {
        return Err(Error::usage(format!(
            "'{}' has no variable to differentiate by",
            a.expr.source()
        ))
        .into());
    }
    if let Some(at) = &a.at {
        if at.0.len() != n {
            return Err(Error::usage(format!(
                "--at: '{}' has {n} variable{} ({}); give {n} number{} separated by commas",
                a.expr.source(),
                if n == 1 { "" } else { "s" },
                a.expr.vars().join(", "),
                if n == 1 { "" } else { "s" },
            ))
            .into());
        }
    }
    let d = a.method.differentiator(a.expr)?;
    let report = report::compute(&d, a.at.as_ref().map(|n| n.0.as_slice()));
    for warning in &report.warnings {
        let _ = writeln!(std::io::stderr(), "warning: {warning}");
    }
    let text = if a.json {
        serde_json::to_string(&report)? + "\n"
    } else {
        report.text()
    };
    Ok(print_stdout(text.as_bytes())?)
}
