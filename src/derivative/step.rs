//! The step h each method uses when none is given.
//!
//! A quotient with truncation error C·hᵖ and rounding error ε·|f|/h
//! (ε = 2.2e-16) has the smallest total near h ≈ ε^(1/(p+1)), scaled by
//! max(1, |x|) so that x + h still differs from x.

use super::method::Method;
use super::richardson;
use crate::numerics::H;

/// The step of the complex-step method: it subtracts nothing, so h can be
/// far below ε without any loss.
pub const COMPLEX_STEP: f64 = 1e-20;

/// The step `method` uses at `x` when none is given, or `None` for a
/// method without one:
///
/// - central, forward: the book's h = 1e-4 ([`H`]);
/// - central-optimal: ∛ε·max(1, |x|), where O(h²) truncation meets ε/h rounding;
/// - five-point: ε^⅕·max(1, |x|), where O(h⁴) truncation meets ε/h rounding;
/// - richardson: the first of its halving steps, h₀ = 0.125·max(1, |x|);
/// - complex-step: [`COMPLEX_STEP`];
/// - exact: none.
pub fn default_step(method: Method, x: f64) -> Option<f64> {
    let scale = x.abs().max(1.0);
    match method {
        Method::Central | Method::Forward => Some(H),
        Method::CentralOptimal => Some(f64::EPSILON.cbrt() * scale),
        Method::FivePoint => Some(f64::EPSILON.powf(0.2) * scale),
        Method::Richardson => Some(richardson::FIRST_STEP * scale),
        Method::ComplexStep => Some(COMPLEX_STEP),
        Method::Exact => None,
    }
}
