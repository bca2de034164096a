//! What each subcommand does: compute, print, draw, write.

use crate::cli::{
    AllArgs, Cli, Command, CompletionsArgs, DiffArgs, MethodArgs, OutputArgs, Target,
};
use crate::derivative::{report, Differentiator};
use crate::error::UsageError;
use crate::expr::Expression;
use crate::figure::{self, descent, numdiff_error, quiver, simplenet, surface, tangent, Plot};
use crate::render::output::{check_destination, describe, write_atomic};
use crate::render::{Format, Size};
use anyhow::{anyhow, Context, Result};
use clap::CommandFactory;
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

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
        Command::Completions(a) => completions(&a),
        Command::Man => man(),
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
    let report = report::compute(&d, a.at.as_ref().map(|n| n.0.as_slice()))
        .map_err(|e| UsageError::new(format!("'{}': {e}", d.f.source())))?;
    let text = if a.json {
        serde_json::to_string(&report)? + "\n"
    } else {
        report.text()
    };
    print_stdout(text.as_bytes())
}

/// One figure: write the image, then print its numbers as text or JSON.
///
/// Everything that can be wrong with the output is checked before drawing.
/// stdout carries either the image (`-o -`) or the text or JSON, never both:
/// with `-o -` the text report goes to stderr.
fn figure_command<P: Plot + Serialize>(
    plot: P,
    out: &OutputArgs,
    default_file: &str,
) -> Result<()> {
    let target = out.target(default_file);
    let format = out.format(&target)?;
    crate::validate::check_pixels(out, format)?;
    match &target {
        Target::Stdout if out.json => {
            return Err(UsageError::new(
                "--json and --output - would both write to stdout; write the figure to a file",
            )
            .into())
        }
        Target::Stdout => {}
        Target::File(path) => check_destination(path)?,
    }
    let bytes = figure::image_with(&plot, out.size, out.scale, &out.view(), format)?;
    for warning in plot.warnings() {
        let _ = writeln!(std::io::stderr(), "warning: {warning}");
    }
    match &target {
        Target::Stdout => print_stdout(&bytes)?,
        Target::File(path) => write_atomic(path, &bytes)?,
    }
    let output = match &target {
        Target::Stdout => Path::new("-"),
        Target::File(path) => path.as_path(),
    };
    if out.json {
        print_stdout(json(&plot, output, out)?.as_bytes())
    } else if out.quiet {
        Ok(())
    } else if target == Target::Stdout {
        // The report cannot share stdout with the image.
        let _ = write!(std::io::stderr(), "{}", plot.report());
        Ok(())
    } else {
        print_stdout(plot.report().as_bytes())
    }
}

/// The figure's data as one JSON object, with the figure's name, file,
/// size and scale. Numbers that are not finite (a diverged descent) are null.
fn json<P: Plot + Serialize>(plot: &P, path: &Path, out: &OutputArgs) -> Result<String> {
    let mut value = serde_json::to_value(plot).context("serializing the figure's data")?;
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("figure".into(), plot.name().into());
        map.insert("output".into(), path.display().to_string().into());
        map.insert("size".into(), serde_json::to_value(out.size)?);
        map.insert("scale".into(), out.scale.into());
    }
    Ok(serde_json::to_string(&value)? + "\n")
}

/// Writes to stdout; a reader that has gone away (`| head`) is not an
/// error: the output was not wanted any more.
fn print_stdout(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow!("cannot write to stdout: {}", describe(&e)))
        }
        _ => Ok(()),
    }
}

/// `completions SHELL`: the completion script for `SHELL`, on stdout.
fn completions(a: &CompletionsArgs) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "numdiff-plot", &mut script);
    print_stdout(&script)
}

/// `man`: one manual page for the whole tool, in roff, on stdout: what
/// `--help` says, with a section for each subcommand and its options.
fn man() -> Result<()> {
    print_stdout(&man_page().context("rendering the manual page")?)
}

fn man_page() -> std::io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let top = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    top.render_title(&mut page)?;
    top.render_name_section(&mut page)?;
    top.render_synopsis_section(&mut page)?;
    top.render_description_section(&mut page)?;
    top.render_options_section(&mut page)?;
    top.render_subcommands_section(&mut page)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let man = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        man.render_options_section(&mut part)?;
        if sub.get_after_help().is_some() {
            man.render_extra_section(&mut part)?;
        }
        // Each part is a page of its own to clap_mangen: keep its sections
        // as subsections under the subcommand's name.
        let name = sub.get_bin_name().unwrap_or(sub.get_name());
        page.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
        for line in String::from_utf8_lossy(&part).lines() {
            let line = match line.strip_prefix(".SH ") {
                Some("EXTRA") => ".SS EXAMPLE".to_string(),
                Some(heading) => format!(".SS {heading}"),
                None => line.to_string(),
            };
            page.extend_from_slice(line.as_bytes());
            page.push(b'\n');
        }
    }
    page.extend_from_slice(
        b".SH \"EXIT STATUS\"\n0 success, 1 runtime failure (I/O and the like), 2 bad usage.\n\
          Errors are one line on stderr that names the flag or file and what is accepted.\n",
    );
    top.render_version_section(&mut page)?;
    // Every rendered piece starts with roff's apostrophe preamble: keep the
    // first only.
    let text = String::from_utf8_lossy(&page);
    let mut seen = [false; 2];
    let mut out = String::new();
    // The subcommands are sections of this page, not pages of their own.
    let text = cmd.get_subcommands().fold(text.into_owned(), |t, sub| {
        let name = sub.get_name().replace('-', "\\-");
        t.replace(
            &format!("numdiff\\-plot\\-{name}(1)"),
            &format!("numdiff\\-plot {name}"),
        )
    });
    for line in text.lines() {
        let preamble = [".ie \\n(.g", ".el .ds Aq"].map(|p| line.starts_with(p));
        if let Some(i) = preamble.iter().position(|&p| p) {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out.into_bytes())
}

/// Every figure of the book, rendered in parallel; written, or with
/// `--check` compared with what is on disk.
fn all(a: &AllArgs) -> Result<()> {
    let figures = figure::book_figures();
    let rendered = render_in_parallel(&figures);
    if a.check {
        let mut stale = Vec::new();
        for ((file, _), bytes) in figures.iter().zip(rendered) {
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
    for ((file, _), bytes) in figures.iter().zip(rendered) {
        let path = a.output.join(file);
        write_atomic(&path, &bytes?)?;
        written.push_str(&format!("wrote {}\n", path.display()));
    }
    if a.quiet {
        return Ok(());
    }
    print_stdout(written.as_bytes())
}

/// Renders each figure to its image, in order, on as many threads as the
/// machine has cores (no more: more would not be faster, only hold more
/// images in memory at once). Each thread takes the next figure not yet
/// taken until none is left.
fn render_in_parallel(figures: &[(&'static str, Box<dyn Plot>)]) -> Vec<Result<Vec<u8>>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, figures.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Result<Vec<u8>>>>> =
        figures.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((file, plot)) = figures.get(i) else {
                        break;
                    };
                    let format =
                        Format::from_path(Path::new(file)).expect("the book's file names are .png");
                    let image = figure::image(plot.as_ref(), Size::DEFAULT, format);
                    *results[i].lock().unwrap_or_else(PoisonError::into_inner) = Some(image);
                })
            })
            .collect();
        // Joined here, so that a panic leaves its figure without a result
        // instead of ending the process; the others still get theirs.
        for worker in workers {
            let _ = worker.join();
        }
    });
    results
        .into_iter()
        .zip(figures)
        .map(|(image, (file, _))| {
            image
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner)
                .unwrap_or_else(|| Err(anyhow!("rendering {file} failed")))
        })
        .collect()
}
