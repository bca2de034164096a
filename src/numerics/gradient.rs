//! The numerical gradient of a function of many variables.

use ndarray::{Array, Dimension};

/// The book's `numerical_gradient`, for an array of any shape:
///
/// ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / (2h)
///
/// One element at a time is set to `xᵢ + h`, then `xᵢ − h`, and restored
/// before the next, exactly as the book does, so the digits match numpy's
/// (at (3, 4) the gradient of x0² + x1² is [6.00000000000378, 7.999999999999119]).
///
/// Unlike the book's code this works on its own copy: the caller's array is
/// never changed, not even while `f` runs, and `f` is given the perturbed
/// point instead of having to read it from shared state.
pub fn numerical_gradient<D, F>(f: F, x: &Array<f64, D>, h: f64) -> Array<f64, D>
where
    D: Dimension,
    F: Fn(&Array<f64, D>) -> f64,
{
    // A plain clone when x is already in standard layout, which costs less
    // than going through a copy-on-write view.
    let mut point = if x.is_standard_layout() {
        x.clone()
    } else {
        x.as_standard_layout().into_owned()
    };
    let mut grad = Array::zeros(point.raw_dim());
    let n = point.len();
    for i in 0..n {
        let tmp_val = element(&point, i);
        set_element(&mut point, i, tmp_val + h);
        let fxh1 = f(&point);
        set_element(&mut point, i, tmp_val - h);
        let fxh2 = f(&point);
        set_element(&mut grad, i, (fxh1 - fxh2) / (2.0 * h));
        set_element(&mut point, i, tmp_val);
    }
    grad
}

/// The i-th element in memory order of an array in standard layout.
fn element<D: Dimension>(a: &Array<f64, D>, i: usize) -> f64 {
    a.as_slice().expect("standard layout")[i]
}

fn set_element<D: Dimension>(a: &mut Array<f64, D>, i: usize, v: f64) {
    a.as_slice_mut().expect("standard layout")[i] = v;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerics::{function_2, H};
    use ndarray::{array, Array2};

    #[test]
    fn gradient_of_function_2_at_3_4_matches_the_book_bit_for_bit() {
        let x = array![3.0, 4.0];
        let grad = numerical_gradient(|p| function_2(p.view()), &x, H);
        assert_eq!(grad.to_vec(), vec![6.00000000000378, 7.999999999999119]);
        assert_eq!(x, array![3.0, 4.0], "the input must not change");
    }

    #[test]
    fn gradient_keeps_the_shape_of_a_matrix_and_of_a_transposed_view() {
        let x: Array2<f64> = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
        let f = |p: &Array2<f64>| p.iter().map(|v| v * v).sum::<f64>();
        let grad = numerical_gradient(f, &x, H);
        assert_eq!(grad.dim(), (2, 3));
        for (g, v) in grad.iter().zip(x.iter()) {
            assert!((g - 2.0 * v).abs() < 1e-8);
        }
        let xt = x.t().to_owned();
        let gt = numerical_gradient(f, &xt, H);
        assert_eq!(gt.dim(), (3, 2));
        assert!((gt[[2, 1]] - 12.0).abs() < 1e-8);
    }
}
