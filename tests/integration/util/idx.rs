//! Small IDX files made by hand, gzip-compressed or not, for the loader and
//! download tests: a stand-in for MNIST with a few 28×28 images.

use std::io::Write;
use std::path::Path;

pub const IMAGES_MAGIC: u32 = 0x0000_0803;
pub const LABELS_MAGIC: u32 = 0x0000_0801;

/// An IDX file: the magic number, the dimensions (big-endian), the data.
pub fn idx(magic: u32, dims: &[u32], data: &[u8]) -> Vec<u8> {
    let mut out = magic.to_be_bytes().to_vec();
    for d in dims {
        out.extend(d.to_be_bytes());
    }
    out.extend(data);
    out
}

/// `count` images of `rows × cols` pixels whose values follow a fixed pattern.
pub fn pixels(count: usize, rows: usize, cols: usize, seed: usize) -> Vec<u8> {
    (0..count * rows * cols)
        .map(|i| ((i * 31 + seed * 7) % 256) as u8)
        .collect()
}

/// An images file of `count` images of `rows × cols` pixels.
pub fn images(count: usize, rows: usize, cols: usize, seed: usize) -> Vec<u8> {
    let dims = [count as u32, rows as u32, cols as u32];
    idx(IMAGES_MAGIC, &dims, &pixels(count, rows, cols, seed))
}

/// A labels file.
pub fn labels(labels: &[u8]) -> Vec<u8> {
    idx(LABELS_MAGIC, &[labels.len() as u32], labels)
}

/// `bytes` gzip-compressed, as a mirror serves MNIST.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// The labels of the small training set (3 images) and test set (2 images).
pub const TRAIN_LABELS: [u8; 3] = [5, 0, 4];
pub const TEST_LABELS: [u8; 2] = [7, 2];

/// The four files of a small, valid MNIST-like set, uncompressed, in the
/// order of the database's file list.
pub fn small_set() -> [Vec<u8>; 4] {
    [
        images(3, 28, 28, 1),
        labels(&TRAIN_LABELS),
        images(2, 28, 28, 2),
        labels(&TEST_LABELS),
    ]
}

/// Writes `bytes` to the file `name` in `dir`.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}
