//! `train` says when learning went nowhere, in the book's terms (section
//! 4.4.1), on synthetic digits the book's network learns: too large a rate
//! saturates, too small a rate barely moves the loss, and the book's own
//! rate says nothing.

use crate::util::{floats, succeeds, synthetic_data_dir};

/// `train ARGS -q` on 1000 synthetic digits (an epoch is 10 iterations)
/// and 200 more to test on: its stderr.
fn warnings(args: &[&str]) -> String {
    let data = synthetic_data_dir(1000, 200);
    let work = tempfile::tempdir().unwrap();
    let mut all = vec!["train", "-q", "--data", data.path().to_str().unwrap()];
    all.extend(args);
    let (stdout, stderr) = succeeds(work.path(), &all);
    assert_eq!(stdout, "", "-q prints no report");
    stderr
}

#[test]
fn too_large_a_rate_is_said_to_diverge_or_saturate() {
    assert_eq!(
        warnings(&["--lr", "1000", "--iters", "100"]),
        "warning: the training learned nothing at learning rate 1000: test accuracy 0.1 \
         (chance is 0.1), loss 14.5266 (ln 10 = 2.3026 when guessing); too large a learning \
         rate diverges or saturates (book §4.4.1); try a smaller --lr\n"
    );
}

#[test]
fn too_small_a_rate_is_said_to_barely_move_the_loss() {
    assert_eq!(
        warnings(&["--lr", "1e-10", "--iters", "100"]),
        "warning: the loss barely moved in 100 iterations at learning rate 1e-10: \
         from 2.3017 to 2.3023 (+0.03 %); too small a learning rate barely updates \
         (book §4.4.1); try a larger --lr or more --iters\n"
    );
}

/// The book's rate, batch, network and seed: in 300 iterations (the
/// book's 10,000 take minutes in a debug build) the digits are learnt, and
/// nothing is said.
#[test]
fn the_book_s_settings_learn_and_say_nothing() {
    let data = synthetic_data_dir(1000, 200);
    let work = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let args = ["train", "--data", d, "--iters", "300", "--json"];
    let (stdout, stderr) = succeeds(work.path(), &args);
    assert_eq!(stderr, "");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let test_acc = floats(&v["test_acc"]);
    assert_eq!(test_acc.last(), Some(&1.0), "{test_acc:?}");
}
