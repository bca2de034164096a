//! The figure commands' output policy: write the image where `--output`
//! says, then print the numbers as text or JSON.

use crate::cli::caps;
use crate::cli::{OutputArgs, Target};
use crate::error::Error;
use crate::figure::{self, Figure, SerializePlot};
use crate::output::{check_destination, print_stdout, write_atomic, Problem, WriteError};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// One figure: compute it, write the image, then print its numbers as
/// text or JSON.
///
/// Everything that can be wrong with the output is checked before drawing.
/// stdout carries either the image (`-o -`) or the text or JSON, never both:
/// with `-o -` the text report goes to stderr.
pub fn run(drawn: &dyn Figure, out: &OutputArgs) -> Result<()> {
    let (default_file, plot) = drawn.plot()?;
    let plot = plot.as_ref();
    let target = out.target(default_file);
    let format = out.format(&target)?;
    caps::check_pixels(out, format)?;
    match &target {
        Target::Stdout if out.json => {
            return Err(Error::usage(
                "--json and --output - would both write to stdout; write the figure to a file",
            )
            .into())
        }
        Target::Stdout => {}
        Target::File(path) => check_destination(path).map_err(output_hint)?,
    }
    let image = figure::render(plot, out.size, out.zoom(), &out.view(), format)?;
    for warning in plot.warnings().into_iter().chain(image.warning()) {
        let _ = writeln!(std::io::stderr(), "warning: {warning}");
    }
    match &target {
        Target::Stdout => print_stdout(&image.bytes)?,
        Target::File(path) => write_atomic(path, &image.bytes).map_err(output_hint)?,
    }
    let output = match &target {
        Target::Stdout => Path::new("-"),
        Target::File(path) => path.as_path(),
    };
    if out.json {
        let text = serde_json::to_string(&json(plot, output, out)?)? + "\n";
        print_stdout(text.as_bytes())?;
    } else if !out.quiet && target == Target::Stdout {
        // The report cannot share stdout with the image.
        let _ = write!(std::io::stderr(), "{}", plot.report());
    } else if !out.quiet {
        print_stdout(plot.report().as_bytes())?;
    }
    Ok(())
}

/// A directory given as `--output`: say what the flag takes.
fn output_hint(error: WriteError) -> Error {
    match &error {
        WriteError::File {
            problem: Problem::IsADirectory,
            ..
        } => Error::WriteHint {
            error,
            hint: "--output takes a file name ending in .png, .svg or .pdf",
        },
        _ => error.into(),
    }
}

/// The figure's data as one JSON object, as `--json` prints it: with the
/// figure's name, file, size and scale. Numbers that are not finite (a
/// diverged descent) are null.
pub fn json(plot: &dyn SerializePlot, path: &Path, out: &OutputArgs) -> Result<serde_json::Value> {
    let mut value = plot.to_json().context("serializing the figure's data")?;
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("figure".into(), plot.name().into());
        map.insert("output".into(), path.display().to_string().into());
        map.insert("size".into(), serde_json::to_value(out.size)?);
        map.insert("scale".into(), out.scale.into());
    }
    Ok(value)
}
