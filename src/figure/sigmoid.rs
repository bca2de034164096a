//! The step function beside the sigmoid (Figure 4-4): why learning needs a
//! loss with a slope (section 4.2.5). Accuracy, like the step function,
//! changes in jumps and is flat everywhere else, so a small change of a
//! weight tells nothing; the sigmoid's slope is never 0.

use super::{Figure, Plot, SerializePlot};
use crate::cli::parse::{parse_finite, parse_range};
use crate::numerics::activation::{sigmoid, step_function};
use crate::numerics::{tangent_line, Arange, TangentLine, H};
use crate::output::{fmt_f64, fmt_line};
use crate::render::axes::auto_limits;
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use plotters::element::PathElement;
use serde::Serialize;

/// The file name for Figure 4-4.
pub const FILE: &str = "step_sigmoid.png";

/// Where the tangent touches, over which x; the flags of `sigmoid`.
#[derive(Debug, Clone, PartialEq, clap::Args)]
pub struct Params {
    /// Where the sigmoid's tangent touches it
    #[arg(long = "x", value_name = "X", default_value_t = Params::book().at, value_parser = parse_finite)]
    pub at: f64,
    /// The x samples as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value_t = Params::book().range, value_parser = parse_range)]
    pub range: Arange,
}

impl Params {
    /// Chapter 3's samples, and the sigmoid's tangent at 0, where its slope
    /// is 1/4.
    pub fn book() -> Self {
        Params {
            range: Arange::new(-5.0, 5.0, 0.1),
            at: 0.0,
        }
    }
}

impl Figure for Params {
    fn about() -> String {
        format!(
            "The step function beside the sigmoid and its tangent: a loss needs a slope, \
             and the step's is 0 almost everywhere ({FILE})"
        )
    }

    fn example() -> &'static str {
        "numdiff-plot sigmoid --x 2"
    }

    fn plot(&self) -> Result<(&'static str, Box<dyn SerializePlot>)> {
        Ok((FILE, Box::new(compute(self))))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub x: Vec<f64>,
    pub step_function: Vec<f64>,
    pub sigmoid: Vec<f64>,
    /// The sigmoid's tangent by the book's numerical_diff.
    pub tangent: TangentLine,
    /// The tangent at each x.
    pub tangent_y: Vec<f64>,
}

pub fn compute(p: &Params) -> Data {
    let x = p.range.values();
    let tangent = tangent_line(sigmoid, p.at, H);
    Data {
        step_function: x.iter().map(|&v| step_function(v)).collect(),
        sigmoid: x.iter().map(|&v| sigmoid(v)).collect(),
        tangent_y: x.iter().map(|&v| tangent.at(v)).collect(),
        tangent,
        x,
    }
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "sigmoid"
    }

    fn report(&self) -> String {
        let t = &self.tangent;
        format!(
            "slope at x = {}: sigmoid {} (tangent {})\n\
             step_function: slope 0 at every x but 0, where it jumps from 0 to 1\n",
            fmt_f64(t.x),
            fmt_f64(t.slope),
            fmt_line(t.slope, t.intercept)
        )
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        // Chapter 3's scripts set ylim(−0.1, 1.1).
        let (xlim, ylim) = canvas
            .view()
            .limits(auto_limits(self.x.iter().copied()), (-0.1, 1.1));
        let pen = canvas.pen();
        let tangent = format!("sigmoid, tangent at x = {}", fmt_f64(self.tangent.x));
        let panels: [(&[&Vec<f64>], &str); 2] = [
            (&[&self.step_function], "step_function"),
            (&[&self.sigmoid, &self.tangent_y], &tangent),
        ];
        for (i, (curves, title)) in panels.into_iter().enumerate() {
            // The panels share y: only the left one names it.
            let ylabel = if i == 0 { "y" } else { "" };
            // plt.subplot(1, 2, i + 1).
            let axes = Axes::subplot(canvas, (1, 2), i, xlim, ylim).labels("x", ylabel);
            axes.draw_panel(canvas, |area| {
                for (n, ys) in curves.iter().enumerate() {
                    let stroke = pen.stroke(style::cycle(n), style::LINE_WIDTH);
                    let points = self.x.iter().copied().zip(ys.iter().copied());
                    for piece in axes.polyline(points) {
                        area.draw(&PathElement::new(piece, stroke))?;
                    }
                }
                Ok(())
            })?;
            let r = axes.rect;
            canvas.draw_axes_title(title, (r.left + r.right) / 2.0, r.top)?;
        }
        canvas.draw_suptitle()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sigmoid_s_slope_at_0_is_a_quarter() {
        let d = compute(&Params::book());
        assert_eq!(d.x.len(), 100);
        assert_eq!(d.step_function[50], 0.0);
        assert_eq!(d.step_function[51], 1.0);
        assert!((d.tangent.slope - 0.25).abs() < 1e-9);
        assert!(d.report().starts_with("slope at x = 0: sigmoid 0.2499999"));
        assert!(d.report().contains("(tangent y = 0.25x + 0.5)"));
    }
}
