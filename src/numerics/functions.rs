//! The functions chapter 4 differentiates, and the two from `common/functions.py`
//! that simpleNet needs.

use super::sum::pairwise_sum;
use ndarray::{Array1, ArrayView1};

/// function_1(x) = 0.01·x² + 0.1·x, the book's first example.
pub fn function_1(x: f64) -> f64 {
    // 0.01·(x²), not (0.01·x)·x: the book's `0.01*x**2` squares first, and
    // the last bit of the slope at 10 depends on it.
    0.01 * (x * x) + 0.1 * x
}

/// function_2(x) = x0² + x1² (the book's `x[0]**2 + x[1]**2`); for a longer
/// vector, the sum of squares Σ xᵢ², as the book's `np.sum(x**2)`.
///
/// The squares are added in numpy's order (see [`super::sum::pairwise_sum`]), so the
/// result is numpy's to the last bit at any length; below 8 coordinates that
/// is plain left-to-right addition, x0² + x1² included.
#[inline]
pub fn function_2(x: ArrayView1<f64>) -> f64 {
    match x.as_slice() {
        // Inlined: the book's x0² + x1² in a gradient loop pays no call.
        Some(values) if values.len() < 8 => values.iter().fold(0.0, |sum, &v| sum + v * v),
        Some(values) => sum_of_squares(values),
        // numpy squares a strided view into a new contiguous array first.
        None => sum_of_squares(&x.to_vec()),
    }
}

/// Σ xᵢ² added as numpy's `np.sum` adds (its pairwise summation, see
/// [`pairwise_sum`]). Besides matching numpy's bits, the eight independent
/// partial sums keep the processor busy: a long gradient is several times
/// faster than with one running sum.
fn sum_of_squares(x: &[f64]) -> f64 {
    pairwise_sum(x.len(), |i| x[i] * x[i])
}

/// softmax(a)ₖ = exp(aₖ − max a) / Σᵢ exp(aᵢ − max a).
///
/// Shifting by the maximum, as the book's current code does, keeps `exp` from
/// overflowing and does not change the result mathematically.
pub fn softmax(a: ArrayView1<f64>) -> Array1<f64> {
    let max = a.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp = a.mapv(|v| (v - max).exp());
    let sum = exp.sum();
    exp / sum
}

/// The small constant the book's repository adds inside the logarithm so that
/// log(0) never happens (added after the book was printed).
pub const DELTA: f64 = 1e-7;

/// cross_entropy_error(y, t) = −log(y[k] + 1e-7) where k is the index of the
/// one in the one-hot label `t` (or of its largest entry), as in the book's
/// current `common/functions.py` for one sample.
pub fn cross_entropy_error(y: ArrayView1<f64>, t: ArrayView1<f64>) -> f64 {
    let k = argmax(t);
    -(y[k] + DELTA).ln()
}

/// The index of the largest entry (the first of equals, like numpy's argmax).
pub fn argmax(a: ArrayView1<f64>) -> usize {
    let mut best = 0;
    for (i, &v) in a.iter().enumerate() {
        if v > a[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn function_2_is_the_sum_of_squares() {
        assert_eq!(function_2(array![3.0, 4.0].view()), 25.0);
    }

    #[test]
    fn function_2_adds_in_numpy_s_order_at_any_length() {
        // np.sum((np.arange(n) / 1000) ** 2) with numpy 2.4, repr'd; a single
        // running sum gives 332.8334999999999 at n = 1000.
        let x = Array1::from_iter((0..1000).map(|i| i as f64 / 1000.0));
        assert_eq!(function_2(x.view()), 332.83349999999996);
        // np.sum((np.arange(n) / 100) ** 2); a running sum differs from
        // 129 terms on (70.72639999999998, 895.5050000000005).
        for (n, numpy) in [
            (7, 0.0091),
            (20, 0.24700000000000003),
            (129, 70.7264),
            (300, 895.5050000000001),
            (1000, 33283.35),
        ] {
            let x = Array1::from_iter((0..n).map(|i| i as f64 / 100.0));
            assert_eq!(function_2(x.view()), numpy, "n = {n}");
        }
        // A strided view sums like its contiguous copy.
        let x = Array1::from_iter((0..2000).map(|i| i as f64 / 2000.0));
        let every_other = x.slice(ndarray::s![..;2]);
        assert_eq!(
            function_2(every_other),
            function_2(every_other.to_owned().view())
        );
    }

    #[test]
    fn softmax_sums_to_one_and_survives_large_inputs() {
        let y = softmax(array![1010.0, 1000.0, 990.0].view());
        assert!((y.sum() - 1.0).abs() < 1e-15);
        assert!(y.iter().all(|v| v.is_finite()));
        assert_eq!(argmax(y.view()), 0);
    }

    #[test]
    fn cross_entropy_of_a_sure_right_answer_is_almost_zero() {
        let loss = cross_entropy_error(array![0.0, 0.0, 1.0].view(), array![0.0, 0.0, 1.0].view());
        assert!(loss.abs() < 1e-6);
    }
}
