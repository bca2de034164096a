//! The fast training loop against the book's numpy (fixtures written by
//! python/fixtures/make_numpy_fixtures.py), against the plain dense loop, and
//! against itself on another thread count. (The engine's own tests, in
//! src/network/engine, compare instruction sets and more thread counts.)

use crate::util::{floats, json_fixture};
use numdiff_plot::network::{train, train_reference, Dataset, Settings, Training};
use serde_json::Value;
use std::sync::OnceLock;

use super::synthetic_digits;

/// Images `first` … `first + count − 1` of the synthetic digits.
fn synthetic(count: u64, first: u64) -> Dataset {
    let (images, labels) = synthetic_digits::synthetic_bytes(count, first);
    Dataset::new(images, labels, 28, 28).unwrap()
}

fn fixture() -> Value {
    json_fixture("fixtures/numpy/training.json")
}

/// The two sets, checked against the fixture's pixel sums.
fn data(fixture: &Value) -> (Dataset, Dataset) {
    let set = |v: &Value| {
        let d = synthetic(v["count"].as_u64().unwrap(), v["first"].as_u64().unwrap());
        let sum: u64 = d.images().iter().map(|&p| p as u64).sum();
        assert_eq!(
            sum,
            v["pixel_sum"].as_u64().unwrap(),
            "the synthetic images are the script's"
        );
        d
    };
    (set(&fixture["train"]), set(&fixture["test"]))
}

fn settings(run: &Value, threads: usize) -> Settings {
    Settings {
        iters: run["iters"].as_u64().unwrap() as usize,
        batch_size: run["batch_size"].as_u64().unwrap() as usize,
        learning_rate: run["learning_rate"].as_f64().unwrap(),
        hidden: run["hidden"].as_u64().unwrap() as usize,
        seed: run["seed"].as_u64().unwrap() as u32,
        threads,
    }
}

/// Losses within `tolerance` (absolute; they are about 2), the same
/// accuracies (as counts of right answers) at the same iterations.
fn assert_matches_numpy(got: &Training, run: &Value, tolerance: f64, sizes: (usize, usize)) {
    let want = floats(&run["loss"]);
    assert_eq!(got.loss.len(), want.len());
    for (i, (g, w)) in got.loss.iter().zip(&want).enumerate() {
        assert!((g - w).abs() <= tolerance, "loss {i}: {g} vs numpy {w}");
    }
    let iterations: Vec<u64> = got.epochs.iter().map(|e| e.iteration as u64).collect();
    let want_iterations: Vec<u64> = run["epoch_iterations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(iterations, want_iterations);
    let counts = |accuracies: &[f64], n: usize| -> Vec<u64> {
        accuracies
            .iter()
            .map(|a| (a * n as f64).round() as u64)
            .collect()
    };
    let train_acc: Vec<f64> = got.epochs.iter().map(|e| e.train_acc).collect();
    let test_acc: Vec<f64> = got.epochs.iter().map(|e| e.test_acc).collect();
    assert_eq!(
        counts(&train_acc, sizes.0),
        counts(&floats(&run["train_acc"]), sizes.0)
    );
    assert_eq!(
        counts(&test_acc, sizes.1),
        counts(&floats(&run["test_acc"]), sizes.1)
    );
}

/// The fixture, its data, each run trained by the fast loop on one thread
/// and the first on two, computed once for all the tests of this module (the
/// kernels are slow in the unoptimized test profile).
struct Runs {
    fixture: Value,
    sizes: (usize, usize),
    one_thread: Vec<Training>,
    two_threads: Vec<Training>,
}

fn runs() -> &'static Runs {
    static RUNS: OnceLock<Runs> = OnceLock::new();
    RUNS.get_or_init(|| {
        let fixture = fixture();
        let (train_set, test_set) = data(&fixture);
        let on = |threads, count| {
            fixture["runs"]
                .as_array()
                .unwrap()
                .iter()
                .take(count)
                .map(|run| train(&train_set, &test_set, &settings(run, threads), &mut ()).unwrap())
                .collect()
        };
        Runs {
            sizes: (train_set.len(), test_set.len()),
            one_thread: on(1, usize::MAX),
            two_threads: on(2, 1),
            fixture,
        }
    })
}

#[test]
fn the_fast_loop_follows_the_book_s_numpy_within_1e_9() {
    let runs = runs();
    for (got, run) in runs
        .one_thread
        .iter()
        .zip(runs.fixture["runs"].as_array().unwrap())
    {
        assert_matches_numpy(got, run, 1e-9, runs.sizes);
    }
}

#[test]
fn the_dense_reference_follows_the_book_s_numpy_and_the_fast_loop_follows_it() {
    let runs = runs();
    let (train_set, test_set) = data(&runs.fixture);
    for (fast, run) in runs
        .one_thread
        .iter()
        .zip(runs.fixture["runs"].as_array().unwrap())
    {
        let reference = train_reference(&train_set, &test_set, &settings(run, 1), &mut ()).unwrap();
        assert_matches_numpy(&reference, run, 1e-9, runs.sizes);
        for (i, (f, r)) in fast.loss.iter().zip(&reference.loss).enumerate() {
            assert!(
                (f - r).abs() <= 1e-12 * r.abs(),
                "loss {i}: {f} vs reference {r}"
            );
        }
        assert_eq!(fast.epochs, reference.epochs);
        for (f, r) in fast.net.w1.iter().zip(&reference.net.w1) {
            assert!((f - r).abs() <= 1e-12, "W1: {f} vs {r}");
        }
    }
}

#[test]
fn one_thread_and_two_give_the_same_bits() {
    let runs = runs();
    let bits = |t: &Training| t.loss.iter().map(|l| l.to_bits()).collect::<Vec<_>>();
    for (one, two) in runs.one_thread.iter().zip(&runs.two_threads) {
        assert_eq!(bits(one), bits(two));
        assert_eq!(one.net, two.net);
        assert_eq!(one.epochs, two.epochs);
    }
}
