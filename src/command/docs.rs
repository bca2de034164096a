//! The documentation the binary prints about itself: shell completions and
//! one manual page, both generated from the declarations in [`crate::cli`].

use crate::cli::{Cli, CompletionsArgs};
use crate::output::print_stdout;
use anyhow::{Context, Result};
use clap::CommandFactory;

/// `completions SHELL`: the completion script for `SHELL`, on stdout.
pub fn completions(a: &CompletionsArgs) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "numdiff-plot", &mut script);
    Ok(print_stdout(&script)?)
}

/// `man`: one manual page for the whole tool, in roff, on stdout: what
/// `--help` says, with a section for each subcommand and its options.
pub fn man() -> Result<()> {
    Ok(print_stdout(
        &man_page().context("rendering the manual page")?,
    )?)
}

/// The page: the tool's own sections, each subcommand's as subsections
/// under its name, the exit status, the version.
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
    for sub in subcommands(&cmd) {
        let man = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        man.render_options_section(&mut part)?;
        if sub.has_subcommands() {
            man.render_subcommands_section(&mut part)?;
        }
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
    Ok(one_page(&String::from_utf8_lossy(&page), &bin_names(&cmd)).into_bytes())
}

/// Every subcommand, each followed by its own (`data`, then `data download`…),
/// without clap's `help`.
fn subcommands(cmd: &clap::Command) -> Vec<clap::Command> {
    cmd.get_subcommands()
        .filter(|s| s.get_name() != "help")
        .flat_map(|s| std::iter::once(s.clone()).chain(subcommands(s)))
        .collect()
}

/// The full name of every subcommand, `help` too: `numdiff-plot data download`.
fn bin_names(cmd: &clap::Command) -> Vec<String> {
    cmd.get_subcommands()
        .flat_map(|s| {
            let name = s.get_bin_name().unwrap_or(s.get_name()).to_string();
            std::iter::once(name).chain(bin_names(s))
        })
        .collect()
}

/// The pieces clap_mangen rendered as pages of their own, made one page:
/// references to `numdiff-plot-SUB(1)` become `numdiff-plot SUB` (the
/// subcommands are sections of this page; `subcommands` are their full
/// names), and of the roff apostrophe preamble that starts every piece only
/// the first is kept.
fn one_page(text: &str, subcommands: &[String]) -> String {
    let mut seen = [false; 2];
    let mut out = String::new();
    let text = subcommands.iter().fold(text.to_string(), |t, full| {
        let page = full.replace(' ', "-").replace('-', "\\-");
        t.replace(&format!("{page}(1)"), &full.replace('-', "\\-"))
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
    out
}
