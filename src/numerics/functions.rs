//! The functions chapter 4 differentiates, and numpy's `argmax`.

use super::sum::pairwise_sum;
use ndarray::ArrayView1;

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

/// The index of the largest entry (the first of equals, like numpy's
/// argmax), of an ndarray view or a slice.
#[inline(always)]
pub fn argmax<'a>(a: impl IntoIterator<Item = &'a f64>) -> usize {
    let mut a = a.into_iter();
    let Some(&first) = a.next() else {
        return 0;
    };
    let (mut best, mut largest) = (0, first);
    for (i, &v) in a.enumerate() {
        if v > largest {
            (best, largest) = (i + 1, v);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{array, Array1};

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
    fn argmax_is_the_first_of_the_largest() {
        assert_eq!(argmax(&[0.1, 0.7, 0.7, 0.2]), 1);
        assert_eq!(argmax(array![3.0, -1.0].view()), 0);
        assert_eq!(argmax(&[] as &[f64]), 0);
    }
}
