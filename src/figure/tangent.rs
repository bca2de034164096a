//! gradient_1d: function_1 and its tangent lines (the book's Figure 4-5).

use super::{fmt_f64, Plot};
use crate::numerics::{function_1, tangent_line, Arange, TangentLine, H};
use crate::render::axes::auto_limits;
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use plotters::element::PathElement;
use serde::Serialize;

/// What to draw: where to touch, and over which x.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// The points of contact, one tangent each.
    pub at: Vec<f64>,
    /// The x samples of the curve: the book's arange(0.0, 20.0, 0.1).
    pub range: Arange,
    /// The central difference's step.
    pub h: f64,
}

impl Params {
    /// The book's figure with its tangent at `x`.
    pub fn book(x: f64) -> Self {
        Params {
            at: vec![x],
            range: Arange::new(0.0, 20.0, 0.1),
            h: H,
        }
    }
}

/// The curve, sampled, and each tangent with its samples over the same x.
#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub function: &'static str,
    pub h: f64,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub tangents: Vec<Tangent>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tangent {
    #[serde(flatten)]
    pub line: TangentLine,
    /// The tangent at each x of the curve.
    pub y: Vec<f64>,
}

pub fn compute(p: &Params) -> Data {
    let x = p.range.values();
    let y = x.iter().map(|&v| function_1(v)).collect();
    let tangents =
        p.at.iter()
            .map(|&at| {
                let line = tangent_line(function_1, at, p.h);
                Tangent {
                    line,
                    y: x.iter().map(|&t| line.at(t)).collect(),
                }
            })
            .collect();
    Data {
        function: "0.01*x^2 + 0.1*x",
        h: p.h,
        x,
        y,
        tangents,
    }
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "tangent"
    }

    fn report(&self) -> String {
        self.tangents
            .iter()
            .map(|t| {
                format!(
                    "slope at x = {}: {} (tangent y = {}*x + {})\n",
                    fmt_f64(t.line.x),
                    fmt_f64(t.line.slope),
                    fmt_f64(t.line.slope),
                    fmt_f64(t.line.intercept)
                )
            })
            .collect()
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let xlim = auto_limits(self.x.iter().copied());
        let all_y = self.y.iter().chain(self.tangents.iter().flat_map(|t| &t.y));
        let ylim = auto_limits(all_y.copied());
        let (xlim, ylim) = canvas.view().limits(xlim, ylim);
        let axes = Axes::new(canvas, xlim, ylim).labels("x", "f(x)");
        let pen = canvas.pen();
        let curves = std::iter::once(&self.y).chain(self.tangents.iter().map(|t| &t.y));
        axes.draw(canvas, |area| {
            for (n, ys) in curves.enumerate() {
                let stroke = pen.stroke(style::cycle(n), style::LINE_WIDTH);
                for piece in axes.polyline(self.x.iter().copied().zip(ys.iter().copied())) {
                    area.draw(&PathElement::new(piece, stroke))?;
                }
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_book_s_figure_has_200_samples_and_the_book_s_slope() {
        let d = compute(&Params::book(5.0));
        assert_eq!(d.x.len(), 200);
        assert_eq!(d.tangents[0].line.slope, 0.1999999999990898);
        assert!(d.report().contains("0.1999999999990898"));
    }
}
