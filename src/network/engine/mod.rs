//! The fast path of the training and of the numerical gradient, private to
//! the crate: what [`TwoLayerNet`](super::TwoLayerNet) computes, bit for
//! bit, on the nonzero pixels only, in vector kernels, on every core.
//!
//! - [`sparse`]: images as their nonzero pixels (80 % of MNIST's are 0 and
//!   add exactly nothing to x·W1 or to xᵀ·dz1).
//! - [`layout`]: the parameters padded to lanes of eight doubles, aligned to
//!   cache lines.
//! - [`forward`], [`backward`]: the kernels of one iteration; [`exp`] and
//!   [`log`]: `libm`'s algorithms lane by lane, the same bits.
//! - [`simd`]: each kernel compiled for AVX-512, AVX2 and the baseline, the
//!   processor's chosen at run time; no fused multiply–adds, so the three
//!   give the same bits.
//! - [`threads`]: the caller and N − 1 spinning workers, thread i always
//!   given part i; [`trainer`] splits each step by samples (forward pass)
//!   and by W1's rows (update), where no sum crosses a split, so every N
//!   gives the same bits.
//! - [`accuracy`]: the epochs' accuracy passes, measured a part at a time
//!   between steps on a copy of the weights.
//! - [`numerical`], [`perturb`], [`numerical_train`]: the numerical
//!   gradient, each loss recomputed only where a parameter's move reaches.

pub mod accuracy;
pub mod backward;
pub mod exp;
pub mod forward;
pub mod layout;
pub mod log;
pub mod numerical;
pub mod numerical_train;
pub mod perturb;
pub mod simd;
pub mod sparse;
pub mod threads;
pub mod trainer;
