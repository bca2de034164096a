//! Gradient descent, the book's `gradient_descent`.

use super::numerical_gradient;
use ndarray::Array1;

/// Where gradient descent ended and the path it took.
#[derive(Debug, Clone, PartialEq)]
pub struct Descent {
    /// The point after the last step.
    pub x: Array1<f64>,
    /// The point before each step, as the book records it: `history[0]` is the
    /// start and there are `step_num` entries.
    pub history: Vec<Array1<f64>>,
}

/// x ← x − lr·∇f(x), `step_num` times, with the numerical gradient of step `h`.
///
/// The book's defaults are lr = 0.01 and step_num = 100; its figure uses lr = 0.1
/// and 20 steps. From (−3, 4) with lr = 0.1 and 100 steps the result is
/// [−6.111107928998789e-10, 8.148143905314271e-10], bit for bit as numpy gives.
/// Unlike the book's code, `init_x` is left as it was (the book's `x -= ...`
/// overwrites the caller's start point), and it is always `f64`.
pub fn gradient_descent<F>(f: F, init_x: &Array1<f64>, lr: f64, step_num: usize, h: f64) -> Descent
where
    F: Fn(&Array1<f64>) -> f64,
{
    descend(|x| numerical_gradient(&f, x, h), init_x, lr, step_num)
}

/// x ← x − lr·grad(x), `step_num` times, with any gradient: the loop of
/// [`gradient_descent`] for gradients computed another way.
pub fn descend<G>(grad: G, init_x: &Array1<f64>, lr: f64, step_num: usize) -> Descent
where
    G: Fn(&Array1<f64>) -> Array1<f64>,
{
    let mut x = init_x.clone();
    let mut history = Vec::with_capacity(step_num);
    for _ in 0..step_num {
        history.push(x.clone());
        let g = grad(&x);
        x.zip_mut_with(&g, |xi, &gi| *xi -= lr * gi);
    }
    Descent { x, history }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerics::{function_2, H};
    use ndarray::array;

    #[test]
    fn hundred_steps_from_minus_3_4_match_the_book_bit_for_bit() {
        let init = array![-3.0, 4.0];
        let d = gradient_descent(|p| function_2(p.view()), &init, 0.1, 100, H);
        assert_eq!(
            d.x.to_vec(),
            vec![-6.111107928998789e-10, 8.148143905314271e-10]
        );
        assert_eq!(d.history.len(), 100);
        assert_eq!(d.history[0], init);
        assert_eq!(init, array![-3.0, 4.0], "the start point must not change");
    }

    #[test]
    fn the_figure_s_twenty_steps_record_the_point_before_each_step() {
        let d = gradient_descent(|p| function_2(p.view()), &array![-3.0, 4.0], 0.1, 20, H);
        assert_eq!(d.history.len(), 20);
        // One step of lr 0.1 on x0² + x1² multiplies the point by 0.8.
        assert!((d.history[1][0] + 2.4).abs() < 1e-12);
        assert!((d.history[1][1] - 3.2).abs() < 1e-12);
    }
}
