//! numdiff_error: how the error of a difference quotient depends on h, the V
//! of truncation and rounding behind the book's choice of h = 1e-4.

use super::{book, Plot};
use crate::derivative::difference::{five_point, forward, numerical_diff};
use crate::derivative::{dual, Method, Reason, Undefined};
use crate::expr::Expression;
use crate::numerics::H;
use crate::output::fmt_f64;
use crate::render::axes::auto_limits;
use crate::render::canvas::{Align, VAlign};
use crate::render::legend::{self, Corner, Entry};
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use plotters::element::{Circle, DashedPathElement, PathElement};
use plotters::style::RGBColor;
use serde::Serialize;

/// Steps per decade of h.
const PER_DECADE: i32 = 20;
/// h runs from 10^-1 down to 10^-16.
const DECADES: (i32, i32) = (1, 16);

#[derive(Debug, Clone)]
pub struct Params {
    pub f: Expression,
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
    /// The step with the smallest error, and that error.
    pub best_h: f64,
    pub best_error: f64,
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
            let (best_h, best_error) = h.iter().zip(&error).filter(|(_, e)| e.is_finite()).fold(
                (f64::NAN, f64::INFINITY),
                |best, (&h, &e)| if e < best.1 { (h, e) } else { best },
            );
            Curve {
                method,
                order,
                at_book_h: err(H),
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
            out += &format!(
                "  {:<11} h^{:<4} {:<24} {:<24} {}\n",
                c.method.name(),
                c.order,
                fmt_f64(c.at_book_h),
                fmt_f64(c.best_error),
                fmt_f64(c.best_h)
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
        let positive = |v: &f64| *v > 0.0 && v.is_finite();
        let log_limits = |values: &mut dyn Iterator<Item = f64>| {
            let (lo, hi) = auto_limits(values.filter(positive).map(f64::log10));
            (10f64.powf(lo), 10f64.powf(hi))
        };
        let xlim = log_limits(&mut self.h.iter().copied());
        let ylim = log_limits(&mut self.curves.iter().flat_map(|c| c.error.iter().copied()));
        let axes = Axes::new(canvas, xlim, ylim)
            .labels("h", "absolute error of f\u{2032}(x)")
            .log_log();
        let pen = canvas.pen();
        axes.draw(canvas, |area| {
            let grey = pen.stroke(RGBColor(0x80, 0x80, 0x80), style::pt(1.0));
            let (on, off) = (pen.px(style::pt(3.7)) as u32, pen.px(style::pt(1.6)) as u32);
            for piece in axes.polyline([(self.book_h, ylim.0), (self.book_h, ylim.1)]) {
                area.draw(&DashedPathElement::new(piece, on, off, grey))?;
            }
            for (n, c) in self.curves.iter().enumerate() {
                let stroke = pen.stroke(style::cycle(n), style::LINE_WIDTH);
                for piece in axes.polyline(self.h.iter().copied().zip(c.error.iter().copied())) {
                    area.draw(&PathElement::new(piece, stroke))?;
                }
            }
            // Each curve's minimum, on top of all the curves.
            let r = pen.px(style::MARKER_SIZE / 2.0 + style::pt(0.5)).round() as i32;
            for (n, c) in self.curves.iter().enumerate() {
                if let Some(p) = axes.pixel(c.best_h, c.best_error) {
                    area.draw(&Circle::new(
                        p,
                        r,
                        pen.stroke(style::cycle(n), 0.0).filled(),
                    ))?;
                }
            }
            let note = |text: &str, (x, y): (f64, f64), align, dy: f64| {
                let (u, v) = axes.local(x, y);
                pen.text(
                    area,
                    text,
                    (u, v + pen.px(dy)),
                    (align, VAlign::Top),
                    style::FONT_SIZE,
                    false,
                )
            };
            note(
                "\u{2190} rounding \u{221d} \u{03b5}/h",
                (xlim.0 * 3.0, ylim.1),
                Align::Left,
                8.0,
            )?;
            note(
                "truncation \u{221d} h\u{1d56} \u{2192}",
                (xlim.1 / 3.0, ylim.1),
                Align::Right,
                8.0,
            )?;
            // Along the dashed line, reading upwards, below the top notes.
            let (u, v) = axes.local(self.book_h, ylim.1);
            pen.text(
                area,
                "book's h = 10\u{207b}\u{2074}",
                (u - pen.px(style::FONT_SIZE * 1.1), v + pen.px(30.0)),
                (Align::Right, VAlign::Top),
                style::FONT_SIZE,
                true,
            )
        })?;
        let entries: Vec<Entry> = self
            .curves
            .iter()
            .enumerate()
            .map(|(n, c)| Entry {
                label: format!(
                    "{} (min {:.1e} at h = {:.0e})",
                    c.method.name(),
                    c.best_error,
                    c.best_h
                ),
                color: style::cycle(n),
            })
            .collect();
        let title = format!(
            "error of f\u{2032}({}) for f(x) = {}",
            fmt_f64(self.x),
            self.function
        );
        canvas.draw(|area| {
            legend::draw(pen, area, axes.rect, &entries, Corner::LowerLeft)?;
            let r = axes.rect;
            pen.text(
                area,
                &title,
                (
                    (r.left + r.right) / 2.0,
                    r.top - pen.px(style::FONT_SIZE * 1.6),
                ),
                (Align::Center, VAlign::Top),
                style::FONT_SIZE * 1.2,
                false,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_at_1_shows_the_v_with_the_book_s_central_error() {
        let d = compute(&Params::book());
        assert_eq!(d.exact, Some(std::f64::consts::E));
        assert_eq!(d.h.len(), 301);
        assert_eq!((d.h[0], d.h[300]), (0.1, 1e-16));
        let central = &d.curves[1];
        assert!(
            (central.at_book_h - 4.5e-9).abs() < 1e-10,
            "{}",
            central.at_book_h
        );
        // The V: the best step is inside, not at either end.
        for c in &d.curves {
            assert!(
                c.best_h < 1e-2 && c.best_h > 1e-14,
                "{:?} best at {}",
                c.method,
                c.best_h
            );
            assert!(c.error[300] > 1e-3, "rounding wins at h = 1e-16");
        }
        assert!(d.curves[2].best_error < d.curves[1].best_error);
        assert!(d.curves[1].best_error < d.curves[0].best_error);
    }

    #[test]
    fn no_errors_where_f_has_no_derivative() {
        let d = compute(&Params {
            f: Expression::parse("sqrt(x)", book::X).unwrap(),
            x: -1.0,
        });
        assert_eq!(d.exact, None);
        assert!(d.curves.iter().all(|c| c.error.iter().all(|e| e.is_nan())));
        assert_eq!(
            d.warnings(),
            ["f is not defined at x = -1: sqrt needs an argument ≥ 0"]
        );
        assert!(d.report().contains("the exact derivative is undefined"));
        // tanh's derivative is printed with sech, which is not evaluated.
        let t = compute(&Params {
            f: Expression::parse("tanh(x)", book::X).unwrap(),
            x: 0.5,
        });
        assert!(t.derivative.contains("sech"), "{}", t.derivative);
        assert_eq!(t.exact, Some(1.0 / 0.5f64.cosh().powi(2)));
    }
}
