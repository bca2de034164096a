//! Difference quotients: f′(x) from values of f at a few points near x.
//!
//! `central` is the book's own [`numerical_diff`], re-exported from
//! [`crate::numerics`] so that there is one copy of its formula.

pub use crate::numerics::numerical_diff;

/// The forward difference, the book's cautionary example:
///
/// f′(x) ≈ (f(x + h) − f(x)) / h, with truncation error O(h) (f″(x)·h/2).
pub fn forward(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x)) / h
}

/// The five-point stencil:
///
/// f′(x) ≈ (−f(x + 2h) + 8f(x + h) − 8f(x − h) + f(x − 2h)) / (12h),
/// with truncation error O(h⁴) (f⁽⁵⁾(x)·h⁴/30).
pub fn five_point(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    (-f(x + 2.0 * h) + 8.0 * f(x + h) - 8.0 * f(x - h) + f(x - 2.0 * h)) / (12.0 * h)
}
