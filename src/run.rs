//! What each subcommand does: compute, print, draw, write.

use crate::cli::{AllArgs, Cli, Command, OutputArgs};
use crate::figure::{self, descent, quiver, simplenet, surface, tangent, Plot};
use crate::numerics::H;
use crate::render::output::write_atomic;
use crate::render::{Format, Size};
use anyhow::{anyhow, Context, Result};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Tangent(a) => {
            let params = tangent::Params {
                at: a.at,
                range: a.range,
                h: H,
            };
            figure_command(tangent::compute(&params), &a.out, "gradient_1d.png")
        }
        Command::Surface(a) => {
            let params = surface::Params {
                grid: a.grid,
                elev: a.elev,
                azim: a.azim,
            };
            figure_command(surface::compute(&params), &a.out, "multivariate_func.png")
        }
        Command::Quiver(a) => {
            let params = quiver::Params {
                grid: a.grid,
                at: a.at,
                h: H,
            };
            figure_command(quiver::compute(&params), &a.out, "gradient_2d.png")
        }
        Command::Descent(a) => {
            let params = descent::Params {
                init: a.init,
                lr: a.lr,
                step_num: a.steps,
                h: H,
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
        Command::All(a) => all(&a),
    }
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
    print_stdout(&written)
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
