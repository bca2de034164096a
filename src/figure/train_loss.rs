//! train_loss: the loss of every iteration of the book's training (its
//! Figure 4-11), in two panels side by side as the book shows it: all the
//! iterations, and the first 1000.
//!
//! ```python
//! plt.subplot(1, 2, 1); plt.plot(train_loss_list)
//! plt.subplot(1, 2, 2); plt.plot(train_loss_list[:1000])
//! plt.xlabel("iteration"); plt.ylabel("loss")   # on both panels
//! ```
//!
//! The data is the plain list of losses, so the figure knows nothing of
//! the network that produced it.

use super::Plot;
use crate::output::fmt_f64;
use crate::render::axes::auto_limits;
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use plotters::element::PathElement;
use serde::Serialize;

/// The file the figure is written to.
pub const FILE: &str = "train_loss.png";
/// The iterations the right-hand panel shows.
pub const FIRST: usize = 1000;

/// The loss after each iteration's update, in order (`train_loss_list`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Data {
    pub loss: Vec<f64>,
}

impl Data {
    /// The first iteration from which every loss is NaN or infinite, if
    /// the training diverged.
    pub fn diverged_at(&self) -> Option<usize> {
        crate::network::diverged_at(&self.loss)
    }
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "train_loss"
    }

    fn report(&self) -> String {
        let finite = self.loss.iter().copied().filter(|l| l.is_finite());
        let min = finite.fold(f64::INFINITY, f64::min);
        match (self.loss.first(), self.loss.last()) {
            (Some(first), Some(last)) => format!(
                "loss over {} iterations: first {}, last {}, smallest {}\n",
                self.loss.len(),
                fmt_f64(*first),
                fmt_f64(*last),
                fmt_f64(min)
            ),
            _ => "no iterations\n".to_string(),
        }
    }

    fn warnings(&self) -> Vec<String> {
        self.diverged_at()
            .map(|i| format!("the loss is not finite from iteration {i} on: the training diverged"))
            .into_iter()
            .collect()
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let first = &self.loss[..self.loss.len().min(FIRST)];
        for (index, loss) in [&self.loss[..], first].into_iter().enumerate() {
            let points = || loss.iter().enumerate().map(|(i, &l)| (i as f64, l));
            let xlim = auto_limits([0.0, loss.len().saturating_sub(1) as f64]);
            let ylim = auto_limits(loss.iter().copied());
            let axes = Axes::subplot(canvas, (1, 2), index, xlim, ylim).labels("iteration", "loss");
            let pen = canvas.pen();
            axes.draw(canvas, |area| {
                let stroke = pen.stroke(style::cycle(0), style::LINE_WIDTH);
                for piece in axes.polyline(points()) {
                    area.draw(&PathElement::new(piece, stroke))?;
                }
                Ok(())
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divergence_is_where_the_loss_stops_being_finite() {
        let d = |loss: &[f64]| Data {
            loss: loss.to_vec(),
        };
        assert_eq!(d(&[2.3, 1.0, 0.5]).diverged_at(), None);
        assert_eq!(d(&[2.3, f64::NAN, 0.5]).diverged_at(), None);
        assert_eq!(
            d(&[2.3, 9e300, f64::INFINITY, f64::NAN]).diverged_at(),
            Some(2)
        );
        assert_eq!(d(&[f64::NAN]).diverged_at(), Some(0));
        assert_eq!(d(&[]).diverged_at(), None);
        assert_eq!(d(&[]).report(), "no iterations\n");
        assert_eq!(
            d(&[2.5, 0.25, 0.5]).report(),
            "loss over 3 iterations: first 2.5, last 0.5, smallest 0.25\n"
        );
    }
}
