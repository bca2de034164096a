//! The chapter's numerical gradient of the book's 784–50–10 TwoLayerNet on
//! a batch of 100 MNIST-like images (two bars placed by the label over
//! sparse speckle, about 85 % zero pixels), weights as the book initializes
//! them after `np.random.seed(0)`: all 39,760 central differences, on one
//! and on two threads. compare/numerical_gradient.sh times the same on the
//! real MNIST beside the book's numpy `numerical_gradient`.
//!
//! Run alone with `cargo bench --bench numerical_gradient`.

use criterion::{criterion_group, criterion_main, Criterion};
use numdiff_plot::network::synthetic::synthetic;
use numdiff_plot::network::{numerical_gradient, Level, Params, SparseImages, TwoLayerNet};
use numdiff_plot::numerics::RandomState;
use std::hint::black_box;

fn numerical(c: &mut Criterion) {
    let data = synthetic(100, 0);
    let images = SparseImages::new(&data).unwrap();
    let net = TwoLayerNet::for_inputs(784, 50, &mut RandomState::new(0));
    let params = Params::new(&net);
    let batch: Vec<usize> = (0..100).collect();
    let level = Level::detect();

    let mut g = c.benchmark_group("numerical_gradient");
    g.sample_size(20);
    for threads in [1, 2] {
        g.bench_function(format!("batch_100_threads_{threads}"), |b| {
            b.iter(|| numerical_gradient(level, black_box(&params), &images, &batch, threads))
        });
    }
    g.finish();
}

criterion_group!(benches, numerical);
criterion_main!(benches);
