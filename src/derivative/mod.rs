//! Every way this tool takes a derivative, in one place: the methods and
//! their formulas, the step each uses, Richardson extrapolation, exact
//! derivatives by dual numbers, the differentiator over user expressions,
//! "undefined" as a result, and the report of `diff`.
//!
//! With h the step and ε = 2.2e-16 the machine epsilon, a difference quotient
//! has two errors: truncation from the Taylor terms it drops (∝ hᵖ) and
//! rounding, the cancellation in f(x+h) − f(x−h) (≈ ε·|f|/h). Their sum is
//! smallest near h ≈ ε^(1/(p+1)); the book's h = 1e-4 is close for p = 2.
//! The complex step and dual numbers subtract nothing and have neither.
//!
//! The book's method, the central difference, is [`crate::numerics`]'
//! `numerical_diff` (and `numerical_gradient` for a gradient): the methods
//! here call it rather than repeat it.

pub mod difference;
pub mod differentiator;
pub mod dual;
pub mod method;
pub mod report;
pub mod richardson;
pub mod step;
pub mod undefined;

pub use differentiator::Differentiator;
pub use method::{derivative, Estimate, Inapplicable, Method, Univariate, UnknownMethod};
pub use report::DiffReport;
pub use undefined::{Reason, Undefined};
