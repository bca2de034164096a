//! The mathematics of chapter 4, with no plotting, files or command line in it.
//!
//! A reader of the book can use this module alone: every function is named as
//! the book names it and computes its result in the same order of floating-point
//! operations, so the printed digits match the book's to the last one.

pub mod activation;
pub mod descent;
pub mod diff;
pub mod functions;
pub mod gradient;
pub mod grid;
pub mod loss;
pub mod random;
pub mod simplenet;
pub mod sum;

pub use descent::{descend, gradient_descent, try_descend, Descent};
pub use diff::{numerical_diff, tangent_line, TangentLine, H};
pub use functions::{function_1, function_2};
pub use gradient::numerical_gradient;
pub use grid::{arange, Arange};
pub use loss::{cross_entropy_error, softmax};
pub use random::RandomState;
pub use simplenet::SimpleNet;
