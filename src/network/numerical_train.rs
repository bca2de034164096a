//! The book's training loop with the chapter's own gradient: each
//! iteration of `train_neuralnet.py` with `network.numerical_gradient(x_batch,
//! t_batch)` where the script calls `network.gradient` (the line it keeps
//! commented out because the numerical one "takes too long").
//!
//! The batches, the update `params[key] -= learning_rate * grad[key]`, the
//! loss after the update and the accuracies are those of
//! [`train`](super::train()); only the gradient differs.

use super::dataset::{Dataset, CLASSES};
use super::forward::{self, ForwardValues};
use super::numerical::numerical_gradient_flat;
use super::params::{flat, flat_mut, Params, OUT};
use super::simd::Level;
use super::sparse::{input_table, SparseImages};
use super::train::{drive, start, Accuracies, Engine, Progress, Settings, TrainError, Training};
use super::trainer::correct;
use crate::numerics::loss::cross_entropy_error_labels;
use ndarray::{s, ArrayView2};

/// Trains the book's network as [`train`](super::train()) does, with the
/// numerical gradient, on `settings.threads` threads.
pub fn train_numerical(
    train: &Dataset,
    test: &Dataset,
    settings: &Settings,
    progress: &mut dyn Progress,
) -> Result<Training, TrainError> {
    let (mut rng, net) = start(train, test, settings)?;
    let mut engine = Numerical {
        params: Params::new(&net),
        level: Level::detect(),
        train: SparseImages::new(train)?,
        test: SparseImages::new(test)?,
        learning_rate: settings.learning_rate,
        threads: settings.threads.max(1),
        forward: ForwardValues::default(),
    };
    let (loss, epochs) = drive(settings, train.len(), &mut rng, progress, &mut engine);
    Ok(Training {
        loss,
        epochs,
        net: engine.params.net(),
    })
}

struct Numerical {
    params: Params,
    level: Level,
    train: SparseImages,
    test: SparseImages,
    learning_rate: f64,
    threads: usize,
    forward: ForwardValues,
}

impl Engine for Numerical {
    fn step(&mut self, batch: &[usize]) -> f64 {
        let grad =
            numerical_gradient_flat(self.level, &self.params, &self.train, batch, self.threads);
        update(&mut self.params, &grad, self.learning_rate);
        self.loss(batch)
    }

    fn accuracies(&mut self) -> Accuracies {
        Accuracies::Known(self.accuracy(&self.train), self.accuracy(&self.test))
    }
}

impl Numerical {
    /// `network.loss(x_batch, t_batch)`.
    fn loss(&mut self, batch: &[usize]) -> f64 {
        let (params, images) = (&self.params, &self.train);
        self.forward.resize(params, batch.len());
        let table = input_table();
        forward::forward(
            self.level,
            params,
            images,
            batch,
            &table,
            self.forward.rows(),
        );
        let y = ArrayView2::from_shape((batch.len(), OUT * 8), flat(&self.forward.y))
            .expect("y holds OUT lanes per sample");
        let labels: Vec<usize> = batch.iter().map(|&i| images.label(i)).collect();
        cross_entropy_error_labels(y.slice(s![.., ..CLASSES]), &labels)
    }

    /// `network.accuracy(x, t)`, the images split in halves between
    /// threads (counts, added: the same on any number).
    fn accuracy(&self, images: &SparseImages) -> f64 {
        let (params, level, len) = (&self.params, self.level, images.len());
        let mid = len / 2;
        let right = if self.threads > 1 {
            std::thread::scope(|scope| {
                let low = scope.spawn(|| correct(params, level, images, 0, mid));
                let high = correct(params, level, images, mid, len);
                low.join().expect("the accuracy thread does not panic") + high
            })
        } else {
            correct(params, level, images, 0, len)
        };
        right as f64 / len as f64
    }
}

/// `params[key] -= learning_rate * grad[key]` for W1, b1, W2, b2, from the
/// gradient as one vector (W1, b1, W2, b2, each row by row).
pub fn update(params: &mut Params, grad: &[f64], learning_rate: f64) {
    let (input, hidden, stride) = (params.input, params.hidden, params.chunks * 8);
    let (g_w1, rest) = grad.split_at(input * hidden);
    let (g_b1, rest) = rest.split_at(hidden);
    let (g_w2, g_b2) = rest.split_at(hidden * CLASSES);
    let descend = |w: &mut [f64], g: &[f64]| {
        for (w, g) in w.iter_mut().zip(g) {
            *w -= learning_rate * g;
        }
    };
    let w1 = flat_mut(&mut params.w1);
    for (i, g) in g_w1.chunks_exact(hidden).enumerate() {
        descend(&mut w1[i * stride..][..hidden], g);
    }
    descend(&mut flat_mut(&mut params.b1)[..hidden], g_b1);
    let w2 = flat_mut(&mut params.w2);
    for (j, g) in g_w2.chunks_exact(CLASSES).enumerate() {
        descend(&mut w2[j * OUT * 8..][..CLASSES], g);
    }
    descend(&mut flat_mut(&mut params.b2)[..CLASSES], g_b2);
    params.transpose_w2();
}
