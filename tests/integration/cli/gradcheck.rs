//! `gradcheck` and `train --grad numerical` through the binary, on a small
//! MNIST-like set (3 training and 2 test images of 28×28).

use crate::util::{data_dir, fails, floats, json, ok};

#[test]
fn gradcheck_json_has_each_parameter_s_differences_and_both_times() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let v = json(work.path(), &["gradcheck", "--data", d, "--batch", "3"]);
    for key in ["max_abs_diff", "mean_abs_diff"] {
        let o = v[key].as_object().unwrap();
        let names: Vec<&str> = o.keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["W1", "W2", "b1", "b2"], "{key}");
        for (name, diff) in o {
            let diff = diff.as_f64().unwrap();
            // Nonzero (two different computations) and at most 1e-6.
            assert!(diff > 0.0 && diff <= 1e-6, "{key}.{name} = {diff}");
        }
    }
    for (name, max) in v["max_abs_diff"].as_object().unwrap() {
        assert!(max.as_f64() >= v["mean_abs_diff"][name].as_f64(), "{name}");
    }
    assert!(v["numerical_seconds"].as_f64().unwrap() > 0.0);
    assert!(v["backprop_seconds"].as_f64().unwrap() > 0.0);
    assert_eq!(v["parameters"], 39760);
    assert_eq!(
        (v["batch"].as_u64(), v["seed"].as_u64()),
        (Some(3), Some(0))
    );
    // The same batch and weights every time: the same differences.
    let again = json(work.path(), &["gradcheck", "--data", d, "--batch", "3"]);
    assert_eq!(again["max_abs_diff"], v["max_abs_diff"]);
    let other = json(
        work.path(),
        &["gradcheck", "--data", d, "--batch", "3", "--seed", "1"],
    );
    assert_ne!(other["max_abs_diff"], v["max_abs_diff"]);
}

#[test]
fn gradcheck_prints_the_book_s_lines_then_the_largest_differences_and_times() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let text = ok(work.path(), &["gradcheck", "--data", d, "--batch", "2"]);
    let v = json(work.path(), &["gradcheck", "--data", d, "--batch", "2"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 12, "{text}");
    assert_eq!(
        lines[0],
        "mean |backprop - numerical| (ch05/gradient_check.py):"
    );
    assert_eq!(lines[5], "max |backprop - numerical|:");
    for (i, key) in ["W1", "b1", "W2", "b2"].iter().enumerate() {
        for (at, what) in [(1, "mean_abs_diff"), (6, "max_abs_diff")] {
            let (name, value) = lines[at + i].split_once(':').unwrap();
            assert_eq!(name, *key);
            // Python's str(float): the same number, an exponent of two digits.
            // (serde_json's parser may be one unit in the last place off.)
            let (text, json) = (
                value.parse::<f64>().unwrap(),
                v[what][key].as_f64().unwrap(),
            );
            assert!((text - json).abs() <= 1e-15 * json, "{text} vs {json}");
            assert!(value.contains("e-"), "{value}");
        }
    }
    assert!(
        lines[10].starts_with("numerical gradient: ")
            && lines[10].contains(" s (39760 parameters, batch of 2, "),
        "{}",
        lines[10]
    );
    assert!(
        lines[11].starts_with("backprop gradient:  "),
        "{}",
        lines[11]
    );
}

#[test]
fn gradcheck_refuses_a_batch_larger_than_the_training_set() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let stderr = fails(work.path(), &["gradcheck", "--data", d, "--batch", "4"], 2);
    assert_eq!(
        stderr,
        format!(
            "error: --batch 4: the training set in {d} has 3 images; a batch can be at most that\n"
        )
    );
    let stderr = fails(work.path(), &["gradcheck", "--data", d, "--batch", "0"], 2);
    assert!(
        stderr.contains("--batch") && stderr.contains("expected a whole number from 1"),
        "{stderr}"
    );
}

#[test]
fn train_by_the_numerical_gradient_follows_backprop() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let run = |grad: &str, out: &str| {
        let o = work.path().join(out);
        let o = o.to_str().unwrap().to_string();
        json(
            work.path(),
            &[
                "train", "--data", d, "-o", &o, "--iters", "5", "--batch", "2", "--grad", grad,
            ],
        )
    };
    let numerical = run("numerical", "n");
    let backprop = run("backprop", "b");
    assert_eq!(numerical["settings"]["grad"], "numerical");
    let (n, b) = (floats(&numerical["loss"]), floats(&backprop["loss"]));
    assert_eq!(n.len(), 5);
    for (i, (n, b)) in n.iter().zip(&b).enumerate() {
        assert!((n - b).abs() < 1e-6 && n != b, "iteration {i}: {n} vs {b}");
    }
    assert!(work.path().join("n/train_loss.png").is_file());
    assert!(work.path().join("n/train_accuracy.png").is_file());
}

#[test]
fn threads_must_be_a_whole_number_of_at_least_one() {
    let work = tempfile::tempdir().unwrap();
    for command in ["train", "gradcheck", "all"] {
        for bad in ["0", "-2", "two", "1.5"] {
            let stderr = fails(work.path(), &[command, "--threads", bad], 2);
            assert_eq!(
                stderr.lines().next().unwrap(),
                crate::util::invalid(
                    bad,
                    "--threads <N>",
                    "expected a whole number of threads, at least 1"
                ),
                "{command} --threads {bad}"
            );
        }
    }
}

#[test]
fn any_thread_count_gives_the_same_numbers() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let o = work.path().to_str().unwrap();
    let train = |threads: &str| {
        json(
            work.path(),
            &[
                "train", "--data", d, "-o", o, "--iters", "30", "--batch", "3", "-j", threads,
            ],
        )
    };
    let one = train("1");
    for threads in ["2", "3", "7"] {
        let other = train(threads);
        for key in ["loss", "train_acc", "test_acc", "settings"] {
            assert_eq!(other[key], one[key], "{key} on {threads} threads");
        }
    }
    let check = |threads: &str| {
        json(
            work.path(),
            &[
                "gradcheck",
                "--data",
                d,
                "--batch",
                "3",
                "--threads",
                threads,
            ],
        )
    };
    let one = check("1");
    assert_eq!(one["threads"], 1);
    let three = check("3");
    assert_eq!(three["threads"], 3);
    assert_eq!(three["max_abs_diff"], one["max_abs_diff"]);
    assert_eq!(three["mean_abs_diff"], one["mean_abs_diff"]);
}
