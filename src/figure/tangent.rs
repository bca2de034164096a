//! gradient_1d: function_1 and its tangent lines (the book's Figure 4-5).

use super::Plot;
use crate::derivative::{Differentiator, Method};
use crate::expr::check::Vars;
use crate::expr::Expression;
use crate::numerics::{Arange, TangentLine};
use crate::output::fmt_f64;
use crate::render::axes::auto_limits;
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use plotters::element::PathElement;
use serde::Serialize;

/// The variable of this figure's functions.
pub const VARS: Vars = Vars::Only(&["x"]);
/// The book's function_1.
pub const BOOK_FUNCTION: &str = "0.01*x^2 + 0.1*x";

/// What to draw: which function, how its slope is taken, where it is
/// touched, over which x.
#[derive(Debug, Clone)]
pub struct Params {
    pub f: Differentiator,
    /// The points of contact, one tangent each.
    pub at: Vec<f64>,
    /// The x samples of the curve: the book's arange(0.0, 20.0, 0.1).
    pub range: Arange,
}

impl Params {
    /// The book's figure with its tangent at `x`.
    pub fn book(x: f64) -> Self {
        let f = Expression::parse(BOOK_FUNCTION, VARS).expect("the book's function parses");
        Params {
            f: Differentiator::new(f, Method::Central, None)
                .expect("central applies to any function"),
            at: vec![x],
            range: Arange::new(0.0, 20.0, 0.1),
        }
    }
}

/// The curve, sampled, and each tangent with its samples over the same x.
#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub function: String,
    pub method: Method,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub tangents: Vec<Tangent>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tangent {
    #[serde(flatten)]
    pub line: TangentLine,
    /// The step the slope was taken with, if the method has one.
    pub h: Option<f64>,
    /// A bound on the slope's error, for the methods that give one.
    pub error_estimate: Option<f64>,
    /// The tangent at each x of the curve.
    pub y: Vec<f64>,
}

pub fn compute(p: &Params) -> Data {
    let f = |x: f64| p.f.f.eval(&[x]);
    let x = p.range.values();
    let y = x.iter().map(|&v| f(v)).collect();
    let tangents =
        p.at.iter()
            .map(|&at| {
                let slope = p.f.slope(at);
                let line = TangentLine::through(at, f(at), slope.value);
                Tangent {
                    line,
                    h: slope.h,
                    error_estimate: slope.error_estimate,
                    y: x.iter().map(|&t| line.at(t)).collect(),
                }
            })
            .collect();
    Data {
        function: p.f.f.source().to_string(),
        method: p.f.method,
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
