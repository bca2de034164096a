//! The two-layer network of the book's section 4.5 and its training.

pub mod dataset;
pub mod exp;

pub use dataset::{Dataset, DatasetError};
pub mod backprop;
pub mod simd;
pub mod two_layer_net;

pub use backprop::{gradient, Gradients};
pub use two_layer_net::TwoLayerNet;
