//! The gradient that the book's `train_neuralnet.py` calls:
//! `TwoLayerNet.gradient`, backpropagation (explained in chapter 5).

use super::two_layer_net::TwoLayerNet;
use crate::numerics::activation::sigmoid_grad;
use ndarray::{Array1, Array2, ArrayView2, Axis};

/// ∂L/∂W1, ∂L/∂b1, ∂L/∂W2, ∂L/∂b2, shaped as the parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Gradients {
    pub w1: Array2<f64>,
    pub b1: Array1<f64>,
    pub w2: Array2<f64>,
    pub b2: Array1<f64>,
}

/// `gradient(x, t)` for one-hot targets `t`, line for line the book's:
///
/// forward: a1 = x·W1 + b1, z1 = sigmoid(a1), a2 = z1·W2 + b2, y = softmax(a2);
/// backward: dy = (y − t) / N, ∂W2 = z1ᵀ·dy, ∂b2 = Σₙ dy,
/// da1 = dy·W2ᵀ, dz1 = sigmoid′(a1) ⊙ da1 with sigmoid′(a) = (1 − sigmoid(a))·sigmoid(a),
/// ∂W1 = xᵀ·dz1, ∂b1 = Σₙ dz1.
pub fn gradient(net: &TwoLayerNet, x: ArrayView2<f64>, t: ArrayView2<f64>) -> Gradients {
    let batch_num = x.nrows() as f64;
    let forward = net.forward(x);

    let dy = (&forward.y - &t) / batch_num;
    let w2 = forward.z1.t().dot(&dy);
    let b2 = dy.sum_axis(Axis(0));

    let da1 = dy.dot(&net.w2.t());
    let dz1 = forward.a1.mapv(sigmoid_grad) * &da1;
    let w1 = x.t().dot(&dz1);
    let b1 = dz1.sum_axis(Axis(0));
    Gradients { w1, b1, w2, b2 }
}

impl TwoLayerNet {
    /// One step of gradient descent, as the book's loop does it:
    /// `params[key] -= learning_rate * grad[key]` for W1, b1, W2, b2.
    pub fn update(&mut self, grad: &Gradients, learning_rate: f64) {
        self.w1 -= &(learning_rate * &grad.w1);
        self.b1 -= &(learning_rate * &grad.b1);
        self.w2 -= &(learning_rate * &grad.w2);
        self.b2 -= &(learning_rate * &grad.b2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::one_hot;
    use crate::numerics::RandomState;

    /// The mean cross-entropy as a function of one parameter, for a central
    /// difference.
    fn loss_with(
        net: &TwoLayerNet,
        x: ArrayView2<f64>,
        t: &[usize],
        edit: impl Fn(&mut TwoLayerNet),
    ) -> f64 {
        let mut net = net.clone();
        edit(&mut net);
        net.loss(x, t)
    }

    /// The loss has ln(y + 1e-7) where backprop differentiates ln(y): the
    /// two differ by about 1e-7·|∂L/∂y|, constant in h (1.08e-7 on W2[0, 9]
    /// at h = 1e-3 … 1e-6), besides the central difference's own O(h²).
    const TOLERANCE: f64 = 5e-7;

    #[test]
    fn backprop_agrees_with_the_central_difference() {
        let mut rng = RandomState::new(5);
        // Larger weights than the book's so that every gradient is sizeable.
        let net = TwoLayerNet::new(6, 4, 10, 0.5, &mut rng);
        let x = ndarray::Array2::from_shape_fn((7, 6), |(r, c)| ((r * 6 + c) % 5) as f64 / 4.0);
        let t = [3, 1, 4, 1, 5, 9, 2];
        let grad = gradient(&net, x.view(), one_hot(&t, 10).view());
        let h = 1e-5;
        let central = |edit: &dyn Fn(&mut TwoLayerNet, f64)| {
            (loss_with(&net, x.view(), &t, |n| edit(n, h))
                - loss_with(&net, x.view(), &t, |n| edit(n, -h)))
                / (2.0 * h)
        };
        for i in 0..6 {
            for j in 0..4 {
                let d = central(&|n: &mut TwoLayerNet, h| n.w1[[i, j]] += h);
                assert!(
                    (d - grad.w1[[i, j]]).abs() < TOLERANCE,
                    "W1[{i},{j}]: {d} vs {}",
                    grad.w1[[i, j]]
                );
            }
        }
        for j in 0..4 {
            let d = central(&|n: &mut TwoLayerNet, h| n.b1[j] += h);
            assert!((d - grad.b1[j]).abs() < TOLERANCE);
            for k in 0..10 {
                let d = central(&|n: &mut TwoLayerNet, h| n.w2[[j, k]] += h);
                assert!(
                    (d - grad.w2[[j, k]]).abs() < TOLERANCE,
                    "W2[{j},{k}]: {d} vs {}",
                    grad.w2[[j, k]]
                );
            }
        }
        for k in 0..10 {
            let d = central(&|n: &mut TwoLayerNet, h| n.b2[k] += h);
            assert!((d - grad.b2[k]).abs() < TOLERANCE);
        }
    }

    #[test]
    fn an_update_moves_against_the_gradient() {
        let mut rng = RandomState::new(2);
        let mut net = TwoLayerNet::new(3, 2, 10, 0.01, &mut rng);
        let before = net.clone();
        let grad = gradient(
            &net,
            ndarray::array![[1.0, 0.0, 0.5]].view(),
            one_hot(&[7], 10).view(),
        );
        net.update(&grad, 0.1);
        assert_eq!(net.w2[[1, 7]], before.w2[[1, 7]] - 0.1 * grad.w2[[1, 7]]);
        assert!(grad.b2[7] < 0.0 && net.b2[7] > 0.0);
    }
}
