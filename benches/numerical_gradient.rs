//! The chapter's numerical gradient of the book's 784–50–10 TwoLayerNet on
//! a batch of 100 MNIST-like images (two bars placed by the label over
//! sparse speckle, about 85 % zero pixels), weights as the book initializes
//! them after `np.random.seed(0)`: all 39,760 central differences, on one
//! and on two threads, as one iteration of `network::train_numerical` on
//! those 100 images (the gradient is all but the whole of it).
//! compare/numerical_gradient.sh times the same on the real MNIST beside
//! the book's numpy `numerical_gradient`.
//!
//! Run alone with `cargo bench --features bench --bench numerical_gradient`.

use criterion::{criterion_group, criterion_main, Criterion};
use numdiff_plot::network::{train_numerical, Dataset, Settings};
use std::hint::black_box;

#[path = "../src/network/synthetic.rs"]
mod synthetic;

fn numerical(c: &mut Criterion) {
    let (images, labels) = synthetic::synthetic_bytes(100, 0);
    let data = Dataset::new(images, labels, 28, 28).unwrap();
    let (images, labels) = synthetic::synthetic_bytes(1, 100);
    let test = Dataset::new(images, labels, 28, 28).unwrap();

    let mut g = c.benchmark_group("numerical_gradient");
    g.sample_size(20);
    for threads in [1, 2] {
        let settings = Settings {
            iters: 1,
            threads,
            ..Settings::book()
        };
        g.bench_function(format!("batch_100_threads_{threads}"), |b| {
            b.iter(|| train_numerical(black_box(&data), &test, &settings, &mut ()).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, numerical);
criterion_main!(benches);
