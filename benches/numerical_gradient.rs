//! The chapter's numerical gradient of the book's 784–50–10 TwoLayerNet on
//! a batch of 100 MNIST-like images (two bars placed by the label over
//! sparse speckle, about 85 % zero pixels), weights as the book initializes
//! them after `np.random.seed(0)`: all 39,760 central differences, on one
//! and on two threads. compare/numerical_gradient.sh times the same on the
//! real MNIST beside the book's numpy `numerical_gradient`.
//!
//! Run alone with `cargo bench --bench numerical_gradient`.

use criterion::{criterion_group, criterion_main, Criterion};
use numdiff_plot::network::{
    numerical_gradient, Dataset, Level, Params, SparseImages, TwoLayerNet,
};
use numdiff_plot::numerics::RandomState;
use std::hint::black_box;

/// Image `n`: its label and 28×28 bytes.
fn image(n: u64) -> (u8, Vec<u8>) {
    let label = (n * 7 + 3) % 10;
    let mut pixels = Vec::with_capacity(784);
    for r in 0..28u64 {
        for c in 0..28u64 {
            let h = (n * 2_654_435_761 + r * 40_503 + c * 9_973) % (1 << 32);
            let vertical = (4 + 2 * label..7 + 2 * label).contains(&c) && (4..24).contains(&r);
            let horizontal = r == 4 + 2 * ((label * 3) % 10) && (6..22).contains(&c);
            let v = if vertical || horizontal {
                128 + (h >> 8) % 128
            } else if (h >> 4).is_multiple_of(16) {
                1 + (h >> 12) % 255
            } else {
                0
            };
            pixels.push(v as u8);
        }
    }
    (label as u8, pixels)
}

fn numerical(c: &mut Criterion) {
    let (mut labels, mut pixels) = (Vec::new(), Vec::new());
    for n in 0..100 {
        let (label, p) = image(n);
        labels.push(label);
        pixels.extend(p);
    }
    let data = Dataset::new(pixels, labels, 28, 28).unwrap();
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
