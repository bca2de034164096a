//! What the book's figures share: its two functions, written as
//! expressions in the figures' variables, and its way of differentiating.

use crate::derivative::{Differentiator, Method};
use crate::expr::check::Vars;
use crate::expr::Expression;

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
