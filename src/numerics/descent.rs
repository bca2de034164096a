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
    /// Whether descent went the wrong way: see [`diverged`].
    pub diverged: bool,
}

/// Descent diverged if f grew instead of shrinking: f at the end is greater
/// than at the start, or is not a number (NaN or ±∞ from an overflow). A rate
/// too large for the function does this, as the book shows with lr = 10.
pub fn diverged(f_start: f64, f_end: f64) -> bool {
    // Written so that a NaN at either end counts as diverged.
    !(f_end <= f_start && f_end.is_finite())
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
    descend(&f, |x| numerical_gradient(&f, x, h), init_x, lr, step_num)
}

/// x ← x − lr·grad(x), `step_num` times, with any gradient of `f`: the loop
/// of [`gradient_descent`] for gradients computed another way. `f` itself is
/// only evaluated at the start and the end, to tell whether it diverged.
pub fn descend<F, G>(f: F, grad: G, init_x: &Array1<f64>, lr: f64, step_num: usize) -> Descent
where
    F: Fn(&Array1<f64>) -> f64,
    G: Fn(&Array1<f64>) -> Array1<f64>,
{
    let grad = |x: &Array1<f64>| Ok::<_, std::convert::Infallible>(grad(x));
    try_descend(f, grad, init_x, lr, step_num).0
}

/// [`descend`] with a gradient that may not exist: it stops before the
/// first step whose gradient is an error, and returns that step's index
/// (0-based, = the number of steps taken) with the error.
pub fn try_descend<F, G, E>(
    f: F,
    grad: G,
    init_x: &Array1<f64>,
    lr: f64,
    step_num: usize,
) -> (Descent, Option<(usize, E)>)
where
    F: Fn(&Array1<f64>) -> f64,
    G: Fn(&Array1<f64>) -> Result<Array1<f64>, E>,
{
    let mut x = init_x.clone();
    let mut history = Vec::with_capacity(step_num);
    let mut stopped = None;
    for step in 0..step_num {
        let g = match grad(&x) {
            Ok(g) => g,
            Err(e) => {
                stopped = Some((step, e));
                break;
            }
        };
        history.push(x.clone());
        x.zip_mut_with(&g, |xi, &gi| *xi -= lr * gi);
    }
    let diverged = diverged(f(init_x), f(&x));
    let d = Descent {
        x,
        history,
        diverged,
    };
    (d, stopped)
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
    fn a_rate_of_10_diverges_and_one_of_1e_10_barely_moves() {
        let init = array![-3.0, 4.0];
        let f = |p: &Array1<f64>| function_2(p.view());
        // Each step multiplies the point by 1 − 2·10 = −19.
        let d = gradient_descent(f, &init, 10.0, 20, H);
        assert!(d.diverged);
        assert!(function_2(d.x.view()) > 1e26, "{:?}", d.x);
        // Far enough out, f overflows: ∞ − ∞ = NaN in every difference.
        let d = gradient_descent(f, &array![1e200, -1e200], 0.1, 3, H);
        assert!(d.diverged && d.x.iter().all(|v| v.is_nan()), "{:?}", d.x);
        let d = gradient_descent(f, &init, 1e-10, 20, H);
        assert!(!d.diverged);
        assert!((d.x[0] + 3.0).abs() < 1e-7 && (d.x[1] - 4.0).abs() < 1e-7);
        assert!(!gradient_descent(f, &init, 0.1, 20, H).diverged);
    }

    #[test]
    fn descent_stops_where_the_gradient_is_missing() {
        // x ← x − 0.5·2x lands on 0 after one step; the gradient "fails" there.
        let f = |p: &Array1<f64>| p[0] * p[0];
        let grad = |p: &Array1<f64>| {
            if p[0] == 0.0 {
                Err("at 0")
            } else {
                Ok(array![2.0 * p[0]])
            }
        };
        let (d, stopped) = try_descend(f, grad, &array![3.0], 0.5, 10);
        assert_eq!(stopped, Some((1, "at 0")));
        assert_eq!(d.x, array![0.0]);
        assert_eq!(d.history, [array![3.0]]);
        assert!(!d.diverged);
    }

    #[test]
    fn diverged_means_f_grew_or_is_not_a_number() {
        assert!(!diverged(25.0, 1e-3));
        assert!(!diverged(25.0, 25.0));
        assert!(diverged(25.0, 25.5));
        assert!(diverged(25.0, f64::NAN));
        assert!(diverged(25.0, f64::INFINITY));
        assert!(diverged(f64::NAN, 1.0));
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
