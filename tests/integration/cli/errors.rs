//! Bad input and limits, one test per value: each ends with one line on
//! stderr that names the flag or file and what is accepted, the documented
//! exit code (2 bad usage, 1 runtime failure), no panic or backtrace, and
//! no file created or changed. Numerical trouble is a warning, not a crash.
//! The failures of the system (read-only directories, full disks, closed
//! pipes) are in io_failures.rs.

use crate::util::*;

/// A module named for what is refused, with one test per row: the
/// arguments, the exit code and the one line on stderr.
macro_rules! refused {
    ($module:ident {
        $($name:ident: [$($arg:expr),*] => $code:expr, $message:expr;)*
    }) => {
        mod $module {
            use super::*;
            $(
                #[test]
                fn $name() {
                    rejects(&[$($arg),*], $code, &$message);
                }
            )*
        }
    };
}

const FINITE: &str = "expected a finite number";
const LR: &str = "expected a finite number greater than 0, like 0.1 \
                  (a negative rate climbs the function instead of descending)";
const STEPS: &str = "expected a whole number from 1 to 100000";
const POINT: &str = "expected X0,X1, 2 numbers separated by commas";
const SIZE: &str = "expected WIDTHxHEIGHT, each from 1 to 16384 pixels, like 640x480";
const H: &str = "expected a finite number greater than 0, like 1e-4";

refused! { a_value_out_of_range_is_refused {
    lr_nan: ["descent", "--lr", "nan"] => 2, invalid("nan", "--lr <LR>", LR);
    lr_inf: ["descent", "--lr", "inf"] => 2, invalid("inf", "--lr <LR>", LR);
    x_inf: ["tangent", "--x", "inf"] => 2, invalid("inf", "--x <X>", FINITE);
    steps_0: ["descent", "--steps", "0"] => 2, invalid("0", "--steps <STEPS>", STEPS);
    steps_minus_3: ["descent", "--steps", "-3"] => 2, invalid("-3", "--steps <STEPS>", STEPS);
    steps_1e12: ["descent", "--steps", "1e12"] => 2, invalid("1e12", "--steps <STEPS>", STEPS);
    init_1: ["descent", "--init", "1"] => 2, invalid("1", "--init <X0,X1>", POINT);
    init_1_2_3: ["descent", "--init", "1,2,3"] => 2, invalid("1,2,3", "--init <X0,X1>", POINT);
    init_a_b: ["descent", "--init", "a,b"] => 2, invalid(
        "a,b", "--init <X0,X1>", "expected X0,X1, 2 finite numbers separated by commas");
    size_0x0: ["quiver", "--size", "0x0"] => 2, invalid("0x0", "--size <WxH>", SIZE);
    size_100000x100000: ["surface", "--size", "100000x100000"] => 2,
        invalid("100000x100000", "--size <WxH>", SIZE);
    seed_minus_1: ["simplenet", "--seed", "-1"] => 2, invalid(
        "-1", "--seed <SEED>", "expected a whole number from 0 to 4294967295 (numpy's seeds)");
    grid_start_above_end: ["surface", "--grid", "3,-3,0.1"] => 2, invalid(
        "3,-3,0.1", "--grid <START,STOP,STEP>", "START must be less than STOP");
    grid_zero_step: ["quiver", "--grid", "-2,2.5,0"] => 2, invalid(
        "-2,2.5,0", "--grid <START,STOP,STEP>", "STEP must be greater than 0");
    range_start_above_end: ["tangent", "--range", "20,0,0.1"] => 2, invalid(
        "20,0,0.1", "--range <START,STOP,STEP>", "START must be less than STOP");
    range_zero_step: ["tangent", "--range", "0,20,0"] => 2, invalid(
        "0,20,0", "--range <START,STOP,STEP>", "STEP must be greater than 0");
    xlim_start_above_end: ["tangent", "--xlim", "5,1"] => 2, invalid(
        "5,1", "--xlim <A,B>", "expected A,B with A less than B");
    ylim_not_finite: ["descent", "--ylim", "0,inf"] => 2, invalid(
        "0,inf", "--ylim <A,B>", "expected A,B, 2 finite numbers separated by commas");
    scale_0: ["tangent", "--scale", "0"] => 2, invalid(
        "0", "--scale <K>", "expected a number greater than 0 and at most 4, like 2");
    h_0: ["tangent", "--h", "0"] => 2, invalid("0", "--h <H>", H);
    h_minus_1: ["tangent", "--h", "-1"] => 2, invalid("-1", "--h <H>", H);
}}

#[test]
fn h_0_and_h_minus_1_are_refused_by_the_h_parser() {
    use numdiff_plot::cli::parse::parse_h;
    let accepted = Err(H.to_string());
    assert_eq!(parse_h("0"), accepted);
    assert_eq!(parse_h("-1"), accepted);
    assert_eq!(parse_h("1e-4"), Ok(1e-4));
}

// Each error says the cap and how to stay under it.
refused! { work_too_large_for_a_plotting_tool_is_refused {
    too_many_surface_evaluations: ["surface", "--grid", "-3,3,0.001"] => 2,
        "error: --grid gives 6000 points per axis, 36000000 evaluations, \
         over the cap of 10000000; use a larger STEP";
    too_many_quiver_arrows: ["quiver", "--grid", "-2,2.5,0.005"] => 2,
        "error: --grid gives 900 points per axis, 810000 arrows, \
         over the cap of 250000; use a larger STEP";
    too_many_points_on_one_axis: ["tangent", "--range", "0,20,0.0001"] => 2, invalid(
        "0,20,0.0001", "--range <START,STOP,STEP>",
        "at most 100000 points per axis; use a larger STEP");
    too_many_tangent_samples: [
        "tangent", "--range", "0,20,0.0002", "--x", "1", "--x", "2", "--x", "3", "--x", "4",
        "--x", "5", "--x", "6", "--x", "7", "--x", "8", "--x", "9", "--x", "10", "--x", "11",
        "--x", "12", "--x", "13", "--x", "14", "--x", "15", "--x", "16", "--x", "17", "--x", "18",
        "--x", "19", "--x", "20", "--x", "21", "--x", "22", "--x", "23", "--x", "24", "--x", "25",
        "--x", "26", "--x", "27", "--x", "28", "--x", "29", "--x", "30", "--x", "31", "--x", "32",
        "--x", "33", "--x", "34", "--x", "35", "--x", "36", "--x", "37", "--x", "38", "--x", "39",
        "--x", "40", "--x", "41", "--x", "42", "--x", "43", "--x", "44", "--x", "45", "--x", "46",
        "--x", "47", "--x", "48", "--x", "49", "--x", "50", "--x", "51", "--x", "52", "--x", "53",
        "--x", "54", "--x", "55", "--x", "56", "--x", "57", "--x", "58", "--x", "59", "--x", "60",
        "--x", "61", "--x", "62", "--x", "63", "--x", "64", "--x", "65", "--x", "66", "--x", "67",
        "--x", "68", "--x", "69", "--x", "70", "--x", "71", "--x", "72", "--x", "73", "--x", "74",
        "--x", "75", "--x", "76", "--x", "77", "--x", "78", "--x", "79", "--x", "80", "--x", "81",
        "--x", "82", "--x", "83", "--x", "84", "--x", "85", "--x", "86", "--x", "87", "--x", "88",
        "--x", "89", "--x", "90", "--x", "91", "--x", "92", "--x", "93", "--x", "94", "--x", "95",
        "--x", "96", "--x", "97", "--x", "98", "--x", "99", "--x", "100"
    ] => 2,
        "error: --range gives 100000 points for each of 101 curves (f and 100 tangents), \
         10100000 samples, over the cap of 10000000; use a larger STEP or fewer --x";
    too_many_steps: ["descent", "--steps", "100001"] => 2,
        invalid("100001", "--steps <STEPS>", STEPS);
    too_many_png_pixels: ["tangent", "--size", "16384x16384"] => 2,
        "error: --size 16384x16384 makes a PNG of 268435456 pixels, over the cap of 67108864 \
         (8192x8192); use a smaller --size, --dpi or --scale, or write an SVG or a PDF";
    too_many_png_pixels_by_scale: ["quiver", "--size", "8192x8192", "--scale", "2"] => 2,
        "error: --size 8192x8192 --scale 2 (16384x16384) makes a PNG of 268435456 pixels, \
         over the cap of 67108864 (8192x8192); use a smaller --size, --dpi or --scale, or write an SVG or a PDF";
    too_many_pixels_a_side_by_scale: ["descent", "-o", "out.svg", "--size", "16384x100", "--scale", "1.5"] => 2,
        "error: --size 16384x100 --scale 1.5 (24576x150) is over the cap of 16384 pixels a side; \
         use a smaller --size, --dpi or --scale";
}}

#[test]
fn work_just_under_the_caps_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    // 3162² = 9 998 244 evaluations; drawn as SVG to keep the test quick.
    let out = ok(
        dir.path(),
        &["surface", "--grid", "0,3162,1", "-o", "s.svg", "--quiet"],
    );
    assert_eq!(out, "");
    assert!(dir.path().join("s.svg").exists());
    let svg = ok(
        dir.path(),
        &[
            "tangent", "--size", "16384x16", "-o", "-", "--format", "svg",
        ],
    );
    assert!(
        svg.starts_with(r#"<svg width="16384" height="16""#),
        "{svg:.60}"
    );
}

refused! { a_flag_that_does_not_apply_is_refused {
    xlim_for_simplenet: ["simplenet", "--xlim", "0,1"] => 2,
        "error: --xlim does not apply to simplenet: its heatmaps have no axis scales";
    ylim_for_simplenet: ["simplenet", "--ylim", "0,1"] => 2,
        "error: --ylim does not apply to simplenet: its heatmaps have no axis scales";
    json_with_image_on_stdout: ["tangent", "--json", "-o", "-"] => 2,
        "error: --json and --output - would both write to stdout; write the figure to a file";
    all_to_stdout: ["all", "-o", "-"] => 2,
        "error: --output -: all writes several files and needs a directory, like -o figures";
    format_contradicts_extension: ["tangent", "-o", "out.png", "--format", "svg"] => 2,
        "error: --format svg contradicts --output out.png; use a file name ending in .svg";
    unknown_format: ["tangent", "--format", "jpg"] => 2,
        invalid("jpg", "--format <FORMAT>", "expected png, svg or pdf");
}}

refused! { an_output_that_cannot_be_written_is_refused {
    output_unsupported_extension: ["tangent", "-o", "plot.jpg"] => 2,
        "error: --output plot.jpg: unsupported format; the file name must end in .png, .svg or .pdf";
    output_directory_does_not_exist: ["tangent", "-o", "no/such/dir/t.png"] => 1,
        "error: cannot write no/such/dir/t.png: directory no/such/dir does not exist";
    output_in_a_file_not_a_directory: ["quiver", "-o", "out.png/q.png"] => 1,
        "error: cannot write out.png/q.png: out.png is not a directory";
}}

#[test]
fn a_directory_as_output_gets_the_figure_s_own_file_name() {
    let dir = dir_with_old_figures();
    std::fs::create_dir(dir.path().join("taken.png")).unwrap();
    ok(dir.path(), &["quiver", "-o", "taken.png", "-q"]);
    assert_eq!(listing(&dir.path().join("taken.png")), ["gradient_2d.png"]);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    ok(
        dir.path(),
        &["tangent", "-o", "sub/", "--format", "svg", "-q"],
    );
    assert_eq!(listing(&dir.path().join("sub")), ["gradient_1d.svg"]);
    let err = fails(dir.path(), &["tangent", "-o", "no/such/"], 1);
    assert_eq!(
        err,
        "error: cannot write no/such/gradient_1d.png: directory no/such does not exist\n"
    );
}

// Numerical trouble is not a crash.

#[test]
fn lr_10_diverges_with_a_warning_and_still_draws_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path())
        .args(["descent", "--lr", "10", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "warning: gradient descent diverged: f grew from 25 to 6.724034830146604e26 \
         in 20 steps of lr 10 instead of shrinking: too large a learning rate diverges \
         (book §4.4.1); try a smaller --lr\n"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diverged"], true);
    assert_eq!(v["f"].as_f64(), Some(6.724034830146604e26));
    assert_eq!(
        png_size(&dir.path().join("gradient_method.png")),
        (640, 480)
    );
    // Only the start is inside the book's axes; nothing is pinned to an edge.
    ok(
        dir.path(),
        &["descent", "--lr", "10", "--svg-text", "-o", "d.svg", "-q"],
    );
    let svg = std::fs::read_to_string(dir.path().join("d.svg")).unwrap();
    assert_eq!(svg.matches("<circle").count(), 1);
    for tick in ["\u{2212}3", "4"] {
        assert!(svg.contains(&format!(">\n{tick}\n</text>")), "tick {tick}");
    }
    ok(dir.path(), &["descent", "--svg-text", "-o", "book.svg"]);
    let book = std::fs::read_to_string(dir.path().join("book.svg")).unwrap();
    assert_eq!(book.matches("<circle").count(), 20);
}

#[test]
fn non_finite_values_are_null_in_json_and_not_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path())
        .args([
            "descent",
            "--init",
            "1e200,-1e200",
            "--json",
            "--svg-text",
            "-o",
            "d.svg",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "warning: gradient descent cannot start: f is inf at --init [1e200, -1e200]; \
         start nearer the minimum\n"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["f"], serde_json::Value::Null);
    assert_eq!(v["x"], serde_json::json!([null, null]));
    assert_eq!(v["history"][0], serde_json::json!([1e200, -1e200]));
    assert_eq!(v["history"][19], serde_json::json!([null, null]));
    let svg = std::fs::read_to_string(dir.path().join("d.svg")).unwrap();
    assert_eq!(svg.matches("<circle").count(), 1, "only the finite start");
}

#[test]
fn lr_1e_minus_10_barely_moves_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path())
        .args(["descent", "--lr", "1e-10", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "warning: gradient descent barely moved: the point moved 2e-8 in 20 steps of lr 1e-10: \
         too small a learning rate barely updates (book §4.4.1); try a larger --lr\n"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (&v["diverged"], &v["barely_moved"]),
        (&false.into(), &true.into())
    );
    let (_, stderr) = succeeds(dir.path(), &["descent", "-q"]);
    assert_eq!(stderr, "", "the book's lr 0.1 and 20 steps warn of nothing");
    let x = floats(&v["x"]);
    assert!(
        (x[0] + 3.0).abs() < 1e-7 && (x[1] - 4.0).abs() < 1e-7,
        "{x:?}"
    );
}

#[test]
fn unknown_flags_and_subcommands_are_one_line() {
    // clap's own errors span several lines; the tool keeps the first.
    let dir = tempfile::tempdir().unwrap();
    let err = fails(dir.path(), &["tangent", "--no-such-flag"], 2);
    assert_eq!(err, "error: unexpected argument '--no-such-flag' found\n");
    let names = [
        "tangent",
        "surface",
        "quiver",
        "descent",
        "simplenet",
        "loss",
        "sigmoid",
        "diff",
        "error",
        "train",
        "gradcheck",
        "data",
        "all",
        "completions",
        "man",
    ];
    for name in names {
        // The last letter dropped: clap's closest match is the subcommand.
        let typo = &name[..name.len() - 1];
        let err = fails(dir.path(), &[typo], 2);
        assert!(
            err.ends_with(&format!("; did you mean '{name}'?\n")),
            "{typo}: {err}"
        );
    }
    for (typo, name) in [("tanget", "tangent"), ("simplnet", "simplenet")] {
        let err = fails(dir.path(), &[typo], 2);
        assert!(
            err.ends_with(&format!("; did you mean '{name}'?\n")),
            "{typo}: {err}"
        );
    }
    let err = fails(dir.path(), &["frobnicate"], 2);
    assert!(err
        .starts_with("error: unrecognized subcommand 'frobnicate'; the subcommands are tangent, "));
    assert_eq!(err.lines().count(), 1);
}
