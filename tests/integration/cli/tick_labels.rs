//! The figures at scales where tick formatting matters, run as a user
//! would: the labels each figure draws, read from its SVG.

use crate::util::{ok, texts};

/// The texts of the SVG that `args` draws.
fn drawn(args: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut all = args.to_vec();
    all.extend(["-q", "--svg-text", "-o", "out.svg"]);
    ok(dir.path(), &all);
    texts(&std::fs::read_to_string(dir.path().join("out.svg")).unwrap())
}

/// Asserts that every one of `wanted` is among `texts`.
fn has(texts: &[String], wanted: &[&str]) {
    for w in wanted {
        assert!(texts.iter().any(|t| t == w), "{w:?} not among {texts:?}");
    }
}

#[test]
fn a_huge_range_gets_a_multiplier_instead_of_long_labels() {
    let t = drawn(&[
        "tangent",
        "--f",
        "x^2",
        "--x",
        "5e6",
        "--range",
        "0,1e7,1e5",
    ]);
    // y: 0…1e14 as 0.0…1.0 with "1e14" over the axis; x: "1e7" under it.
    has(
        &t,
        &[
            "1e14",
            "1e7",
            "\u{2212}0.2",
            "0.0",
            "0.2",
            "1.0",
            "x",
            "f(x)",
        ],
    );
    assert!(t.iter().all(|s| s.chars().count() <= 5), "{t:?}");
}

#[test]
fn a_tiny_range_gets_distinct_labels_and_a_small_multiplier() {
    let t = drawn(&[
        "tangent",
        "--f",
        "x^2",
        "--x",
        "5e-6",
        "--range",
        "0,1e-5,1e-7",
    ]);
    has(
        &t,
        &[
            "1e\u{2212}10",
            "1e\u{2212}5",
            "0.2",
            "0.4",
            "0.6",
            "0.8",
            "1.0",
        ],
    );
    let zeros = t.iter().filter(|s| s.as_str() == "0.0").count();
    assert_eq!(zeros, 2, "one 0.0 per axis: {t:?}");
}

#[test]
fn an_offset_dominated_range_gets_an_offset() {
    let t = drawn(&[
        "tangent",
        "--f",
        "x",
        "--x",
        "1000000.5",
        "--range",
        "1e6,1000001,0.01",
    ]);
    has(&t, &["+1e6", "0.0", "0.2", "1.0"]);
}

#[test]
fn a_3d_axis_with_huge_values_gets_an_offset_text() {
    let t = drawn(&["surface", "--f", "1/(x0^2+x1^2)"]);
    has(&t, &["1e28", "0", "7", "f(x)", "x0", "x1"]);
    assert!(t.iter().all(|s| s.chars().count() <= 4), "{t:?}");
}

#[test]
fn a_grid_that_is_not_the_book_s_gets_axes_that_fit_it() {
    // matplotlib: 4.67…9.83 on x0 and x1, ticks 5…9 (tests/fixtures/matplotlib/axes3d.json).
    let t = drawn(&["surface", "--grid", "5,10,0.5"]);
    has(&t, &["5", "6", "7", "8", "9", "60", "180"]);
    assert!(!t.iter().any(|s| s == "\u{2212}3"), "{t:?}");
    let t = drawn(&["surface", "--grid=-1,1,0.05"]);
    has(&t, &["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"]);
    assert!(!t.iter().any(|s| s == "\u{2212}4"), "{t:?}");
    // The book's grid keeps the book's limits.
    let t = drawn(&["surface"]);
    has(&t, &["\u{2212}4", "4", "\u{2212}3", "3", "17.5"]);
}

#[test]
fn the_error_figure_leaves_zeros_out_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let report = ok(
        dir.path(),
        &[
            "error",
            "--f",
            "x^2",
            "--x",
            "0",
            "--svg-text",
            "-o",
            "e.svg",
        ],
    );
    assert!(
        report.contains("301 of the 301 errors of central are exactly 0"),
        "{report}"
    );
    let t = texts(&std::fs::read_to_string(dir.path().join("e.svg")).unwrap());
    has(&t, &["central (no error above 0; 301 zeros not shown)"]);
    assert!(!t.iter().any(|s| s.contains("min 0.0e0")), "{t:?}");
}

#[test]
fn the_error_figure_honours_its_limits() {
    let plain = drawn(&["error"]);
    let limited = drawn(&["error", "--xlim", "1e-8,1e-2", "--ylim", "1e-10,1"]);
    assert_ne!(plain, limited);
    // Every decade of 1e-8…1e-2 on x, and 1e-10…1 on y (every second one).
    has(
        &limited,
        &[
            "10\u{207b}\u{2078}",
            "10\u{207b}\u{2075}",
            "10\u{207b}\u{00b2}",
            "10\u{207b}\u{00b9}\u{2070}",
            "10\u{2070}",
        ],
    );
    assert!(
        !limited.iter().any(|s| s == "10\u{207b}\u{00b9}\u{2076}"),
        "{limited:?}"
    );
}
