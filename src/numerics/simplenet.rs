//! The book's `simpleNet`: one 2×3 weight matrix, softmax, cross-entropy.

use super::loss::{cross_entropy_error_with, softmax_with, Maths};
use super::{numerical_gradient, RandomState};
use ndarray::{array, Array1, Array2, ArrayView1};

/// A network with a single layer and no bias: z = x·W, y = softmax(z).
#[derive(Debug, Clone, PartialEq)]
pub struct SimpleNet {
    /// The weights, 2×3.
    pub w: Array2<f64>,
}

impl SimpleNet {
    /// The W the book prints (its W came from `np.random.randn(2, 3)`).
    pub fn book() -> Self {
        SimpleNet {
            w: array![
                [0.47355232, 0.9977393, 0.84668094],
                [0.85557411, 0.03563661, 0.69422093]
            ],
        }
    }

    /// W as the book's script draws it after `np.random.seed(seed)`:
    /// `np.random.randn(2, 3)`, numpy's stream reproduced by [`RandomState`].
    pub fn from_numpy_seed(seed: u32) -> Self {
        let mut rng = RandomState::new(seed);
        let w = Array2::from_shape_vec((2, 3), rng.randn(6)).expect("randn gives 6 values");
        SimpleNet { w }
    }

    /// predict(x) = x·W.
    pub fn predict(&self, x: ArrayView1<f64>) -> Array1<f64> {
        predict_with(&self.w, x)
    }

    /// loss(x, t) = cross_entropy_error(softmax(x·W), t).
    pub fn loss(&self, x: ArrayView1<f64>, t: ArrayView1<f64>) -> f64 {
        loss_with(&self.w, x, t)
    }

    /// ∂loss/∂W by the numerical gradient with step `h`. The loss is computed
    /// from the perturbed W handed to it, so unlike the book's `f = lambda w:
    /// net.loss(x, t)` nothing relies on W being changed in place.
    pub fn numerical_gradient(
        &self,
        x: ArrayView1<f64>,
        t: ArrayView1<f64>,
        h: f64,
    ) -> Array2<f64> {
        numerical_gradient(|w| loss_with(w, x, t), &self.w, h)
    }
}

fn predict_with(w: &Array2<f64>, x: ArrayView1<f64>) -> Array1<f64> {
    x.dot(w)
}

/// With the platform's exp and ln, as numpy computes it ([`Maths::Platform`]
/// says why).
fn loss_with(w: &Array2<f64>, x: ArrayView1<f64>, t: ArrayView1<f64>) -> f64 {
    let z = predict_with(w, x);
    let y = softmax_with(Maths::Platform, z.view());
    cross_entropy_error_with(Maths::Platform, y.view(), t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerics::{functions::argmax, H};

    #[test]
    fn dw_with_the_book_s_w_matches_the_printed_values() {
        let net = SimpleNet::book();
        let x = array![0.6, 0.9];
        let t = array![0.0, 0.0, 1.0];
        let dw = net.numerical_gradient(x.view(), t.view(), H);
        let printed = array![
            [0.21924763, 0.14356247, -0.36281009],
            [0.32887144, 0.2153437, -0.54421514]
        ];
        for (got, want) in dw.iter().zip(printed.iter()) {
            assert!((got - want).abs() < 1e-6, "{got} vs {want}");
        }
        assert_eq!(argmax(net.predict(x.view()).view()), 2);
        assert_eq!(net.w, SimpleNet::book().w, "W must not change");
    }

    #[test]
    fn a_numpy_seed_gives_numpy_s_w() {
        // np.random.seed(0); np.random.randn(2, 3), and with 42 (numpy 2.4)
        assert_eq!(
            SimpleNet::from_numpy_seed(0).w,
            array![
                [1.764052345967664, 0.4001572083672233, 0.9787379841057392],
                [2.240893199201458, 1.8675579901499675, -0.977277879876411]
            ]
        );
        assert_eq!(
            SimpleNet::from_numpy_seed(42).w,
            array![
                [0.4967141530112327, -0.13826430117118466, 0.6476885381006925],
                [
                    1.5230298564080254,
                    -0.23415337472333597,
                    -0.23413695694918055
                ]
            ]
        );
    }
}
