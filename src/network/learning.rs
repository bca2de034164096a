//! Whether a training learned, judged from its own numbers, and the two
//! ways a learning rate fails that the book names (section 4.4.1): too
//! large a rate diverges or saturates, too small a rate barely updates.
//!
//! Measured on MNIST with the book's other settings (10,000 iterations of
//! 100, seed 0): lr 1e-10 and 1e-6 move the loss by 1e-4 of itself, lr 1e-4
//! by 1.2e-3; lr 0.01 to 10 learn (test accuracy 0.86 to 0.97); lr 30, 100
//! and 1000 end at chance accuracy with the loss at 4.9, 13 and 14, far
//! above the ln 10 = 2.30 of a network that gives every class 1/10.

use super::dataset::CLASSES;
use super::train::Training;
use crate::output::fmt_f64;
use std::fmt;

/// Accuracy within this of chance (1/10) is learning nothing.
pub const CHANCE_MARGIN: f64 = 0.05;
/// A loss that ends more than this fraction above ln 10, the loss of giving
/// every class 1/10 (what the book's initial weights, of σ = 0.01, give),
/// is confidently wrong: the network saturated. Beyond the batch-to-batch
/// noise of the loss (about 0.5 % on MNIST).
pub const ABOVE_GUESSING: f64 = 0.1;
/// A loss whose mean over the last tenth of the iterations differs from
/// its mean over the first tenth by less than this fraction barely moved,
/// as descent's `BARELY`.
pub const BARELY: f64 = 1e-3;
/// The fewest iterations whose loss is judged as barely moving: a tenth of
/// them, 10 or more losses, averages out most of the batches' noise.
pub const JUDGED: usize = 100;

/// How a training went nowhere, with the numbers that show it.
#[derive(Debug, Clone, PartialEq)]
pub enum Stalled {
    /// The loss is NaN or infinite from `from` on.
    Diverged { lr: f64, from: usize },
    /// Chance accuracy, with a loss above that of guessing.
    Saturated { lr: f64, loss: f64, test_acc: f64 },
    /// The loss's mean over the first and the last tenth of `iters`.
    BarelyMoved {
        lr: f64,
        iters: usize,
        from: f64,
        to: f64,
    },
}

impl Stalled {
    /// Whether a smaller rate (rather than a larger one) is the remedy.
    pub fn too_large(&self) -> bool {
        !matches!(self, Stalled::BarelyMoved { .. })
    }
}

impl fmt::Display for Stalled {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let large = "too large a learning rate diverges or saturates (book §4.4.1)";
        let rate = |lr: f64| format!("learning rate {}", fmt_f64(lr));
        match *self {
            Stalled::Diverged { lr, from } => write!(
                f,
                "the loss is not finite from iteration {from} on at {}: \
                 the training diverged; {large}",
                rate(lr)
            ),
            Stalled::Saturated { lr, loss, test_acc } => write!(
                f,
                "the training learned nothing at {}: test accuracy {} \
                 (chance is {}), loss {loss:.4} (ln {CLASSES} = {:.4} when guessing); {large}",
                rate(lr),
                fmt_f64(test_acc),
                fmt_f64(1.0 / CLASSES as f64),
                (CLASSES as f64).ln()
            ),
            Stalled::BarelyMoved {
                lr,
                iters,
                from,
                to,
            } => write!(
                f,
                "the loss barely moved in {iters} iterations at {}: \
                 from {from:.4} to {to:.4} ({:+.2} %); too small a learning rate barely \
                 updates (book §4.4.1)",
                rate(lr),
                (to - from) / from * 100.0
            ),
        }
    }
}

/// The first iteration from which every loss is NaN or infinite, if the
/// training diverged.
pub fn diverged_at(loss: &[f64]) -> Option<usize> {
    match loss.iter().rposition(|l| l.is_finite()) {
        Some(i) if i + 1 == loss.len() => None,
        Some(i) => Some(i + 1),
        None if loss.is_empty() => None,
        None => Some(0),
    }
}

impl Training {
    /// Whether the training, run at learning rate `lr`, went nowhere:
    /// it diverged (the loss ends not finite); or it saturated (the final
    /// test accuracy at most 1/10 + [`CHANCE_MARGIN`], and the mean loss
    /// of the last tenth of the iterations over ln 10 · (1 +
    /// [`ABOVE_GUESSING`])); or, over at least [`JUDGED`] iterations, the
    /// loss barely moved (L̄ of the last tenth against L̄ of the first:
    /// |L̄last − L̄first| < [`BARELY`] · L̄first).
    pub fn stalled(&self, lr: f64) -> Option<Stalled> {
        let loss = &self.loss;
        if let Some(from) = diverged_at(loss) {
            return Some(Stalled::Diverged { lr, from });
        }
        let n = loss.len();
        let tenth = (n / 10).max(1);
        let mean = |l: &[f64]| l.iter().sum::<f64>() / l.len() as f64;
        let (first, last) = (mean(&loss[..tenth.min(n)]), mean(&loss[n - tenth.min(n)..]));
        let chance = 1.0 / CLASSES as f64;
        let guessing = (CLASSES as f64).ln();
        match self.epochs.last() {
            Some(e)
                if e.test_acc <= chance + CHANCE_MARGIN
                    && last > guessing * (1.0 + ABOVE_GUESSING) =>
            {
                return Some(Stalled::Saturated {
                    lr,
                    loss: last,
                    test_acc: e.test_acc,
                })
            }
            _ => {}
        }
        (n >= JUDGED && (last - first).abs() < BARELY * first).then_some(Stalled::BarelyMoved {
            lr,
            iters: n,
            from: first,
            to: last,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Epoch, TwoLayerNet};
    use crate::numerics::RandomState;

    fn training(loss: Vec<f64>, test_acc: f64) -> Training {
        let epoch = Epoch {
            index: 0,
            iteration: 0,
            train_acc: test_acc,
            test_acc,
        };
        Training {
            loss,
            epochs: vec![epoch],
            net: TwoLayerNet::new(1, 1, 10, 0.0, &mut RandomState::new(0)),
        }
    }

    #[test]
    fn divergence_is_where_the_loss_stops_being_finite() {
        // (diverged_at's cases: figure::train_loss's tests.)
        let t = training(vec![2.3, f64::NAN], 0.1);
        let s = t.stalled(1e9).unwrap();
        assert_eq!(s, Stalled::Diverged { lr: 1e9, from: 1 });
        assert_eq!(
            s.to_string(),
            "the loss is not finite from iteration 1 on at learning rate 1000000000: \
             the training diverged; too large a learning rate diverges or saturates (book §4.4.1)"
        );
    }

    #[test]
    fn chance_accuracy_with_a_loss_above_guessing_is_saturation() {
        let t = training(vec![13.9; 50], 0.0892);
        let s = t.stalled(1000.0).unwrap();
        assert!(s.too_large());
        assert_eq!(
            s.to_string(),
            "the training learned nothing at learning rate 1000: test accuracy 0.0892 \
             (chance is 0.1), loss 13.9000 (ln 10 = 2.3026 when guessing); \
             too large a learning rate diverges or saturates (book §4.4.1)"
        );
        // Near ln 10 is what the initial weights give: not saturation.
        assert_eq!(training(vec![2.31; 50], 0.1).stalled(0.1), None);
        // Above it but learning: not saturation.
        assert_eq!(training(vec![4.0; 50], 0.5).stalled(0.1), None);
    }

    #[test]
    fn a_loss_that_barely_moves_over_enough_iterations_is_too_small_a_rate() {
        let mut loss = vec![2.3; 100];
        loss[90..].fill(2.299);
        let s = training(loss.clone(), 0.1).stalled(1e-10).unwrap();
        assert!(!s.too_large());
        assert_eq!(
            s.to_string(),
            "the loss barely moved in 100 iterations at learning rate 1e-10: \
             from 2.3000 to 2.2990 (-0.04 %); too small a learning rate barely updates \
             (book §4.4.1)"
        );
        // Fewer iterations are not judged; a loss that fell 1 % moved.
        assert_eq!(training(loss[..99].to_vec(), 0.1).stalled(1e-10), None);
        loss[90..].fill(2.27);
        assert_eq!(training(loss, 0.1).stalled(0.1), None);
    }
}
