//! Bad input and failed writes: one line, the right exit code, no file.

mod common;
use common::*;

#[test]
fn an_unsupported_extension_is_a_usage_error_naming_png_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let err = fails(dir.path(), &["tangent", "-o", "plot.jpg"], 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("--output plot.jpg") && err.contains(".png") && err.contains(".svg"),
        "{err}"
    );
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn bad_values_name_the_flag_and_what_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    for (args, flag, accepted) in [
        (vec!["descent", "--lr", "nan"], "--lr", "finite"),
        (vec!["tangent", "--x", "inf"], "--x", "finite"),
        (vec!["descent", "--steps", "0"], "--steps", "from 1 to"),
        (vec!["descent", "--init", "1,2,3"], "--init", "X0,X1"),
        (vec!["quiver", "--size", "0x0"], "--size", "WIDTHxHEIGHT"),
        (
            vec!["surface", "--grid", "3,-3,0.1"],
            "--grid",
            "START must be less than STOP",
        ),
        (
            vec!["tangent", "--range", "0,20,0"],
            "--range",
            "STEP must be greater than 0",
        ),
    ] {
        let err = fails(dir.path(), &args, 2);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains(flag) && err.contains(accepted),
            "{args:?}: {err}"
        );
    }
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn a_missing_directory_is_a_runtime_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let err = fails(dir.path(), &["tangent", "-o", "no/such/dir/t.png"], 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/dir/t.png"), "{err}");
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn a_failed_write_leaves_no_partial_file_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    // The target is a directory: the final rename fails after the image was
    // written in full to a temporary file, which must then be gone.
    std::fs::create_dir(dir.path().join("taken.png")).unwrap();
    std::fs::write(dir.path().join("keep.png"), b"old figure").unwrap();
    let err = fails(dir.path(), &["quiver", "-o", "taken.png"], 1);
    assert!(err.contains("taken.png"), "{err}");
    assert_eq!(listing(dir.path()), ["keep.png", "taken.png"]);
    assert!(std::fs::read_dir(dir.path().join("taken.png"))
        .unwrap()
        .next()
        .is_none());
    assert_eq!(
        std::fs::read(dir.path().join("keep.png")).unwrap(),
        b"old figure"
    );
}

#[test]
fn help_and_version_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let help = ok(dir.path(), &["--help"]);
    assert!(
        help.contains("Exit status: 0 success, 1 runtime failure"),
        "{help}"
    );
    for sub in [
        "tangent",
        "surface",
        "quiver",
        "descent",
        "simplenet",
        "all",
    ] {
        assert!(
            ok(dir.path(), &[sub, "--help"]).contains("Example: numdiff-plot"),
            "{sub}"
        );
    }
    assert!(ok(dir.path(), &["--version"]).starts_with("numdiff-plot "));
}
