//! gradient_2d: the field of −∇f for f = x0² + x1² as arrows (Figure 4-9).

use super::book::{self, MethodArgs};
use super::{Figure, Plot, SerializePlot};
use crate::cli::caps::{cap, MAX_ARROWS};
use crate::cli::parse::{parse_f_of_x0_x1, parse_point, parse_range, Point};
use crate::cli::OutputArgs;
use crate::derivative::{Differentiator, Method};
use crate::error::Error;
use crate::expr::Expression;
use crate::numerics::Arange;
use crate::output::{fmt_count, fmt_vec};
use crate::render::arrow::arrow_polygon;
use crate::render::{Axes, Canvas};
use anyhow::Result;
use plotters::element::Polygon;
use plotters::style::RGBColor;
use serde::Serialize;

/// The arrows' colour, #666666 as in the book.
const ARROW: RGBColor = RGBColor(0x66, 0x66, 0x66);

/// The book's file name for this figure.
pub const FILE: &str = "gradient_2d.png";

#[derive(Debug, Clone)]
pub struct Params {
    pub f: Differentiator,
    /// Grid points on each axis: the book's arange(−2, 2.5, 0.25).
    pub grid: Arange,
    /// Points whose gradient is printed: the book's (3, 4), (0, 2), (3, 0).
    pub at: Vec<[f64; 2]>,
}

impl Params {
    /// The book's figure: function_2 on arange(−2, 2.5, 0.25) each way, and
    /// its gradient printed at (3, 4), (0, 2) and (3, 0).
    pub fn book() -> Self {
        Params {
            f: book::by_the_book(book::function_2()),
            grid: Arange::new(-2.0, 2.5, 0.25),
            at: vec![[3.0, 4.0], [0.0, 2.0], [3.0, 0.0]],
        }
    }
}

/// The flags of `quiver`: [`Params`] with the function as an expression
/// and the method that differentiates it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The function of x0 and x1
    #[arg(long = "f", value_name = "EXPR", default_value = book::FUNCTION_2, value_parser = parse_f_of_x0_x1)]
    pub f: Expression,
    /// Arrow positions on each axis as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value_t = Params::book().grid, value_parser = parse_range)]
    pub grid: Arange,
    /// A point X0,X1 whose gradient is printed; repeat for several
    #[arg(long, value_name = "X0,X1", default_values_t = Params::book().at.into_iter().map(Point), value_parser = parse_point)]
    pub at: Vec<Point>,
    #[command(flatten)]
    pub method: MethodArgs,
}

impl Figure for Args {
    fn about() -> String {
        format!("The field of −∇(x0² + x1²) as arrows ({FILE})")
    }

    fn example() -> &'static str {
        "numdiff-plot quiver --at 3,4 --json"
    }

    fn check(&self, _out: &OutputArgs) -> Result<(), Error> {
        let n = self.grid.len() as u64;
        cap(n * n, MAX_ARROWS, "use a larger STEP", || {
            format!("--grid gives {n} points per axis, {} arrows", n * n)
        })
    }

    fn plot(&self) -> Result<(&'static str, Box<dyn SerializePlot>)> {
        let params = Params {
            f: self.method.differentiator(self.f.clone())?,
            grid: self.grid,
            at: self.at.iter().map(|p| p.0).collect(),
        };
        Ok((FILE, Box::new(compute(&params))))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub function: String,
    pub method: Method,
    /// One arrow per grid point, x0 varying fastest (numpy's meshgrid, flattened).
    pub arrows: Vec<Arrow>,
    /// The gradient at each requested point.
    pub gradients: Vec<Gradient>,
    /// Where there is no gradient, if anywhere; those arrows and gradients
    /// are null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<Missing>,
}

/// The points without a gradient: why at the first, and how many.
#[derive(Debug, Clone, Serialize)]
pub struct Missing {
    pub first: String,
    /// Grid points and `--at` points together.
    pub points: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Arrow {
    pub x: [f64; 2],
    /// −∇f at x: the direction of steepest descent.
    pub minus_grad: [f64; 2],
}

#[derive(Debug, Clone, Serialize)]
pub struct Gradient {
    pub x: [f64; 2],
    pub grad: [f64; 2],
}

/// ∇f at x, or NaNs (no arrow, null in JSON) and why there is none.
fn gradient(f: &Differentiator, x: [f64; 2], missing: &mut Option<Missing>) -> [f64; 2] {
    match f.gradient(&x) {
        Ok(g) => [g[0], g[1]],
        Err(u) => {
            let m = missing.get_or_insert_with(|| Missing {
                first: u.to_string(),
                points: 0,
            });
            m.points += 1;
            [f64::NAN; 2]
        }
    }
}

/// The gradient at every grid point, one point at a time. (The book's script
/// passes the whole 2×324 grid as two "points" of 324 coordinates each, which
/// sums 324 squares per evaluation; the gradient is the same to ~1e-10.)
pub fn compute(p: &Params) -> Data {
    let axis = p.grid.values();
    let mut undefined = None;
    let arrows = axis
        .iter()
        .flat_map(|&b| axis.iter().map(move |&a| [a, b]))
        .map(|x| {
            let g = gradient(&p.f, x, &mut undefined);
            Arrow {
                x,
                minus_grad: [-g[0], -g[1]],
            }
        })
        .collect();
    let gradients =
        p.at.iter()
            .map(|&x| Gradient {
                x,
                grad: gradient(&p.f, x, &mut undefined),
            })
            .collect();
    Data {
        function: p.f.expr.source().to_string(),
        method: p.f.method,
        arrows,
        gradients,
        undefined,
    }
}

/// matplotlib's autoscale: the mean arrow is 1/(1.8·max(10, √N)) of the
/// axes' width, which keeps the longest arrows clear of their neighbours.
fn pixels_per_unit(arrows: &[Arrow], axes_width: f64) -> f64 {
    let norms: Vec<f64> = arrows
        .iter()
        .map(|a| a.minus_grad[0].hypot(a.minus_grad[1]))
        .filter(|n| n.is_finite())
        .collect();
    let mean = norms.iter().sum::<f64>() / norms.len().max(1) as f64;
    let sn = (arrows.len() as f64).sqrt().max(10.0);
    if mean > 0.0 {
        axes_width / (1.8 * mean * sn)
    } else {
        0.0
    }
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "quiver"
    }

    fn report(&self) -> String {
        self.gradients
            .iter()
            .map(|g| {
                let grad = if g.grad.iter().all(|v| v.is_finite()) {
                    fmt_vec(&g.grad)
                } else {
                    "undefined".to_string()
                };
                format!("gradient at {}: {grad}\n", fmt_vec(&g.x))
            })
            .collect()
    }

    /// The first point without a gradient, and how many more there are.
    /// Nothing to draw; where there is no gradient (the first point, and how
    /// many more); gradients that overflow.
    fn warnings(&self) -> Vec<String> {
        let finite = |v: &[f64; 2]| v.iter().all(|c| c.is_finite());
        let mut warnings = Vec::new();
        if !self.arrows.iter().any(|a| finite(&a.minus_grad)) {
            warnings.push(format!(
                "the gradient is not finite at any of the {} of --grid: nothing to draw; \
                 choose a --grid where f is defined",
                fmt_count(self.arrows.len(), "point")
            ));
        }
        match &self.undefined {
            None => {
                for g in self.gradients.iter().filter(|g| !finite(&g.grad)) {
                    warnings.push(format!(
                        "the gradient at {} is not finite: f overflows near there",
                        fmt_vec(&g.x)
                    ));
                }
            }
            Some(Missing { first, points: 1 }) => warnings.push(first.clone()),
            Some(Missing { first, points }) => warnings.push(format!(
                "{first} (and at {} more points, which have no gradient)",
                points - 1
            )),
        }
        warnings
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let (xlim, ylim) = canvas.view().limits((-2.0, 2.0), (-2.0, 2.0));
        let axes = Axes::new(canvas, xlim, ylim).labels("x0", "x1").with_grid();
        let per_unit = pixels_per_unit(&self.arrows, axes.rect.width());
        // Shaft width: matplotlib's 0.06 of the axes' width / clip(√N, 8, 25).
        let shaft = 0.06 * axes.rect.width() / (self.arrows.len() as f64).sqrt().clamp(8.0, 25.0);
        let (sx, sy) = (
            axes.rect.width() / (axes.xlim.1 - axes.xlim.0),
            axes.rect.height() / (axes.ylim.1 - axes.ylim.0),
        );
        axes.draw(canvas, |area| {
            for a in &self.arrows {
                let [u, v] = a.minus_grad;
                if !(u.is_finite() && v.is_finite()) {
                    continue;
                }
                let tail = axes.local(a.x[0], a.x[1]);
                // angles="xy": the direction as the data vector looks on screen.
                let direction = (u * sx, -v * sy);
                let outline = arrow_polygon(tail, direction, u.hypot(v) * per_unit, shaft);
                let points: Vec<(i32, i32)> = outline
                    .into_iter()
                    .map(|(x, y)| (x.round() as i32, y.round() as i32))
                    .collect();
                area.draw(&Polygon::new(points, ARROW))?;
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
    fn the_grid_has_18_by_18_arrows_and_the_book_s_gradients() {
        let d = compute(&Params::book());
        assert_eq!(d.arrows.len(), 324);
        assert_eq!(d.gradients[0].grad, [6.00000000000378, 7.999999999999119]);
        assert_eq!(d.arrows[0].x, [-2.0, -2.0]);
        assert_eq!(d.arrows[1].x, [-1.75, -2.0]);
        assert!(d.warnings().is_empty());
    }

    #[test]
    fn no_arrow_where_f_has_no_gradient() {
        let f = Expression::parse("sqrt(x0) + x1", book::X0_X1).unwrap();
        let p = Params {
            f: Differentiator::new(f, Method::Central, None).unwrap(),
            grid: Arange::new(-1.0, 1.5, 1.0),
            at: vec![[4.0, 0.0]],
        };
        let d = compute(&p);
        // Grid -1, 0, 1 on each axis: x0 = -1 is outside sqrt's domain, at
        // x0 = 0 sqrt has no derivative.
        let missing: Vec<[f64; 2]> = d
            .arrows
            .iter()
            .filter(|a| a.minus_grad[0].is_nan())
            .map(|a| a.x)
            .collect();
        assert_eq!(missing.len(), 6, "{missing:?}");
        assert!(missing.iter().all(|x| x[0] <= 0.0));
        assert_eq!(
            d.warnings(),
            [
                "f is not defined at [x0, x1] = [-1, -1]: sqrt needs an argument ≥ 0 \
              (and at 5 more points, which have no gradient)"
            ]
        );
        assert!((d.gradients[0].grad[0] - 0.25).abs() < 1e-8);
    }
}
