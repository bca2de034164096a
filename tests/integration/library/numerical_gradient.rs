//! Training with the numerical gradient, against backprop and against
//! itself on another thread count. (The fast numerical gradient itself is
//! compared with the book's full-forward one and with backprop, on every
//! thread count and instruction set, by the engine's own tests in
//! src/network/engine/numerical.rs.)

use numdiff_plot::network::{train, train_numerical, Dataset, Settings, Training};

use super::synthetic_digits;

/// Images from the synthetic set's `noise_bytes`.
fn synthetic(count: usize, rows: usize, cols: usize, seed: u64) -> Dataset {
    let (images, labels) = synthetic_digits::noise_bytes(count, rows, cols, seed);
    Dataset::new(images, labels, rows, cols).unwrap()
}

#[test]
fn training_by_the_numerical_gradient_follows_backprop() {
    let (train_set, test_set) = (synthetic(60, 6, 6, 5), synthetic(20, 6, 6, 6));
    let settings = Settings {
        iters: 120,
        batch_size: 10,
        learning_rate: 2.0,
        hidden: 8,
        seed: 0,
        threads: 2,
    };
    let numerical = train_numerical(&train_set, &test_set, &settings, &mut ()).unwrap();
    let backprop = train(&train_set, &test_set, &settings, &mut ()).unwrap();
    assert_eq!(numerical.loss.len(), 120);
    for (i, (n, b)) in numerical
        .loss
        .iter()
        .zip(&backprop.loss)
        .take(40)
        .enumerate()
    {
        assert!((n - b).abs() < 1e-6, "iteration {i}: {n} vs {b}");
    }
    // It learns: the mean loss of the last 20 iterations is well below ln 10.
    let last: f64 = numerical.loss[100..].iter().sum::<f64>() / 20.0;
    assert!(last < 1.5, "{last}: {:?}", numerical.loss);
    let epochs = |t: &Training| {
        t.epochs
            .iter()
            .map(|e| (e.iteration, e.train_acc, e.test_acc))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        epochs(&numerical).iter().map(|e| e.0).collect::<Vec<_>>(),
        (0..20).map(|e| 6 * e).collect::<Vec<_>>()
    );
    // One thread gives the same bits.
    let one = train_numerical(
        &train_set,
        &test_set,
        &Settings {
            threads: 1,
            ..settings
        },
        &mut (),
    )
    .unwrap();
    assert_eq!(one, numerical);
}
