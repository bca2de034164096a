//! What the book's figures share: its two functions, written as
//! expressions in the figures' variables, its way of differentiating, and
//! the flags that choose another.

use crate::cli::parse::{parse_h, parse_method};
use crate::derivative::{Differentiator, Method};
use crate::error::Error;
use crate::expr::check::Vars;
use crate::expr::Expression;
use crate::numerics::H;

/// The variable of the figures of one variable (`tangent`, `error`).
pub const X: Vars = Vars::Only(&["x"]);
/// The variables of the figures of two variables (`surface`, `quiver`, `descent`).
pub const X0_X1: Vars = Vars::Only(&["x0", "x1"]);

/// The book's function_1(x) = 0.01x² + 0.1x, as an expression of [`X`].
pub const FUNCTION_1: &str = "0.01*x^2 + 0.1*x";
/// The book's function_2(x) = x0² + x1², as an expression of [`X0_X1`].
pub const FUNCTION_2: &str = "x0^2 + x1^2";

/// function_1, parsed.
pub fn function_1() -> Expression {
    Expression::parse(FUNCTION_1, X).expect("the book's function parses")
}

/// function_2, parsed.
pub fn function_2() -> Expression {
    Expression::parse(FUNCTION_2, X0_X1).expect("the book's function parses")
}

/// `f` differentiated the book's way: its central difference
/// ([`Method::default`]) with its step h = 1e-4.
pub fn by_the_book(f: Expression) -> Differentiator {
    Differentiator::new(f, Method::default(), None).expect("central applies to any function")
}

/// How derivatives are taken, for the commands that take them.
#[derive(Debug, clap::Args)]
pub struct MethodArgs {
    /// How derivatives are computed: central (the book's), forward, central-optimal, five-point, richardson, complex-step, exact
    #[arg(long, value_name = "METHOD", default_value_t = Method::default(), value_parser = parse_method)]
    pub method: Method,
    #[arg(
        long,
        value_name = "H",
        help = format!(
            "The step h, for central, forward, five-point and complex-step \
             [default: {H:e} for central and forward]"
        ), value_parser = parse_h)]
    pub h: Option<f64>,
}

impl MethodArgs {
    /// `f` with the chosen method, checked: `--h` only where the method
    /// takes a step, complex-step only on analytic expressions.
    pub fn differentiator(&self, f: Expression) -> Result<Differentiator, Error> {
        let method = self.method;
        if self.h.is_some() && !method.takes_h() {
            return Err(Error::usage(format!(
                "--h does not apply to --method {method}, which chooses its own step; \
                 h can be set for central, forward, five-point and complex-step"
            )));
        }
        Differentiator::new(f, method, self.h).map_err(|error| Error::Expression {
            what: format!("--method {method}"),
            error,
            hint: (method == Method::ComplexStep).then_some("use another --method"),
        })
    }
}

/// `f` differentiated exactly, for the true tangent that `flag` draws:
/// refused, naming the flag, if it has no symbolic derivative.
pub fn exact(f: Expression, flag: &str) -> Result<Differentiator, Error> {
    Differentiator::new(f, Method::Exact, None).map_err(|error| Error::Expression {
        what: flag.to_string(),
        error,
        hint: Some("the true tangent needs the exact derivative"),
    })
}
