//! The book's training loop with the chapter's own gradient: each
//! iteration of `train_neuralnet.py` with `network.numerical_gradient(x_batch,
//! t_batch)` where the script calls `network.gradient`.
//!
//! The batches, the update `params[key] -= learning_rate * grad[key]`, the
//! loss after the update and the accuracies are those of
//! [`train`](crate::network::train()); only the gradient differs.

use super::accuracy::accuracy;
use super::forward::{self, ForwardValues};
use super::layout::{flat_mut, PaddedParams, OUTPUT_CHUNKS};
use super::numerical::numerical_gradient_flat;
use super::simd::Level;
use super::sparse::{input_table, SparseImages};
use super::threads::Team;
use crate::network::train::{Accuracies, Learner, TrainError};
use crate::network::{Dataset, TwoLayerNet, CLASSES};
use std::sync::Arc;

/// The network trained by the numerical gradient, its data and threads.
pub struct NumericalLearner {
    params: PaddedParams,
    level: Level,
    train: Arc<SparseImages>,
    test: Arc<SparseImages>,
    learning_rate: f64,
    team: Team,
    forward: ForwardValues,
    labels: Vec<usize>,
}

impl NumericalLearner {
    /// Starts from `net`, on the threads of `team`.
    pub fn new(
        net: &TwoLayerNet,
        train: &Dataset,
        test: &Dataset,
        learning_rate: f64,
        team: Team,
    ) -> Result<Self, TrainError> {
        Ok(NumericalLearner {
            params: PaddedParams::new(net),
            level: Level::detect(),
            train: Arc::new(SparseImages::new(train, &team)?),
            test: Arc::new(SparseImages::new(test, &team)?),
            learning_rate,
            team,
            forward: ForwardValues::default(),
            labels: Vec::new(),
        })
    }

    /// The parameters as a [`TwoLayerNet`].
    pub fn net(&self) -> TwoLayerNet {
        self.params.net()
    }
}

impl Learner for NumericalLearner {
    fn step(&mut self, batch: &[usize]) -> Result<f64, TrainError> {
        let (level, params, images) = (self.level, &self.params, &self.train);
        let grad = numerical_gradient_flat(level, params, images, batch, &self.team)?;
        update(&mut self.params, &grad, self.learning_rate);
        // `network.loss(x_batch, t_batch)` with the updated parameters.
        let (params, images) = (&self.params, &self.train);
        self.forward.resize(params, batch.len());
        let table = input_table();
        forward::forward(level, params, images, batch, &table, self.forward.rows());
        self.labels.clear();
        self.labels.extend(batch.iter().map(|&i| images.label(i)));
        Ok(self.forward.loss(&self.labels))
    }

    fn accuracies(&mut self) -> Result<Accuracies, TrainError> {
        let (params, level, team) = (&self.params, self.level, &self.team);
        Ok(Accuracies::Known(
            accuracy(params, level, &self.train, team)?,
            accuracy(params, level, &self.test, team)?,
        ))
    }
}

/// `params[key] -= learning_rate * grad[key]` for W1, b1, W2, b2, from the
/// gradient as one vector (W1, b1, W2, b2, each row by row).
pub fn update(params: &mut PaddedParams, grad: &[f64], learning_rate: f64) {
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
        descend(&mut w2[j * OUTPUT_CHUNKS * 8..][..CLASSES], g);
    }
    descend(&mut flat_mut(&mut params.b2)[..CLASSES], g_b2);
    params.transpose_w2();
}
