//! Numerical differentiation of a function of one variable.

/// The book's step, `h = 1e-4`: small enough for a good slope, large enough
/// that `x + h` and `x - h` still differ from `x` in double precision.
pub const H: f64 = 1e-4;

/// Central difference, the book's `numerical_diff`:
///
/// f'(x) ≈ (f(x + h) − f(x − h)) / (2h)
///
/// Its truncation error is O(h²) (−f‴(x)·h²/6). The operations happen in exactly
/// the book's order, so with `h = H` the result equals numpy's to the last bit:
/// the slope of 0.01x² + 0.1x at 5 is 0.1999999999990898.
pub fn numerical_diff(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x - h)) / (2.0 * h)
}

/// The tangent of `f` at `x`, the book's `tangent_line`: the line
/// `t ↦ d·t + y` with slope `d = numerical_diff(f, x)` and intercept
/// `y = f(x) − d·x`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct TangentLine {
    /// The point of contact.
    pub x: f64,
    /// d, the numerical derivative at `x`.
    pub slope: f64,
    /// y = f(x) − d·x.
    pub intercept: f64,
}

impl TangentLine {
    /// The line through (x, f(x)) with the given slope: intercept f(x) − d·x.
    pub fn through(x: f64, fx: f64, slope: f64) -> Self {
        TangentLine {
            x,
            slope,
            intercept: fx - slope * x,
        }
    }

    /// The line's value at `t`: d·t + y.
    pub fn at(&self, t: f64) -> f64 {
        self.slope * t + self.intercept
    }
}

/// The tangent of `f` at `x` by the central difference with step `h`.
pub fn tangent_line(f: impl Fn(f64) -> f64, x: f64, h: f64) -> TangentLine {
    TangentLine::through(x, f(x), numerical_diff(&f, x, h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerics::function_1;

    #[test]
    fn slope_of_function_1_matches_the_book_bit_for_bit() {
        assert_eq!(numerical_diff(function_1, 5.0, H), 0.1999999999990898);
        assert_eq!(numerical_diff(function_1, 10.0, H), 0.2999999999986347);
    }

    #[test]
    fn tangent_line_passes_through_the_point_of_contact() {
        let line = tangent_line(function_1, 5.0, H);
        assert_eq!(line.slope, 0.1999999999990898);
        assert_eq!(line.intercept, function_1(5.0) - 0.1999999999990898 * 5.0);
        assert!((line.at(5.0) - function_1(5.0)).abs() < 1e-15);
    }
}
