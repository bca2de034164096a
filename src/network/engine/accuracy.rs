//! An accuracy pass (the book's `network.accuracy(x, t)`) on a copy of the
//! weights, done in parts of [`PART`] images by whichever thread takes the
//! next one, so that it can share the threads with the training steps.

use super::forward::{self, ForwardValues};
use super::layout::PaddedParams;
use super::simd::Level;
use super::sparse::{input_table, SparseImages};
use super::threads::Team;
use crate::threads::Panicked;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Images per part of an accuracy pass: one chunk of the forward kernel.
const PART: usize = 64;

/// An accuracy pass over `images` with a copy of the weights, done in parts
/// by whichever thread takes them; the counts of right answers add up the
/// same in any order.
#[derive(Debug)]
pub struct AccuracyPass {
    params: PaddedParams,
    level: Level,
    table: [f64; 256],
    images: Arc<SparseImages>,
    /// The first image of the next part to hand out.
    next: AtomicUsize,
    /// Parts not finished yet.
    parts_left: AtomicUsize,
    right: AtomicUsize,
}

impl AccuracyPass {
    /// A pass over `images` with the weights `params` as they are now.
    pub fn new(params: &PaddedParams, level: Level, images: &Arc<SparseImages>) -> Self {
        AccuracyPass {
            params: params.clone(),
            level,
            table: input_table(),
            images: images.clone(),
            next: AtomicUsize::new(0),
            parts_left: AtomicUsize::new(images.len().div_ceil(PART)),
            right: AtomicUsize::new(0),
        }
    }

    /// Whether every part has been taken (perhaps not finished).
    pub fn is_handed_out(&self) -> bool {
        self.next.load(Ordering::Acquire) >= self.images.len()
    }

    /// Measures the next part not taken yet; false if there was none.
    pub fn run_part(&self) -> bool {
        let start = self.next.fetch_add(PART, Ordering::AcqRel);
        let len = self.images.len();
        if start >= len {
            return false;
        }
        let end = (start + PART).min(len);
        let mut work = ForwardValues::default();
        let right = forward::correct(
            self.level,
            &self.params,
            &self.images,
            start,
            end,
            &self.table,
            &mut work,
        );
        self.right.fetch_add(right, Ordering::AcqRel);
        self.parts_left.fetch_sub(1, Ordering::AcqRel);
        true
    }
}

/// The book's `accuracy(x, t)` of the network `params` over `images`,
/// measured now by every thread of `team`.
pub fn accuracy(
    params: &PaddedParams,
    level: Level,
    images: &Arc<SparseImages>,
    team: &Team,
) -> Result<f64, Panicked> {
    let pass = Arc::new(AccuracyPass::new(params, level, images));
    team.run(&|_| while pass.run_part() {})?;
    Ok(Pending::new(pass).wait())
}

/// An accuracy being measured in the background.
#[derive(Debug)]
pub struct Pending {
    pass: Arc<AccuracyPass>,
}

impl Pending {
    /// The result of `pass`, once measured.
    pub fn new(pass: Arc<AccuracyPass>) -> Self {
        Pending { pass }
    }

    /// The accuracy, if every part is done.
    pub fn poll(&self) -> Option<f64> {
        let pass = &self.pass;
        (pass.parts_left.load(Ordering::Acquire) == 0)
            .then(|| pass.right.load(Ordering::Acquire) as f64 / pass.images.len() as f64)
    }

    /// The accuracy, once every part is done (the calling thread measures
    /// the parts nobody has taken yet).
    pub fn wait(&self) -> f64 {
        while self.pass.run_part() {}
        loop {
            if let Some(accuracy) = self.poll() {
                return accuracy;
            }
            std::hint::spin_loop();
        }
    }
}
