//! `train`: every check before work, run through the binary (flags, data,
//! output directory), and the command's whole path after them, run as a
//! library with a synthetic trainer in place of the network (figures,
//! the book's per-epoch lines, JSON, nothing written on failure).

use crate::util::idx::{images, labels, write, TEST_LABELS, TRAIN_LABELS};
use crate::util::{data_dir, fails, floats, listing};
use clap::Parser;
use numdiff_plot::cli::{Cli, Command, TrainArgs};
use numdiff_plot::command::train::{run_with, Methods, TrainFn};
use numdiff_plot::data::mnist::FILES;
use numdiff_plot::data::Mnist;
use numdiff_plot::figure::{image, train_accuracy, train_loss};
use numdiff_plot::network::{Epoch, Observer, Settings, Training, TwoLayerNet};
use numdiff_plot::numerics::RandomState;
use numdiff_plot::output::Show;
use numdiff_plot::render::{Format, Size};
use std::path::Path;

/// `train ARGS` fails with `code` and this one line on stderr, and
/// leaves `work` as it was.
fn refused(work: &Path, args: &[&str], code: i32, message: &str) {
    let before = listing(work);
    let stderr = fails(work, args, code);
    assert_eq!(stderr, format!("error: {message}\n"), "{args:?}");
    assert_eq!(listing(work), before, "{args:?} wrote nothing");
}

#[test]
fn each_flag_says_what_it_accepts() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let whole = |v: &str, flag: &str, range: &str| {
        format!("invalid value '{v}' for '{flag}': expected a whole number from {range}")
    };
    for (args, message) in [
        (["--iters", "0"], whole("0", "--iters <N>", "1 to 1000000")),
        (
            ["--iters", "1000001"],
            whole("1000001", "--iters <N>", "1 to 1000000"),
        ),
        (
            ["--batch", "0"],
            whole("0", "--batch <N>", &format!("1 to {}", usize::MAX)),
        ),
        (["--hidden", "0"], whole("0", "--hidden <N>", "1 to 1000")),
        (
            ["--hidden", "1001"],
            whole("1001", "--hidden <N>", "1 to 1000"),
        ),
        (
            ["--seed", "4294967296"],
            "invalid value '4294967296' for '--seed <SEED>': \
             expected a whole number from 0 to 4294967295 (numpy's seeds)"
                .to_string(),
        ),
        (
            ["--data", ""],
            "invalid value '' for '--data <DIR>': expected a directory".to_string(),
        ),
    ] {
        let mut all = vec!["train"];
        all.extend(args);
        refused(w, &all, 2, &message);
    }
    for lr in ["0", "-0.1", "nan", "inf", "1e999"] {
        refused(
            w,
            &["train", "--lr", lr],
            2,
            &format!(
                "invalid value '{lr}' for '--lr <LR>': expected a finite number greater than 0, like 0.1"
            ),
        );
    }
    let stderr = fails(w, &["train", "--grad", "finite"], 2);
    assert!(
        stderr.starts_with("error: invalid value 'finite' for '--grad <METHOD>'"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn bad_data_is_refused_before_work_naming_the_file() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let run = |data: &Path| {
        let d = data.to_str().unwrap().to_string();
        move |message: String| {
            refused(w, &["train", "--data", &d, "-o", "out"], 2, &message);
        }
    };
    // Missing: the message says how to download.
    let empty = tempfile::tempdir().unwrap();
    let d = empty.path().display();
    run(empty.path())(format!(
        "{d}/train-images-idx3-ubyte.gz: not found (nor train-images-idx3-ubyte, \
         train-images.idx3-ubyte.gz, train-images.idx3-ubyte); \
         fetch MNIST with `numdiff-plot data download --data {d}`"
    ));
    // A wrong magic number, a label above 9, counts that disagree.
    let data = data_dir();
    let p = |i: usize| data.path().join(FILES[i]).display().to_string();
    write(data.path(), FILES[1], &images(3, 28, 28, 0));
    run(data.path())(format!(
        "{}: magic number 0x00000803, expected 0x00000801: not an IDX file of labels",
        p(1)
    ));
    write(data.path(), FILES[1], &labels(&[5, 10, 4]));
    run(data.path())(format!(
        "{}: label 10 at index 1; labels are digits 0 to 9",
        p(1)
    ));
    write(data.path(), FILES[3], &labels(&[7, 2, 1]));
    write(data.path(), FILES[1], &labels(&TRAIN_LABELS));
    run(data.path())(format!(
        "{}: 2 images, but {} has 3 labels; the two counts must agree",
        p(2),
        p(3)
    ));
    // Not 28×28.
    write(data.path(), FILES[3], &labels(&TEST_LABELS));
    write(data.path(), FILES[2], &images(2, 28, 27, 0));
    run(data.path())(format!(
        "{}: images are 28×27 pixels; MNIST images are 28×28",
        p(2)
    ));
    assert!(!w.join("out").exists(), "-o is not created for bad data");
}

#[test]
fn a_batch_larger_than_the_training_set_is_refused() {
    let work = tempfile::tempdir().unwrap();
    let data = data_dir();
    let d = data.path().to_str().unwrap();
    refused(
        work.path(),
        &["train", "--data", d, "--batch", "4", "-o", "out"],
        2,
        &format!("--batch 4: the training set in {d} has 3 images; a batch can be at most that"),
    );
}

#[test]
fn an_output_that_cannot_be_a_directory_is_refused_before_work() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let data = data_dir();
    let d = data.path().to_str().unwrap();
    std::fs::write(w.join("file"), b"").unwrap();
    refused(
        w,
        &["train", "--data", d, "--batch", "3", "-o", "file"],
        1,
        "-o file: not a directory; train writes train_loss.png and train_accuracy.png into a directory",
    );
    refused(
        w,
        &["train", "--data", d, "--batch", "3", "-o", "file/sub"],
        1,
        "-o file/sub: cannot create the directory: a part of the path is not a directory",
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_output_directory_is_refused_before_work() {
    use std::os::unix::fs::PermissionsExt;
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let data = data_dir();
    let ro = w.join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    if tempfile::tempfile_in(&ro).is_ok() {
        // Privileged (root): permissions do not stop it; nothing to test.
        return;
    }
    let d = data.path().to_str().unwrap();
    refused(
        w,
        &["train", "--data", d, "--batch", "3", "-o", "ro"],
        1,
        "-o ro: cannot write into it: permission denied",
    );
}

// The path after the checks, with a synthetic trainer standing in for the
// network: it reports as a trainer does and returns made-up numbers.

fn args(argv: &[&str]) -> TrainArgs {
    let all = ["numdiff-plot", "train"].iter().chain(argv);
    match Cli::try_parse_from(all).unwrap().command {
        Command::Train(a) => a,
        _ => unreachable!(),
    }
}

/// A training of made-up numbers, with a network of one input and unit.
fn made_up(loss: Vec<f64>, epochs: Vec<Epoch>) -> Training {
    let net = TwoLayerNet::new(1, 1, 10, 0.0, &mut RandomState::new(0));
    Training { loss, epochs, net }
}

/// A made-up training for tests: loss 2/(i+1), accuracies i/10 (train)
/// and i/20 (test) at every epoch of `batch_size` iterations.
fn synthetic_trainer_for_tests(
    mnist: Mnist,
    s: &Settings,
    observer: &mut dyn Observer,
) -> anyhow::Result<Training> {
    assert_eq!(mnist.train_labels, TRAIN_LABELS);
    let (mut loss, mut epochs) = (Vec::new(), Vec::new());
    for i in 0..s.iters {
        let l = 2.0 / (i + 1) as f64;
        loss.push(l);
        observer.iteration(i, l);
        if i % s.batch_size == 0 {
            let index = epochs.len();
            let epoch = Epoch {
                index,
                iteration: i,
                train_acc: index as f64 / 10.0,
                test_acc: index as f64 / 20.0,
            };
            observer.epoch(&epoch);
            epochs.push(epoch);
        }
    }
    Ok(made_up(loss, epochs))
}

const SYNTHETIC: Methods = Methods {
    backprop: Some(synthetic_trainer_for_tests),
    numerical: None,
};

const LINES: Show = Show {
    bar: false,
    lines: true,
};

#[test]
fn after_the_checks_it_trains_prints_the_book_s_lines_and_writes_both_figures() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let out_dir = work.path().join("new/figures");
    let (d, o) = (data.path().to_str().unwrap(), out_dir.to_str().unwrap());
    let a = args(&["--data", d, "-o", o, "--iters", "5", "--batch", "2"]);
    let mut out = Vec::new();
    run_with(&a, &SYNTHETIC, LINES, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "train acc, test acc | 0.0, 0.0",
            "train acc, test acc | 0.1, 0.05",
            "train acc, test acc | 0.2, 0.1",
            &format!("wrote {o}/train_loss.png"),
            &format!("wrote {o}/train_accuracy.png"),
        ]
    );
    assert!(lines[5].starts_with("5 iterations in "), "{}", lines[5]);
    assert_eq!(lines.len(), 6);
    // The figures, as drawn from the trainer's numbers; nothing else.
    assert_eq!(listing(&out_dir), ["train_accuracy.png", "train_loss.png"]);
    let loss = train_loss::Data {
        loss: vec![2.0, 1.0, 2.0 / 3.0, 0.5, 0.4],
    };
    let acc = train_accuracy::Data {
        train_acc: vec![0.0, 0.1, 0.2],
        test_acc: vec![0.0, 0.05, 0.1],
    };
    let read = |f: &str| std::fs::read(out_dir.join(f)).unwrap();
    assert_eq!(
        read(train_loss::FILE),
        image(&loss, Size::DEFAULT, Format::Png).unwrap()
    );
    assert_eq!(
        read(train_accuracy::FILE),
        image(&acc, Size::DEFAULT, Format::Png).unwrap()
    );

    // -q: nothing at all.
    let mut out = Vec::new();
    run_with(&a, &SYNTHETIC, Show::NOTHING, &mut out).unwrap();
    assert!(out.is_empty());
}

#[test]
fn json_has_every_loss_and_accuracy_the_settings_and_the_seconds() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let (d, o) = (data.path().to_str().unwrap(), work.path().to_str().unwrap());
    let a = args(&[
        "--data",
        d,
        "-o",
        o,
        "--iters",
        "4",
        "--batch",
        "3",
        "--lr",
        "0.5",
        "--hidden",
        "7",
        "--seed",
        "4294967295",
        "--json",
    ]);
    let mut out = Vec::new();
    // --json: the JSON only, no report lines.
    assert!(!Show::detect(false, true).lines);
    let json_only = Show {
        bar: false,
        lines: false,
    };
    run_with(&a, &SYNTHETIC, json_only, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1, "one line");
    assert_eq!(floats(&v["loss"]), [2.0, 1.0, 2.0 / 3.0, 0.5]);
    assert_eq!(floats(&v["train_acc"]), [0.0, 0.1]);
    assert_eq!(floats(&v["test_acc"]), [0.0, 0.05]);
    assert_eq!(
        v["settings"],
        serde_json::json!({
            "iters": 4, "batch_size": 3, "learning_rate": 0.5, "hidden": 7,
            "seed": 4294967295u32, "grad": "backprop"
        })
    );
    assert_eq!(v["data"], d);
    assert!(v["seconds"].as_f64().unwrap() >= 0.0);
    assert_eq!(
        v["output"],
        serde_json::json!([
            format!("{o}/train_loss.png"),
            format!("{o}/train_accuracy.png")
        ])
    );
}

#[test]
fn a_trainer_that_fails_or_misreports_writes_nothing() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let (d, o) = (data.path().to_str().unwrap(), work.path().to_str().unwrap());
    let a = args(&["--data", d, "-o", o, "--iters", "3", "--batch", "1"]);
    fn failing(_: Mnist, _: &Settings, _: &mut dyn Observer) -> anyhow::Result<Training> {
        anyhow::bail!("out of memory")
    }
    fn short(_: Mnist, _: &Settings, _: &mut dyn Observer) -> anyhow::Result<Training> {
        Ok(made_up(vec![1.0], Vec::new()))
    }
    for (train, message) in [
        (failing as TrainFn, "out of memory"),
        (
            short,
            "internal error: the training returned 1 losses for 3 iterations",
        ),
    ] {
        let methods = Methods {
            backprop: Some(train),
            numerical: None,
        };
        let e = run_with(&a, &methods, LINES, &mut Vec::new()).unwrap_err();
        assert_eq!(e.to_string(), message);
        assert!(
            listing(work.path()).is_empty(),
            "nothing written, no temporary file"
        );
    }
}

#[test]
fn a_gradient_method_the_build_lacks_is_a_usage_error() {
    let data = data_dir();
    let work = tempfile::tempdir().unwrap();
    let (d, o) = (data.path().to_str().unwrap(), work.path().to_str().unwrap());
    let a = args(&["--data", d, "-o", o, "--batch", "1", "--grad", "numerical"]);
    let e = run_with(&a, &SYNTHETIC, LINES, &mut Vec::new()).unwrap_err();
    assert!(matches!(
        e.downcast_ref::<numdiff_plot::error::Error>(),
        Some(numdiff_plot::error::Error::Usage(_))
    ));
    assert_eq!(
        e.to_string(),
        "--grad numerical: not available in this build yet; use --grad backprop"
    );
}
