//! The book's `TwoLayerNet.numerical_gradient` (section 4.5): for every
//! parameter θ of W1, b1, W2, b2, the central difference
//!
//! ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h, h = 1e-4,
//!
//! with L the batch's mean cross-entropy, −Σₙ ln(yₙ,ₜₙ + 1e-7) / N: two full
//! forward passes per parameter, 79,520 of them for 784–50–10. The fast
//! version ([`engine::numerical`](super::engine::numerical)) computes the
//! same differences of the same losses and is tested against this one.

use super::backprop::Gradients;
use super::two_layer_net::TwoLayerNet;
use crate::numerics::{numerical_gradient as numerical_gradient_of, H};
use ndarray::ArrayView2;

/// `numerical_gradient(x, t)` as the book writes it: each parameter moved
/// to θ + h, then θ − h, with the whole loss recomputed each time, on the
/// inputs `x` with the labels `t`.
pub fn numerical_gradient(net: &TwoLayerNet, x: ArrayView2<f64>, t: &[usize]) -> Gradients {
    let loss = |edit: &dyn Fn(&mut TwoLayerNet)| {
        let mut moved = net.clone();
        edit(&mut moved);
        moved.loss(x, t)
    };
    Gradients {
        w1: numerical_gradient_of(|w| loss(&|n| n.w1.assign(w)), &net.w1, H),
        b1: numerical_gradient_of(|b| loss(&|n| n.b1.assign(b)), &net.b1, H),
        w2: numerical_gradient_of(|w| loss(&|n| n.w2.assign(w)), &net.w2, H),
        b2: numerical_gradient_of(|b| loss(&|n| n.b2.assign(b)), &net.b2, H),
    }
}
