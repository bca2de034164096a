//! numdiff_error: how the error of a difference quotient depends on h, the V
//! of truncation and rounding behind the book's choice of h = 1e-4.

use super::{book, Figure, Plot, SerializePlot};
use crate::cli::parse::{parse_f_of_x, parse_finite};
use crate::derivative::difference::{five_point, forward, numerical_diff};
use crate::derivative::{dual, Method, Reason, Undefined};
use crate::expr::Expression;
use crate::numerics::H;
use crate::output::fmt_f64;
use crate::render::axes::auto_limits;
use crate::render::canvas::{Align, VAlign};
use crate::render::legend::{self, Corner, Entry};
use crate::render::notes::{self, Note, Spot};
use crate::render::{place, style, Axes, Canvas};
use anyhow::{bail, Result};
use plotters::element::{Circle, DashedPathElement, PathElement};
use plotters::style::RGBColor;
use serde::Serialize;

/// Steps per decade of h.
const PER_DECADE: i32 = 20;
/// h runs from 10^-1 down to 10^-16.
const DECADES: (i32, i32) = (1, 16);

/// The function and the point; the flags of `error`.
#[derive(Debug, Clone, clap::Args)]
pub struct Params {
    /// The function of x
    #[arg(long = "f", value_name = "EXPR", default_value = FUNCTION, value_parser = parse_f_of_x)]
    pub f: Expression,
    /// Where the derivative is taken
    #[arg(long = "x", value_name = "X", default_value_t = Params::book().x, value_parser = parse_finite)]
    pub x: f64,
}

/// The file name for this figure.
pub const FILE: &str = "numdiff_error.png";
/// The function `all` draws: exp, whose derivatives are all itself.
pub const FUNCTION: &str = "exp(x)";

impl Params {
    /// exp at x = 1, where every derivative is e, so each curve shows its
    /// method's own error constant. (The figure is not the book's; `all`
    /// draws it with these.)
    pub fn book() -> Self {
        Params {
            f: Expression::parse(FUNCTION, book::X).expect("exp(x) parses"),
            x: 1.0,
        }
    }
}

impl Figure for Params {
    fn about() -> String {
        format!(
            "How the error of a difference quotient depends on h: the V of truncation and rounding ({FILE})"
        )
    }

    fn example() -> &'static str {
        "numdiff-plot error --f \"sin(x)\" --x 1"
    }

    fn plot(&self) -> Result<(&'static str, Box<dyn SerializePlot>)> {
        Ok((FILE, Box::new(compute(self))))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub function: String,
    pub x: f64,
    /// The symbolic derivative as printed, and the exact value at x (by
    /// automatic differentiation), the reference for the errors; null where
    /// f has no derivative at x.
    pub derivative: String,
    pub exact: Option<f64>,
    /// The steps, from 1e-1 down to 1e-16.
    pub h: Vec<f64>,
    pub curves: Vec<Curve>,
    /// The book's step, 1e-4.
    pub book_h: f64,
    /// Why there is no exact derivative, and so no errors, if there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Curve {
    pub method: Method,
    /// p in the truncation error C·hᵖ.
    pub order: u32,
    /// |D(h) − f′(x)| for each h.
    pub error: Vec<f64>,
    pub at_book_h: f64,
    /// The step with the smallest non-zero error, and that error (NaN, null
    /// in JSON, when every error is 0 or not finite).
    pub best_h: f64,
    pub best_error: f64,
    /// How many errors are exactly 0: a log axis cannot show them, so they
    /// are left out of the plot.
    pub zeros: usize,
}

type Quotient = fn(&dyn Fn(f64) -> f64, f64, f64) -> f64;

const METHODS: [(Method, u32, Quotient); 3] = [
    (Method::Forward, 1, |f, x, h| forward(f, x, h)),
    (Method::Central, 2, |f, x, h| numerical_diff(f, x, h)),
    (Method::FivePoint, 4, |f, x, h| five_point(f, x, h)),
];

pub fn compute(p: &Params) -> Data {
    let (exact, undefined) = match dual::partial(&p.f, &[p.x], 0) {
        Ok(r) => (Some(r.d), None),
        Err(why) => {
            let u = Undefined::at(Reason::Domain(why), p.f.vars(), &[p.x]);
            (None, Some(u.to_string()))
        }
    };
    let derivative = p.f.derivative_text(0).unwrap_or_else(|_| "?".to_string());
    let f = |t: f64| p.f.eval(&[t]);
    let h: Vec<f64> = (DECADES.0 * PER_DECADE..=DECADES.1 * PER_DECADE)
        .map(|k| 10f64.powf(-(k as f64) / PER_DECADE as f64))
        .collect();
    let curves = METHODS
        .iter()
        .map(|&(method, order, quotient)| {
            let err = |h: f64| (quotient(&f, p.x, h) - exact.unwrap_or(f64::NAN)).abs();
            let error: Vec<f64> = h.iter().map(|&h| err(h)).collect();
            let (best_h, best_error) = h
                .iter()
                .zip(&error)
                .filter(|(_, e)| e.is_finite() && **e > 0.0)
                .fold((f64::NAN, f64::NAN), |best, (&h, &e)| {
                    if best.1.is_nan() || e < best.1 {
                        (h, e)
                    } else {
                        best
                    }
                });
            Curve {
                method,
                order,
                at_book_h: err(H),
                zeros: error.iter().filter(|e| **e == 0.0).count(),
                error,
                best_h,
                best_error,
            }
        })
        .collect();
    Data {
        function: p.f.source().to_string(),
        x: p.x,
        derivative,
        exact,
        h,
        curves,
        book_h: H,
        undefined,
    }
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "error"
    }

    fn report(&self) -> String {
        let Some(exact) = self.exact else {
            return format!(
                "f(x) = {}, f'(x) = {}; at x = {} the exact derivative is undefined, \
                 so there are no errors to show\n",
                self.function,
                self.derivative,
                fmt_f64(self.x)
            );
        };
        let mut out = format!(
            "f(x) = {}, f'(x) = {}; at x = {} the exact derivative is {}\n\
             absolute error of each difference quotient:\n  {:<11} {:<6} {:<24} {:<24} {}\n",
            self.function,
            self.derivative,
            fmt_f64(self.x),
            fmt_f64(exact),
            "method",
            "order",
            "at the book's h = 1e-4",
            "smallest",
            "at h"
        );
        for c in &self.curves {
            let (best, at) = if c.best_error.is_nan() {
                ("none above 0".to_string(), "-".to_string())
            } else {
                (fmt_f64(c.best_error), fmt_f64(c.best_h))
            };
            out += &format!(
                "  {:<11} h^{:<4} {:<24} {:<24} {}\n",
                c.method.name(),
                c.order,
                fmt_f64(c.at_book_h),
                best,
                at
            );
        }
        for c in self.curves.iter().filter(|c| c.zeros > 0) {
            out += &format!(
                "{} of the {} errors of {} are exactly 0 and are left out of the log plot\n",
                c.zeros,
                self.h.len(),
                c.method.name()
            );
        }
        out += "Each error is truncation, about C*h^p, which shrinks with h, plus rounding, about \
                eps*|f(x)|/h (eps = 2.2e-16), which grows as h shrinks: the V of the figure. \
                Once h is below eps*|x|, x + h == x and the quotient is 0, as with the book's h = 1e-50.\n";
        out
    }

    fn warnings(&self) -> Vec<String> {
        self.undefined.iter().cloned().collect()
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let Layout {
            axes,
            entries,
            corner,
            notes,
        } = self.layout(canvas)?;
        let pen = canvas.pen();
        let ylim = axes.ylim;
        axes.draw(canvas, |area| {
            let grey = pen.stroke(RGBColor(0x80, 0x80, 0x80), style::pt(1.0));
            let (on, off) = (
                pen.px(style::pt(3.7)).round() as u32,
                pen.px(style::pt(1.6)).round() as u32,
            );
            let line = [(self.book_h, ylim.0), (self.book_h, ylim.1)];
            for piece in axes.dashed_segment(pen, line[0], line[1], style::pt(1.0)) {
                area.draw(&DashedPathElement::new(piece, on, off, grey))?;
            }
            for (n, c) in self.curves.iter().enumerate() {
                let stroke = pen.stroke(style::cycle(n), style::LINE_WIDTH);
                for piece in axes.polyline(self.h.iter().copied().zip(c.error.iter().copied())) {
                    area.draw(&PathElement::new(piece, stroke))?;
                }
            }
            // Each curve's minimum, on top of all the curves.
            let radius = pen.px(style::MARKER_SIZE / 2.0 + style::pt(0.5)).round() as i32;
            for (n, c) in self.curves.iter().enumerate() {
                if let Some(p) = axes.pixel(c.best_h, c.best_error) {
                    let dot = pen.stroke(style::cycle(n), 0.0).filled();
                    area.draw(&Circle::new(p, radius, dot))?;
                }
            }
            Ok(())
        })?;
        let title = format!(
            "error of f\u{2032}({}) for f(x) = {}",
            fmt_f64(self.x),
            self.function
        );
        let r = axes.rect;
        canvas.draw(|area| {
            notes::draw(pen, area, &notes)?;
            legend::draw(pen, area, r, &entries, corner)?;
            let at = (
                (r.left + r.right) / 2.0,
                r.top - pen.px(style::FONT_SIZE * 1.6),
            );
            let anchor = (Align::Center, VAlign::Top);
            pen.text(area, &title, at, anchor, style::FONT_SIZE * 1.2, false)
        })
    }
}

/// Where the error figure's parts go on a canvas.
struct Layout {
    axes: Axes,
    entries: Vec<Entry>,
    corner: Corner,
    notes: Vec<notes::Placed>,
}

impl Data {
    /// The log–log axes (the data's limits, or --xlim/--ylim, which must be
    /// positive), the legend in the first corner where it covers no curve
    /// (lower left as in the book's figures, then the others), and the
    /// notes where no curve runs.
    fn layout(&self, canvas: &Canvas) -> Result<Layout> {
        let positive = |v: &f64| *v > 0.0 && v.is_finite();
        let log_limits = |values: &mut dyn Iterator<Item = f64>| {
            let (lo, hi) = auto_limits(values.filter(positive).map(f64::log10));
            (10f64.powf(lo), 10f64.powf(hi))
        };
        let xlim = log_limits(&mut self.h.iter().copied());
        let ylim = log_limits(&mut self.curves.iter().flat_map(|c| c.error.iter().copied()));
        let (xlim, ylim) = canvas.view().limits(xlim, ylim);
        for (flag, (lo, hi)) in [("--xlim", xlim), ("--ylim", ylim)] {
            if !(lo > 0.0 && hi > 0.0) {
                bail!("{flag} {lo},{hi} cannot be shown on the error figure's logarithmic axes: give two positive limits, e.g. 1e-8,1e-2");
            }
        }
        let axes = Axes::new(canvas, xlim, ylim)
            .labels("h", "absolute error of f\u{2032}(x)")
            .log_log();
        let pen = canvas.pen();
        let r = axes.rect;
        let curves = self.curve_pixels(&axes);
        let entries = self.legend_entries();
        let corners = [
            Corner::LowerLeft,
            Corner::LowerRight,
            Corner::UpperRight,
            Corner::UpperLeft,
        ];
        let boxes = corners.map(|c| legend::bounds(pen, r, &entries, c));
        let free = place::first_free(boxes, &r, &curves, &[], 0.0, pen.px(2.0));
        let at = boxes.iter().position(|b| Some(*b) == free).unwrap_or(0);
        let book_u = r.left + axes.local(self.book_h, 1.0).0;
        let note = |texts: &[&str], spot| Note {
            texts: texts.iter().map(|t| t.to_string()).collect(),
            spot,
        };
        // The most constrained first: along the dashed line, in full or, where
        // the curves leave too little room, as "book's h" alone.
        let wanted = [
            note(
                &["book's h = 10\u{207b}\u{2074}", "book's h"],
                Spot::Beside(book_u),
            ),
            note(&["\u{2190} rounding \u{221d} \u{03b5}/h"], Spot::TopLeft),
            note(&["truncation \u{221d} h\u{1d56} \u{2192}"], Spot::TopRight),
        ];
        Ok(Layout {
            notes: notes::place_all(pen, r, &curves, vec![boxes[at]], &wanted),
            axes,
            entries,
            corner: corners[at],
        })
    }

    /// The curves as drawn, cut at the plot area, in canvas pixels.
    fn curve_pixels(&self, axes: &Axes) -> Vec<Vec<(f64, f64)>> {
        let r = axes.rect;
        self.curves
            .iter()
            .flat_map(|c| axes.polyline(self.h.iter().copied().zip(c.error.iter().copied())))
            .map(|piece| {
                piece
                    .into_iter()
                    .map(|(u, v)| (r.left + u as f64, r.top + v as f64))
                    .collect()
            })
            .collect()
    }

    /// One legend line per method: its minimum, and how many exact zeros
    /// the log plot leaves out.
    fn legend_entries(&self) -> Vec<Entry> {
        self.curves
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let min = if self.exact.is_none() {
                    "no exact f\u{2032}(x) to compare with".to_string()
                } else if c.best_error.is_nan() {
                    "no error above 0".to_string()
                } else {
                    format!("min {:.1e} at h = {:.0e}", c.best_error, c.best_h)
                };
                let zeros = match c.zeros {
                    0 => String::new(),
                    1 => "; 1 zero not shown".to_string(),
                    z => format!("; {z} zeros not shown"),
                };
                Entry {
                    label: format!("{} ({min}{zeros})", c.method.name()),
                    color: style::cycle(n),
                }
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "numdiff_error_tests.rs"]
mod tests;
