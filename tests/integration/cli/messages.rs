//! What the tool says when the input is degenerate or odd. Degenerate
//! input warns and still draws; values that start with '-' reach their
//! checks; every message that quotes input stays one line; clap's lists of
//! accepted values are kept; a file the user may not write is left alone.

use crate::util::*;

/// Runs `args` in a fresh directory, expects exit 0 and exactly `warning`
/// on stderr; returns the directory, where the figure was written.
fn warns(args: &[&str], warning: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(dir.path(), args);
    assert_eq!(code, Some(0), "{args:?}: {stderr}");
    assert_eq!(stderr, format!("{warning}\n"), "{args:?}");
    assert!(!stdout.is_empty(), "the report is still printed");
    dir
}

// Degenerate input: a warning, exit 0, the figure still written.

#[test]
fn one_sample_warns_and_still_draws() {
    let dir = warns(
        &["tangent", "--range", "0,20,100"],
        "warning: --range gives 1 sample of x, too few to draw a curve; use a smaller STEP",
    );
    assert_eq!(png_size(&dir.path().join("gradient_1d.png")), (640, 480));
}

#[test]
fn nothing_finite_to_draw_warns_and_still_draws() {
    let dir = warns(
        &[
            "tangent",
            "--f",
            "sqrt(x)",
            "--range",
            "-5,-1,0.5",
            "--x",
            "4",
        ],
        "warning: f is not finite at any of the 8 samples of --range: nothing to draw; \
         choose a --range where f is defined",
    );
    assert_eq!(png_size(&dir.path().join("gradient_1d.png")), (640, 480));
}

#[test]
fn a_slope_that_is_not_finite_warns_and_draws_no_line() {
    let dir = warns(
        &[
            "tangent",
            "--f",
            "ln(x)",
            "--x",
            "0",
            "--svg-text",
            "-o",
            "t.svg",
        ],
        "warning: f is not defined at x = 0: ln needs an argument > 0",
    );
    let svg = std::fs::read_to_string(dir.path().join("t.svg")).unwrap();
    // The curve (C0) is drawn, the tangent (C1, #FF7F0E) is not.
    assert!(svg.contains("#1F77B4"));
    assert!(!svg.contains("#FF7F0E"));
    let (_, stdout, _) = run(dir.path(), &["tangent", "--f", "ln(x)", "--x", "0", "-q"]);
    assert!(stdout.is_empty());
}

#[test]
fn a_surface_with_nothing_to_draw_warns_and_still_draws() {
    let dir = warns(
        &["surface", "--grid", "0,1,5"],
        "warning: --grid gives 1 point per axis, too few to draw a wireframe; use a smaller STEP",
    );
    assert_eq!(
        png_size(&dir.path().join("multivariate_func.png")),
        (640, 480)
    );
    let dir = warns(
        &["surface", "--f", "sqrt(-1-x0^2)"],
        "warning: f is not finite at any of the 3600 points of --grid: nothing to draw; \
         choose a --grid where f is defined",
    );
    let (_, stdout, _) = run(dir.path(), &["surface", "--f", "sqrt(-1-x0^2)"]);
    assert_eq!(
        String::from_utf8(stdout).unwrap(),
        "f(x0, x1) = sqrt(-1-x0^2) on a 60x60 grid: not finite anywhere\n"
    );
}

#[test]
fn a_gradient_that_is_not_finite_warns_and_still_draws() {
    let dir = warns(
        &["quiver", "--at", "1e300,0"],
        "warning: the central estimate at [x0, x1] = [1e300, 0] (h = 0.0001) is not a finite \
         number: it evaluates f where f is not defined or overflows; try a smaller --h or \
         --method exact",
    );
    assert_eq!(png_size(&dir.path().join("gradient_2d.png")), (640, 480));
    warns(
        &["quiver", "--f", "sqrt(-1-x0^2)", "--at", "1,1"],
        "warning: the gradient is not finite at any of the 324 points of --grid: nothing to \
         draw; choose a --grid where f is defined\n\
         warning: f is not defined at [x0, x1] = [-2, -2]: sqrt needs an argument ≥ 0 (and at \
         324 more points, which have no gradient)",
    );
}

// Values that start with '-' reach their checks.

#[test]
fn a_negative_h_gets_the_h_message() {
    rejects(
        &["tangent", "--h", "-1e-4"],
        2,
        &invalid(
            "-1e-4",
            "--h <H>",
            "expected a finite number greater than 0, like 1e-4",
        ),
    );
}

#[test]
fn a_negative_scale_gets_the_scale_message() {
    rejects(
        &["tangent", "--scale", "-1"],
        2,
        &invalid(
            "-1",
            "--scale <K>",
            "expected a number greater than 0 and at most 4, like 2",
        ),
    );
}

#[test]
fn a_negative_size_gets_the_size_message() {
    rejects(
        &["tangent", "--size", "-640x480"],
        2,
        &invalid(
            "-640x480",
            "--size <WxH>",
            "expected WIDTHxHEIGHT, each from 1 to 16384 pixels, like 640x480",
        ),
    );
}

#[test]
fn negative_numbers_still_work_where_they_are_values() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &["surface", "--elev", "-30", "-q", "-o", "below.svg"],
    );
    ok(
        dir.path(),
        &["surface", "--elev", "30", "-q", "-o", "above.svg"],
    );
    let read = |f: &str| std::fs::read(dir.path().join(f)).unwrap();
    assert!(
        read("below.svg") != read("above.svg"),
        "--elev -30 is a view from below"
    );
    let v = json(dir.path(), &["descent", "--init", "-3,4", "-q"]);
    assert_eq!(v["init"], serde_json::json!([-3.0, 4.0]));
    let v = json(dir.path(), &["tangent", "--x", "-1e-4", "-q"]);
    assert_eq!(v["tangents"][0]["x"], -1e-4);
    let v = json(dir.path(), &["tangent", "--xlim=-1,2", "--h", "1e-3", "-q"]);
    assert_eq!(v["tangents"][0]["h"], 1e-3);
}

#[test]
fn a_learning_rate_must_be_greater_than_0() {
    let message = "expected a finite number greater than 0, like 0.1 \
                   (a negative rate climbs the function instead of descending)";
    rejects(
        &["descent", "--lr=-0.1"],
        2,
        &invalid("-0.1", "--lr <LR>", message),
    );
    rejects(
        &["descent", "--lr", "-0.1"],
        2,
        &invalid("-0.1", "--lr <LR>", message),
    );
    rejects(
        &["descent", "--lr", "0"],
        2,
        &invalid("0", "--lr <LR>", message),
    );
}

// Messages that quote input stay one line.

#[test]
fn an_expression_with_a_line_break_is_quoted_escaped_in_one_line() {
    rejects(
        &["tangent", "--f", "x\n+1"],
        2,
        "error: invalid value 'x\\n+1' for '--f <EXPR>': unexpected character '\\n'; \
         use + - * / ^, parentheses, numbers and names at column 2: x»\\n«+1",
    );
    // A character the terminal would act on is shown, not sent.
    rejects(
        &["diff", "x\u{1b}[2J"],
        2,
        "error: invalid value 'x\\u{1b}[2J' for '<EXPR>': unexpected character '\\u{1b}'; \
         use + - * / ^, parentheses, numbers and names at column 2: x»\\u{1b}«[2J",
    );
}

#[test]
fn other_quoted_input_is_escaped_too() {
    rejects(
        &["tangent", "--title", "a\tb"],
        2,
        &invalid(
            "a\\tb",
            "--title <TEXT>",
            "expected text without control characters (line breaks are allowed)",
        ),
    );
    rejects(
        &["tangent", "--a\nb"],
        2,
        "error: unexpected argument '--a\\nb' found",
    );
    rejects(
        &["tangent", "-o", "a\nb.jpg"],
        2,
        "error: --output a\\nb.jpg: unsupported format; the file name must end in .png, .svg or .pdf",
    );
}

/// The y of each `<text>` whose content is `content`.
fn text_y(svg: &str, content: &str) -> Vec<f64> {
    svg.split("<text")
        .skip(1)
        .filter(|t| t[t.find('>').unwrap() + 1..].trim().starts_with(content))
        .map(|t| {
            let y = &t[t.find(" y=\"").unwrap() + 4..];
            y[..y.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

#[test]
fn a_title_with_line_breaks_is_drawn_as_lines() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &[
            "quiver",
            "-q",
            "--svg-text",
            "-o",
            "q.svg",
            "--title",
            "two\nlines",
        ],
    );
    let svg = std::fs::read_to_string(dir.path().join("q.svg")).unwrap();
    let t = texts(&svg);
    assert!(t.contains(&"two".to_string()) && t.contains(&"lines".to_string()));
    // 1.2 font sizes apart (12 pt = 16.67 px, ×4 inside the SVG), the last
    // line where a one-line title sits.
    let (two, lines) = (text_y(&svg, "two")[0], text_y(&svg, "lines")[0]);
    assert!(
        (lines - two - 1.2 * 16.666 * 4.0).abs() < 1.0,
        "{two} {lines}"
    );
    ok(
        dir.path(),
        &[
            "quiver",
            "-q",
            "--svg-text",
            "-o",
            "one.svg",
            "--title",
            "lines",
        ],
    );
    let one = std::fs::read_to_string(dir.path().join("one.svg")).unwrap();
    assert_eq!(text_y(&one, "lines"), [lines]);
}

#[test]
fn a_value_that_is_not_utf8_names_its_flag() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = dir_with_old_figures();
    let before = snapshot(dir.path());
    let bad = OsStr::from_bytes(b"a\xffb");
    for (args, flag) in [
        (
            vec![OsStr::new("tangent"), OsStr::new("--title"), bad],
            "--title <TEXT>",
        ),
        (
            vec![OsStr::new("tangent"), OsStr::new("--f"), bad],
            "--f <EXPR>",
        ),
        (vec![OsStr::new("diff"), bad], "<EXPR>"),
        (
            vec![
                OsStr::new("tangent"),
                OsStr::new("-q"),
                OsStr::new("--x"),
                bad,
            ],
            "--x <X>",
        ),
    ] {
        let out = cmd(dir.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("error: invalid value 'a\\xFFb' for '{flag}': expected UTF-8 text\n")
        );
    }
    let joined = OsStr::from_bytes(b"--title=\xff");
    let out = cmd(dir.path())
        .args([OsStr::new("tangent"), joined])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: invalid value '\\xFF' for '--title <TEXT>': expected UTF-8 text\n"
    );
    assert_eq!(snapshot(dir.path()), before);
    // A file name may be any bytes.
    let name = OsStr::from_bytes(b"\xff.svg");
    let out = cmd(dir.path())
        .args([
            OsStr::new("tangent"),
            OsStr::new("-q"),
            OsStr::new("-o"),
            name,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join(name).exists());
}

// Lists of accepted values wherever clap knows them.

#[test]
fn clap_s_lists_and_suggestions_are_kept_in_the_one_line() {
    rejects(
        &["tangent", "--method", "centrl"],
        2,
        &invalid(
            "centrl",
            "--method <METHOD>",
            "expected one of central, forward, central-optimal, five-point, richardson, \
             complex-step, exact",
        ),
    );
    rejects(
        &["tangent", "--xlm", "1,2"],
        2,
        "error: unexpected argument '--xlm' found; did you mean '--xlim'?",
    );
    rejects(
        &["frobnicate"],
        2,
        "error: unrecognized subcommand 'frobnicate'; the subcommands are tangent, surface, \
         quiver, descent, simplenet, loss, sigmoid, diff, error, train, gradcheck, data, serve, all, \
         completions, man",
    );
    rejects(
        &["diff"],
        2,
        "error: the following required arguments were not provided: <EXPR>",
    );
    rejects(
        &["tangent", "--no-tangent", "--x", "3"],
        2,
        "error: the argument '--no-tangent' cannot be used with '--x <X>'",
    );
}

// A read-only file is not replaced.

#[test]
fn a_read_only_output_file_is_refused_and_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with_old_figures();
    let ro = dir.path().join("gradient_1d.png");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = snapshot(dir.path());
    let out = as_a_user(dir.path(), &["tangent"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot write gradient_1d.png: the file is read-only; \
         make it writable (chmod u+w) or write another file\n"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(snapshot(dir.path()), before);
    // all checks every file before it replaces any.
    let figs = dir.path().join("figs");
    std::fs::create_dir(&figs).unwrap();
    ok(dir.path(), &["all", "-q", "-o", "figs"]);
    let last = figs.join("numdiff_error.png");
    std::fs::write(figs.join("natural_log.png"), b"old").unwrap();
    std::fs::write(&last, b"old").unwrap();
    std::fs::set_permissions(&last, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = snapshot(&figs);
    let out = as_a_user(dir.path(), &["all", "-o", "figs"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot write figs/numdiff_error.png: the file is read-only; \
         make it writable (chmod u+w) or write another file\n"
    );
    assert_eq!(snapshot(&figs), before);
}

// What the reports say.

#[test]
fn reports_read_as_a_person_writes() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        ok(dir.path(), &["tangent", "--x", "10"]),
        "slope at x = 10: 0.2999999999986347 (tangent y = 0.3x \u{2212} 1)\n"
    );
    assert_eq!(
        ok(dir.path(), &["descent", "--steps", "1"]),
        "final point after 1 step of lr 0.1: [-2.399999999999622, 3.200000000000088]\n\
         f there: 15.99999999999875\n"
    );
}
