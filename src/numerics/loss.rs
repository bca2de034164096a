//! The loss functions of section 4.2 and the softmax of the book's
//! `common/functions.py`, each written once.
//!
//! Sums are added in numpy's order ([`pairwise_sum`]) and logarithms and
//! exponentials come from the pure-Rust `libm` crate, so each value is the
//! same on every machine and, on the book's examples, numpy's to the last
//! digit. (The fast network's kernels compute softmax and ln(y + δ) eight
//! samples at a time with the same operations in the same order, tested
//! to give these functions' bits.)

use super::sum::pairwise_sum;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

/// The constant added inside the logarithm so that log(0) never happens:
/// the book's `delta = 1e-7`.
pub const DELTA: f64 = 1e-7;

/// mean_squared_error(y, t) = ½·Σₖ (yₖ − tₖ)², the book's section 4.2.1.
///
/// With t = (0,0,1,0,0,0,0,0,0,0) the book's two y give 0.09750000000000003
/// and 0.5975.
pub fn mean_squared_error(y: ArrayView1<f64>, t: ArrayView1<f64>) -> f64 {
    let (y, t) = (contiguous(y), contiguous(t));
    0.5 * pairwise_sum(y.len(), |k| (y[k] - t[k]) * (y[k] - t[k]))
}

/// The exp and ln a function computes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Maths {
    /// The pure-Rust `libm` crate's: the same bits on every machine. The
    /// loss figure and the network use these.
    Libm,
    /// The platform's (`f64::exp` and `f64::ln`: glibc's on Linux), which
    /// numpy calls too. simpleNet's dW, which the book prints, is numpy's
    /// to the last bit only with these: libm's exp and ln differ from
    /// glibc's in the last place on some of its arguments, and the central
    /// difference divides that by 2h.
    Platform,
}

impl Maths {
    /// eˣ.
    #[inline]
    pub fn exp(self, x: f64) -> f64 {
        match self {
            Maths::Libm => libm::exp(x),
            Maths::Platform => x.exp(),
        }
    }

    /// ln x.
    #[inline]
    pub fn ln(self, x: f64) -> f64 {
        match self {
            Maths::Libm => libm::log(x),
            Maths::Platform => x.ln(),
        }
    }
}

/// cross_entropy_error(y, t) = −Σₖ tₖ·ln(yₖ + δ) with δ = 1e-7, the book's
/// section 4.2.2 for one sample with a one-hot (or any) target t, with
/// `libm`'s ln.
///
/// The book's examples give 0.510825457099338 (0.6 on the right class) and
/// 2.302584092994546 (0.1 on it).
pub fn cross_entropy_error(y: ArrayView1<f64>, t: ArrayView1<f64>) -> f64 {
    cross_entropy_error_with(Maths::Libm, y, t)
}

/// [`cross_entropy_error`] with the ln of `maths`. (For a one-hot t it is
/// −ln(y_label + δ) exactly, the repository's form: the other terms are
/// ±0.)
pub fn cross_entropy_error_with(maths: Maths, y: ArrayView1<f64>, t: ArrayView1<f64>) -> f64 {
    let (y, t) = (contiguous(y), contiguous(t));
    -pairwise_sum(y.len(), |k| t[k] * maths.ln(y[k] + DELTA))
}

/// The mini-batch version with one-hot targets (section 4.2.4):
/// −Σₙ Σₖ tₙₖ·ln(yₙₖ + δ) / N, the double sum taken over the N×K entries in
/// row-major order as numpy's `np.sum` takes it.
pub fn cross_entropy_error_batch(y: ArrayView2<f64>, t: ArrayView2<f64>) -> f64 {
    let (rows, cols) = y.dim();
    assert_eq!(t.dim(), (rows, cols), "y and t must have the same shape");
    let (y, t) = (y.as_standard_layout(), t.as_standard_layout());
    let (y, t) = (y.as_slice().unwrap(), t.as_slice().unwrap());
    -pairwise_sum(y.len(), |i| t[i] * libm::log(y[i] + DELTA)) / rows as f64
}

/// The mini-batch version with labels as targets (section 4.2.4, and what
/// `TwoLayerNet.loss` uses through `common/functions.py`):
/// −Σₙ ln(yₙ,ₜₙ + δ) / N.
pub fn cross_entropy_error_labels(y: ArrayView2<f64>, labels: &[usize]) -> f64 {
    assert_eq!(y.nrows(), labels.len(), "one label per row of y");
    -pairwise_sum(labels.len(), |n| libm::log(y[[n, labels[n]]] + DELTA)) / labels.len() as f64
}

/// softmax(a)ₖ = exp(aₖ − max a) / Σᵢ exp(aᵢ − max a), as
/// `common/functions.py` computes it, with `libm`'s exp: shifting by the
/// maximum keeps `exp` from overflowing and does not change the result
/// mathematically.
pub fn softmax(a: ArrayView1<f64>) -> Array1<f64> {
    softmax_with(Maths::Libm, a)
}

/// [`softmax`] with the exp of `maths`.
pub fn softmax_with(maths: Maths, a: ArrayView1<f64>) -> Array1<f64> {
    let max = a.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp = a.mapv(|v| maths.exp(v - max));
    let sum = pairwise_sum(exp.len(), |k| exp[k]);
    exp / sum
}

/// [`softmax`] of each row, as `common/functions.py` computes it for a
/// batch: yₙₖ = exp(aₙₖ − maxₖ aₙₖ) / Σₖ exp(aₙₖ − maxₖ aₙₖ).
pub fn softmax_batch(a: ArrayView2<f64>) -> Array2<f64> {
    let mut y = Array2::zeros(a.raw_dim());
    for (mut out, row) in y.axis_iter_mut(Axis(0)).zip(a.axis_iter(Axis(0))) {
        out.assign(&softmax(row));
    }
    y
}

/// The entries as a contiguous vector (numpy's arithmetic makes one too).
fn contiguous(v: ArrayView1<f64>) -> Vec<f64> {
    v.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{array, Array1};

    fn book_t() -> Array1<f64> {
        array![0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    }
    fn book_y() -> Array1<f64> {
        array![0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
    }
    fn book_y_wrong() -> Array1<f64> {
        array![0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]
    }

    #[test]
    fn mean_squared_error_of_the_book_s_examples() {
        assert_eq!(
            mean_squared_error(book_y().view(), book_t().view()),
            0.09750000000000003
        );
        assert_eq!(
            mean_squared_error(book_y_wrong().view(), book_t().view()),
            0.5975
        );
    }

    #[test]
    fn cross_entropy_error_of_the_book_s_examples() {
        assert_eq!(
            cross_entropy_error(book_y().view(), book_t().view()),
            0.510825457099338
        );
        assert_eq!(
            cross_entropy_error(book_y_wrong().view(), book_t().view()),
            2.302584092994546
        );
    }

    #[test]
    fn the_batch_versions_agree_with_one_sample_and_with_each_other() {
        let y = ndarray::stack![Axis(0), book_y(), book_y_wrong()];
        let t = ndarray::stack![Axis(0), book_t(), book_t()];
        let one_hot = cross_entropy_error_batch(y.view(), t.view());
        let labels = cross_entropy_error_labels(y.view(), &[2, 2]);
        // (0.510825457099338 + 2.302584092994546) / 2
        assert_eq!(one_hot, 1.406704775046942);
        assert_eq!(labels, one_hot);
        let single = y.slice(ndarray::s![0..1, ..]);
        assert_eq!(
            cross_entropy_error_labels(single, &[2]),
            cross_entropy_error(book_y().view(), book_t().view())
        );
    }

    #[test]
    fn softmax_sums_to_one_and_survives_large_inputs() {
        let y = softmax(array![1010.0, 1000.0, 990.0].view());
        assert!((y.sum() - 1.0).abs() < 1e-15);
        assert!(y.iter().all(|v| v.is_finite()));
        assert_eq!(super::super::functions::argmax(y.view()), 0);
    }

    #[test]
    fn cross_entropy_of_a_sure_right_answer_is_almost_zero() {
        let loss = cross_entropy_error(array![0.0, 0.0, 1.0].view(), array![0.0, 0.0, 1.0].view());
        assert!(loss.abs() < 1e-6);
    }

    #[test]
    fn softmax_batch_normalizes_each_row_and_survives_large_inputs() {
        let a = array![[0.3, 2.9, 4.0], [1010.0, 1000.0, 990.0]];
        let y = softmax_batch(a.view());
        // numpy: softmax(np.array([0.3, 2.9, 4.0])). libm's exp is within one
        // unit in the last place but not always correctly rounded: exp(−1.1)
        // is 0.3328710836980795 there, 0.33287108369807955 in glibc and
        // numpy, and the middle probability differs by two units in its last place.
        let numpy = [0.01821127329554753, 0.24519181293507392, 0.7365969137693786];
        for (got, want) in y.row(0).iter().zip(numpy) {
            assert!(
                (got - want).abs() <= 2.0 * f64::EPSILON * want,
                "{got} vs {want}"
            );
        }
        assert_eq!(y[[0, 0]], numpy[0]);
        assert_eq!(y[[0, 2]], numpy[2]);
        assert!(y.row(1).iter().all(|v| v.is_finite()));
        assert!((y.row(1).sum() - 1.0).abs() < 1e-15);
    }
}
