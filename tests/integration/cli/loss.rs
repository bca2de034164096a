//! `loss`: the book's four numbers of section 4.2, bit for bit, as text and
//! JSON; the user's own example through --y and --t; Figure 4-3.

use crate::util::*;

const BOOK: &str = "\
t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0] (the correct class is 2)
y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0] (most likely 2)
  mean_squared_error:  0.09750000000000003
  cross_entropy_error: 0.510825457099338
y = [0.1, 0.05, 0.1, 0, 0.05, 0.1, 0, 0.6, 0, 0] (most likely 7)
  mean_squared_error:  0.5975
  cross_entropy_error: 2.302584092994546
mini-batch of 2: cross_entropy_error 1.406704775046942
";

#[test]
fn loss_prints_the_book_s_four_numbers() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(ok(dir.path(), &["loss"]), BOOK);
    assert_eq!(png_size(&dir.path().join("natural_log.png")), (640, 480));
    // The correct class as a label gives the same.
    assert_eq!(ok(dir.path(), &["loss", "--t", "2"]), BOOK);
}

#[test]
fn loss_json_has_the_book_s_four_numbers_bit_for_bit() {
    let dir = tempfile::tempdir().unwrap();
    // The digits as written: Rust writes the shortest that read back to the
    // same f64 (serde_json's own reading may be off in the last place).
    let text = ok(dir.path(), &["loss", "--json"]);
    for field in [
        r#"{"argmax":2,"cross_entropy_error":0.510825457099338,"mean_squared_error":0.09750000000000003,"#,
        r#"{"argmax":7,"cross_entropy_error":2.302584092994546,"mean_squared_error":0.5975,"#,
        r#""batch_cross_entropy_error":1.406704775046942,"#,
        r#""label":2,"#,
        r#""output":"natural_log.png","#,
    ] {
        assert!(text.contains(field), "{field}");
    }
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["figure"], "loss");
    let (x, log_x) = (floats(&v["x"]), floats(&v["log_x"]));
    assert_eq!((x.len(), x[0], x[199], log_x[199]), (200, 0.005, 1.0, 0.0));
}

#[test]
fn loss_takes_the_user_s_own_outputs_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(dir.path(), &["loss", "--y", "0.1,0.7,0.2", "--t", "1"]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    assert_eq!(
        String::from_utf8(stdout).unwrap(),
        "t = [0, 1, 0] (the correct class is 1)\n\
         y = [0.1, 0.7, 0.2] (most likely 1)\n  \
         mean_squared_error:  0.07000000000000002\n  \
         cross_entropy_error: 0.3566748010815999\n"
    );
    // One-hot, two examples: the mini-batch mean.
    let v = json(
        dir.path(),
        &[
            "loss",
            "--y",
            "0.1,0.7,0.2",
            "--y",
            "0.5,0.25,0.25",
            "--t",
            "0,1,0",
        ],
    );
    let first = v["examples"][0]["cross_entropy_error"].as_f64().unwrap();
    let second = v["examples"][1]["cross_entropy_error"].as_f64().unwrap();
    assert_eq!(first, 0.3566748010815999);
    assert!((second + (0.25f64 + 1e-7).ln()).abs() < 1e-15);
    let batch = v["batch_cross_entropy_error"].as_f64().unwrap();
    assert!((batch - (first + second) / 2.0).abs() < 1e-15);
}

#[test]
fn lists_of_different_length_are_an_error_naming_the_flags() {
    rejects(
        &["loss", "--y", "0.1,0.9", "--t", "0,0,1"],
        2,
        "error: --y 0.1,0.9 has 2 values and --t has 3 values; give them the same length, \
         or --t as the index of the correct class",
    );
    rejects(
        &["loss", "--y", "0.1,0.9", "--y", "0.1,0.2,0.7", "--t", "1"],
        2,
        "error: --y 0.1,0.9 has 2 values and --y 0.1,0.2,0.7 has 3; \
         every --y needs one value per class",
    );
    rejects(
        &["loss", "--y", "0.1,0.7,0.2", "--t", "3"],
        2,
        "error: --t 3 is not a class of --y 0.1,0.7,0.2, which has 3 values (0 to 2)",
    );
    rejects(
        &["loss", "--t", "1.5"],
        2,
        "error: invalid value '1.5' for '--t <T,…|CLASS>': \
         expected a one-hot list like 0,0,1 or the index of the correct class like 2",
    );
    rejects(
        &["loss", "--y", "0.1,x"],
        2,
        "error: invalid value '0.1,x' for '--y <Y,…>': \
         expected finite numbers separated by commas, like 3,4",
    );
}

#[test]
fn outputs_that_are_not_probabilities_are_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(
        dir.path(),
        &[
            "loss",
            "-q",
            "--y",
            "0.1,0.7,0.3",
            "--y",
            "1.2,-0.2,0",
            "--t",
            "0,1,0",
        ],
    );
    assert_eq!(code, Some(0));
    assert_eq!(
        stderr,
        "warning: --y 0.1,0.7,0.3 sums to 1.1, not 1: the losses expect probabilities, \
         like softmax's output\n\
         warning: --y 1.2,-0.2,0 has 1.2 at index 0, outside [0, 1]: the losses expect \
         probabilities, like softmax's output\n"
    );
    let (code, _, stderr) = run(
        dir.path(),
        &["loss", "-q", "--y", "0.5,0.5", "--t", "0.5,0.5"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(
        stderr,
        "warning: --t 0.5,0.5 is not one-hot (one 1, the rest 0); the losses take it as given\n"
    );
    assert_eq!(png_size(&dir.path().join("natural_log.png")), (640, 480));
}

#[test]
fn figure_4_3_marks_each_example_s_minus_log_y() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["loss", "-q", "--svg-text", "-o", "log.svg"]);
    let svg = std::fs::read_to_string(dir.path().join("log.svg")).unwrap();
    assert!(svg.contains(">\n\u{2212}log 0.6 = 0.51\n</text>"));
    assert!(svg.contains(">\n\u{2212}log 0.1 = 2.30\n</text>"));
    assert_eq!(svg.matches("<circle").count(), 2);
    // y down to about −5, as the book draws it: ticks −5 … 0.
    for tick in ["\u{2212}5", "\u{2212}1", "0", "0.2", "1.0"] {
        assert!(svg.contains(&format!(">\n{tick}\n</text>")), "tick {tick}");
    }
    assert!(!svg.contains(">\n\u{2212}6\n</text>"));
}
