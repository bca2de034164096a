//! multivariate_func: x0² + x1² as a 3-D wireframe (Figure 4-8).
//!
//! The book's script draws on `Axes3D(fig)`, which matplotlib ≥ 3.6 no longer
//! attaches to the figure, so it saves a blank image; this draws the surface.

use super::{book, AxesKind, Figure, Plot, SerializePlot};
use crate::cli::caps::{cap, MAX_EVALUATIONS};
use crate::cli::parse::{parse_f_of_x0_x1, parse_finite, parse_range};
use crate::cli::OutputArgs;
use crate::error::Error;
use crate::expr::Expression;
use crate::numerics::Arange;
use crate::output::{fmt_count, fmt_f64};
use crate::render::axes3d::{autoscale, Axes3d};
use crate::render::{style, Canvas, View};
use anyhow::Result;
use plotters::element::PathElement;
use serde::Serialize;

/// What to draw, and from where; the flags of `surface`.
#[derive(Debug, Clone, clap::Args)]
pub struct Params {
    /// The function of x0 and x1
    #[arg(long = "f", value_name = "EXPR", default_value = book::FUNCTION_2, value_parser = parse_f_of_x0_x1)]
    pub f: Expression,
    /// Sample points on each axis as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value_t = Params::book().grid, value_parser = parse_range)]
    pub grid: Arange,
    /// Viewing elevation in degrees
    #[arg(long, default_value_t = Params::book().elev, value_parser = parse_finite)]
    pub elev: f64,
    /// Viewing azimuth in degrees
    #[arg(long, default_value_t = Params::book().azim, value_parser = parse_finite)]
    pub azim: f64,
}

/// The book's file name for this figure.
pub const FILE: &str = "multivariate_func.png";
/// The book's grid, arange(−3, 3, 0.1) on both axes.
pub const BOOK_GRID: Arange = Arange::new(-3.0, 3.0, 0.1);
/// The limits the book sets for its grid: xlim(−3.5, 3.5), ylim(−4.5, 4.5).
pub const BOOK_LIMITS: [(f64, f64); 2] = [(-3.5, 3.5), (-4.5, 4.5)];

impl Params {
    /// The book's figure: function_2 on arange(−3, 3, 0.1) each way, seen
    /// from matplotlib's default elevation and azimuth.
    pub fn book() -> Self {
        Params {
            f: book::function_2(),
            grid: BOOK_GRID,
            elev: 30.0,
            azim: -60.0,
        }
    }
}

impl Figure for Params {
    fn about() -> String {
        format!("x0² + x1² as a 3-D wireframe ({FILE})")
    }

    fn example() -> &'static str {
        "numdiff-plot surface --azim -30 -o surface.png"
    }

    fn check(&self, _out: &OutputArgs) -> Result<(), Error> {
        let n = self.grid.len() as u64;
        cap(n * n, MAX_EVALUATIONS, "use a larger STEP", || {
            format!("--grid gives {n} points per axis, {} evaluations", n * n)
        })
    }

    fn axes(&self) -> AxesKind {
        AxesKind::Space
    }

    fn plot(&self) -> Result<(&'static str, Box<dyn SerializePlot>)> {
        Ok((FILE, Box::new(compute(self))))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub function: String,
    /// The sample points along x0 and along x1.
    pub x0: Vec<f64>,
    pub x1: Vec<f64>,
    /// z[i][j] = f(x0[j], x1[i]), as numpy's meshgrid lays it out.
    pub z: Vec<Vec<f64>>,
    #[serde(skip)]
    pub view: (f64, f64),
    /// Whether the grid is the book's, which keeps the book's limits.
    #[serde(skip)]
    pub book_grid: bool,
}

pub fn compute(p: &Params) -> Data {
    let x0 = p.grid.values();
    let x1 = x0.clone();
    let z = x1
        .iter()
        .map(|&b| x0.iter().map(|&a| p.f.eval(&[a, b])).collect())
        .collect();
    Data {
        function: p.f.source().to_string(),
        x0,
        x1,
        z,
        view: (p.elev, p.azim),
        book_grid: p.grid == BOOK_GRID,
    }
}

/// The smallest and largest finite value (NaN, NaN if there is none: the
/// axes then show −0.05…0.05 as matplotlib's do).
fn finite_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values
        .filter(|v| v.is_finite())
        .fold((f64::NAN, f64::NAN), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

/// At most this many wireframe lines each way, as matplotlib's default.
const WIREFRAME_LINES: usize = 50;

/// Which of `n` sample lines the wireframe draws: every ⌈n / 50⌉-th, and
/// always the last, so the surface keeps its edges.
fn wireframe_indices(n: usize) -> Vec<usize> {
    let stride = n.div_ceil(WIREFRAME_LINES).max(1);
    let mut indices: Vec<usize> = (0..n).step_by(stride).collect();
    if n > 0 && indices.last() != Some(&(n - 1)) {
        indices.push(n - 1);
    }
    indices
}

impl Data {
    /// The box's limits. The book's grid keeps the book's xlim(−3.5, 3.5),
    /// ylim(−4.5, 4.5); any other grid is autoscaled as mplot3d does (5 % and
    /// 1/48 of the span on each side). --xlim and --ylim (in `view`) replace
    /// either, and the wireframe is cut at the box. z is autoscaled (1/48 on
    /// each side) to what is inside.
    pub fn limits(&self, view: &View) -> [(f64, f64); 3] {
        let fit = |v: &[f64]| {
            let (lo, hi) = finite_range(v.iter().copied());
            autoscale(lo, hi, 0.05)
        };
        let (xlim, ylim) = if self.book_grid {
            (BOOK_LIMITS[0], BOOK_LIMITS[1])
        } else {
            (fit(&self.x0), fit(&self.x1))
        };
        let (xlim, ylim) = view.limits(xlim, ylim);
        let inside =
            |a: f64, b: f64| (xlim.0..=xlim.1).contains(&a) && (ylim.0..=ylim.1).contains(&b);
        let z_inside = self.x1.iter().zip(&self.z).flat_map(|(&b, zs)| {
            self.x0
                .iter()
                .zip(zs)
                .filter(move |(&a, _)| inside(a, b))
                .map(|(_, &z)| z)
        });
        let (zlo, zhi) = finite_range(z_inside);
        [xlim, ylim, autoscale(zlo, zhi, 0.0)]
    }
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "surface"
    }

    fn report(&self) -> String {
        let z = self.z.iter().flatten().copied().filter(|v| v.is_finite());
        let (lo, hi) = z.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        });
        let range = match lo <= hi {
            true => format!("from {} to {}", fmt_f64(lo), fmt_f64(hi)),
            false => "not finite anywhere".to_string(),
        };
        format!(
            "f(x0, x1) = {} on a {}x{} grid: {range}\n",
            self.function,
            self.x0.len(),
            self.x1.len(),
        )
    }

    fn warnings(&self) -> Vec<String> {
        let n = self.x0.len();
        if n < 2 {
            vec![format!(
                "--grid gives {} per axis, too few to draw a wireframe; use a smaller STEP",
                fmt_count(n, "point")
            )]
        } else if !self.z.iter().flatten().any(|v| v.is_finite()) {
            vec![format!(
                "f is not finite at any of the {} of --grid: nothing to draw; \
                 choose a --grid where f is defined",
                fmt_count(n * n, "point")
            )]
        } else {
            Vec::new()
        }
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let [xlim, ylim, zlim] = self.limits(canvas.view());
        let inside =
            |a: f64, b: f64| (xlim.0..=xlim.1).contains(&a) && (ylim.0..=ylim.1).contains(&b);
        let axes = Axes3d::new(
            canvas,
            [xlim, ylim, zlim],
            ["x0", "x1", "f(x)"],
            self.view.0,
            self.view.1,
        );
        let pen = canvas.pen();
        let pixel = |a: f64, b: f64, z: f64| inside(a, b).then(|| axes.pixel([a, b, z])).flatten();
        axes.draw(canvas, |area| {
            let stroke = pen.stroke(style::cycle(0), style::LINE_WIDTH);
            // plot_wireframe: lines along rows and columns, at most
            // WIREFRAME_LINES of each (matplotlib's rcount = ccount = 50).
            let rows = wireframe_indices(self.x1.len()).into_iter().map(|i| {
                let (zs, b) = (&self.z[i], self.x1[i]);
                self.x0
                    .iter()
                    .zip(zs)
                    .map(|(&a, &z)| pixel(a, b, z))
                    .collect::<Vec<_>>()
            });
            let cols = wireframe_indices(self.x0.len()).into_iter().map(|j| {
                self.x1
                    .iter()
                    .zip(&self.z)
                    .map(|(&b, zs)| pixel(self.x0[j], b, zs[j]))
                    .collect::<Vec<_>>()
            });
            // A point outside the box or not finite breaks the line.
            for line in rows.chain(cols) {
                for piece in line.split(Option::is_none) {
                    let points: Vec<(i32, i32)> = piece.iter().flatten().copied().collect();
                    if points.len() > 1 {
                        area.draw(&PathElement::new(points, stroke))?;
                    }
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
    fn the_book_s_60_samples_give_31_lines_each_way_edges_included() {
        let lines = wireframe_indices(60);
        assert_eq!(lines.len(), 31);
        assert_eq!((lines[1], lines[30]), (2, 59));
        assert_eq!(wireframe_indices(20), (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn the_book_s_grid_keeps_the_book_s_limits_and_others_fit_the_data() {
        let book = compute(&Params::book());
        // z: 0…18 and 1/48 of it each side, as matplotlib's figure has it.
        assert_eq!(
            book.limits(&View::default()),
            [(-3.5, 3.5), (-4.5, 4.5), (-0.375, 18.375)]
        );
        // The autoscaled case of tests/fixtures/matplotlib/axes3d.json.
        let p = Params {
            grid: Arange::new(5.0, 10.0, 0.5),
            ..Params::book()
        };
        assert_eq!(
            compute(&p).limits(&View::default()),
            [
                (4.671875, 9.828125),
                (4.671875, 9.828125),
                (47.28125, 183.21875)
            ]
        );
        // --xlim and --ylim replace them, and z follows what is inside.
        let view = View {
            xlim: Some((0.0, 1.0)),
            ylim: Some((0.0, 1.0)),
            ..View::default()
        };
        let [x, y, z] = book.limits(&view);
        assert_eq!((x, y), ((0.0, 1.0), (0.0, 1.0)));
        assert!(z.1 < 2.1 && z.0 < 0.0, "{z:?}");
    }
}
