//! SHA-256 checksums of the MNIST files, taken of their decompressed content:
//! the gzip bytes differ from mirror to mirror, the content does not.

use super::idx;
use super::mnist::{self, FILES};
use crate::output::file::describe;
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The canonical SHA-256 of each decompressed MNIST file, by the name the
/// database distributes it under.
pub const MNIST_SHA256: [(&str, &str); 4] = [
    (
        FILES[0],
        "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    ),
    (
        FILES[1],
        "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    ),
    (
        FILES[2],
        "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    ),
    (
        FILES[3],
        "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    ),
];

/// The SHA-256 of everything `reader` yields, in lower-case hex.
pub fn sha256_hex(mut reader: impl Read) -> io::Result<String> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Checks that `bytes`, once decompressed if they are gzip, have the
/// SHA-256 `expected`; the error says in a few words what was found.
pub fn check_bytes(bytes: &[u8], expected: &str) -> Result<(), String> {
    let found =
        sha256_hex(idx::content(bytes)).map_err(|e| format!("not a valid gzip file ({e})"))?;
    match found == expected {
        true => Ok(()),
        false => Err(mismatch(&found, expected)),
    }
}

fn mismatch(found: &str, expected: &str) -> String {
    format!("SHA-256 of the content is {found}, expected {expected}")
}

/// The outcome of checking one file of a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The content has the expected SHA-256.
    Verified,
    /// No file under any of the names the file goes by.
    Missing,
    /// The content differs: its SHA-256 is `found`.
    Mismatch { found: String, expected: String },
    /// The file cannot be read, or its gzip stream is damaged.
    Unreadable(String),
}

/// One file checked by [`verify`]: its name as distributed, the file found
/// for it (under any of its names) and what its checksum said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: String,
    pub path: PathBuf,
    pub status: Status,
}

impl Check {
    pub fn is_verified(&self) -> bool {
        self.status == Status::Verified
    }
}

/// One line: the file, then `ok` or what is wrong with it.
impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.status {
            Status::Verified => write!(f, "{path}: ok"),
            Status::Missing => write!(f, "{path}: not found"),
            Status::Mismatch { found, expected } => {
                write!(f, "{path}: {}", mismatch(found, expected))
            }
            Status::Unreadable(why) => write!(f, "{path}: cannot read: {why}"),
        }
    }
}

/// Checks the SHA-256 of each `(name, sha256)` of `files` that `dir` holds,
/// under any of the names [`mnist::names`] lists, compressed or not.
pub fn verify(dir: &Path, files: &[(&str, &str)]) -> Vec<Check> {
    files
        .iter()
        .map(|&(name, expected)| match mnist::find(dir, name) {
            None => Check {
                name: name.to_string(),
                path: dir.join(name),
                status: Status::Missing,
            },
            Some(path) => Check {
                name: name.to_string(),
                status: file_status(&path, expected),
                path,
            },
        })
        .collect()
}

fn file_status(path: &Path, expected: &str) -> Status {
    let found = idx::open(path).and_then(|(reader, _)| sha256_hex(reader));
    match found {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            Status::Unreadable("the gzip stream ends early".to_string())
        }
        Err(e) => Status::Unreadable(describe(&e)),
        Ok(found) if found == expected => Status::Verified,
        Ok(found) => Status::Mismatch {
            found,
            expected: expected.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_inputs() {
        // FIPS 180-2, appendix B.1, and the empty message.
        assert_eq!(
            sha256_hex(&b"abc"[..]).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(&b""[..]).unwrap(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn the_table_names_the_four_files_in_order() {
        let names: Vec<&str> = MNIST_SHA256.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, FILES);
        assert!(MNIST_SHA256
            .iter()
            .all(|(_, h)| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit())));
    }
}
