//! gradient_method: the path of gradient descent on x0² + x1² (Figure 4-10).

use super::book::{self, MethodArgs};
use super::{Figure, Plot, SerializePlot};
use crate::cli::parse::{parse_f_of_x0_x1, parse_lr, parse_point, parse_steps, Point};
use crate::derivative::{Differentiator, Method};
use crate::expr::Expression;
use crate::numerics::try_descend;
use crate::output::{fmt_count, fmt_f64, fmt_rounded, fmt_vec};
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use ndarray::Array1;
use plotters::element::{Circle, DashedPathElement};
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct Params {
    pub f: Differentiator,
    pub init: [f64; 2],
    pub lr: f64,
    pub step_num: usize,
}

/// The book's file name for this figure.
pub const FILE: &str = "gradient_method.png";

impl Params {
    /// The book's script: function_2 from (−3, 4), lr 0.1, 20 steps.
    pub fn book() -> Self {
        Params {
            f: book::by_the_book(book::function_2()),
            init: [-3.0, 4.0],
            lr: 0.1,
            step_num: 20,
        }
    }
}

/// The flags of `descent`: [`Params`] with the function as an expression
/// and the method that differentiates it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The function of x0 and x1 to minimize
    #[arg(long = "f", value_name = "EXPR", default_value = book::FUNCTION_2, value_parser = parse_f_of_x0_x1)]
    pub f: Expression,
    /// Learning rate, greater than 0
    #[arg(long, default_value_t = Params::book().lr, value_parser = parse_lr)]
    pub lr: f64,
    /// Number of steps
    #[arg(long, default_value_t = Params::book().step_num, value_parser = parse_steps)]
    pub steps: usize,
    /// Starting point X0,X1
    #[arg(long, value_name = "X0,X1", default_value_t = Point(Params::book().init), value_parser = parse_point)]
    pub init: Point,
    #[command(flatten)]
    pub method: MethodArgs,
}

impl Figure for Args {
    fn about() -> String {
        format!("The path of gradient descent on x0² + x1² ({FILE})")
    }

    fn example() -> &'static str {
        "numdiff-plot descent --lr 0.1 --steps 100 --init -3,4"
    }

    fn plot(&self) -> Result<(&'static str, Box<dyn SerializePlot>)> {
        let params = Params {
            f: self.method.differentiator(self.f.clone())?,
            init: self.init.0,
            lr: self.lr,
            step_num: self.steps,
        };
        Ok((FILE, Box::new(compute(&params))))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub function: String,
    pub method: Method,
    pub init: [f64; 2],
    pub lr: f64,
    pub step_num: usize,
    /// The point after the last step.
    pub x: [f64; 2],
    /// f at the start.
    pub f_init: f64,
    /// f at the final point.
    pub f: f64,
    /// f grew instead of shrinking (or overflowed): the rate is too large.
    pub diverged: bool,
    /// The point moved less than [`BARELY`] of its distance from the origin
    /// where f has a slope: the rate is too small.
    pub barely_moved: bool,
    /// The point before each step taken.
    pub history: Vec<[f64; 2]>,
    /// Why descent stopped early, if it did: f had no gradient at the point
    /// the step would start from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
}

/// Too small a learning rate barely updates (book §4.4.1): with lr 1e-10
/// the book's 20 steps from (−3, 4) move the point 2e-8. A path is said to
/// barely move when it covers less than this fraction of the start's
/// distance from the origin (the minimum of the book's x0² + x1²): at that
/// pace the start is not left behind in a thousand times the steps. The
/// book's lr 0.1 covers 99 % of it; lr 1e-5 covers 0.04 %.
pub const BARELY: f64 = 1e-3;

pub fn compute(p: &Params) -> Data {
    let init = Array1::from(p.init.to_vec());
    // With the book's method the gradient is the book's numerical_gradient,
    // so this is the book's gradient_descent bit for bit. It stops where f
    // leaves its domain; an overflow goes on as NaN, and is reported as
    // divergence.
    let grad = |x: &Array1<f64>| match p.f.gradient(x.as_slice().expect("contiguous")) {
        Ok(g) => Ok(Array1::from(g)),
        Err(u) if u.outside_domain() => Err(u),
        Err(_) => Ok(Array1::from_elem(x.len(), f64::NAN)),
    };
    let f = |x: &Array1<f64>| p.f.value(x.as_slice().expect("contiguous"));
    let (d, stopped) = try_descend(f, grad, &init, p.lr, p.step_num);
    let pair = |a: &Array1<f64>| [a[0], a[1]];
    let norm = |a: &Array1<f64>| a.dot(a).sqrt();
    // A start where the gradient is 0 does not move, whatever the rate.
    let sloped = grad(&init).is_ok_and(|g| norm(&g) > 0.0);
    let diverged = d.diverged && stopped.is_none();
    Data {
        function: p.f.expr.source().to_string(),
        method: p.f.method,
        init: p.init,
        lr: p.lr,
        step_num: p.step_num,
        x: pair(&d.x),
        f_init: f(&init),
        f: f(&d.x),
        // Stopping where f is not defined is not diverging.
        diverged,
        barely_moved: !diverged
            && stopped.is_none()
            && sloped
            && norm(&(&d.x - &init)) < BARELY * norm(&init),
        history: d.history.iter().map(pair).collect(),
        stopped: stopped.map(|(step, why)| {
            format!(
                "gradient descent stopped at step {} of {}: {why}",
                step + 1,
                p.step_num
            )
        }),
    }
}

/// Limits symmetric about 0 that show the start `v` as the book's limits
/// show its start: ±max(`book`, `ratio`·|v|), with the book's
/// (−3.5, 3.5) × (−4.5, 4.5) for (−3, 4). A diverging path leaves them; the
/// start stays in view.
fn showing(v: f64, ratio: f64, book: f64) -> (f64, f64) {
    let half = book.max(ratio * v.abs());
    (-half, half)
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "descent"
    }

    fn report(&self) -> String {
        format!(
            "final point after {} of lr {}: {}\nf there: {}\n",
            fmt_count(self.history.len(), "step"),
            fmt_f64(self.lr),
            fmt_vec(&self.x),
            fmt_f64(self.f)
        )
    }

    fn warnings(&self) -> Vec<String> {
        if let Some(stopped) = &self.stopped {
            return vec![stopped.clone()];
        }
        let steps = format!(
            "{} of lr {}",
            fmt_count(self.history.len(), "step"),
            fmt_f64(self.lr)
        );
        if self.barely_moved {
            let moved =
                ((self.x[0] - self.init[0]).powi(2) + (self.x[1] - self.init[1]).powi(2)).sqrt();
            return vec![format!(
                "gradient descent barely moved: the point moved {} in {steps}: \
                 too small a learning rate barely updates (book §4.4.1); try a larger --lr",
                fmt_rounded(moved)
            )];
        }
        if !self.diverged {
            return Vec::new();
        }
        let f_start = self.f_init;
        let (from, to) = (fmt_f64(f_start), fmt_f64(self.f));
        vec![if !f_start.is_finite() {
            format!(
                "gradient descent cannot start: f is {from} at --init {}; \
                 start nearer the minimum",
                fmt_vec(&self.init)
            )
        } else if !self.f.is_finite() {
            format!(
                "gradient descent diverged: f went from {from} to {to}, past the largest \
                 number, in {steps}: too large a learning rate diverges (book §4.4.1); \
                 try a smaller --lr"
            )
        } else {
            format!(
                "gradient descent diverged: f grew from {from} to {to} in {steps} instead of \
                 shrinking: too large a learning rate diverges (book §4.4.1); try a smaller --lr"
            )
        }]
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let (xlim, ylim) = canvas.view().limits(
            showing(self.init[0], 3.5 / 3.0, 3.5),
            showing(self.init[1], 4.5 / 4.0, 4.5),
        );
        let axes = Axes::new(canvas, xlim, ylim).labels("X0", "X1");
        let pen = canvas.pen();
        axes.draw(canvas, |area| {
            // '--b': matplotlib's dashes for a 1.5 pt line are 5.55 pt on, 2.4 pt off.
            let dashed = pen.stroke(style::BLUE, style::LINE_WIDTH);
            let (on, off) = (
                pen.px(style::pt(5.55)).round() as u32,
                pen.px(style::pt(2.4)).round() as u32,
            );
            // The book's axis lines run from −5 to 5, across its limits;
            // they still cross wider ones.
            let (x0, x1) = (xlim.0.min(-5.0), xlim.1.max(5.0));
            let (y0, y1) = (ylim.0.min(-5.0), ylim.1.max(5.0));
            for [a, b] in [[(x0, 0.0), (x1, 0.0)], [(0.0, y0), (0.0, y1)]] {
                for piece in axes.dashed_segment(pen, a, b, style::LINE_WIDTH) {
                    area.draw(&DashedPathElement::new(piece, on, off, dashed))?;
                }
            }
            let radius = pen.px(style::MARKER_SIZE / 2.0 + style::pt(0.5)).round() as i32;
            let dot = pen.stroke(style::cycle(0), 0.0).filled();
            // Only the dots centred inside the plot: plotters would pin one
            // outside (a diverging step) to the edge. Points that are not
            // finite are not drawn at all.
            let (w, h) = (
                axes.rect.width().round() as i32,
                axes.rect.height().round() as i32,
            );
            let visible = |(u, v): (i32, i32)| (0..=w).contains(&u) && (0..=h).contains(&v);
            for p in &self.history {
                if let Some(c) = axes.pixel(p[0], p[1]).filter(|&c| visible(c)) {
                    area.draw(&Circle::new(c, radius, dot))?;
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
    fn the_book_s_hundred_steps_bit_for_bit() {
        let d = compute(&Params {
            step_num: 100,
            ..Params::book()
        });
        assert_eq!(d.x, [-6.111107928998789e-10, 8.148143905314271e-10]);
        assert!(d.stopped.is_none() && d.warnings().is_empty());
    }

    #[test]
    fn descent_stops_where_f_has_no_gradient_and_says_at_which_step() {
        let f = Expression::parse("abs(x0) + x1^2", book::X0_X1).unwrap();
        let d = compute(&Params {
            f: Differentiator::new(f, Method::Exact, None).unwrap(),
            init: [0.5, 1.0],
            lr: 0.25,
            step_num: 20,
        });
        // x0: 0.5 → 0.25 → 0, where abs has a corner.
        assert_eq!(d.history.len(), 2);
        assert_eq!(d.x, [0.0, 0.25]);
        assert_eq!(
            d.warnings(),
            [
                "gradient descent stopped at step 3 of 20: f is not differentiable at \
              [x0, x1] = [0, 0.25]: abs has no derivative where its argument is 0"
            ]
        );
        assert!(d
            .report()
            .starts_with("final point after 2 steps of lr 0.25: [0, 0.25]\n"));
    }
}
