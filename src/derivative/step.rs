//! The step h each method uses when none is given.
//!
//! A quotient with truncation error C·hᵖ and rounding error ε·|f|/h
//! (ε = 2.2e-16) has the smallest total near h ≈ ε^(1/(p+1)) for a function
//! that varies on a scale of 1. The scale of a function is not the size of
//! x: sin varies as fast at 1000 as at 1. So, as numdifftools does, a base
//! step is multiplied by the nominal step max(log1p(|x|), 1), which grows
//! only slowly with |x| (to keep the rounding error ε·|f|/h of functions like
//! x³, whose |f/f′| grows with |x|, in check), and the result is made exactly
//! representable next to x.
//!
//! The bases sit below the textbook optimum: the truncation constant C is a
//! high derivative (f‴ or f⁽⁵⁾), which near the edge of a domain (ln near 0,
//! asin near 1) grows much faster than the rounding term, and a smaller step
//! costs little rounding. `tests/integration/library/derivative_reference.rs`
//! measures the result on 60+ functions and points.

use super::method::Method;
use super::richardson;
use crate::numerics::H;

/// The step of the complex-step method: it subtracts nothing, so h can be
/// far below ε without any loss.
pub const COMPLEX_STEP: f64 = 1e-20;

/// central-optimal's base step, 2⁻¹⁸ ≈ 3.8e-6 (ε^⅓ ≈ 6.1e-6 balances
/// f‴·h²/6 against ε·f/h when f‴ ≈ f).
pub const CENTRAL_OPTIMAL_BASE: f64 = 1.0 / 262_144.0;

/// five-point's base step, 2⁻¹² ≈ 2.4e-4 (ε^⅕ ≈ 7.4e-4 balances
/// f⁽⁵⁾·h⁴/30 against ε·f/h when f⁽⁵⁾ ≈ f).
pub const FIVE_POINT_BASE: f64 = 1.0 / 4096.0;

/// The fewest units in the last place of x that a step spans, so that
/// x + h never rounds back to x, even for |x| near the largest double.
const MIN_ULPS: f64 = 8.0;

/// numdifftools' nominal step: max(log1p(|x|), 1).
pub fn nominal(x: f64) -> f64 {
    x.abs().ln_1p().max(1.0)
}

/// The spacing of doubles at x: the gap between |x| and the next double up.
pub fn ulp(x: f64) -> f64 {
    let a = x.abs();
    if !a.is_finite() {
        return f64::NAN;
    }
    f64::from_bits(a.to_bits() + 1) - a
}

/// h made exactly representable next to x: (x + h) − x, which is the true
/// distance between x and the point x + h the function is evaluated at, so
/// the quotient divides by the step actually taken. At least [`MIN_ULPS`]
/// units in the last place of x.
pub fn representable(x: f64, h: f64) -> f64 {
    let h = h.max(MIN_ULPS * ulp(x));
    (x + h) - x
}

/// The step `method` uses at `x` when none is given, or `None` for a
/// method without one:
///
/// - central, forward: the book's h = 1e-4 ([`H`]), as given;
/// - central-optimal: [`CENTRAL_OPTIMAL_BASE`]·max(log1p(|x|), 1), representable;
/// - five-point: [`FIVE_POINT_BASE`]·max(log1p(|x|), 1), representable;
/// - richardson: the first of its steps,
///   [`richardson::FIRST_STEP`]·max(log1p(|x|), 1), representable;
/// - complex-step: [`COMPLEX_STEP`];
/// - exact: none.
pub fn default_step(method: Method, x: f64) -> Option<f64> {
    let scaled = |base: f64| representable(x, base * nominal(x));
    match method {
        Method::Central | Method::Forward => Some(H),
        Method::CentralOptimal => Some(scaled(CENTRAL_OPTIMAL_BASE)),
        Method::FivePoint => Some(scaled(FIVE_POINT_BASE)),
        Method::Richardson => Some(scaled(richardson::FIRST_STEP)),
        Method::ComplexStep => Some(COMPLEX_STEP),
        Method::Exact => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_grow_with_log1p_of_x_not_with_x() {
        let h = |x| default_step(Method::FivePoint, x).unwrap();
        assert_eq!(h(0.0), FIVE_POINT_BASE);
        assert_eq!(h(1.0), FIVE_POINT_BASE);
        let at_100 = h(100.0) / FIVE_POINT_BASE;
        assert!((at_100 - 101f64.ln()).abs() < 1e-10, "{at_100}");
        assert!(h(1e3) < 7.0 * FIVE_POINT_BASE);
    }

    #[test]
    fn steps_are_exact_and_never_vanish() {
        for x in [0.1, 1.0 / 3.0, 100.0, 1e3, -7.3, 1e300, -1e308] {
            for m in [
                Method::CentralOptimal,
                Method::FivePoint,
                Method::Richardson,
            ] {
                let h = default_step(m, x).unwrap();
                assert_eq!((x + h) - x, h, "{m} at {x}");
                assert!(x + h != x && x - h != x, "{m} at {x}");
            }
        }
        assert_eq!(representable(1e300, 1e-5), 8.0 * ulp(1e300));
        assert_eq!(ulp(1.0), f64::EPSILON);
    }

    #[test]
    fn the_book_s_step_is_left_as_it_is() {
        assert_eq!(default_step(Method::Central, 5.0), Some(1e-4));
        assert_eq!(default_step(Method::Forward, 1e3), Some(1e-4));
        assert_eq!(default_step(Method::Exact, 1.0), None);
    }
}
