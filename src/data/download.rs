//! Fetching the MNIST files from public mirrors.
//!
//! Each file is tried at each mirror in turn; a mirror that answers with an
//! HTTP error (403, 404, 5xx…), times out, refuses the connection, breaks
//! the body off or serves content with the wrong SHA-256 is passed over for
//! the next. A file is written only once its decompressed content has the
//! expected SHA-256, and atomically (a temporary file in the same directory,
//! renamed): a failed or corrupt download leaves nothing behind. The file is
//! kept as fetched, gzip-compressed; the loader reads it as it is.

use super::checksum::{self, Check, Status, MNIST_SHA256};
use crate::output::file::{describe, write_atomic};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The public mirrors tried by default, in order: PyTorch's (torchvision's
/// `MNIST.mirrors`, first since 2025), the one TensorFlow's tutorials used,
/// and the database's home page, often down (HTTP 403/404/503).
pub const MIRRORS: [&str; 3] = [
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
];

/// The largest body accepted: MNIST's largest file is 9.9 MB compressed,
/// 47 MB not.
pub const MAX_BODY: u64 = 128 << 20;

/// What to fetch, from where, and how long to wait.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// Base URLs, tried in order; a file's URL is the base followed by its name.
    pub mirrors: Vec<String>,
    /// `(file name, SHA-256 of its decompressed content)` for each file to fetch.
    pub files: &'a [(&'a str, &'a str)],
    /// The longest wait to connect, for the response, and for each read.
    pub timeout: Duration,
}

impl Default for Options<'static> {
    /// The default mirrors, the four MNIST files, 30 s.
    fn default() -> Self {
        Options {
            mirrors: MIRRORS.iter().map(|m| m.to_string()).collect(),
            files: &MNIST_SHA256,
            timeout: Duration::from_secs(30),
        }
    }
}

/// What happens during a download, for the caller to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event<'a> {
    /// The file is already in the directory with the right checksum: kept.
    Present { name: &'a str, path: &'a Path },
    /// Fetching the file from `url`.
    Start { name: &'a str, url: &'a str },
    /// `bytes` received so far, of `total` if the server said how many.
    Progress {
        name: &'a str,
        bytes: u64,
        total: Option<u64>,
    },
    /// `url` failed for `reason`; the next mirror comes next.
    Failed {
        name: &'a str,
        url: &'a str,
        reason: &'a str,
    },
    /// Verified and written to `path`.
    Saved {
        name: &'a str,
        url: &'a str,
        path: &'a Path,
    },
}

/// Why a download did not complete.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    /// Every mirror failed for this file; each `url: reason`, in order.
    #[error("{name}: every mirror failed: {}", attempts.join("; "))]
    AllMirrorsFailed { name: String, attempts: Vec<String> },
    #[error("no mirror to download from; --mirror takes a URL such as {}", MIRRORS[0])]
    NoMirrors,
    #[error("--mirror {0}: not a URL; a mirror starts with http:// or https://")]
    BadMirror(String),
    #[error("{}: cannot create the directory: {reason}", dir.display())]
    CreateDir { dir: PathBuf, reason: String },
    /// The verified file could not be written; the message names it.
    #[error("{0}")]
    Write(String),
    /// A file under one of the names being fetched holds something else:
    /// another data set in the same format (Fashion-MNIST), a damaged copy.
    /// It is not replaced.
    #[error(
        "{}: {problem}; this is not MNIST's {name} (Fashion-MNIST has the same names), \
         so it is left as it is: choose another --data directory for MNIST, or remove the file",
        path.display()
    )]
    NotMnist {
        name: String,
        path: PathBuf,
        problem: String,
    },
}

/// Fetches into `dir` each file of `options.files` that `dir` does not
/// already hold with the right checksum (under any of its names), creating
/// `dir` if needed. Returns the path of every file, kept or fetched.
/// `on_event` hears of every attempt and of the bytes as they come.
///
/// A file that `dir` holds under one of the names but with other content
/// (Fashion-MNIST, say) is never replaced: the download is refused before
/// anything is fetched.
pub fn download(
    dir: &Path,
    options: &Options,
    on_event: &mut dyn FnMut(Event),
) -> Result<Vec<PathBuf>, DownloadError> {
    if options.mirrors.is_empty() {
        return Err(DownloadError::NoMirrors);
    }
    if let Some(bad) = options
        .mirrors
        .iter()
        .find(|m| !m.starts_with("http://") && !m.starts_with("https://"))
    {
        return Err(DownloadError::BadMirror(bad.clone()));
    }
    let checks = checksum::verify(dir, options.files);
    if let Some(other) = checks.iter().find_map(not_the_file) {
        return Err(other);
    }
    let client = client(options.timeout);
    let mut paths = Vec::with_capacity(options.files.len());
    for (&(name, sha256), check) in options.files.iter().zip(checks) {
        if check.is_verified() {
            on_event(Event::Present {
                name,
                path: &check.path,
            });
            paths.push(check.path);
            continue;
        }
        paths.push(fetch_file(
            &client,
            dir,
            &options.mirrors,
            name,
            sha256,
            on_event,
        )?);
    }
    Ok(paths)
}

/// The refusal to replace a file that is there but is not the one expected.
fn not_the_file(check: &Check) -> Option<DownloadError> {
    let problem = match &check.status {
        Status::Verified | Status::Missing => return None,
        Status::Mismatch { found, .. } => format!("the SHA-256 of its content is {found}"),
        Status::Unreadable(why) => format!("cannot read it: {why}"),
    };
    Some(DownloadError::NotMnist {
        name: check.name.clone(),
        path: check.path.clone(),
        problem,
    })
}

/// One file from the first mirror that serves it intact.
fn fetch_file(
    client: &ureq::Agent,
    dir: &Path,
    mirrors: &[String],
    name: &str,
    sha256: &str,
    on_event: &mut dyn FnMut(Event),
) -> Result<PathBuf, DownloadError> {
    let mut attempts = Vec::new();
    for mirror in mirrors {
        let url = url(mirror, name);
        on_event(Event::Start { name, url: &url });
        let body = fetch(client, &url, &mut |bytes, total| {
            on_event(Event::Progress { name, bytes, total })
        });
        match body.and_then(|body| checksum::check_bytes(&body, sha256).map(|()| body)) {
            Ok(body) => {
                let path = save(dir, name, &body)?;
                on_event(Event::Saved {
                    name,
                    url: &url,
                    path: &path,
                });
                return Ok(path);
            }
            Err(reason) => {
                on_event(Event::Failed {
                    name,
                    url: &url,
                    reason: &reason,
                });
                attempts.push(format!("{url}: {reason}"));
            }
        }
    }
    Err(DownloadError::AllMirrorsFailed {
        name: name.to_string(),
        attempts,
    })
}

/// `mirror` and `name` joined by exactly one `/`.
fn url(mirror: &str, name: &str) -> String {
    format!("{}/{name}", mirror.trim_end_matches('/'))
}

fn client(timeout: Duration) -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .user_agent(concat!("numdiff-plot/", env!("CARGO_PKG_VERSION")))
        .timeout_resolve(Some(timeout))
        .timeout_connect(Some(timeout))
        .timeout_recv_response(Some(timeout))
        .timeout_per_read(Some(timeout))
        .build();
    ureq::Agent::new_with_config(config)
}

/// The whole body at `url`, or in a few words why not. `progress` hears the
/// bytes received so far and the total the server announced.
fn fetch(
    client: &ureq::Agent,
    url: &str,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Vec<u8>, String> {
    let mut response = client.get(url).call().map_err(|e| reason(&e))?;
    let total = response.body().content_length();
    if total.is_some_and(|t| t > MAX_BODY) {
        return Err(format!(
            "{} bytes, more than MNIST holds",
            total.unwrap_or(0)
        ));
    }
    let mut reader = response.body_mut().with_config().limit(MAX_BODY).reader();
    let mut body = Vec::with_capacity(total.unwrap_or(0) as usize);
    let mut chunk = vec![0u8; 1 << 16];
    progress(0, total);
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                body.extend_from_slice(&chunk[..n]);
                progress(body.len() as u64, total);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(broken_off(body.len() as u64, total, &e)),
        }
    }
    match total {
        Some(total) if (body.len() as u64) < total => {
            Err(format!("truncated body: {} of {total} bytes", body.len()))
        }
        _ => Ok(body),
    }
}

/// A body that stopped with an error after `got` bytes.
fn broken_off(got: u64, total: Option<u64>, e: &io::Error) -> String {
    let of = total.map(|t| format!(" of {t}")).unwrap_or_default();
    let why = match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<ureq::Error>())
    {
        Some(inner) => reason(inner),
        None => io_reason(e),
    };
    format!("truncated body: {got}{of} bytes, then {why}")
}

/// A failed request in a few words: `HTTP 404 Not Found`, `timed out`,
/// `connection refused`…
fn reason(e: &ureq::Error) -> String {
    match e {
        ureq::Error::StatusCode(code) => {
            let phrase = ureq::http::StatusCode::from_u16(*code)
                .ok()
                .and_then(|s| s.canonical_reason());
            match phrase {
                Some(phrase) => format!("HTTP {code} {phrase}"),
                None => format!("HTTP {code}"),
            }
        }
        ureq::Error::Timeout(_) => "timed out".to_string(),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::Io(e) => io_reason(e),
        ureq::Error::BodyExceedsLimit(limit) => format!("more than {limit} bytes"),
        other => other.to_string(),
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => "connection refused".to_string(),
        io::ErrorKind::ConnectionReset => "connection reset".to_string(),
        io::ErrorKind::UnexpectedEof => "the connection closed".to_string(),
        io::ErrorKind::TimedOut => "timed out".to_string(),
        _ => describe(e),
    }
}

/// Writes `body` to `dir/name` atomically, creating `dir` if needed.
fn save(dir: &Path, name: &str, body: &[u8]) -> Result<PathBuf, DownloadError> {
    std::fs::create_dir_all(dir).map_err(|e| DownloadError::CreateDir {
        dir: dir.to_path_buf(),
        reason: describe(&e),
    })?;
    let path = dir.join(name);
    write_atomic(&path, body).map_err(|e| DownloadError::Write(format!("{e:#}")))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_join_with_one_slash() {
        assert_eq!(url("http://h/m/", "a.gz"), "http://h/m/a.gz");
        assert_eq!(url("http://h/m", "a.gz"), "http://h/m/a.gz");
    }

    #[test]
    fn status_codes_read_as_words() {
        assert_eq!(reason(&ureq::Error::StatusCode(404)), "HTTP 404 Not Found");
        assert_eq!(
            reason(&ureq::Error::StatusCode(503)),
            "HTTP 503 Service Unavailable"
        );
        assert_eq!(reason(&ureq::Error::StatusCode(599)), "HTTP 599");
    }

    #[test]
    fn the_default_fetches_mnist_from_the_three_mirrors() {
        let o = Options::default();
        assert_eq!(o.mirrors, MIRRORS);
        assert_eq!(o.files, MNIST_SHA256);
    }
}
