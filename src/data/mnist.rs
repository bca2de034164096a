//! The MNIST database: four IDX files in one directory, the training set
//! (60000 images and labels) and the test set (10000), loaded and checked
//! before any training starts. Fashion-MNIST has the same files and format
//! and loads the same way.

use super::error::DataError;
use super::idx::{self, Images};
use crate::threads;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable naming the data directory when `--data` is not given.
pub const DATA_ENV: &str = "NUMDIFF_PLOT_DATA";

/// The four files as the database distributes them: training images and
/// labels, then test images and labels.
pub const FILES: [&str; 4] = [
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
];

/// Image height and width in MNIST.
pub const SIDE: usize = 28;

/// The number of classes: labels are the digits 0 to 9.
pub const CLASSES: u8 = 10;

/// One of the four files of the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    TrainImages,
    TrainLabels,
    TestImages,
    TestLabels,
}

impl Part {
    pub const ALL: [Part; 4] = [
        Part::TrainImages,
        Part::TrainLabels,
        Part::TestImages,
        Part::TestLabels,
    ];

    /// The name the database distributes the file under, e.g. `train-images-idx3-ubyte.gz`.
    pub fn file_name(self) -> &'static str {
        FILES[self as usize]
    }
}

/// MNIST as its files hold it: pixels 0–255 and labels 0–9, as bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mnist {
    pub train_images: Images,
    pub train_labels: Vec<u8>,
    pub test_images: Images,
    pub test_labels: Vec<u8>,
}

impl Mnist {
    /// Loads the four files from `dir` and checks them: the images are
    /// 28×28, each set has as many labels as images, every label is a digit.
    /// All four files are looked for before any is read, so a missing one is
    /// reported at once.
    pub fn load(dir: &Path) -> Result<Mnist, DataError> {
        let [train_images, train_labels, test_images, test_labels] =
            Part::ALL.map(|part| locate(dir, part.file_name()));
        let (train_images, train_labels, test_images, test_labels) =
            (train_images?, train_labels?, test_images?, test_labels?);
        // The two sets on two threads where there are two cores
        // (decompressing is most of the time); the training set's error, if
        // both fail, is the one reported.
        let sets = [(&train_images, &train_labels), (&test_images, &test_labels)];
        let loaded = if threads::count(None, sets.len()) > 1 {
            threads::scoped("loading MNIST", sets.to_vec(), |(i, l)| load_set(i, l))
                .map_err(DataError::Panicked)?
        } else {
            sets.iter().map(|(i, l)| load_set(i, l)).collect()
        };
        let [train, test]: [_; 2] = loaded.try_into().expect("two sets");
        let ((train_images, train_labels), (test_images, test_labels)) = (train?, test?);
        Ok(Mnist {
            train_images,
            train_labels,
            test_images,
            test_labels,
        })
    }
}

/// One set, images and labels, checked against each other.
fn load_set(images_path: &Path, labels_path: &Path) -> Result<(Images, Vec<u8>), DataError> {
    let images = idx::read_images(images_path)?;
    if images.count == 0 {
        return Err(DataError::Empty {
            path: images_path.to_path_buf(),
        });
    }
    if (images.rows, images.cols) != (SIDE, SIDE) {
        return Err(DataError::BadShape {
            path: images_path.to_path_buf(),
            rows: images.rows,
            cols: images.cols,
        });
    }
    let labels = idx::read_labels(labels_path)?;
    if let Some(index) = labels.iter().position(|&l| l >= CLASSES) {
        return Err(DataError::BadLabel {
            path: labels_path.to_path_buf(),
            index,
            label: labels[index],
        });
    }
    if labels.len() != images.count {
        return Err(DataError::CountMismatch {
            images_path: images_path.to_path_buf(),
            images: images.count,
            labels_path: labels_path.to_path_buf(),
            labels: labels.len(),
        });
    }
    Ok((images, labels))
}

/// The names a file of the database may have in a directory, in the order
/// they are looked for: as distributed (`train-images-idx3-ubyte.gz`),
/// decompressed (`train-images-idx3-ubyte`), and with the dot some packages
/// use (`train-images.idx3-ubyte.gz`, `train-images.idx3-ubyte`). Whether a
/// file is compressed is told from its first bytes, not from its name.
pub fn names(file_name: &str) -> [String; 4] {
    let plain = file_name.strip_suffix(".gz").unwrap_or(file_name);
    let dotted = match plain.rfind("-idx") {
        Some(i) => format!("{}.{}", &plain[..i], &plain[i + 1..]),
        None => plain.to_string(),
    };
    [
        format!("{plain}.gz"),
        plain.to_string(),
        format!("{dotted}.gz"),
        dotted,
    ]
}

/// The first of the [`names`] of `file_name` that is a file in `dir`.
pub fn find(dir: &Path, file_name: &str) -> Option<PathBuf> {
    names(file_name)
        .into_iter()
        .map(|name| dir.join(name))
        .find(|path| path.is_file())
}

/// Like [`find`], or the error that says how to download the file.
pub fn locate(dir: &Path, file_name: &str) -> Result<PathBuf, DataError> {
    find(dir, file_name).ok_or_else(|| {
        let [first, others @ ..] = names(file_name);
        DataError::Missing {
            path: dir.join(first),
            others: others.to_vec(),
            dir: dir.to_path_buf(),
        }
    })
}

/// The data directory: `explicit` (from `--data`) if given, else [`default_dir`].
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf, DataError> {
    match explicit {
        Some(dir) => Ok(dir.to_path_buf()),
        None => default_dir().ok_or(DataError::NoDirectory),
    }
}

/// `$NUMDIFF_PLOT_DATA`, else `numdiff-plot/mnist` in the user's cache
/// directory: `$XDG_CACHE_HOME` or `~/.cache` on Linux and other Unix
/// systems, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows.
pub fn default_dir() -> Option<PathBuf> {
    default_dir_from(|name| std::env::var_os(name))
}

/// [`default_dir`] with the environment read through `var`.
pub fn default_dir_from(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = set(DATA_ENV) {
        return Some(dir);
    }
    let cache = if cfg!(windows) {
        set("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        set("HOME").map(|home| home.join("Library").join("Caches"))
    } else {
        set("XDG_CACHE_HOME")
            .filter(|dir| dir.is_absolute())
            .or_else(|| set("HOME").map(|home| home.join(".cache")))
    };
    cache.map(|dir| dir.join("numdiff-plot").join("mnist"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn names_cover_both_conventions_compressed_or_not() {
        assert_eq!(
            names("t10k-labels-idx1-ubyte.gz"),
            [
                "t10k-labels-idx1-ubyte.gz",
                "t10k-labels-idx1-ubyte",
                "t10k-labels.idx1-ubyte.gz",
                "t10k-labels.idx1-ubyte",
            ]
        );
        assert_eq!(
            names("train-images-idx3-ubyte"),
            names("train-images-idx3-ubyte.gz")
        );
    }

    #[test]
    fn the_environment_variable_comes_first_unless_empty() {
        let e = [(DATA_ENV, "/data/mnist"), ("HOME", "/home/u")];
        assert_eq!(
            default_dir_from(env(&e)),
            Some(PathBuf::from("/data/mnist"))
        );
        let e = [
            (DATA_ENV, ""),
            ("HOME", "/home/u"),
            ("LOCALAPPDATA", "C:\\L"),
        ];
        assert_ne!(default_dir_from(env(&e)), Some(PathBuf::from("")));
        assert_eq!(default_dir_from(env(&[])), None);
    }

    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn the_cache_directory_follows_xdg() {
        let e = [("HOME", "/home/u")];
        let want = PathBuf::from("/home/u/.cache/numdiff-plot/mnist");
        assert_eq!(default_dir_from(env(&e)), Some(want.clone()));
        let e = [("HOME", "/home/u"), ("XDG_CACHE_HOME", "/var/cache/u")];
        let xdg = PathBuf::from("/var/cache/u/numdiff-plot/mnist");
        assert_eq!(default_dir_from(env(&e)), Some(xdg));
        // The XDG specification says to ignore a relative path.
        let e = [("HOME", "/home/u"), ("XDG_CACHE_HOME", "rel")];
        assert_eq!(default_dir_from(env(&e)), Some(want));
    }

    #[test]
    fn no_directory_says_what_to_pass() {
        assert_eq!(
            DataError::NoDirectory.to_string(),
            "no data directory: pass --data DIR or set NUMDIFF_PLOT_DATA (no home or cache directory was found)"
        );
    }
}
