//! Richardson extrapolation of the central difference: differences at
//! halving steps, combined to cancel h², h⁴, … one after another.

use super::method::Estimate;
use crate::numerics::numerical_diff;

/// The first step of the sequence, relative to max(1, |x|).
pub const FIRST_STEP: f64 = 0.125;
/// How many times the step is halved.
const LEVELS: usize = 7;

/// Richardson extrapolation of central differences.
///
/// D(k, 0) is the central difference at h₀/2ᵏ; each column removes the next
/// even power of h: D(k, j) = D(k, j−1) + (D(k, j−1) − D(k−1, j−1)) / (4ʲ − 1).
/// Along the diagonal, the error of D(k, k) is estimated by its distance to
/// its neighbours plus the rounding it inherits (ε·|f|/h amplified by the
/// extrapolation); the diagonal entry with the smallest estimate is returned.
pub fn richardson(f: impl Fn(f64) -> f64, x: f64, h0: f64) -> Estimate {
    let mut table: Vec<Vec<f64>> = Vec::with_capacity(LEVELS);
    let mut best = Estimate {
        value: f64::NAN,
        h: Some(h0),
        error_estimate: Some(f64::INFINITY),
    };
    for k in 0..LEVELS {
        let h = h0 / (1u64 << k) as f64;
        let mut row = vec![numerical_diff(&f, x, h)];
        for j in 1..=k {
            let factor = 4f64.powi(j as i32) - 1.0;
            let prev = row[j - 1];
            row.push(prev + (prev - table[k - 1][j - 1]) / factor);
        }
        if k >= 1 {
            let value = row[k];
            let scale = f(x + h).abs().max(f(x - h).abs()).max(f64::MIN_POSITIVE);
            let rounding = 8.0 * f64::EPSILON * scale / h;
            let spread = (value - table[k - 1][k - 1])
                .abs()
                .max((value - row[k - 1]).abs());
            let estimate = spread + rounding + 4.0 * f64::EPSILON * value.abs();
            if estimate < best.error_estimate.unwrap_or(f64::INFINITY) {
                best = Estimate {
                    value,
                    h: Some(h),
                    error_estimate: Some(estimate),
                };
            }
        }
        table.push(row);
    }
    best
}
