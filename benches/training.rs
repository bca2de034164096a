//! The training of the book's TwoLayerNet (784–50–10), in process, on
//! synthetic MNIST-like images (about 150 nonzero pixels of 784, as MNIST):
//! the book's loop by the fast engine (`network::train`: per iteration, the
//! gradient, the update, the loss, and its share of the accuracy passes,
//! 11,000 images every 100 iterations, about MNIST's 70,000 every 600) on
//! one thread and on two, and one iteration of the plain dense network.
//!
//! Run alone with `cargo bench --features bench --bench training`.

use criterion::{criterion_group, criterion_main, Criterion};
use numdiff_plot::network::{
    gradient, inputs, labels, one_hot, train, Dataset, Settings, TwoLayerNet,
};
use numdiff_plot::numerics::RandomState;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// `count` images: a thick stroke whose place depends on the label, and
/// speckle; about 150 nonzero pixels each, a fifth of them 255.
fn images(count: usize) -> Dataset {
    let (mut pixels, mut labels) = (Vec::new(), Vec::new());
    for n in 0..count as u64 {
        let label = n % 10;
        for r in 0..28u64 {
            for c in 0..28u64 {
                let h = (n * 2_654_435_761 + r * 40_503 + c * 9_973) % (1 << 32);
                let dx = c as i64 - (9 + label as i64);
                let dy = r as i64 - 14;
                let ring = (dx * dx + dy * dy - 36).abs() < 14;
                let v = if ring {
                    if h % 5 == 0 {
                        255
                    } else {
                        64 + (h >> 8) % 191
                    }
                } else if (h >> 4).is_multiple_of(12) {
                    1 + (h >> 12) % 255
                } else {
                    0
                };
                pixels.push(v as u8);
            }
        }
        labels.push(label as u8);
    }
    Dataset::new(pixels, labels, 28, 28).expect("whole images")
}

fn training(c: &mut Criterion) {
    let data = images(10_000);
    let test = images(1_000);
    let mut rng = RandomState::new(0);
    let net = TwoLayerNet::for_inputs(784, 50, &mut rng);
    let batches: Vec<Vec<usize>> = (0..64)
        .map(|_| rng.choice(data.len(), 100).unwrap())
        .collect();

    let mut g = c.benchmark_group("train");
    for threads in [1, 2] {
        // Whole runs of the loop, their start (the images made sparse, the
        // threads started) measured apart and taken off.
        let run = |iters: usize| {
            let settings = Settings {
                iters,
                threads,
                ..Settings::book()
            };
            let start = Instant::now();
            black_box(train(&data, &test, &settings, &mut ()).expect("trains"));
            start.elapsed()
        };
        let setup = (0..3).map(|_| run(1)).min().unwrap_or_default();
        g.bench_function(format!("iteration/{threads}"), |b| {
            b.iter_custom(|iters| {
                let whole = run(iters as usize + 1);
                whole.saturating_sub(setup).max(Duration::from_nanos(1))
            })
        });
    }
    let mut dense = net.clone();
    let mut next = batches.iter().cycle();
    g.bench_function("step_dense/1", |b| {
        b.iter(|| {
            let batch = next.next().unwrap();
            let (x, t) = (inputs(&data, batch), labels(&data, batch));
            let grad = gradient(&dense, x.view(), one_hot(&t, 10).view());
            dense.update(&grad, 0.1);
            dense.loss(x.view(), &t)
        })
    });
    g.finish();
}

criterion_group!(benches, training);
criterion_main!(benches);
