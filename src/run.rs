//! What each subcommand does: compute, print, draw, write.

use crate::calculus::Differentiator;
use crate::cli::{AllArgs, Cli, Command, DiffArgs, MethodArgs, OutputArgs};
use crate::error::UsageError;
use crate::expr::Expression;
use crate::figure::{self, descent, numdiff_error, quiver, simplenet, surface, tangent, Plot};
use crate::render::output::write_atomic;
use crate::render::{Format, Size};
use crate::symbolic;
use anyhow::{anyhow, Context, Result};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Tangent(a) => {
            let params = tangent::Params {
                f: differentiator(a.f, &a.method)?,
                at: a.at,
                range: a.range,
            };
            figure_command(tangent::compute(&params), &a.out, "gradient_1d.png")
        }
        Command::Surface(a) => {
            let params = surface::Params {
                f: a.f,
                grid: a.grid,
                elev: a.elev,
                azim: a.azim,
            };
            figure_command(surface::compute(&params), &a.out, "multivariate_func.png")
        }
        Command::Quiver(a) => {
            let params = quiver::Params {
                f: differentiator(a.f, &a.method)?,
                grid: a.grid,
                at: a.at,
            };
            figure_command(quiver::compute(&params), &a.out, "gradient_2d.png")
        }
        Command::Descent(a) => {
            let params = descent::Params {
                f: differentiator(a.f, &a.method)?,
                init: a.init,
                lr: a.lr,
                step_num: a.steps,
            };
            figure_command(descent::compute(&params), &a.out, "gradient_method.png")
        }
        Command::Simplenet(a) => {
            let params = simplenet::Params { seed: a.seed };
            figure_command(
                simplenet::compute(&params),
                &a.out,
                "gradient_simplenet.png",
            )
        }
        Command::Diff(a) => diff(a),
        Command::Error(a) => {
            let params = numdiff_error::Params { f: a.f, x: a.x };
            let data = numdiff_error::compute(&params)
                .map_err(|e| UsageError::new(format!("--f: {e}")))?;
            figure_command(data, &a.out, "numdiff_error.png")
        }
        Command::All(a) => all(&a),
    }
}

/// The expression with the chosen method, checked: `--h` only where the
/// method takes a step, complex-step only on analytic expressions.
fn differentiator(f: Expression, m: &MethodArgs) -> Result<Differentiator> {
    if m.h.is_some() && !m.method.takes_h() {
        return Err(UsageError::new(format!(
            "--h does not apply to --method {}, which chooses its own step; \
             h can be set for central, forward, five-point and complex-step",
            m.method
        ))
        .into());
    }
    Differentiator::new(f, m.method, m.h)
        .map_err(|e| UsageError::new(format!("--method {}: {e}", m.method)).into())
}

/// `diff`: the symbolic derivative, and at `--at` the numbers beside it.
fn diff(a: DiffArgs) -> Result<()> {
    let n = a.expr.vars().len();
    if n == 0 {
        return Err(UsageError::new(format!(
            "'{}' has no variable to differentiate by",
            a.expr.source()
        ))
        .into());
    }
    if let Some(at) = &a.at {
        if at.0.len() != n {
            return Err(UsageError::new(format!(
                "--at: '{}' has {n} variable{} ({}); give {n} number{} separated by commas",
                a.expr.source(),
                if n == 1 { "" } else { "s" },
                a.expr.vars().join(", "),
                if n == 1 { "" } else { "s" },
            ))
            .into());
        }
    }
    let d = differentiator(a.expr, &a.method)?;
    let report = symbolic::compute(&d, a.at.as_ref().map(|n| n.0.as_slice()))
        .map_err(|e| UsageError::new(format!("'{}': {e}", d.f.source())))?;
    let text = if a.json {
        serde_json::to_string(&report)? + "\n"
    } else {
        report.text()
    };
    print_stdout(&text)
}

/// One figure: write the image, then print its numbers as text or JSON.
fn figure_command<P: Plot + Serialize>(
    plot: P,
    out: &OutputArgs,
    default_file: &str,
) -> Result<()> {
    let path = out.output.clone().unwrap_or_else(|| default_file.into());
    let format = Format::from_path(&path)?;
    let bytes = figure::image(&plot, out.size, format)?;
    write_atomic(&path, &bytes)?;
    let text = if out.json {
        json(&plot, &path, out.size)?
    } else {
        plot.report()
    };
    print_stdout(&text)
}

/// The figure's data as one JSON object, with the figure's name, file and size.
fn json<P: Plot + Serialize>(plot: &P, path: &Path, size: Size) -> Result<String> {
    let mut value = serde_json::to_value(plot).context("serializing the figure's data")?;
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("figure".into(), plot.name().into());
        map.insert("output".into(), path.display().to_string().into());
        map.insert("size".into(), serde_json::to_value(size)?);
    }
    Ok(serde_json::to_string(&value)? + "\n")
}

/// Prints to stdout; a reader that has gone away (`| head`) is not an error.
fn print_stdout(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to stdout")
        }
        _ => Ok(()),
    }
}

/// Every figure of the book, rendered in parallel; written, or with
/// `--check` compared with what is on disk.
fn all(a: &AllArgs) -> Result<()> {
    let figures = figure::book_figures();
    let rendered: Vec<(&str, Result<Vec<u8>>)> = std::thread::scope(|s| {
        let handles: Vec<_> = figures
            .iter()
            .map(|(file, plot)| {
                let format =
                    Format::from_path(Path::new(file)).expect("the book's file names are .png");
                (
                    *file,
                    s.spawn(move || figure::image(plot.as_ref(), Size::DEFAULT, format)),
                )
            })
            .collect();
        handles
            .into_iter()
            .map(|(file, h)| {
                (
                    file,
                    h.join()
                        .unwrap_or_else(|_| Err(anyhow!("rendering {file} failed"))),
                )
            })
            .collect()
    });
    if a.check {
        let mut stale = Vec::new();
        for (file, bytes) in rendered {
            let path = a.output.join(file);
            let bytes = bytes?;
            match std::fs::read(&path) {
                Ok(on_disk) if on_disk == bytes => {}
                Ok(_) => stale.push(format!("{} differs", path.display())),
                Err(_) => stale.push(format!("{} is missing", path.display())),
            }
        }
        if stale.is_empty() {
            return Ok(());
        }
        return Err(anyhow!(
            "figures out of date: {}; run `numdiff-plot all -o {}` to regenerate",
            stale.join(", "),
            a.output.display()
        ));
    }
    std::fs::create_dir_all(&a.output)
        .with_context(|| format!("cannot create directory {}", a.output.display()))?;
    let mut written = String::new();
    for (file, bytes) in rendered {
        let path = a.output.join(file);
        write_atomic(&path, &bytes?)?;
        written.push_str(&format!("wrote {}\n", path.display()));
    }
    print_stdout(&written)
}
