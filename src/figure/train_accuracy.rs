//! train_accuracy: the accuracy on the training and the test set at every
//! epoch of the book's training (its Figure 4-12), as `train_neuralnet.py`
//! draws it:
//!
//! ```python
//! x = np.arange(len(train_acc_list))
//! plt.plot(x, train_acc_list, label='train acc')
//! plt.plot(x, test_acc_list, label='test acc', linestyle='--')
//! plt.xlabel("epochs"); plt.ylabel("accuracy"); plt.ylim(0, 1.0)
//! plt.legend(loc='lower right')
//! ```

use super::Plot;
use crate::output::fmt_py;
use crate::render::axes::auto_limits;
use crate::render::legend::{self, Corner, Entry, Line};
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use plotters::element::{DashedPathElement, PathElement};
use serde::Serialize;

/// The file the figure is written to.
pub const FILE: &str = "train_accuracy.png";

/// `train_acc_list` and `test_acc_list`: one accuracy per epoch, from the
/// first measurement (before any epoch is complete) on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Data {
    pub train_acc: Vec<f64>,
    pub test_acc: Vec<f64>,
}

/// The book's line for one epoch: `train acc, test acc | 0.0993, 0.1009`.
pub fn epoch_line(train_acc: f64, test_acc: f64) -> String {
    format!(
        "train acc, test acc | {}, {}",
        fmt_py(train_acc),
        fmt_py(test_acc)
    )
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "train_accuracy"
    }

    /// The book's per-epoch lines.
    fn report(&self) -> String {
        self.train_acc
            .iter()
            .zip(&self.test_acc)
            .map(|(&train, &test)| epoch_line(train, test) + "\n")
            .collect()
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let epochs = self.train_acc.len().max(self.test_acc.len());
        let xlim = auto_limits([0.0, epochs.saturating_sub(1) as f64]);
        let axes = Axes::new(canvas, xlim, (0.0, 1.0)).labels("epochs", "accuracy");
        let pen = canvas.pen();
        let points = |acc: &[f64]| -> Vec<(f64, f64)> {
            acc.iter()
                .enumerate()
                .map(|(i, &a)| (i as f64, a))
                .collect()
        };
        axes.draw(canvas, |area| {
            let train = pen.stroke(style::cycle(0), style::LINE_WIDTH);
            for piece in axes.polyline(points(&self.train_acc)) {
                area.draw(&PathElement::new(piece, train))?;
            }
            let test = pen.stroke(style::cycle(1), style::LINE_WIDTH);
            let (on, off) = (pen.px(style::DASHES.0), pen.px(style::DASHES.1));
            for piece in axes.polyline(points(&self.test_acc)) {
                area.draw(&DashedPathElement::new(piece, on as u32, off as u32, test))?;
            }
            Ok(())
        })?;
        let entries = [("train acc", 0), ("test acc", 1)].map(|(label, n)| Entry {
            label: label.to_string(),
            color: style::cycle(n),
        });
        canvas.draw(|area| {
            legend::draw_lines(
                pen,
                area,
                axes.rect,
                &entries,
                &[Line::Solid, Line::Dashed],
                Corner::LowerRight,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_is_the_book_s_line_per_epoch() {
        let d = Data {
            train_acc: vec![0.0993, 0.7826],
            test_acc: vec![0.1009, 0.0],
        };
        assert_eq!(
            d.report(),
            "train acc, test acc | 0.0993, 0.1009\ntrain acc, test acc | 0.7826, 0.0\n"
        );
    }
}
