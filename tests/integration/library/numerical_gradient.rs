//! The fast numerical gradient against the book's full-forward one (within
//! 1e-10 on every parameter), against backprop (within 1e-6), against
//! itself on other thread counts and instruction sets, and training with it.

use numdiff_plot::network::two_layer_net::{inputs, labels, one_hot};
use numdiff_plot::network::{
    gradient, numerical_gradient, numerical_gradient_dense, train, train_numerical, Dataset,
    Gradients, Level, Params, Settings, SparseImages, TwoLayerNet,
};
use numdiff_plot::numerics::RandomState;

/// `count` images of `rows`×`cols` bytes, about 70 % zeros, from a
/// xorshift stream; labels 0 to 9.
fn synthetic(count: usize, rows: usize, cols: usize, seed: u64) -> Dataset {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let images = (0..count * rows * cols)
        .map(|_| {
            let r = next();
            if r % 10 < 7 {
                0
            } else {
                (r >> 8) as u8 | 1
            }
        })
        .collect::<Vec<u8>>();
    let labels: Vec<u8> = (0..count).map(|_| (next() % 10) as u8).collect();
    // Something to learn: the label's own pixel is always dark.
    let mut images = images;
    let size = rows * cols;
    for (n, &label) in labels.iter().enumerate() {
        images[n * size + (label as usize * 7) % size] = 255;
    }
    Dataset::new(images, labels, rows, cols).unwrap()
}

/// W1, b1, W2, b2 one after the other.
fn all(g: &Gradients) -> Vec<f64> {
    let mut v = g.w1.iter().copied().collect::<Vec<_>>();
    v.extend(g.b1.iter().chain(&g.w2).chain(&g.b2));
    v
}

/// The largest |a − b| of each parameter array (W1, b1, W2, b2).
fn max_diffs(a: &Gradients, b: &Gradients) -> [f64; 4] {
    let max = |x: ndarray::ArrayViewD<f64>, y: ndarray::ArrayViewD<f64>| {
        x.iter()
            .zip(y.iter())
            .map(|(p, q)| (p - q).abs())
            .fold(0.0, f64::max)
    };
    [
        max(a.w1.view().into_dyn(), b.w1.view().into_dyn()),
        max(a.b1.view().into_dyn(), b.b1.view().into_dyn()),
        max(a.w2.view().into_dyn(), b.w2.view().into_dyn()),
        max(a.b2.view().into_dyn(), b.b2.view().into_dyn()),
    ]
}

/// The fast gradient on every thread count and instruction set (all the
/// same bits), the full-forward one, and backprop, for `net` on `batch`.
fn three_gradients(net: &TwoLayerNet, data: &Dataset, batch: &[usize]) -> [Gradients; 3] {
    let params = Params::new(net);
    let images = SparseImages::new(data).unwrap();
    let fast = numerical_gradient(Level::detect(), &params, &images, batch, 2);
    for level in Level::supported() {
        for threads in [1, 2, 3, 8] {
            let again = numerical_gradient(level, &params, &images, batch, threads);
            let bits = |g: &Gradients| all(g).iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&again), bits(&fast), "{} on {threads}", level.name());
        }
    }
    let (x, t) = (inputs(data, batch), labels(data, batch));
    let dense = numerical_gradient_dense(net, x.view(), &t);
    let backprop = gradient(net, x.view(), one_hot(&t, 10).view());
    [fast, dense, backprop]
}

/// Within 1e-10 of the full-forward gradient, within `tolerance` of backprop.
fn assert_close(fast: &Gradients, dense: &Gradients, backprop: &Gradients, tolerance: f64) {
    let to_dense = max_diffs(fast, dense);
    assert!(
        to_dense.iter().all(|&d| d <= 1e-10),
        "fast vs full-forward: {to_dense:?}"
    );
    let to_backprop = max_diffs(fast, backprop);
    assert!(
        to_backprop.iter().all(|&d| d <= tolerance),
        "numerical vs backprop: {to_backprop:?}"
    );
}

#[test]
fn fast_equals_full_forward_and_backprop_at_the_book_s_initialization() {
    let data = synthetic(12, 6, 6, 1);
    let net = TwoLayerNet::for_inputs(36, 7, &mut RandomState::new(0));
    // Nine samples, one image twice; 7 hidden units leave padding lanes.
    let batch = [3, 0, 11, 5, 3, 8, 1, 9, 4];
    let [fast, dense, backprop] = three_gradients(&net, &data, &batch);
    assert_close(&fast, &dense, &backprop, 1e-6);
    // Not a vacuous comparison: the gradients are far from zero.
    assert!(fast.b2.iter().any(|g| g.abs() > 0.05), "{:?}", fast.b2);
    assert!(fast.w1.iter().any(|g| g.abs() > 1e-4));
}

#[test]
fn fast_equals_full_forward_and_backprop_on_a_network_far_from_its_start() {
    // Larger weights and nonzero biases: saturated units, confident outputs.
    let data = synthetic(10, 5, 4, 2);
    let mut rng = RandomState::new(3);
    let mut net = TwoLayerNet::new(20, 10, 10, 0.5, &mut rng);
    net.b1 = ndarray::Array1::from(rng.randn(10));
    net.b2 = ndarray::Array1::from(rng.randn(10));
    let batch = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    let [fast, dense, backprop] = three_gradients(&net, &data, &batch);
    // The loss has ln(y + 1e-7) where backprop differentiates ln y: with
    // confident outputs (y of the label near 0.01) the two differ by about
    // 1e-7 / y relative, 1.4e-6 here; the full-forward one agrees all the same.
    assert_close(&fast, &dense, &backprop, 3e-6);
    assert!(fast.w2.iter().any(|g| g.abs() > 0.05));
}

#[test]
fn fast_equals_full_forward_on_mnist_sized_images() {
    let data = synthetic(4, 28, 28, 3);
    let net = TwoLayerNet::for_inputs(784, 5, &mut RandomState::new(0));
    let [fast, dense, backprop] = three_gradients(&net, &data, &[2, 0, 3]);
    assert_close(&fast, &dense, &backprop, 1e-6);
}

#[test]
fn a_pixel_that_is_zero_in_every_sample_has_a_gradient_of_exactly_zero() {
    let mut data = synthetic(5, 3, 3, 4);
    let mut images = data.images().to_vec();
    for image in images.chunks_mut(9) {
        image[4] = 0;
    }
    data = Dataset::new(images, data.labels().to_vec(), 3, 3).unwrap();
    let net = TwoLayerNet::for_inputs(9, 3, &mut RandomState::new(1));
    let [fast, dense, _] = three_gradients(&net, &data, &[0, 1, 2, 3, 4]);
    assert!(fast.w1.row(4).iter().all(|&g| g.to_bits() == 0));
    assert!(dense.w1.row(4).iter().all(|&g| g == 0.0));
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
    let epochs = |t: &numdiff_plot::network::Training| {
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
