//! Richardson extrapolation of the central difference, with an error
//! estimate that counts rounding, in the manner of numdifftools.
//!
//! The central difference D(h) = f′ + c₁h² + c₂h⁴ + … is taken at a
//! geometric sequence of steps hₖ = h₀/2ᵏ, and the Neville table
//!
//! T(k, 0) = D(hₖ),
//! T(k, j) = T(k, j−1) + (T(k, j−1) − T(k−1, j−1)) / ((hₖ₋ⱼ/hₖ)² − 1)
//!
//! removes h², h⁴, h⁶ one column after another. In column j the error falls
//! by r = 4^(j+1) from one row to the next, so
//!
//! - truncation: |T(k, j) − T(k−1, j)| bounds the error of T(k, j) (it is
//!   about r − 1 times it); the difference one row up, divided by r, is
//!   taken too, so that two values that agree by chance do not pass for a
//!   converged pair;
//! - rounding: each D(hₖ) carries up to η/hₖ, η = 16ε·max|f(x ± hₖ)|, and
//!   the table's coefficients amplify it; the bound is carried through the
//!   table with the absolute values of the coefficients.
//!
//! - consistency: an entry further down its column (a smaller step) that
//!   differs from T(k, j) by more than its own rounding bound shows that
//!   T(k, j) is at least that far off, whatever its neighbours say.
//!
//! The estimate is their sum, and the entry with the smallest estimate is
//! returned. Where no entry converges (f too rough or too far from smooth
//! at every step), the smallest estimate is still large, and says so.

use super::method::Estimate;
use super::step::representable;
use crate::numerics::numerical_diff;

/// h₀ relative to max(log1p(|x|), 1).
pub const FIRST_STEP: f64 = 0.25;
/// How many steps: h₀ down to h₀/2¹⁵.
const LEVELS: usize = 16;
/// Columns of the table: T(k, 3) has removed h², h⁴ and h⁶.
const COLUMNS: usize = 4;
/// Rounding of one evaluation of f, in units of ε·|f|: an expression of a
/// few operations rounds a few times.
const EVALUATION_ULPS: f64 = 16.0;

/// One entry of the table and its bounds.
#[derive(Debug, Clone, Copy)]
struct Entry {
    value: f64,
    /// Bound on the rounding it carries.
    rounding: f64,
}

/// f′(x) by Richardson extrapolation from the steps h₀, h₀/2, …
pub fn richardson(f: impl Fn(f64) -> f64, x: f64, h0: f64) -> Estimate {
    let steps: Vec<f64> = (0..LEVELS)
        .map(|k| representable(x, h0 / (1u64 << k) as f64))
        .collect();
    let table = neville(&f, x, &steps);
    let mut best = Estimate {
        value: f64::NAN,
        h: Some(h0),
        error_estimate: None,
    };
    let mut best_error = f64::INFINITY;
    for (k, row) in table.iter().enumerate() {
        for (j, e) in row.iter().enumerate().skip(1) {
            // Needs the same column two rows up.
            if k < j + 2 {
                continue;
            }
            let (up, up2) = (table[k - 1][j].value, table[k - 2][j].value);
            let r = 4f64.powi(j as i32 + 1);
            let truncation = (e.value - up).abs().max((up - up2).abs() / r);
            // What the smaller steps say: an entry further down the column
            // that differs by more than its own rounding shows an error at
            // least that large.
            let below = table[k + 1..]
                .iter()
                .map(|row| (row[j].value - e.value).abs() - row[j].rounding)
                .fold(0.0, f64::max);
            let error = truncation.max(below) + e.rounding + 4.0 * f64::EPSILON * e.value.abs();
            if error < best_error {
                best_error = error;
                best = Estimate {
                    value: e.value,
                    h: Some(steps[k]),
                    error_estimate: Some(error),
                };
            }
        }
    }
    best
}

/// The table T(k, j) of the module's doc comment, with each entry's rounding
/// bound.
fn neville(f: impl Fn(f64) -> f64, x: f64, steps: &[f64]) -> Vec<Vec<Entry>> {
    let mut table: Vec<Vec<Entry>> = Vec::with_capacity(steps.len());
    for (k, &h) in steps.iter().enumerate() {
        let scale = f(x + h).abs().max(f(x - h).abs());
        let mut row = vec![Entry {
            value: numerical_diff(&f, x, h),
            rounding: EVALUATION_ULPS * f64::EPSILON * scale / h,
        }];
        for j in 1..COLUMNS.min(k + 1) {
            let ratio = (steps[k - j] / h).powi(2) - 1.0;
            let (this, above) = (row[j - 1], table[k - 1][j - 1]);
            row.push(Entry {
                value: this.value + (this.value - above.value) / ratio,
                rounding: this.rounding * (1.0 + 1.0 / ratio) + above.rounding / ratio,
            });
        }
        table.push(row);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derivative::step::nominal;

    fn at(f: impl Fn(f64) -> f64, x: f64) -> Estimate {
        richardson(f, x, representable(x, FIRST_STEP * nominal(x)))
    }

    #[test]
    fn the_issue_s_sin_10x_at_30() {
        let e = at(|x| (10.0 * x).sin(), 30.0);
        let truth = 10.0 * 300f64.cos();
        let error = (e.value - truth).abs();
        assert!(error < 1e-11 * truth.abs().max(1.0), "{e:?}");
        assert!(e.error_estimate.unwrap() >= error, "{e:?}");
    }

    #[test]
    fn steps_beyond_the_domain_are_skipped() {
        // h₀ = 0.25 crosses 0, where ln is not defined.
        let e = at(f64::ln, 0.05);
        let error = (e.value - 20.0).abs();
        assert!(error < 1e-11 * 20.0, "{e:?}");
        assert!(e.error_estimate.unwrap() >= error);
    }

    #[test]
    fn a_function_too_rough_for_every_step_gets_a_large_estimate() {
        // sin(1e5·x): even h₀/2¹⁵ is 8 periods' worth of its scale.
        let e = at(|x| (1e5 * x).sin(), 1.0);
        let truth = 1e5 * 1e5f64.cos();
        let estimate = e.error_estimate.unwrap();
        assert!(estimate >= (e.value - truth).abs(), "{e:?}");
        assert!(estimate > 1e-3 * truth.abs(), "{e:?}");
    }
}
