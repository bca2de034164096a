//! The two-layer network of the book's section 4.5 and its training, in two
//! rooms.
//!
//! This module is the book's `two_layer_net.py` and `train_neuralnet.py` as
//! written, dense, with ndarray: [`TwoLayerNet`] (forward pass, loss,
//! accuracy, [`numerical_gradient`], backprop [`gradient`]) and the
//! training loop ([`train()`]). It is what a reader puts beside the book,
//! and the oracle that the tests hold the fast path to.
//!
//! [`engine`] is the fast path behind [`train()`], [`train_numerical`] and
//! `gradcheck`: the same arithmetic in the same order, on the nonzero
//! pixels only, in vector kernels, on every core. It is private to the
//! crate; its results are the same bits on any number of threads and any
//! instruction set.

mod backprop;
mod dataset;
pub(crate) mod engine;
mod learning;
mod numerical;
#[cfg(test)]
pub(crate) mod synthetic;
pub(crate) mod train;
mod two_layer_net;

pub use backprop::{gradient, Gradients};
pub use dataset::{normalize, Dataset, DatasetError, CLASSES};
pub use learning::{diverged_at, Stalled};
pub use numerical::numerical_gradient;
pub use train::{
    train, train_numerical, train_reference, Epoch, Observer, Settings, TrainError, Training,
};
pub use two_layer_net::{inputs, labels, one_hot, Forward, TwoLayerNet, WEIGHT_INIT_STD};

/// Images `first` … `first + count − 1` of the synthetic digits.
#[cfg(test)]
pub(crate) fn synthetic(count: u64, first: u64) -> Dataset {
    let (images, labels) = synthetic::synthetic_bytes(count, first);
    Dataset::new(images, labels, 28, 28).expect("synthetic images are whole and labelled 0 to 9")
}
