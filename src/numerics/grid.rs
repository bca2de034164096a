//! Evenly spaced sample points, as numpy's `arange` makes them.

use serde::Serialize;

/// A half-open range `[start, stop)` sampled every `step`, numpy's
/// `arange(start, stop, step)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Arange {
    pub start: f64,
    pub stop: f64,
    pub step: f64,
}

impl Arange {
    pub const fn new(start: f64, stop: f64, step: f64) -> Self {
        Arange { start, stop, step }
    }

    /// How many points: ⌈(stop − start) / step⌉, at least 0.
    pub fn len(&self) -> usize {
        let n = ((self.stop - self.start) / self.step).ceil();
        if n.is_finite() && n > 0.0 {
            n as usize
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The points themselves; see [`arange`].
    pub fn values(&self) -> Vec<f64> {
        arange(self.start, self.stop, self.step)
    }
}

/// numpy's `arange(start, stop, step)`, value for value.
///
/// numpy sets the first two points to `start` and `start + step`, then fills
/// the rest as `start + i·δ` where δ is not `step` but
/// `(start + step) − start`, which can differ from `step` in the last bit
/// (for arange(−3, 3, 0.1), δ = 0.10000000000000009). Doing the same keeps
/// every sample point identical to the book's.
pub fn arange(start: f64, stop: f64, step: f64) -> Vec<f64> {
    let n = Arange::new(start, stop, step).len();
    let delta = (start + step) - start;
    (0..n)
        .map(|i| match i {
            0 => start,
            1 => start + step,
            _ => start + i as f64 * delta,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_match_numpy() {
        assert_eq!(arange(0.0, 20.0, 0.1).len(), 200);
        assert_eq!(arange(-3.0, 3.0, 0.1).len(), 60);
        assert_eq!(arange(-2.0, 2.5, 0.25).len(), 18);
        assert_eq!(arange(1.0, 0.0, 0.1).len(), 0);
    }

    #[test]
    fn values_follow_numpy_s_fill_rule() {
        let x = arange(-3.0, 3.0, 0.1);
        assert_eq!(x[1], -2.9);
        assert_eq!(x[59], -3.0 + 59.0 * 0.10000000000000009);
        assert_eq!(arange(0.0, 20.0, 0.1)[199], 199.0 * 0.1);
    }
}
