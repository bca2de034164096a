//! Loading MNIST from a directory: small IDX files made here, gzip-compressed
//! or not, under both naming conventions, and every kind of bad data refused
//! with its one-line message.

use crate::util::idx::*;
use numdiff_plot::data::{mnist, DataError, Mnist};
use std::path::Path;

const PLAIN_NAMES: [&str; 4] = [
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
];
const DOTTED_NAMES: [&str; 4] = [
    "train-images.idx3-ubyte",
    "train-labels.idx1-ubyte",
    "t10k-images.idx3-ubyte",
    "t10k-labels.idx1-ubyte",
];

/// A directory with the small set under `names`, gzip-compressed if `gz`.
fn set_dir(names: [&str; 4], gz: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in names.iter().zip(small_set()) {
        match gz {
            true => write(dir.path(), &format!("{name}.gz"), &gzip(&bytes)),
            false => write(dir.path(), name, &bytes),
        }
    }
    dir
}

fn assert_small_set(m: &Mnist) {
    assert_eq!(
        (
            m.train_images.count,
            m.train_images.rows,
            m.train_images.cols
        ),
        (3, 28, 28)
    );
    assert_eq!(m.train_images.pixels, pixels(3, 28, 28, 1));
    assert_eq!(m.train_images.image(2), &pixels(3, 28, 28, 1)[2 * 784..]);
    assert_eq!(m.train_labels, TRAIN_LABELS);
    assert_eq!(m.test_images.count, 2);
    assert_eq!(m.test_images.pixels, pixels(2, 28, 28, 2));
    assert_eq!(m.test_labels, TEST_LABELS);
}

#[test]
fn loads_both_naming_conventions_compressed_or_not() {
    for names in [PLAIN_NAMES, DOTTED_NAMES] {
        for gz in [false, true] {
            let dir = set_dir(names, gz);
            let m = Mnist::load(dir.path()).unwrap_or_else(|e| panic!("{names:?} gz={gz}: {e}"));
            assert_small_set(&m);
        }
    }
}

#[test]
fn compression_is_told_by_content_not_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let [train_images, train_labels, test_images, test_labels] = small_set();
    // Compressed under a plain name, plain under a .gz name: both load.
    write(dir.path(), "train-images-idx3-ubyte", &gzip(&train_images));
    write(dir.path(), "train-labels-idx1-ubyte.gz", &train_labels);
    write(dir.path(), "t10k-images.idx3-ubyte.gz", &gzip(&test_images));
    write(dir.path(), "t10k-labels.idx1-ubyte", &test_labels);
    assert_small_set(&Mnist::load(dir.path()).unwrap());
}

#[test]
fn the_distributed_gz_name_is_preferred() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "t10k-labels.idx1-ubyte",
        "t10k-labels-idx1-ubyte",
        "t10k-labels-idx1-ubyte.gz",
    ] {
        write(dir.path(), name, b"x");
    }
    let found = mnist::find(dir.path(), "t10k-labels-idx1-ubyte.gz").unwrap();
    assert_eq!(found, dir.path().join("t10k-labels-idx1-ubyte.gz"));
    std::fs::remove_file(&found).unwrap();
    let found = mnist::find(dir.path(), "t10k-labels-idx1-ubyte.gz").unwrap();
    assert_eq!(found, dir.path().join("t10k-labels-idx1-ubyte"));
}

/// The small set, plain, with file `index` replaced by `bytes`; the error
/// loading it, as a line.
fn refused(index: usize, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = set_dir(PLAIN_NAMES, false);
    write(dir.path(), PLAIN_NAMES[index], bytes);
    let e = Mnist::load(dir.path()).expect_err("bad data is refused");
    (dir, e.to_string())
}

fn path(dir: &Path, index: usize) -> String {
    dir.join(PLAIN_NAMES[index]).display().to_string()
}

#[test]
fn a_missing_file_says_how_to_download() {
    let dir = set_dir(PLAIN_NAMES, false);
    std::fs::remove_file(dir.path().join(PLAIN_NAMES[3])).unwrap();
    let e = Mnist::load(dir.path()).unwrap_err();
    assert!(matches!(e, DataError::Missing { .. }));
    let d = dir.path().display();
    assert_eq!(
        e.to_string(),
        format!(
            "{d}/t10k-labels-idx1-ubyte.gz: not found (nor t10k-labels-idx1-ubyte, \
             t10k-labels.idx1-ubyte.gz, t10k-labels.idx1-ubyte); \
             fetch MNIST with `numdiff-plot data download --data {d}`"
        )
    );
}

#[test]
fn an_empty_or_absent_directory_reports_the_first_file() {
    let dir = tempfile::tempdir().unwrap();
    let absent = dir.path().join("nowhere");
    let e = Mnist::load(&absent).unwrap_err().to_string();
    let d = absent.display();
    assert!(
        e.starts_with(&format!("{d}/train-images-idx3-ubyte.gz: not found (nor ")),
        "{e}"
    );
    assert!(
        e.ends_with(&format!("`numdiff-plot data download --data {d}`")),
        "{e}"
    );
}

#[test]
fn a_wrong_magic_number_is_refused() {
    // Labels where images belong.
    let (dir, e) = refused(0, &labels(&[1, 2, 3]));
    let want = format!(
        "{}: magic number 0x00000801, expected 0x00000803: not an IDX file of images",
        path(dir.path(), 0)
    );
    assert_eq!(e, want);
    // An HTML error page saved in place of a labels file, compressed.
    let (dir, e) = refused(1, &gzip(b"<!DOCTYPE html><title>403 Forbidden</title>"));
    let want = format!(
        "{}: magic number 0x3c21444f, expected 0x00000801: not an IDX file of labels",
        path(dir.path(), 1)
    );
    assert_eq!(e, want);
}

#[test]
fn a_truncated_file_is_refused() {
    let whole = images(3, 28, 28, 1);
    let (dir, e) = refused(0, &whole[..16 + 2000]);
    let want = format!(
        "{}: truncated: the header declares 2352 bytes of data, the file holds 2000",
        path(dir.path(), 0)
    );
    assert_eq!(e, want);

    let (dir, e) = refused(2, &whole[..10]);
    let want = format!(
        "{}: truncated: the file ends inside its 16-byte header",
        path(dir.path(), 2)
    );
    assert_eq!(e, want);

    let (dir, e) = refused(3, &[]);
    let want = format!(
        "{}: truncated: the file ends inside its 8-byte header",
        path(dir.path(), 3)
    );
    assert_eq!(e, want);
}

#[test]
fn a_truncated_gzip_file_is_refused() {
    let gz = gzip(&images(3, 28, 28, 1));
    let (dir, e) = refused(0, &gz[..gz.len() / 2]);
    let prefix = format!(
        "{}: truncated: the header declares 2352 bytes of data, the file holds ",
        path(dir.path(), 0)
    );
    let held: u64 = e.strip_prefix(&prefix).expect(&e).parse().unwrap();
    assert!(held < 2352, "{e}");
    // Cut inside the 8-byte trailer: all the data is there, its check is not.
    let (dir, e) = refused(0, &gz[..gz.len() - 3]);
    let want = format!(
        "{}: truncated: the gzip stream ends early",
        path(dir.path(), 0)
    );
    assert_eq!(e, want);
}

#[test]
fn a_corrupt_gzip_file_is_refused() {
    let mut gz = gzip(&labels(&TRAIN_LABELS));
    let crc = gz.len() - 8;
    gz[crc] ^= 0x55;
    let (dir, e) = refused(1, &gz);
    let want = format!(
        "{}: corrupt gzip data: corrupt gzip stream does not have a matching checksum",
        path(dir.path(), 1)
    );
    assert_eq!(e, want);
}

#[test]
fn bytes_after_the_declared_data_are_refused() {
    let mut bytes = labels(&TRAIN_LABELS);
    bytes.extend([0, 0]);
    let (dir, e) = refused(1, &bytes);
    let want = format!(
        "{}: 2 bytes more than the 3 the header declares",
        path(dir.path(), 1)
    );
    assert_eq!(e, want);
}

#[test]
fn image_and_label_counts_must_agree() {
    let (dir, e) = refused(1, &labels(&[5, 0]));
    let want = format!(
        "{}: 3 images, but {} has 2 labels; the two counts must agree",
        path(dir.path(), 0),
        path(dir.path(), 1)
    );
    assert_eq!(e, want);
    let (dir, e) = refused(3, &labels(&[7, 2, 1]));
    let want = format!(
        "{}: 2 images, but {} has 3 labels; the two counts must agree",
        path(dir.path(), 2),
        path(dir.path(), 3)
    );
    assert_eq!(e, want);
}

#[test]
fn a_label_above_9_is_refused() {
    let (dir, e) = refused(1, &labels(&[5, 10, 4]));
    let want = format!(
        "{}: label 10 at index 1; labels are digits 0 to 9",
        path(dir.path(), 1)
    );
    assert_eq!(e, want);
    let (dir, e) = refused(3, &labels(&[7, 255]));
    let want = format!(
        "{}: label 255 at index 1; labels are digits 0 to 9",
        path(dir.path(), 3)
    );
    assert_eq!(e, want);
}

#[test]
fn images_that_are_not_28_by_28_are_refused() {
    let (dir, e) = refused(0, &images(3, 32, 32, 1));
    let want = format!(
        "{}: images are 32×32 pixels; MNIST images are 28×28",
        path(dir.path(), 0)
    );
    assert_eq!(e, want);
    let (dir, e) = refused(2, &images(2, 28, 27, 1));
    let want = format!(
        "{}: images are 28×27 pixels; MNIST images are 28×28",
        path(dir.path(), 2)
    );
    assert_eq!(e, want);
}

#[test]
fn a_set_without_images_is_refused() {
    let (dir, e) = refused(2, &images(0, 28, 28, 1));
    assert_eq!(e, format!("{}: holds no images", path(dir.path(), 2)));
}

#[test]
fn every_message_is_one_line() {
    let cases: [(usize, Vec<u8>); 6] = [
        (0, labels(&[1])),
        (0, images(3, 28, 28, 1)[..100].to_vec()),
        (1, labels(&[1, 2])),
        (1, labels(&[1, 2, 30])),
        (2, images(2, 1, 1, 0)),
        (3, gzip(b"junk")),
    ];
    for (index, bytes) in cases {
        let (_dir, e) = refused(index, &bytes);
        assert!(!e.contains('\n') && !e.is_empty(), "{e:?}");
    }
}
