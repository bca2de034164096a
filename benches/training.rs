//! The training of the book's TwoLayerNet (784–50–10), in process, on
//! synthetic MNIST-like images (about 150 nonzero pixels of 784, as MNIST):
//! one iteration of the loop (gradient, update, loss) on a batch of 100,
//! its forward pass alone, the same iteration by the plain dense network,
//! and one accuracy pass over 10,000 images; on one thread and on two.
//!
//! Run alone with `cargo bench --bench training`.

use criterion::{criterion_group, criterion_main, Criterion};
use numdiff_plot::network::two_layer_net::{inputs, labels, one_hot};
use numdiff_plot::network::{gradient, Dataset, SparseImages, Trainer, TwoLayerNet};
use numdiff_plot::numerics::RandomState;
use std::hint::black_box;
use std::time::Instant;

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
    let sparse = SparseImages::new(&data).expect("28×28 images");
    let mut rng = RandomState::new(0);
    let net = TwoLayerNet::for_inputs(784, 50, &mut rng);
    let batches: Vec<Vec<usize>> = (0..64)
        .map(|_| rng.choice(data.len(), 100).unwrap())
        .collect();

    let mut g = c.benchmark_group("train");
    for threads in [1, 2] {
        let mut trainer = Trainer::new(&net, threads).expect("threads start");
        g.bench_function(format!("step/{threads}"), |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for batch in batches.iter().cycle().take(iters as usize) {
                    black_box(trainer.step(&sparse, black_box(batch), 0.1));
                }
                start.elapsed()
            })
        });
        g.bench_function(format!("forward/{threads}"), |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for batch in batches.iter().cycle().take(iters as usize) {
                    black_box(trainer.forward(&sparse, black_box(batch)));
                }
                start.elapsed()
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

    let mut g = c.benchmark_group("accuracy");
    g.sample_size(20);
    for threads in [1, 2] {
        let mut trainer = Trainer::new(&net, threads).expect("threads start");
        g.bench_function(format!("10000/{threads}"), |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for _ in 0..iters {
                    black_box(trainer.accuracy(black_box(&sparse)));
                }
                start.elapsed()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, training);
criterion_main!(benches);
