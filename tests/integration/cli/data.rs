//! `data download`, `data verify` and `data path`: through the binary
//! against local HTTP servers (whose small files are not MNIST, so the
//! binary's checksums refuse them), and through the library with the
//! small files' own checksums for the reports of a download that succeeds.

use crate::util::idx::{gzip, labels, small_set, write};
use crate::util::server::{refused_base, Reply, Server, SmallSet};
use crate::util::{cmd, fails, listing, ok};
use numdiff_plot::command::data::{fetch, verify};
use numdiff_plot::data::checksum::sha256_hex;
use numdiff_plot::data::mnist::FILES;
use numdiff_plot::data::{Options, MNIST_SHA256};
use numdiff_plot::output::Show;
use std::time::Duration;

const LINES: Show = Show {
    bar: false,
    lines: true,
};

#[test]
fn a_download_reports_each_file_saved_then_kept() {
    let set = SmallSet::new();
    let table = set.table();
    let server = Server::start(&set.routes());
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        mirrors: vec![server.base.clone()],
        files: &table,
        timeout: Duration::from_secs(5),
    };
    let d = dir.path().display();
    let mut out = Vec::new();
    fetch(dir.path(), &options, LINES, &mut out).unwrap();
    let mut want: Vec<String> = FILES
        .iter()
        .map(|f| format!("{d}/{f}: saved from {}{f}", server.base))
        .collect();
    want.push(format!("{d}: MNIST's 4 files, verified"));
    assert_eq!(String::from_utf8(out).unwrap(), want.join("\n") + "\n");
    let mut sorted = FILES.to_vec();
    sorted.sort();
    assert_eq!(listing(dir.path()), sorted);
    // Again: nothing fetched, each file kept.
    let mut out = Vec::new();
    fetch(dir.path(), &options, LINES, &mut out).unwrap();
    let mut want: Vec<String> = FILES
        .iter()
        .map(|f| format!("{d}/{f}: ok (already there)"))
        .collect();
    want.push(format!("{d}: MNIST's 4 files, verified"));
    assert_eq!(String::from_utf8(out).unwrap(), want.join("\n") + "\n");
    assert_eq!(server.requests().len(), 4);
    // Verified against the same checksums: one "ok" per file.
    let mut out = Vec::new();
    verify(dir.path(), &table, false, &mut out).unwrap();
    let oks: Vec<String> = FILES.iter().map(|f| format!("{d}/{f}: ok\n")).collect();
    assert_eq!(String::from_utf8(out).unwrap(), oks.concat());
    // Quiet: nothing.
    let mut out = Vec::new();
    fetch(dir.path(), &options, Show::NOTHING, &mut out).unwrap();
    assert!(out.is_empty());
}

#[test]
fn content_that_is_not_mnist_fails_every_mirror_and_leaves_nothing() {
    let first = Server::start(&[]);
    let second = Server::start(&SmallSet::new().routes());
    let work = tempfile::tempdir().unwrap();
    let out = cmd(work.path())
        .args(["data", "download", "--data", "d", "--mirror", &first.base])
        .args(["--mirror", &second.base])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let name = FILES[0];
    let sha = sha256_hex(&small_set()[0][..]).unwrap();
    assert_eq!(
        stderr,
        format!(
            "warning: {f}{name}: HTTP 404 Not Found; trying the next mirror\n\
             error: {name}: every mirror failed: {f}{name}: HTTP 404 Not Found; \
             {s}{name}: SHA-256 of the content is {sha}, expected {}\n",
            MNIST_SHA256[0].1,
            f = first.base,
            s = second.base,
        )
    );
    assert!(listing(work.path()).is_empty(), "no directory, no file");
}

#[test]
fn a_refused_connection_is_a_runtime_failure() {
    let work = tempfile::tempdir().unwrap();
    let base = refused_base();
    let stderr = fails(
        work.path(),
        &["data", "download", "--data", "d", "--mirror", &base, "-q"],
        1,
    );
    assert_eq!(
        stderr,
        format!(
            "error: {n}: every mirror failed: {base}{n}: connection refused\n",
            n = FILES[0]
        )
    );
}

#[test]
fn files_of_another_set_are_not_replaced() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("fashion");
    std::fs::create_dir(&data).unwrap();
    let other = gzip(&labels(&[3, 1, 4]));
    write(&data, FILES[1], &other);
    let base = refused_base();
    let stderr = fails(
        work.path(),
        &["data", "download", "--data", "fashion", "--mirror", &base],
        2,
    );
    assert_eq!(
        stderr,
        format!(
            "error: fashion/{}: the SHA-256 of its content is {}; \
             this is not MNIST's train-labels-idx1-ubyte.gz (Fashion-MNIST has the same names), \
             so it is left as it is: choose another --data directory for MNIST, or remove the file\n",
            FILES[1],
            sha256_hex(&labels(&[3, 1, 4])[..]).unwrap()
        )
    );
    assert_eq!(std::fs::read(data.join(FILES[1])).unwrap(), other);
    assert_eq!(listing(&data), [FILES[1]]);
}

#[test]
fn a_mirror_flag_that_is_not_an_http_url_is_a_usage_error() {
    let work = tempfile::tempdir().unwrap();
    let stderr = fails(
        work.path(),
        &["data", "download", "--mirror", "ftp://x/"],
        2,
    );
    assert_eq!(
        stderr,
        "error: invalid value 'ftp://x/' for '--mirror <URL>': expected a URL starting with \
         http:// or https://, the directory that holds train-images-idx3-ubyte.gz and the other files\n"
    );
}

#[test]
fn verify_prints_a_line_per_file_and_fails_unless_all_are_mnist() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    // Nothing there: four "not found" and the command to fetch them.
    let out = cmd(w)
        .args(["data", "verify", "--data", "d"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines: String = FILES
        .iter()
        .map(|f| format!("d/{f}: not found\n"))
        .collect();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), lines);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: d: not MNIST as published (4 missing); \
         fetch them with `numdiff-plot data download --data d`\n"
    );
    // The small set is not MNIST: its checksums differ.
    std::fs::create_dir(w.join("d")).unwrap();
    for (name, bytes) in FILES.iter().zip(small_set()) {
        write(&w.join("d"), name, &gzip(&bytes));
    }
    std::fs::remove_file(w.join("d").join(FILES[3])).unwrap();
    let out = cmd(w)
        .args(["data", "verify", "--data", "d"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let sha = sha256_hex(&small_set()[0][..]).unwrap();
    assert_eq!(
        stdout.lines().next().unwrap(),
        format!(
            "d/{}: SHA-256 of the content is {sha}, expected {}",
            FILES[0], MNIST_SHA256[0].1
        )
    );
    assert_eq!(
        stdout.lines().nth(3).unwrap(),
        format!("d/{}: not found", FILES[3])
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: d: not MNIST as published (1 missing, 3 with other content); \
         a set in MNIST's format, such as Fashion-MNIST, still trains, but it is not MNIST; \
         download MNIST into another --data directory\n"
    );
    // -q: the exit status alone.
    let out = cmd(w)
        .args(["data", "verify", "--data", "d", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn path_prints_the_data_directory() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    assert_eq!(
        ok(w, &["data", "path", "--data", "here/mnist"]),
        "here/mnist\n"
    );
    let path = |envs: &[(&str, &str)]| {
        let mut c = cmd(w);
        c.env_remove("NUMDIFF_PLOT_DATA")
            .env_remove("XDG_CACHE_HOME");
        for (k, v) in envs {
            c.env(k, v);
        }
        let out = c.args(["data", "path"]).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(path(&[("NUMDIFF_PLOT_DATA", "/srv/mnist")]), "/srv/mnist\n");
    if cfg!(all(unix, not(target_os = "macos"))) {
        assert_eq!(
            path(&[("HOME", "/home/u"), ("XDG_CACHE_HOME", "/var/cache/u")]),
            "/var/cache/u/numdiff-plot/mnist\n"
        );
        assert_eq!(
            path(&[("HOME", "/home/u")]),
            "/home/u/.cache/numdiff-plot/mnist\n"
        );
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_download_exits_130_and_leaves_nothing() {
    let hang = Server::start(&[(FILES[0], Reply::Hang)]);
    let work = tempfile::tempdir().unwrap();
    let child = cmd(work.path())
        .args(["data", "download", "--data", "d", "--mirror", &hang.base])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the request has arrived: the download is under way.
    let start = std::time::Instant::now();
    while hang.requests().is_empty() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(hang.requests().len(), 1);
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "\nerror: interrupted\n"
    );
    assert!(listing(work.path()).is_empty());
}
