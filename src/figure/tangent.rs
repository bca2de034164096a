//! function_1 and lines through it, the figures of the book's section 4.3.2:
//! its tangent lines (Figure 4-7, `gradient_1d`), the curve alone (Figure
//! 4-6) and the true tangent beside the forward difference's secant
//! (Figure 4-5), which shows why a difference quotient is not the
//! derivative.

use super::book::{self, MethodArgs};
use super::{Figure, Plot, SerializePlot};
use crate::cli::caps::{cap, MAX_EVALUATIONS};
use crate::cli::parse::{parse_f_of_x, parse_finite, parse_h, parse_range};
use crate::cli::OutputArgs;
use crate::derivative::difference::forward;
use crate::derivative::{Differentiator, Method};
use crate::error::Error;
use crate::expr::Expression;
use crate::numerics::{tangent_line, Arange, TangentLine};
use crate::output::{fmt_count, fmt_f64, fmt_line, fmt_rounded};
use crate::render::axes::auto_limits;
use crate::render::legend::{self, Corner, Entry};
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use plotters::element::{Circle, PathElement};
use serde::Serialize;

/// The book's file name for its figure, the tangent at 5 (Figure 4-7).
pub const FILE: &str = "gradient_1d.png";
/// The file name of the figure with the tangent at 10, the book's second slope.
pub const FILE_X10: &str = "gradient_1d_x10.png";
/// The curve alone (Figure 4-6), named after the book's function.
pub const FILE_FUNCTION: &str = "function_1.png";
/// The true tangent and the forward difference's secant (Figure 4-5).
pub const FILE_SECANT: &str = "tangent_secant.png";

/// What is drawn over the curve at each point of contact.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "lines")]
pub enum Lines {
    /// The tangent, its slope by the differentiator's method (the book's
    /// `tangent_line` with its own method).
    Tangent,
    /// Nothing: the curve alone.
    None,
    /// The true tangent (the exact derivative) and the secant through
    /// (x, f(x)) and (x + h, f(x + h)), whose slope is the forward
    /// difference (f(x + h) − f(x)) / h.
    Secant { h: f64 },
}

/// What to draw: which function, how its slope is taken, where it is
/// touched, over which x, with which lines.
#[derive(Debug, Clone)]
pub struct Params {
    pub f: Differentiator,
    /// The points of contact, one tangent (or secant) each.
    pub at: Vec<f64>,
    /// The x samples of the curve: the book's arange(0.0, 20.0, 0.1).
    pub range: Arange,
    pub lines: Lines,
}

impl Params {
    /// The book's figure: function_1 over arange(0.0, 20.0, 0.1) with its
    /// tangent at 5, by the central difference with h = 1e-4.
    pub fn book() -> Self {
        Params {
            f: book::by_the_book(book::function_1()),
            at: vec![5.0],
            range: Arange::new(0.0, 20.0, 0.1),
            lines: Lines::Tangent,
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

    /// function_1 alone over the same x (Figure 4-6).
    pub fn book_function() -> Self {
        Params {
            lines: Lines::None,
            ..Params::book()
        }
    }

    /// The true tangent of function_1 at 5 and the forward difference's
    /// secant with h = 5, a step large enough to see the two lines part
    /// (Figure 4-5; its slope is off by f″·h/2 = 0.05).
    pub fn book_secant() -> Self {
        Params {
            f: book::exact(book::function_1(), "--secant").expect("function_1 differentiates"),
            lines: Lines::Secant { h: 5.0 },
            ..Params::book()
        }
    }

    /// The file the figure goes to unless told otherwise.
    pub fn file(&self) -> &'static str {
        match self.lines {
            Lines::Tangent => FILE,
            Lines::None => FILE_FUNCTION,
            Lines::Secant { .. } => FILE_SECANT,
        }
    }
}

/// The flags of `tangent`: [`Params`] with the function as an expression,
/// the method that differentiates it, and the lines as two flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The function of x (operators + - * / ^, functions such as sin, exp, ln, sqrt; constants pi, e)
    #[arg(long = "f", value_name = "EXPR", default_value = book::FUNCTION_1, value_parser = parse_f_of_x)]
    pub f: Expression,
    /// Point of contact; repeat for several tangents
    #[arg(long = "x", value_name = "X", default_values_t = Params::book().at, value_parser = parse_finite)]
    pub at: Vec<f64>,
    /// The curve's x samples as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value_t = Params::book().range, value_parser = parse_range)]
    pub range: Arange,
    /// Draw the true tangent and the forward difference's secant through x and x + H instead (the book's Figure 4-5; default file tangent_secant.png)
    #[arg(long, value_name = "H", value_parser = parse_h,
          conflicts_with_all = ["method", "h", "no_tangent"])]
    pub secant: Option<f64>,
    /// Draw the curve alone (the book's Figure 4-6; default file function_1.png)
    #[arg(long, conflicts_with_all = ["at", "method", "h"])]
    pub no_tangent: bool,
    #[command(flatten)]
    pub method: MethodArgs,
}

impl Args {
    /// The lines the flags ask for: `--secant H`, `--no-tangent`, or tangents.
    fn lines(&self) -> Lines {
        match (self.secant, self.no_tangent) {
            (Some(h), _) => Lines::Secant { h },
            (None, true) => Lines::None,
            (None, false) => Lines::Tangent,
        }
    }
}

impl Figure for Args {
    fn about() -> String {
        format!("f(x) = 0.01x² + 0.1x and its tangent lines by the central difference ({FILE})")
    }

    fn example() -> &'static str {
        "numdiff-plot tangent --x 5 --x 10 -o tangents.svg"
    }

    /// Each --x adds a tangent, and with --secant a secant too.
    fn check(&self, _out: &OutputArgs) -> Result<(), Error> {
        let per_x = match self.lines() {
            Lines::None => 0,
            Lines::Tangent => 1,
            Lines::Secant { .. } => 2,
        };
        let (n, curves) = (self.range.len() as u64, 1 + per_x * self.at.len() as u64);
        let lines = match per_x {
            2 => "tangents and secants",
            _ => "tangents",
        };
        let how = "use a larger STEP or fewer --x";
        cap(n * curves, MAX_EVALUATIONS, how, || {
            format!(
                "--range gives {n} points for each of {curves} curves (f and {} {lines}), \
                 {} samples",
                curves - 1,
                n * curves
            )
        })
    }

    fn plot(&self) -> Result<(&'static str, Box<dyn SerializePlot>)> {
        let lines = self.lines();
        let f = match lines {
            Lines::Secant { .. } => book::exact(self.f.clone(), "--secant")?,
            Lines::None | Lines::Tangent => self.method.differentiator(self.f.clone())?,
        };
        let params = Params {
            f,
            at: self.at.clone(),
            range: self.range,
            lines,
        };
        Ok((params.file(), Box::new(compute(&params))))
    }
}

/// The curve, sampled, and each line with its samples over the same x.
#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub function: String,
    /// How the tangents' slopes were taken (`exact` beside a secant).
    pub method: Method,
    #[serde(flatten)]
    pub lines: Lines,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub tangents: Vec<Tangent>,
    /// With [`Lines::Secant`], one per point of contact.
    pub secants: Vec<Tangent>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tangent {
    #[serde(flatten)]
    pub line: TangentLine,
    /// The step the slope was taken with, if the method has one.
    pub h: Option<f64>,
    /// A bound on the slope's error, for the methods that give one.
    pub error_estimate: Option<f64>,
    /// The line at each x of the curve.
    pub y: Vec<f64>,
    /// Why there is no tangent (the slope is then null), if there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<String>,
}

/// The curve and its lines: with the book's method, each tangent is the
/// book's `tangent_line`; with another, the line through (x, f(x)) with
/// that method's slope.
pub fn compute(p: &Params) -> Data {
    let f = |x: f64| p.f.value(&[x]);
    let x = p.range.values();
    let y = x.iter().map(|&v| f(v)).collect();
    let sampled = |line: TangentLine, h, error_estimate, undefined| Tangent {
        line,
        h,
        error_estimate,
        y: x.iter().map(|&t| line.at(t)).collect(),
        undefined,
    };
    // Where f has no derivative there is no tangent: its slope and samples
    // are NaN (null in JSON), and nothing is drawn.
    let tangent = |at: f64| match (p.f.slope(at), p.f.central_step()) {
        (Err(u), _) => {
            let line = TangentLine::through(at, f(at), f64::NAN);
            sampled(line, None, None, Some(u.to_string()))
        }
        (Ok(_), Some(h)) => sampled(tangent_line(f, at, h), Some(h), None, None),
        (Ok(slope), None) => {
            let line = TangentLine::through(at, f(at), slope.value);
            sampled(line, slope.h, slope.error_estimate, None)
        }
    };
    let (tangents, secants) = match p.lines {
        Lines::Tangent => (p.at.iter().map(|&at| tangent(at)).collect(), Vec::new()),
        Lines::None => (Vec::new(), Vec::new()),
        Lines::Secant { h } => {
            p.at.iter()
                .map(|&at| {
                    let secant = TangentLine::through(at, f(at), forward(f, at, h));
                    (tangent(at), sampled(secant, Some(h), None, None))
                })
                .unzip()
        }
    };
    Data {
        function: p.f.expr.source().to_string(),
        method: p.f.method,
        lines: p.lines,
        x,
        y,
        tangents,
        secants,
    }
}

impl Data {
    /// The book's line for a tangent: its slope in full, its equation as a
    /// person writes it.
    fn tangent_line_text(t: &TangentLine, what: &str) -> String {
        let equation = match t.slope.is_finite() && t.intercept.is_finite() {
            true => format!(" ({what} {})", fmt_line(t.slope, t.intercept)),
            false => String::new(),
        };
        format!(
            "slope at x = {}: {}{equation}\n",
            fmt_f64(t.x),
            fmt_f64(t.slope)
        )
    }
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "tangent"
    }

    fn report(&self) -> String {
        if self.lines == Lines::None {
            let (lo, hi) = self
                .y
                .iter()
                .filter(|v| v.is_finite())
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                    (lo.min(v), hi.max(v))
                });
            let (first, last) = (self.x[0], self.x[self.x.len() - 1]);
            return format!(
                "f(x) = {} at {} of x from {} to {}: f from {} to {}\n",
                self.function,
                fmt_count(self.x.len(), "sample"),
                fmt_rounded(first),
                fmt_rounded(last),
                fmt_rounded(lo),
                fmt_rounded(hi)
            );
        }
        let mut text = String::new();
        for (n, t) in self.tangents.iter().enumerate() {
            if t.undefined.is_some() {
                text += &format!("slope at x = {}: undefined\n", fmt_f64(t.line.x));
                continue;
            }
            let Some(s) = self.secants.get(n) else {
                text += &Data::tangent_line_text(&t.line, "tangent");
                continue;
            };
            text += &Data::tangent_line_text(&t.line, "true tangent");
            text += &format!(
                "forward difference with h = {}: {} (secant {}), off by {}\n",
                fmt_f64(s.h.unwrap_or(f64::NAN)),
                fmt_f64(s.line.slope),
                fmt_line(s.line.slope, s.line.intercept),
                fmt_rounded(s.line.slope - t.line.slope)
            );
        }
        text
    }

    fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.x.len() < 2 {
            warnings.push(format!(
                "--range gives {} of x, too few to draw a curve; use a smaller STEP",
                fmt_count(self.x.len(), "sample")
            ));
        } else if !self.y.iter().any(|v| v.is_finite()) {
            warnings.push(format!(
                "f is not finite at any of the {} of --range: nothing to draw; \
                 choose a --range where f is defined",
                fmt_count(self.x.len(), "sample")
            ));
        }
        for t in self.tangents.iter().chain(&self.secants) {
            if let Some(why) = &t.undefined {
                warnings.push(why.clone());
            } else if !(t.line.slope.is_finite() && t.line.intercept.is_finite()) {
                warnings.push(format!(
                    "the slope at x = {} is {}: f is undefined or overflows there, \
                     so no line is drawn",
                    fmt_f64(t.line.x),
                    fmt_f64(t.line.slope)
                ));
            }
        }
        warnings
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let xlim = auto_limits(self.x.iter().copied());
        let lines = self.tangents.iter().chain(&self.secants);
        let all_y = self.y.iter().chain(lines.flat_map(|t| &t.y));
        let ylim = auto_limits(all_y.copied());
        let (xlim, ylim) = canvas.view().limits(xlim, ylim);
        let axes = Axes::new(canvas, xlim, ylim).labels("x", "f(x)");
        let pen = canvas.pen();
        let curves = std::iter::once(&self.y)
            .chain(self.tangents.iter().map(|t| &t.y))
            .chain(self.secants.iter().map(|s| &s.y));
        let rect = axes.rect;
        axes.draw(canvas, |area| {
            for (n, ys) in curves.enumerate() {
                let stroke = pen.stroke(style::cycle(n), style::LINE_WIDTH);
                for piece in axes.polyline(self.x.iter().copied().zip(ys.iter().copied())) {
                    area.draw(&PathElement::new(piece, stroke))?;
                }
            }
            let Lines::Secant { h } = self.lines else {
                return Ok(());
            };
            // The secant's two points, in its colour, and which line is which.
            let colour = style::cycle(1 + self.tangents.len());
            let radius = pen.px(style::MARKER_RADIUS).round() as i32;
            for s in &self.secants {
                for x in [s.line.x, s.line.x + h] {
                    if let Some(c) = axes.pixel(x, s.line.at(x)) {
                        area.draw(&Circle::new(c, radius, pen.stroke(colour, 0.0).filled()))?;
                    }
                }
            }
            let local = crate::render::canvas::Rect {
                left: 0.0,
                top: 0.0,
                right: rect.width(),
                bottom: rect.height(),
            };
            let entries = [
                ("f(x)".to_string(), style::cycle(0)),
                ("true tangent".to_string(), style::cycle(1)),
                (format!("forward difference, h = {}", fmt_f64(h)), colour),
            ];
            let entries: Vec<Entry> = entries
                .into_iter()
                .map(|(label, color)| Entry { label, color })
                .collect();
            legend::draw(pen, area, local, &entries, Corner::UpperLeft)
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
        assert_eq!(
            d.report(),
            "slope at x = 5: 0.1999999999990898 (tangent y = 0.2x \u{2212} 0.25)\n"
        );
    }

    #[test]
    fn the_secant_s_slope_is_the_forward_difference_off_by_f2_h_over_2() {
        let d = compute(&Params::book_secant());
        assert_eq!(d.tangents[0].line.slope, 0.2);
        // (f(10) − f(5)) / 5 = (2 − 0.75) / 5.
        assert_eq!(d.secants[0].line.slope, 0.25);
        assert_eq!(d.secants[0].line.intercept, -0.5);
        assert_eq!(
            d.report(),
            "slope at x = 5: 0.2 (true tangent y = 0.2x \u{2212} 0.25)\n\
             forward difference with h = 5: 0.25 (secant y = 0.25x \u{2212} 0.5), off by 0.05\n"
        );
    }

    #[test]
    fn the_curve_alone_has_no_lines() {
        let d = compute(&Params::book_function());
        assert!(d.tangents.is_empty() && d.secants.is_empty());
        assert_eq!(
            d.report(),
            "f(x) = 0.01*x^2 + 0.1*x at 200 samples of x from 0 to 19.9: f from 0 to 5.9501\n"
        );
    }

    #[test]
    fn no_tangent_where_f_has_no_derivative() {
        let f = Expression::parse("abs(x - 5)", book::X).unwrap();
        let p = Params {
            f: Differentiator::new(f, Method::Central, None).unwrap(),
            at: vec![5.0, 7.0],
            range: Arange::new(0.0, 10.0, 1.0),
            lines: Lines::Tangent,
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
