//! The book's `TwoLayerNet` (ch04/two_layer_net.py): input → affine →
//! sigmoid → affine → softmax, with the cross-entropy loss.
//!
//! This is the plain dense version, line for line the book's numpy with
//! ndarray: the reference that the fast engine is tested against.

use super::dataset::{normalize, Dataset, CLASSES};
use crate::numerics::activation::sigmoid;
use crate::numerics::functions::argmax;
use crate::numerics::loss::{cross_entropy_error_labels, softmax_batch};
use crate::numerics::RandomState;
use ndarray::{Array1, Array2, ArrayView2, Axis};

/// The book's `weight_init_std`: weights start as 0.01·N(0, 1).
pub const WEIGHT_INIT_STD: f64 = 0.01;

/// The network's parameters, named as the book's `params` dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct TwoLayerNet {
    /// Input → hidden weights, input_size × hidden_size.
    pub w1: Array2<f64>,
    /// Hidden biases.
    pub b1: Array1<f64>,
    /// Hidden → output weights, hidden_size × output_size.
    pub w2: Array2<f64>,
    /// Output biases.
    pub b2: Array1<f64>,
}

/// Every intermediate value of one forward pass, one row per sample:
/// a1 = x·W1 + b1, z1 = sigmoid(a1), a2 = z1·W2 + b2, y = softmax(a2).
#[derive(Debug, Clone, PartialEq)]
pub struct Forward {
    pub a1: Array2<f64>,
    pub z1: Array2<f64>,
    pub a2: Array2<f64>,
    pub y: Array2<f64>,
}

impl TwoLayerNet {
    /// `TwoLayerNet(input_size, hidden_size, output_size, weight_init_std)`:
    /// W1 = weight_init_std·randn(input_size, hidden_size), b1 = 0,
    /// W2 = weight_init_std·randn(hidden_size, output_size), b2 = 0, drawn
    /// from `rng` in that order, as the book's constructor draws them.
    pub fn new(
        input_size: usize,
        hidden_size: usize,
        output_size: usize,
        weight_init_std: f64,
        rng: &mut RandomState,
    ) -> Self {
        let mut randn = |rows: usize, cols: usize| {
            Array2::from_shape_vec((rows, cols), rng.randn(rows * cols))
                .expect("randn gives rows·cols values")
                .mapv(|g| weight_init_std * g)
        };
        let w1 = randn(input_size, hidden_size);
        let w2 = randn(hidden_size, output_size);
        TwoLayerNet {
            w1,
            b1: Array1::zeros(hidden_size),
            w2,
            b2: Array1::zeros(output_size),
        }
    }

    /// The book's network for `data` after `np.random.seed(seed)`: 784–H–10
    /// for MNIST, weights 0.01·N(0, 1).
    pub fn for_inputs(input_size: usize, hidden_size: usize, rng: &mut RandomState) -> Self {
        TwoLayerNet::new(input_size, hidden_size, CLASSES, WEIGHT_INIT_STD, rng)
    }

    /// (input, hidden, output) sizes.
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.w1.nrows(), self.w1.ncols(), self.w2.ncols())
    }

    /// The forward pass with every intermediate value kept.
    pub fn forward(&self, x: ArrayView2<f64>) -> Forward {
        let a1 = x.dot(&self.w1) + &self.b1;
        let z1 = a1.mapv(sigmoid);
        let a2 = z1.dot(&self.w2) + &self.b2;
        let y = softmax_batch(a2.view());
        Forward { a1, z1, a2, y }
    }

    /// `predict(x)`: softmax(sigmoid(x·W1 + b1)·W2 + b2), one row per sample.
    pub fn predict(&self, x: ArrayView2<f64>) -> Array2<f64> {
        self.forward(x).y
    }

    /// `loss(x, t)`: the mean cross-entropy of the predictions against the
    /// labels `t`.
    pub fn loss(&self, x: ArrayView2<f64>, t: &[usize]) -> f64 {
        cross_entropy_error_labels(self.predict(x).view(), t)
    }

    /// `accuracy(x, t)`: the fraction of rows whose largest prediction (the
    /// first, on ties, as numpy's argmax) is the label.
    pub fn accuracy(&self, x: ArrayView2<f64>, t: &[usize]) -> f64 {
        let y = self.predict(x);
        let right = y
            .axis_iter(Axis(0))
            .zip(t)
            .filter(|(row, &label)| argmax(row) == label)
            .count();
        right as f64 / x.nrows() as f64
    }
}

/// The images `indices` of `data` as the rows of a matrix of inputs
/// (pixel / 255, as `load_mnist(normalize=True)`), the book's `x_train[batch_mask]`.
pub fn inputs(data: &Dataset, indices: &[usize]) -> Array2<f64> {
    let size = data.pixels();
    Array2::from_shape_fn((indices.len(), size), |(r, c)| {
        normalize(data.image(indices[r])[c])
    })
}

/// The labels of the images `indices`.
pub fn labels(data: &Dataset, indices: &[usize]) -> Vec<usize> {
    indices.iter().map(|&i| data.labels()[i] as usize).collect()
}

/// Labels as one-hot rows (`load_mnist(one_hot_label=True)`).
pub fn one_hot(labels: &[usize], classes: usize) -> Array2<f64> {
    Array2::from_shape_fn((labels.len(), classes), |(r, c)| {
        if labels[r] == c {
            1.0
        } else {
            0.0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_the_seeded_stream_times_the_init_std_in_the_book_s_order() {
        let net = TwoLayerNet::new(3, 2, 4, 0.01, &mut RandomState::new(0));
        let mut rng = RandomState::new(0);
        let g = rng.randn(3 * 2 + 2 * 4);
        assert_eq!(
            net.w1.as_slice().unwrap(),
            &g[..6].iter().map(|v| 0.01 * v).collect::<Vec<_>>()[..]
        );
        assert_eq!(
            net.w2.as_slice().unwrap(),
            &g[6..].iter().map(|v| 0.01 * v).collect::<Vec<_>>()[..]
        );
        assert_eq!(net.b1, Array1::<f64>::zeros(2));
        assert_eq!(net.sizes(), (3, 2, 4));
        // np.random.seed(0); np.random.randn(1)[0] * 0.01
        assert_eq!(net.w1[[0, 0]], 0.017640523459676642);
    }

    #[test]
    fn untrained_predictions_are_near_uniform_and_loss_is_near_ln_10() {
        let mut rng = RandomState::new(1);
        let net = TwoLayerNet::new(4, 3, 10, 0.01, &mut rng);
        let x = Array2::from_shape_fn((5, 4), |(r, c)| (r * 4 + c) as f64 / 20.0);
        let y = net.predict(x.view());
        assert!(y.iter().all(|&p| (p - 0.1).abs() < 5e-3));
        let loss = net.loss(x.view(), &[0, 1, 2, 3, 4]);
        assert!((loss - 10f64.ln()).abs() < 1e-2, "{loss}");
    }

    #[test]
    fn labels_become_one_hot_rows() {
        assert_eq!(
            one_hot(&[2, 0], 3),
            ndarray::array![[0., 0., 1.], [1., 0., 0.]]
        );
    }
}
