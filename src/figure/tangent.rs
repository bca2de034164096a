//! gradient_1d: function_1 and its tangent lines (the book's Figure 4-5).

use super::{book, Plot};
use crate::derivative::{Differentiator, Method};
use crate::numerics::{tangent_line, Arange, TangentLine};
use crate::output::fmt_f64;
use crate::render::axes::auto_limits;
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use plotters::element::PathElement;
use serde::Serialize;

/// The book's file name for its figure, the tangent at 5.
pub const FILE: &str = "gradient_1d.png";
/// The file name of the figure with the tangent at 10, the book's second slope.
pub const FILE_X10: &str = "gradient_1d_x10.png";

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
    /// The book's figure: function_1 over arange(0.0, 20.0, 0.1) with its
    /// tangent at 5, by the central difference with h = 1e-4.
    pub fn book() -> Self {
        Params {
            f: book::by_the_book(book::function_1()),
            at: vec![5.0],
            range: Arange::new(0.0, 20.0, 0.1),
        }
    }

    /// The same figure with the tangent at 10, where the book prints the
    /// second slope.
    pub fn book_x10() -> Self {
        Params {
            at: vec![10.0],
            ..Params::book()
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
    /// Why there is no tangent (the slope is then null), if there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<String>,
}

/// The curve and its tangents: with the book's method, each is the book's
/// `tangent_line`; with another, the line through (x, f(x)) with that
/// method's slope.
pub fn compute(p: &Params) -> Data {
    let f = |x: f64| p.f.value(&[x]);
    let x = p.range.values();
    let y = x.iter().map(|&v| f(v)).collect();
    let tangents = p
        .at
        .iter()
        .map(|&at| {
            // Where f has no derivative there is no line: its slope and
            // samples are NaN (null in JSON), and nothing is drawn.
            let (line, h, error_estimate, undefined) = match (p.f.slope(at), p.f.central_step()) {
                (Err(u), _) => {
                    let line = TangentLine::through(at, f(at), f64::NAN);
                    (line, None, None, Some(u.to_string()))
                }
                (Ok(_), Some(h)) => (tangent_line(f, at, h), Some(h), None, None),
                (Ok(slope), None) => {
                    let line = TangentLine::through(at, f(at), slope.value);
                    (line, slope.h, slope.error_estimate, None)
                }
            };
            Tangent {
                line,
                h,
                error_estimate,
                y: x.iter().map(|&t| line.at(t)).collect(),
                undefined,
            }
        })
        .collect();
    Data {
        function: p.f.expr.source().to_string(),
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
                if t.undefined.is_some() {
                    return format!("slope at x = {}: undefined\n", fmt_f64(t.line.x));
                }
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

    fn warnings(&self) -> Vec<String> {
        self.tangents
            .iter()
            .filter_map(|t| t.undefined.clone())
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
    use crate::expr::Expression;

    #[test]
    fn the_book_s_figure_has_200_samples_and_the_book_s_slope() {
        let d = compute(&Params::book());
        assert_eq!(d.x.len(), 200);
        assert_eq!(d.tangents[0].line.slope, 0.1999999999990898);
        assert!(d.report().contains("0.1999999999990898"));
        assert!(d.warnings().is_empty());
    }

    #[test]
    fn no_tangent_where_f_has_no_derivative() {
        let f = Expression::parse("abs(x - 5)", book::X).unwrap();
        let p = Params {
            f: Differentiator::new(f, Method::Central, None).unwrap(),
            at: vec![5.0, 7.0],
            range: Arange::new(0.0, 10.0, 1.0),
        };
        let d = compute(&p);
        assert!(d.tangents[0].line.slope.is_nan());
        assert!(d.tangents[0].y.iter().all(|y| y.is_nan()));
        assert_eq!(d.tangents[1].line.slope, 0.9999999999976694);
        assert_eq!(
            d.warnings(),
            ["f is not differentiable at x = 5: abs has no derivative where its argument is 0"]
        );
        assert!(d.report().starts_with("slope at x = 5: undefined\n"));
    }
}
