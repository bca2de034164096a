//! `all`: every figure of the chapter with the book's arguments, rendered
//! in parallel, written into a directory or compared with what is there.

use crate::cli::AllArgs;
use crate::error::Error;
use crate::figure::{self, Plot};
use crate::output::{check_destination, fmt_count, print_stdout, write_atomic};
use crate::render::{Format, Size};
use crate::threads;
use anyhow::{anyhow, Context, Result};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// Every figure of the book, rendered in parallel; written, or with
/// `--check` compared with what is on disk.
pub fn run(a: &AllArgs) -> Result<()> {
    let figures: Vec<_> = figure::book_figures()
        .into_iter()
        .map(|(file, plot)| (Path::new(file).with_extension(a.format.extension()), plot))
        .collect();
    let threads = threads::count(a.threads, figures.len());
    let rendered = render_in_parallel(&figures, a.format, threads);
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
            if a.quiet {
                return Ok(());
            }
            let checked = fmt_count(figures.len(), "figure");
            let line = format!("{} is up to date: {checked} checked\n", a.output.display());
            return Ok(print_stdout(line.as_bytes())?);
        }
        return Err(Error::Stale {
            stale,
            dir: a.output.clone(),
        }
        .into());
    }
    std::fs::create_dir_all(&a.output)
        .with_context(|| format!("cannot create directory {}", a.output.display()))?;
    // Every file is checked before any is replaced: a read-only one leaves
    // the whole directory as it was.
    for (file, _) in &figures {
        check_destination(&a.output.join(file))?;
    }
    let mut written = String::new();
    for ((file, _), bytes) in figures.iter().zip(rendered) {
        let path = a.output.join(file);
        write_atomic(&path, &bytes?)?;
        written.push_str(&format!("wrote {}\n", path.display()));
    }
    if a.quiet {
        return Ok(());
    }
    Ok(print_stdout(written.as_bytes())?)
}

/// Renders each figure to its image, in order, on `threads` threads. Each
/// takes the next figure not yet taken until none is left.
fn render_in_parallel(
    figures: &[(PathBuf, Box<dyn Plot>)],
    format: Format,
    threads: usize,
) -> Vec<Result<Vec<u8>>> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Result<Vec<u8>>>>> =
        figures.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((_, plot)) = figures.get(i) else {
                        break;
                    };
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
                .unwrap_or_else(|| Err(anyhow!("rendering {} failed", file.display())))
        })
        .collect()
}
