//! `all` and `all --check`, and the committed figures.

mod common;
use common::*;

const BOOK_FIGURES: [&str; 7] = [
    "gradient_1d.png",
    "gradient_1d_x10.png",
    "gradient_2d.png",
    "gradient_method.png",
    "gradient_simplenet.png",
    "multivariate_func.png",
    "numdiff_error.png",
];

#[test]
fn all_writes_the_seven_figures_and_check_accepts_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["all", "-o", "figs"]);
    assert_eq!(out.lines().count(), 7);
    assert_eq!(listing(&dir.path().join("figs")), BOOK_FIGURES);
    for f in BOOK_FIGURES {
        assert_eq!(png_size(&dir.path().join("figs").join(f)), (640, 480));
    }
    assert_eq!(ok(dir.path(), &["all", "--check", "-o", "figs"]), "");
}

#[test]
fn check_names_each_figure_that_differs_or_is_missing_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["all", "-o", "figs"]);
    let figs = dir.path().join("figs");
    std::fs::write(figs.join("gradient_2d.png"), b"stale").unwrap();
    std::fs::remove_file(figs.join("gradient_method.png")).unwrap();
    let err = fails(dir.path(), &["all", "--check", "-o", "figs"], 1);
    assert!(err.contains("figs/gradient_2d.png differs"), "{err}");
    assert!(err.contains("figs/gradient_method.png is missing"), "{err}");
    assert!(!err.contains("gradient_1d.png"), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert_eq!(
        std::fs::read(figs.join("gradient_2d.png")).unwrap(),
        b"stale"
    );
    assert!(!figs.join("gradient_method.png").exists());
}

#[test]
fn the_committed_figures_are_what_the_binary_generates() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    ok(root, &["all", "--check", "-o", "figures"]);
}
