//! The two activation functions of chapter 3 that section 4.2.5 sets side
//! by side to show why learning needs a loss with a slope, and the
//! sigmoid's derivative that backprop uses.

/// step_function(x) = 1 for x > 0, else 0, as the book's
/// `np.array(x > 0, dtype=int)`. Its slope is 0 at every x but 0, where it
/// jumps.
pub fn step_function(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else {
        0.0
    }
}

/// sigmoid(x) = 1 / (1 + exp(−x)), whose slope sigmoid(x)·(1 − sigmoid(x))
/// is never 0. exp is libm's, so the values are the same on every machine.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-x))
}

/// sigmoid′(x) = (1 − sigmoid(x))·sigmoid(x), the book's `sigmoid_grad`
/// (chapter 5), which backprop uses.
pub fn sigmoid_grad(x: f64) -> f64 {
    (1.0 - sigmoid(x)) * sigmoid(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerics::{numerical_diff, H};

    #[test]
    fn the_step_is_flat_and_the_sigmoid_never_is() {
        assert_eq!(
            (step_function(-1.0), step_function(0.0), step_function(0.1)),
            (0.0, 0.0, 1.0)
        );
        assert_eq!(numerical_diff(step_function, 2.0, H), 0.0);
        assert_eq!(sigmoid(0.0), 0.5);
        let slope = numerical_diff(sigmoid, 0.0, H);
        assert!((slope - 0.25).abs() < 1e-9, "{slope}");
        assert!(numerical_diff(sigmoid, 10.0, H) > 4e-5);
    }
}
