//! `diff`: an expression's symbolic derivative, and at each `--at` the
//! numbers beside it.

use crate::cli::DiffArgs;
use crate::derivative::report::{self, DiffReport};
use crate::error::Error;
use crate::output::{fmt_count, print_stdout};
use anyhow::Result;
use std::io::Write;

/// `diff`: the symbolic derivative, and at each `--at`, in order, the
/// numbers beside it. Text: the derivative, then one block per point.
/// JSON: one object, with the point's fields when `--at` is given once; an
/// array of such objects, one per point, when it is repeated.
pub fn run(a: DiffArgs) -> Result<()> {
    let vars = a.expr.vars();
    let n = vars.len();
    if n == 0 {
        return Err(Error::usage(format!(
            "'{}' has no variable to differentiate by",
            a.expr.source()
        ))
        .into());
    }
    if let Some(at) = a.at.iter().find(|at| at.0.len() != n) {
        let order = if n == 1 {
            String::new()
        } else {
            format!(" as {}", vars.join(","))
        };
        return Err(Error::usage(format!(
            "'{}' has {}, {}: give {} for --at{order}, not {at}",
            a.expr.source(),
            fmt_count(n, "variable"),
            names(vars),
            fmt_count(n, "number"),
        ))
        .into());
    }
    let d = a.method.differentiator(a.expr)?;
    let reports: Vec<DiffReport> = if a.at.is_empty() {
        vec![report::compute(&d, None)]
    } else {
        a.at.iter()
            .map(|at| report::compute(&d, Some(&at.0)))
            .collect()
    };
    let mut warned: Vec<&String> = Vec::new();
    for warning in reports.iter().flat_map(|r| &r.warnings) {
        if !warned.contains(&warning) {
            let _ = writeln!(std::io::stderr(), "warning: {warning}");
            warned.push(warning);
        }
    }
    let text = match (a.json, reports.as_slice()) {
        (true, [one]) => serde_json::to_string(one)? + "\n",
        (true, several) => serde_json::to_string(several)? + "\n",
        (false, _) => {
            let blocks = reports.iter().map(DiffReport::point_text);
            reports[0].derivative_text() + &blocks.collect::<String>()
        }
    };
    Ok(print_stdout(text.as_bytes())?)
}

/// `x`, `x0 and x1`, `a, b and c`.
fn names(vars: &[String]) -> String {
    match vars {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
