//! The two-layer network of the book's section 4.5 and its training.
//!
//! [`TwoLayerNet`] and [`gradient`] are the book's `two_layer_net.py` as
//! written, dense, with ndarray; [`train()`] is `train_neuralnet.py`'s loop,
//! run by [`Trainer`], which computes the same thing on the nonzero pixels
//! only, with vector kernels ([`forward`], [`backward`]). [`Dataset`] is
//! what the loop takes: images as bytes, as the IDX files hold them.

pub mod accuracy;
pub mod backprop;
pub mod backward;
pub mod dataset;
pub mod exp;
pub mod forward;
pub mod log;
pub mod numerical;
pub mod numerical_train;
pub mod pair;
pub mod params;
pub mod perturb;
pub mod simd;
pub mod sparse;
pub mod synthetic;
pub mod train;
pub mod trainer;
pub mod two_layer_net;

pub use backprop::{gradient, Gradients};
pub use dataset::{Dataset, DatasetError};
pub use numerical::{numerical_gradient, numerical_gradient_dense};
pub use numerical_train::train_numerical;
pub use params::Params;
pub use simd::Level;
pub use sparse::SparseImages;
pub use train::{train, train_reference, Epoch, Progress, Settings, TrainError, Training};
pub use trainer::Trainer;
pub use two_layer_net::TwoLayerNet;
