//! The library's numbers against numpy's and mpmath's, and its MNIST
//! loader, downloader and training figures, called directly.

use crate::util::synthetic_digits;

mod derivative_reference;
mod download;
mod mnist;
mod numerical_gradient;
mod numpy_chapter;
mod numpy_stream;
mod train_figures;
mod training;
