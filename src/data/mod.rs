//! The MNIST data of section 4.5: its IDX files ([`idx`]), the four files of
//! the database in one directory ([`mnist`]), their checksums ([`checksum`])
//! and fetching them from public mirrors ([`download`]).
//!
//! Pixels and labels stay the bytes the files hold; the network converts a
//! pixel to `pixel / 255` in f32 when a batch needs it, as the book's
//! `load_mnist(normalize=True)` does.

pub mod checksum;
pub mod download;
pub mod error;
pub mod idx;
pub mod mnist;

pub use checksum::{verify, Check, Status, MNIST_SHA256};
pub use download::{download, DownloadError, Event, Options, MIRRORS};
pub use error::DataError;
pub use idx::Images;
pub use mnist::{data_dir, Mnist, Part};
