//! What each subcommand does, one file per job: [`figure`] (the figure
//! commands' output policy), [`all`], [`diff`], [`docs`] (completions and
//! the manual page), [`train`], [`gradcheck`] and [`data`] (MNIST). This file dispatches:
//! it checks the caps, turns each subcommand's flags into its figure's
//! parameters and hands them on.

pub mod all;
pub mod data;
pub mod diff;
pub mod docs;
pub mod figure;
pub mod gradcheck;
pub mod network;
pub mod train;

use crate::cli::{caps, Cli, Command, MethodArgs};
use crate::derivative::Differentiator;
use crate::derivative::Method;
use crate::error::Error;
use crate::expr::Expression;
use crate::figure::{descent, loss, numdiff_error, quiver, sigmoid, simplenet, surface, tangent};
use anyhow::Result;

/// Runs the command `cli` names.
pub fn run(cli: Cli) -> Result<()> {
    caps::check(&cli)?;
    match cli.command {
        Command::Tangent(a) => {
            let (f, lines) = match (a.secant, a.no_tangent) {
                (Some(h), _) => (exact(a.f, "--secant")?, tangent::Lines::Secant { h }),
                (None, true) => (differentiator(a.f, &a.method)?, tangent::Lines::None),
                (None, false) => (differentiator(a.f, &a.method)?, tangent::Lines::Tangent),
            };
            let params = tangent::Params {
                f,
                at: a.at,
                range: a.range,
                lines,
            };
            figure::run(tangent::compute(&params), &a.out, params.file())
        }
        Command::Surface(a) => {
            let params = surface::Params {
                f: a.f,
                grid: a.grid,
                elev: a.elev,
                azim: a.azim,
            };
            figure::run(surface::compute(&params), &a.out, surface::FILE)
        }
        Command::Quiver(a) => {
            let params = quiver::Params {
                f: differentiator(a.f, &a.method)?,
                grid: a.grid,
                at: a.at,
            };
            figure::run(quiver::compute(&params), &a.out, quiver::FILE)
        }
        Command::Descent(a) => {
            let params = descent::Params {
                f: differentiator(a.f, &a.method)?,
                init: a.init,
                lr: a.lr,
                step_num: a.steps,
            };
            figure::run(descent::compute(&params), &a.out, descent::FILE)
        }
        Command::Simplenet(a) => {
            let params = simplenet::Params { seed: a.seed };
            figure::run(simplenet::compute(&params), &a.out, simplenet::FILE)
        }
        Command::Loss(a) => {
            let params = loss::Params {
                t: a.t,
                y: a.y.into_iter().map(|y| y.0).collect(),
            };
            params.check().map_err(Error::usage)?;
            figure::run(loss::compute(&params), &a.out, loss::FILE)
        }
        Command::Sigmoid(a) => {
            let params = sigmoid::Params {
                range: a.range,
                at: a.at,
            };
            figure::run(sigmoid::compute(&params), &a.out, sigmoid::FILE)
        }
        Command::Diff(a) => diff::run(a),
        Command::Error(a) => {
            let params = numdiff_error::Params { f: a.f, x: a.x };
            figure::run(numdiff_error::compute(&params), &a.out, numdiff_error::FILE)
        }
        Command::Train(a) => train::run(&a),
        Command::Gradcheck(a) => gradcheck::run(&a),
        Command::Data(a) => data::run(&a),
        Command::All(a) => all::run(&a),
        Command::Completions(a) => docs::completions(&a),
        Command::Man => docs::man(),
    }
}

/// The expression differentiated exactly, for the true tangent that `flag`
/// draws: refused, naming the flag, if it has no symbolic derivative.
fn exact(f: Expression, flag: &str) -> Result<Differentiator> {
    Differentiator::new(f, Method::Exact, None).map_err(|error| {
        Error::Expression {
            what: flag.to_string(),
            error,
            hint: Some("the true tangent needs the exact derivative"),
        }
        .into()
    })
}

/// The expression with the chosen method, checked: `--h` only where the
/// method takes a step, complex-step only on analytic expressions.
fn differentiator(f: Expression, m: &MethodArgs) -> Result<Differentiator> {
    if m.h.is_some() && !m.method.takes_h() {
        return Err(Error::usage(format!(
            "--h does not apply to --method {}, which chooses its own step; \
             h can be set for central, forward, five-point and complex-step",
            m.method
        ))
        .into());
    }
    Differentiator::new(f, m.method, m.h).map_err(|error| {
        Error::Expression {
            what: format!("--method {}", m.method),
            error,
            hint: (m.method == Method::ComplexStep).then_some("use another --method"),
        }
        .into()
    })
}
