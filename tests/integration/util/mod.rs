//! What the tests share, written once: running the built binary and reading
//! its output, a directory of old figures to see that nothing changed, the
//! texts of an SVG, images compared by SSIM and PDFs read by poppler
//! ([`image`]), the fixtures, a small MNIST-like set ([`idx`]), a local
//! HTTP server to download it from ([`server`]), and `serve` run as a child
//! with requests to it ([`serve`]).

pub mod idx;
pub mod image;
pub mod serve;
pub mod server;
/// The synthetic digits the library's own tests and benchmarks use.
#[path = "../../../src/network/synthetic.rs"]
pub mod synthetic_digits;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The built binary, for tests that run it inside another command
/// (`setpriv`, `unshare`, `bash`).
pub const BIN: &str = env!("CARGO_BIN_EXE_numdiff-plot");

/// The built `numdiff-plot`, run in `dir`. `output()` gives it an empty
/// stdin and captures stdout and stderr.
pub fn cmd(dir: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.current_dir(dir);
    c
}

/// Runs `args` in `dir`, whatever the outcome; returns the exit code,
/// stdout's bytes and stderr.
pub fn run(dir: &Path, args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let out = cmd(dir).args(args).output().expect("runs");
    (
        out.status.code(),
        out.stdout,
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

/// Runs with `args` in `dir`, expects exit 0, returns stdout and stderr.
pub fn succeeds(dir: &Path, args: &[&str]) -> (String, String) {
    let (code, stdout, stderr) = run(dir, args);
    assert_eq!(code, Some(0), "{args:?}: {stderr}");
    (String::from_utf8(stdout).expect("utf-8"), stderr)
}

/// Runs with `args` in `dir`, expects exit 0, returns stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    succeeds(dir, args).0
}

/// Runs with `args --json`, expects success, returns the parsed object.
pub fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&ok(dir, &all)).expect("stdout is one JSON object")
}

/// Runs with `args`, expects failure with `code`, returns stderr.
pub fn fails(dir: &Path, args: &[&str], code: i32) -> String {
    let (exit, stdout, stderr) = run(dir, args);
    assert_eq!(exit, Some(code), "{args:?}: {stderr}");
    assert!(stdout.is_empty(), "nothing on stdout when failing");
    stderr
}

/// A PNG's width and height, after checking it decodes in full.
pub fn png_size(path: &Path) -> (u32, u32) {
    let (width, height, _) = png_gray(path);
    (width, height)
}

/// The f64s of a JSON array.
pub fn floats(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

/// Files in `dir` (names), sorted; `dir` must exist.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The figures a command would write by default, each already there with
/// old contents, so that a test sees any file created or changed.
pub const OLD: [&str; 6] = [
    "gradient_1d.png",
    "gradient_2d.png",
    "gradient_method.png",
    "gradient_simplenet.png",
    "multivariate_func.png",
    "out.png",
];

/// A directory holding an old figure under every default name.
pub fn dir_with_old_figures() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in OLD {
        std::fs::write(dir.path().join(f), format!("old {f}")).unwrap();
    }
    dir
}

/// Every file in `dir` with its contents.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    listing(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap_or_default();
            (f, bytes)
        })
        .collect()
}

/// Runs `args`, expects exit `code` and exactly `message` (one line) on
/// stderr, nothing on stdout, and the directory as it was.
pub fn rejects(args: &[&str], code: i32, message: &str) {
    let dir = dir_with_old_figures();
    let before = snapshot(dir.path());
    let err = fails(dir.path(), args, code);
    assert_eq!(err, format!("{message}\n"), "{args:?}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
    assert_eq!(
        snapshot(dir.path()),
        before,
        "{args:?} changed the directory"
    );
}

/// clap's one line for a value its parser refused.
pub fn invalid(value: &str, flag: &str, accepted: &str) -> String {
    format!("error: invalid value '{value}' for '{flag}': {accepted}")
}

/// The text of every `<text>` element of an SVG, in order, without the
/// surrounding whitespace and unescaped (`&lt;` is `<`).
pub fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let body = &t[t.find('>').expect("a <text> tag ends") + 1..];
            body[..body.find("</text>").expect("a <text> element ends")]
                .trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

/// Whether this process runs as root (who may write anywhere).
pub fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

/// The binary with `args` in `dir`, run as a user whom permission bits
/// stop: as root through `setpriv` without the two capabilities that let
/// root ignore them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH).
pub fn as_a_user(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut c = if running_as_root() {
        let mut c = Command::new("setpriv");
        c.args(["--bounding-set=-dac_override,-dac_read_search", "--", BIN]);
        c
    } else {
        cmd(dir)
    };
    c.args(args)
        .current_dir(dir)
        .output()
        .expect("runs (as root this needs setpriv, from util-linux)")
}

/// A directory holding the small MNIST-like set (3 training and 2 test
/// images of 28×28, [`idx::small_set`]) under MNIST's file names, gzipped.
pub fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in numdiff_plot::data::mnist::FILES
        .iter()
        .zip(idx::small_set())
    {
        idx::write(dir.path(), name, &idx::gzip(&bytes));
    }
    dir
}

/// A directory holding `train` synthetic digits (images 0 to train − 1)
/// and `test` more as MNIST's four files, gzipped: a stand-in for MNIST
/// that the book's network learns.
pub fn synthetic_data_dir(train: u64, test: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sets = [(train, 0), (test, train)].map(|(count, first)| {
        let (pixels, labels) = synthetic_digits::synthetic_bytes(count, first);
        let dims = [count as u32, 28, 28];
        [
            idx::idx(idx::IMAGES_MAGIC, &dims, &pixels),
            idx::labels(&labels),
        ]
    });
    for (name, bytes) in numdiff_plot::data::mnist::FILES
        .iter()
        .zip(sets.iter().flatten())
    {
        idx::write(dir.path(), name, &idx::gzip(bytes));
    }
    dir
}

/// `path` under tests/ of the repository, where the fixtures are.
pub fn fixture_path(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(path)
}

/// The bytes of the fixture at `path` under tests/.
pub fn fixture(path: &str) -> Vec<u8> {
    let path = fixture_path(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fixture at `path` under tests/, parsed as JSON.
pub fn json_fixture(path: &str) -> serde_json::Value {
    serde_json::from_slice(&fixture(path)).expect("the fixture is JSON")
}

/// A PNG's width, height and gray levels (the mean of red, green and blue),
/// row by row.
pub fn png_gray(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).expect("the PNG exists");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("fits in memory")];
    let info = reader.next_frame(&mut buf).expect("the image data decodes");
    assert_eq!(info.color_type, png::ColorType::Rgb, "an RGB PNG");
    let gray = buf[..info.buffer_size()]
        .chunks_exact(3)
        .map(|p| ((p[0] as u16 + p[1] as u16 + p[2] as u16) / 3) as u8)
        .collect();
    (info.width, info.height, gray)
}
