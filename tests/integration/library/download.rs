//! Downloading against local HTTP servers on 127.0.0.1 started by the tests:
//! success, HTTP errors, a checksum mismatch, a truncated body, a refused
//! connection, a timeout, every mirror failing, and nothing left behind.
//! The expected checksums are those of the small set's files ([`SmallSet`]).

use crate::util::idx::*;
use crate::util::listing;
use crate::util::server::{refused_base, Reply, Server, SmallSet};
use numdiff_plot::data::checksum::sha256_hex;
use numdiff_plot::data::mnist::FILES;
use numdiff_plot::data::{download, verify, DownloadError, Event, Mnist, Options};
use std::path::Path;
use std::time::Duration;

/// Download options: `mirrors` tried in order, `table`'s checksums and a
/// timeout of 5 s.
fn options<'a>(mirrors: &[&str], table: &'a [(&'a str, &'a str)]) -> Options<'a> {
    Options {
        mirrors: mirrors.iter().map(|m| m.to_string()).collect(),
        files: table,
        timeout: Duration::from_secs(5),
    }
}

/// An event with its borrowed fields made owned, to keep in a list.
#[derive(Debug, Clone, PartialEq)]
enum Seen {
    Present(String),
    Start(String, String),
    Progress(String, u64, Option<u64>),
    Failed(String, String, String),
    Saved(String, String, std::path::PathBuf),
}

fn run(
    dir: &Path,
    options: &Options,
) -> (Result<Vec<std::path::PathBuf>, DownloadError>, Vec<Seen>) {
    let mut seen = Vec::new();
    let result = download(dir, options, &mut |event| {
        seen.push(match event {
            Event::Present { name, .. } => Seen::Present(name.into()),
            Event::Start { name, url } => Seen::Start(name.into(), url.into()),
            Event::Progress { name, bytes, total } => Seen::Progress(name.into(), bytes, total),
            Event::Failed { name, url, reason } => {
                Seen::Failed(name.into(), url.into(), reason.into())
            }
            Event::Saved { name, url, path } => Seen::Saved(name.into(), url.into(), path.into()),
        })
    });
    (result, seen)
}

/// The reasons of every `Failed` event, in order.
fn failures(seen: &[Seen]) -> Vec<String> {
    seen.iter()
        .filter_map(|s| match s {
            Seen::Failed(_, _, reason) => Some(reason.clone()),
            _ => None,
        })
        .collect()
}

fn sorted(names: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    names.sort();
    names
}

fn all_paths(name_prefix: &str) -> Vec<String> {
    FILES.iter().map(|f| format!("{name_prefix}{f}")).collect()
}

#[test]
fn downloads_the_four_files_which_then_load() {
    let f = SmallSet::new();
    let table = f.table();
    let mirror = Server::start(&f.routes());
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("cache").join("mnist");
    let (result, seen) = run(&dir, &options(&[&mirror.base], &table));
    let paths = result.unwrap();
    assert_eq!(paths, FILES.map(|n| dir.join(n)));
    assert_eq!(listing(&dir), sorted(&FILES));
    for (i, name) in FILES.iter().enumerate() {
        // Kept as fetched, compressed.
        assert_eq!(std::fs::read(dir.join(name)).unwrap(), f.gz[i]);
        let url = format!("{}{name}", mirror.base);
        let total = Some(f.gz[i].len() as u64);
        let mine: Vec<&Seen> = seen
            .iter()
            .filter(|s| format!("{s:?}").contains(name))
            .collect();
        assert_eq!(
            mine.first(),
            Some(&&Seen::Start(name.to_string(), url.clone()))
        );
        assert_eq!(mine[1], &Seen::Progress(name.to_string(), 0, total));
        assert_eq!(
            mine[mine.len() - 2],
            &Seen::Progress(name.to_string(), f.gz[i].len() as u64, total)
        );
        assert_eq!(
            mine.last(),
            Some(&&Seen::Saved(name.to_string(), url, dir.join(name)))
        );
    }
    assert_eq!(mirror.requests(), all_paths("/mnist/"));
    let m = Mnist::load(&dir).unwrap();
    assert_eq!(m.train_labels, TRAIN_LABELS);
    assert_eq!(m.test_images.pixels, pixels(2, 28, 28, 2));
    assert!(verify(&dir, &table).iter().all(|c| c.is_verified()));

    // A second run finds every file in place and fetches nothing.
    let (result, seen) = run(&dir, &options(&[&mirror.base], &table));
    assert_eq!(result.unwrap(), FILES.map(|n| dir.join(n)));
    assert_eq!(seen, FILES.map(|n| Seen::Present(n.to_string())));
    assert_eq!(mirror.requests().len(), 4);
}

#[test]
fn http_errors_move_on_to_the_next_mirror() {
    let f = SmallSet::new();
    let table = f.table();
    let missing = Server::start(&[]);
    let forbidden = Server::start(&FILES.map(|n| (n, Reply::Status(403))));
    let down = Server::start(&FILES.map(|n| (n, Reply::Status(503))));
    let good = Server::start(&f.routes());
    let dir = tempfile::tempdir().unwrap();
    let mirrors = [&*missing.base, &*forbidden.base, &*down.base, &*good.base];
    let (result, seen) = run(dir.path(), &options(&mirrors, &table));
    result.unwrap();
    let once = [
        "HTTP 404 Not Found",
        "HTTP 403 Forbidden",
        "HTTP 503 Service Unavailable",
    ];
    assert_eq!(failures(&seen), once.repeat(4));
    for server in [&missing, &forbidden, &down, &good] {
        assert_eq!(server.requests(), all_paths("/mnist/"));
    }
    assert_eq!(listing(dir.path()), sorted(&FILES));
}

#[test]
fn a_checksum_mismatch_moves_on_to_the_next_mirror() {
    let f = SmallSet::new();
    let table = f.table();
    // Valid gzip of valid IDX, but not the expected content.
    let other = labels(&[9, 9, 9]);
    let wrong = Server::start(&[(FILES[1], Reply::Body(gzip(&other)))]);
    let good = Server::start(&f.routes());
    let dir = tempfile::tempdir().unwrap();
    let (result, seen) = run(dir.path(), &options(&[&wrong.base, &good.base], &table));
    result.unwrap();
    let mut want = vec!["HTTP 404 Not Found".to_string(); 4];
    want[1] = format!(
        "SHA-256 of the content is {}, expected {}",
        sha256_hex(&other[..]).unwrap(),
        f.sha[1]
    );
    assert_eq!(failures(&seen), want);
    assert_eq!(std::fs::read(dir.path().join(FILES[1])).unwrap(), f.gz[1]);
}

#[test]
fn a_truncated_body_moves_on_to_the_next_mirror() {
    let f = SmallSet::new();
    let table = f.table();
    let full = f.gz[0].len();
    let cut = Reply::Truncated {
        body: f.gz[0][..full / 2].to_vec(),
        declared: full,
    };
    let short = Server::start(&[(FILES[0], cut)]);
    let good = Server::start(&f.routes());
    let dir = tempfile::tempdir().unwrap();
    let (result, seen) = run(dir.path(), &options(&[&short.base, &good.base], &table));
    result.unwrap();
    let reasons = failures(&seen);
    let first = format!(
        "truncated body: {} of {full} bytes, then the connection closed",
        full / 2
    );
    assert_eq!(reasons[0], first);
    assert_eq!(reasons[1..], ["HTTP 404 Not Found"; 3]);
    assert_eq!(std::fs::read(dir.path().join(FILES[0])).unwrap(), f.gz[0]);
}

#[test]
fn a_refused_connection_moves_on_to_the_next_mirror() {
    let f = SmallSet::new();
    let table = f.table();
    let refused = refused_base();
    let good = Server::start(&f.routes());
    let dir = tempfile::tempdir().unwrap();
    let (result, seen) = run(dir.path(), &options(&[&refused, &good.base], &table));
    result.unwrap();
    assert_eq!(failures(&seen), ["connection refused"; 4]);
    assert_eq!(listing(dir.path()), sorted(&FILES));
}

#[test]
fn a_silent_mirror_times_out_and_the_next_is_tried() {
    let f = SmallSet::new();
    let table = &f.table()[3..];
    let silent = Server::start(&[(FILES[3], Reply::Hang)]);
    let good = Server::start(&f.routes());
    let dir = tempfile::tempdir().unwrap();
    let mut o = options(&[&silent.base, &good.base], table);
    o.timeout = Duration::from_millis(500);
    let (result, seen) = run(dir.path(), &o);
    result.unwrap();
    assert_eq!(failures(&seen), ["timed out"]);
    assert_eq!(listing(dir.path()), [FILES[3]]);
}

#[test]
fn when_every_mirror_fails_the_error_lists_each_and_nothing_is_left_behind() {
    let f = SmallSet::new();
    let table = f.table();
    // The first mirror serves all but the labels; the others fail on it.
    let mut routes = f.routes();
    routes.remove(1);
    let partial = Server::start(&routes);
    let refused = refused_base();
    let wrong = Server::start(&[(FILES[1], Reply::Body(gzip(b"not MNIST")))]);
    let dir = tempfile::tempdir().unwrap();
    let mirrors = [&*partial.base, &*refused, &*wrong.base];
    let (result, _) = run(dir.path(), &options(&mirrors, &table));
    let e = result.unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "train-labels-idx1-ubyte.gz: every mirror failed: \
             {p}train-labels-idx1-ubyte.gz: HTTP 404 Not Found; \
             {refused}train-labels-idx1-ubyte.gz: connection refused; \
             {w}train-labels-idx1-ubyte.gz: SHA-256 of the content is {}, expected {}",
            sha256_hex(&b"not MNIST"[..]).unwrap(),
            f.sha[1],
            p = partial.base,
            w = wrong.base,
        )
    );
    // The file fetched before stays; the failed one leaves no trace.
    assert_eq!(listing(dir.path()), [FILES[0]]);
    // Nothing is fetched after the failure.
    assert_eq!(partial.requests(), all_paths("/mnist/")[..2]);
}

#[test]
fn a_failed_download_into_a_new_directory_creates_nothing() {
    let f = SmallSet::new();
    let table = f.table();
    let missing = Server::start(&[]);
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("new");
    let (result, _) = run(&dir, &options(&[&missing.base], &table));
    assert!(matches!(
        result,
        Err(DownloadError::AllMirrorsFailed { .. })
    ));
    assert!(!dir.exists());
}

#[test]
fn a_file_of_other_content_is_not_replaced() {
    let f = SmallSet::new();
    let table = f.table();
    let good = Server::start(&f.routes());
    let dir = tempfile::tempdir().unwrap();
    // Another set in the same format under an MNIST name, say Fashion-MNIST.
    let other = gzip(&labels(&[1, 1]));
    write(dir.path(), FILES[3], &other);
    let (result, seen) = run(dir.path(), &options(&[&good.base], &table));
    let path = dir.path().join(FILES[3]);
    assert_eq!(
        result.unwrap_err().to_string(),
        format!(
            "{}: the SHA-256 of its content is {}; this is not MNIST's t10k-labels-idx1-ubyte.gz \
             (Fashion-MNIST has the same names), so it is left as it is: \
             choose another --data directory for MNIST, or remove the file",
            path.display(),
            sha256_hex(&labels(&[1, 1])[..]).unwrap()
        )
    );
    assert!(
        seen.is_empty() && good.requests().is_empty(),
        "nothing fetched"
    );
    assert_eq!(listing(dir.path()), [FILES[3]]);
    assert_eq!(std::fs::read(&path).unwrap(), other);
    // A damaged gzip file is not replaced either.
    write(dir.path(), FILES[3], &f.gz[3][..20]);
    let (result, _) = run(dir.path(), &options(&[&good.base], &table));
    assert!(result
        .unwrap_err()
        .to_string()
        .contains(": cannot read it: the gzip stream ends early; this is not MNIST's"));
    assert!(good.requests().is_empty());
}

#[test]
fn only_the_files_missing_are_fetched() {
    let f = SmallSet::new();
    let table = f.table();
    let good = Server::start(&f.routes());
    let dir = tempfile::tempdir().unwrap();
    let plain = small_set();
    // Present under the other names, compressed or not, and intact.
    write(dir.path(), "train-images.idx3-ubyte", &plain[0]);
    write(dir.path(), "train-labels-idx1-ubyte", &plain[1]);
    write(dir.path(), "t10k-images.idx3-ubyte.gz", &f.gz[2]);
    let (result, seen) = run(dir.path(), &options(&[&good.base], &table));
    let paths = result.unwrap();
    assert_eq!(good.requests(), ["/mnist/t10k-labels-idx1-ubyte.gz"]);
    assert_eq!(
        seen[..3],
        FILES[..3]
            .iter()
            .map(|n| Seen::Present(n.to_string()))
            .collect::<Vec<_>>()
    );
    assert_eq!(paths[0], dir.path().join("train-images.idx3-ubyte"));
    assert_eq!(paths[3], dir.path().join(FILES[3]));
    assert_eq!(std::fs::read(&paths[3]).unwrap(), f.gz[3]);
    assert_eq!(Mnist::load(dir.path()).unwrap().test_labels, TEST_LABELS);
}

#[test]
fn uncompressed_content_is_verified_and_kept_as_served() {
    let f = SmallSet::new();
    let table = &f.table()[1..2];
    let plain = small_set();
    let good = Server::start(&[(FILES[1], Reply::Body(plain[1].clone()))]);
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &options(&[&good.base], table)).0.unwrap();
    assert_eq!(std::fs::read(dir.path().join(FILES[1])).unwrap(), plain[1]);
}

#[test]
fn a_mirror_that_is_not_an_http_url_or_none_at_all_is_refused() {
    let f = SmallSet::new();
    let table = f.table();
    let dir = tempfile::tempdir().unwrap();
    let (result, seen) = run(dir.path(), &options(&["ftp://example.org/mnist/"], &table));
    assert_eq!(
        result.unwrap_err().to_string(),
        "--mirror ftp://example.org/mnist/: not a URL; a mirror starts with http:// or https://"
    );
    let (result, _) = run(dir.path(), &options(&[], &table));
    assert_eq!(
        result.unwrap_err().to_string(),
        "no mirror to download from; --mirror takes a URL such as https://ossci-datasets.s3.amazonaws.com/mnist/"
    );
    assert!(seen.is_empty());
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn verify_reports_each_file() {
    let f = SmallSet::new();
    let table = f.table();
    let dir = tempfile::tempdir().unwrap();
    let plain = small_set();
    write(dir.path(), FILES[0], &f.gz[0]);
    write(dir.path(), "train-labels.idx1-ubyte", &labels(&[1, 2, 3]));
    let gz = &f.gz[3];
    write(dir.path(), "t10k-labels-idx1-ubyte", &gz[..gz.len() - 4]);
    let lines: Vec<String> = verify(dir.path(), &table)
        .iter()
        .map(|c| c.to_string())
        .collect();
    let d = dir.path().display();
    assert_eq!(
        lines,
        [
            format!("{d}/train-images-idx3-ubyte.gz: ok"),
            format!(
                "{d}/train-labels.idx1-ubyte: SHA-256 of the content is {}, expected {}",
                sha256_hex(&labels(&[1, 2, 3])[..]).unwrap(),
                f.sha[1]
            ),
            format!("{d}/t10k-images-idx3-ubyte.gz: not found"),
            format!("{d}/t10k-labels-idx1-ubyte: cannot read: the gzip stream ends early"),
        ]
    );
    assert_ne!(plain[1], labels(&[1, 2, 3]));
}
