//! What can be wrong with a data directory or an IDX file. Every message is
//! one line that starts with the file (or directory) it is about.

use crate::output::file::describe;
use std::io;
use std::path::{Path, PathBuf};

/// The command that fetches MNIST, named in the message for a missing file.
pub const DOWNLOAD_COMMAND: &str = "numdiff-plot data download";

/// Bad or missing MNIST data, found before any training starts.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// None of the names a file goes by exists in the directory.
    #[error(
        "{}: not found (nor {}); fetch MNIST with `{DOWNLOAD_COMMAND} --data {}`",
        path.display(),
        others.join(", "),
        dir.display()
    )]
    Missing {
        path: PathBuf,
        others: Vec<String>,
        dir: PathBuf,
    },

    /// No `--data`, no `$NUMDIFF_PLOT_DATA` and no cache directory to fall back on.
    #[error(
        "no data directory: pass --data DIR or set NUMDIFF_PLOT_DATA (no home or cache directory was found)"
    )]
    NoDirectory,

    /// The file exists but cannot be read.
    #[error("{}: cannot read: {}", path.display(), describe(source))]
    Read { path: PathBuf, source: io::Error },

    /// The first four bytes are not the IDX magic number expected.
    #[error(
        "{}: magic number 0x{found:08x}, expected 0x{expected:08x}: not an IDX file of {what}",
        path.display()
    )]
    BadMagic {
        path: PathBuf,
        found: u32,
        expected: u32,
        what: &'static str,
    },

    /// The file ends before the header, or before the data it declares.
    #[error("{}: truncated: {detail}", path.display())]
    Truncated { path: PathBuf, detail: String },

    /// Bytes follow the data the header declares.
    #[error(
        "{}: {extra} bytes more than the {declared} the header declares",
        path.display()
    )]
    TrailingBytes {
        path: PathBuf,
        declared: u64,
        extra: u64,
    },

    /// A gzip-compressed file whose stream is damaged.
    #[error("{}: corrupt gzip data: {detail}", path.display())]
    Gzip { path: PathBuf, detail: String },

    /// A set with no images at all.
    #[error("{}: holds no images", path.display())]
    Empty { path: PathBuf },

    /// Images that are not MNIST's 28×28.
    #[error("{}: images are {rows}×{cols} pixels; MNIST images are 28×28", path.display())]
    BadShape {
        path: PathBuf,
        rows: usize,
        cols: usize,
    },

    /// The images file and the labels file of one set disagree on the count.
    #[error(
        "{}: {images} images, but {} has {labels} labels; the two counts must agree",
        images_path.display(),
        labels_path.display()
    )]
    CountMismatch {
        images_path: PathBuf,
        images: usize,
        labels_path: PathBuf,
        labels: usize,
    },

    /// A label that is not a digit.
    #[error("{}: label {label} at index {index}; labels are digits 0 to 9", path.display())]
    BadLabel {
        path: PathBuf,
        index: usize,
        label: u8,
    },

    /// A thread loading a file panicked (a bug).
    #[error(transparent)]
    Panicked(#[from] crate::threads::Panicked),
}

impl DataError {
    /// A read error on `path`: a gzip stream cut short is a truncated file,
    /// a damaged one is corrupt gzip data, anything else a read failure.
    pub(crate) fn from_io(path: &Path, e: io::Error, declared: Option<(u64, u64)>) -> DataError {
        let path = path.to_path_buf();
        match e.kind() {
            io::ErrorKind::UnexpectedEof => DataError::Truncated {
                path,
                detail: match declared {
                    Some((want, got)) => truncated_detail(want, got),
                    None => "the gzip stream ends early".to_string(),
                },
            },
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => DataError::Gzip {
                path,
                detail: e.to_string(),
            },
            _ => DataError::Read { path, source: e },
        }
    }
}

/// "the header declares N bytes of data, the file holds M".
pub(crate) fn truncated_detail(declared: u64, found: u64) -> String {
    format!("the header declares {declared} bytes of data, the file holds {found}")
}
