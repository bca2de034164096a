//! What each subcommand does, one file per job: [`figure`] (the figure
//! commands' output policy), [`all`], [`diff`], [`docs`] (completions and
//! the manual page), [`train`], [`gradcheck`] and [`data`] (MNIST). This file dispatches:
//! it checks the caps, then hands a figure's flags to [`figure`] and the
//! other subcommands' to their files.

pub mod all;
pub mod data;
pub mod diff;
pub mod docs;
pub mod figure;
pub mod gradcheck;
pub mod train;

use crate::cli::{caps, Cli, Command};
use anyhow::Result;

/// Runs the command `cli` names.
pub fn run(cli: Cli) -> Result<()> {
    caps::check(&cli)?;
    match cli.command {
        Command::Diff(a) => diff::run(a),
        Command::Train(a) => train::run(&a),
        Command::Gradcheck(a) => gradcheck::run(&a),
        Command::Data(a) => data::run(&a),
        Command::Serve(a) => crate::serve::run(&a),
        Command::All(a) => all::run(&a),
        Command::Completions(a) => docs::completions(&a),
        Command::Man => docs::man(),
        drawing => {
            let (f, out) = drawing
                .figure()
                .expect("every other subcommand draws a figure");
            figure::run(f, out)
        }
    }
}
