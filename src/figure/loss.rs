//! The loss functions of the book's section 4.2 on its example, and the
//! natural logarithm y = log x on (0, 1] (Figure 4-3), the curve that makes
//! cross-entropy punish a small output for the correct class.

use super::{Figure, Plot, SerializePlot};
use crate::cli::parse::{parse_numbers, parse_target, Numbers};
use crate::cli::OutputArgs;
use crate::error::Error;
use crate::numerics::functions::argmax;
use crate::numerics::loss::{
    cross_entropy_error, cross_entropy_error_batch, cross_entropy_error_labels, mean_squared_error,
};
use crate::output::{fmt_count, fmt_f64, fmt_rounded, fmt_vec};
use crate::render::axes::auto_limits;
use crate::render::canvas::{Align, VAlign};
use crate::render::{style, Axes, Canvas};
use anyhow::Result;
use ndarray::{Array2, ArrayView1};
use plotters::element::{Circle, PathElement};
use serde::Serialize;

/// The file name for Figure 4-3.
pub const FILE: &str = "natural_log.png";

/// How many points of log x are drawn: x = 1/n, 2/n, …, 1, so that the
/// curve reaches down to log(1/200) ≈ −5.3, as the book's does to about −5.
const SAMPLES: usize = 200;

/// The correct answer, t.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// One value per class, the book's one-hot t = [0, 0, 1, 0, …].
    OneHot(Vec<f64>),
    /// The index of the correct class (the book's label form, t = 2).
    Label(usize),
}

/// The outputs and the answer; the flags of `loss`.
#[derive(Debug, Clone, PartialEq, clap::Args)]
pub struct Params {
    /// The network's output for one example, one value per class (like softmax's); repeat for several
    #[arg(long, value_name = "Y,…", default_values_t = Params::book().y, value_parser = parse_numbers)]
    pub y: Vec<Numbers>,
    /// The correct answer: one-hot, like 0,0,1, or the index of the correct class, like 2
    #[arg(long, value_name = "T,…|CLASS", default_value_t = Params::book().t, value_parser = parse_target)]
    pub t: Target,
}

impl Params {
    /// The book's example: the correct class is 2; the first y gives it
    /// 0.6, the second 0.1 (and 0.6 to class 7).
    pub fn book() -> Self {
        let mut t = vec![0.0; 10];
        t[2] = 1.0;
        Params {
            t: Target::OneHot(t),
            y: vec![
                Numbers(vec![0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]),
                Numbers(vec![0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]),
            ],
        }
    }
}

impl Figure for Params {
    fn about() -> String {
        format!(
            "The loss functions of section 4.2 on the book's example, and y = log x, \
             why cross-entropy punishes a small output for the correct class ({FILE})"
        )
    }

    fn example() -> &'static str {
        "numdiff-plot loss --y 0.1,0.7,0.2 --t 1"
    }

    /// Whether t fits every y, as a message naming the flags if not: a
    /// one-hot t as long as each y, a label that is one of y's classes.
    fn check(&self, _out: &OutputArgs) -> Result<(), Error> {
        let classes = self.y[0].0.len();
        for Numbers(y) in &self.y {
            let n = y.len();
            match &self.t {
                Target::OneHot(t) if t.len() != n => {
                    return Err(Error::usage(format!(
                        "--y {} has {} and --t has {}; give them the same length, \
                         or --t as the index of the correct class",
                        list(y),
                        fmt_count(n, "value"),
                        fmt_count(t.len(), "value")
                    )))
                }
                Target::Label(_) if n != classes => {
                    return Err(Error::usage(format!(
                        "--y {} has {} and --y {} has {}; every --y needs one value per class",
                        list(&self.y[0].0),
                        fmt_count(classes, "value"),
                        list(y),
                        n
                    )))
                }
                Target::Label(label) if *label >= n => {
                    return Err(Error::usage(format!(
                        "--t {label} is not a class of --y {}, which has {} (0 to {})",
                        list(y),
                        fmt_count(n, "value"),
                        n.saturating_sub(1)
                    )))
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn plot(&self) -> Result<(&'static str, Box<dyn SerializePlot>)> {
        Ok((FILE, Box::new(compute(self))))
    }
}

/// A list as it was typed: `0.1,0.6,0.3`.
fn list(v: &[f64]) -> String {
    v.iter().map(|&x| fmt_f64(x)).collect::<Vec<_>>().join(",")
}

/// One example's output and its two losses.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    pub y: Vec<f64>,
    /// The class the network finds most likely.
    pub argmax: usize,
    pub mean_squared_error: f64,
    pub cross_entropy_error: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Data {
    /// t, one-hot (a label is written out as one).
    pub t: Vec<f64>,
    /// The correct class, if t is one-hot or a label.
    pub label: Option<usize>,
    pub examples: Vec<Example>,
    /// The mini-batch cross-entropy of all the examples (section 4.2.4):
    /// the mean of theirs, computed by the batch function for labels or
    /// for one-hot targets as t was given.
    pub batch_cross_entropy_error: f64,
    /// Figure 4-3: x on (0, 1] and log x.
    pub x: Vec<f64>,
    pub log_x: Vec<f64>,
}

pub fn compute(p: &Params) -> Data {
    let classes = p.y[0].0.len();
    let (t, label) = match &p.t {
        Target::OneHot(t) => (t.clone(), one_hot_label(t)),
        Target::Label(l) => {
            let mut t = vec![0.0; classes];
            t[*l] = 1.0;
            (t, Some(*l))
        }
    };
    let tv = ArrayView1::from(&t);
    let examples =
        p.y.iter()
            .map(|Numbers(y)| {
                let yv = ArrayView1::from(y);
                Example {
                    y: y.clone(),
                    argmax: argmax(yv),
                    mean_squared_error: mean_squared_error(yv, tv),
                    cross_entropy_error: cross_entropy_error(yv, tv),
                }
            })
            .collect();
    let ys = Array2::from_shape_fn((p.y.len(), classes), |(n, k)| p.y[n].0[k]);
    let batch_cross_entropy_error = match &p.t {
        Target::Label(l) => cross_entropy_error_labels(ys.view(), &vec![*l; p.y.len()]),
        Target::OneHot(_) => {
            let ts = Array2::from_shape_fn(ys.dim(), |(_, k)| t[k]);
            cross_entropy_error_batch(ys.view(), ts.view())
        }
    };
    let x: Vec<f64> = (1..=SAMPLES).map(|i| i as f64 / SAMPLES as f64).collect();
    let log_x = x.iter().map(|&v| libm::log(v)).collect();
    Data {
        t,
        label,
        examples,
        batch_cross_entropy_error,
        x,
        log_x,
    }
}

/// The index of the 1 in a one-hot t (one 1, the rest 0), else `None`.
fn one_hot_label(t: &[f64]) -> Option<usize> {
    let ones: Vec<usize> = (0..t.len()).filter(|&k| t[k] == 1.0).collect();
    let rest_zero = t.iter().all(|&v| v == 0.0 || v == 1.0);
    (ones.len() == 1 && rest_zero).then(|| ones[0])
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "loss"
    }

    fn report(&self) -> String {
        let mut text = format!("t = {}", fmt_vec(&self.t));
        if let Some(l) = self.label {
            text += &format!(" (the correct class is {l})");
        }
        text.push('\n');
        for e in &self.examples {
            text += &format!(
                "y = {} (most likely {})\n  mean_squared_error:  {}\n  cross_entropy_error: {}\n",
                fmt_vec(&e.y),
                e.argmax,
                fmt_f64(e.mean_squared_error),
                fmt_f64(e.cross_entropy_error)
            );
        }
        if self.examples.len() > 1 {
            text += &format!(
                "mini-batch of {}: cross_entropy_error {}\n",
                self.examples.len(),
                fmt_f64(self.batch_cross_entropy_error)
            );
        }
        text
    }

    fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.label.is_none() {
            warnings.push(format!(
                "--t {} is not one-hot (one 1, the rest 0); the losses take it as given",
                list(&self.t)
            ));
        }
        for e in &self.examples {
            let outside = e.y.iter().position(|v| !(0.0..=1.0).contains(v));
            let sum: f64 = e.y.iter().sum();
            if let Some(k) = outside {
                warnings.push(format!(
                    "--y {} has {} at index {k}, outside [0, 1]: the losses expect \
                     probabilities, like softmax's output",
                    list(&e.y),
                    fmt_f64(e.y[k])
                ));
            } else if (sum - 1.0).abs() > 1e-9 {
                warnings.push(format!(
                    "--y {} sums to {}, not 1: the losses expect probabilities, \
                     like softmax's output",
                    list(&e.y),
                    fmt_rounded(sum)
                ));
            }
        }
        warnings
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let xlim = auto_limits(self.x.iter().copied());
        let ylim = auto_limits(self.log_x.iter().copied());
        let (xlim, ylim) = canvas.view().limits(xlim, ylim);
        let axes = Axes::new(canvas, xlim, ylim).labels("x", "y");
        let pen = canvas.pen();
        // Each example's output for the correct class, on the curve: its
        // cross-entropy is the distance −log y below the x axis.
        let marks: Vec<(f64, usize)> = match self.label {
            Some(l) => self.examples.iter().map(|e| (e.y[l], l)).collect(),
            None => Vec::new(),
        };
        axes.draw(canvas, |area| {
            let stroke = pen.stroke(style::cycle(0), style::LINE_WIDTH);
            let points = self.x.iter().copied().zip(self.log_x.iter().copied());
            for piece in axes.polyline(points) {
                area.draw(&PathElement::new(piece, stroke))?;
            }
            let radius = pen.px(style::MARKER_RADIUS).round() as i32;
            for (n, &(y, _)) in marks.iter().enumerate() {
                let colour = style::cycle(n + 1);
                let Some(c) = axes.pixel(y, libm::log(y)) else {
                    continue;
                };
                area.draw(&Circle::new(c, radius, pen.stroke(colour, 0.0).filled()))?;
                let label = format!("\u{2212}log {} = {:.2}", fmt_f64(y), -libm::log(y));
                let at = (c.0 as f64 + 2.0 * radius as f64, c.1 as f64);
                pen.text_colored(
                    area,
                    &label,
                    at,
                    (Align::Left, VAlign::Center),
                    style::FONT_SIZE,
                    colour,
                )?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_book_s_four_numbers_to_the_last_digit() {
        let d = compute(&Params::book());
        let e = &d.examples;
        assert_eq!(e[0].mean_squared_error, 0.09750000000000003);
        assert_eq!(e[1].mean_squared_error, 0.5975);
        assert_eq!(e[0].cross_entropy_error, 0.510825457099338);
        assert_eq!(e[1].cross_entropy_error, 2.302584092994546);
        assert_eq!((e[0].argmax, e[1].argmax, d.label), (2, 7, Some(2)));
        assert_eq!(d.batch_cross_entropy_error, 1.406704775046942);
    }

    #[test]
    fn a_label_gives_what_its_one_hot_t_gives() {
        let book = compute(&Params::book());
        let label = compute(&Params {
            t: Target::Label(2),
            ..Params::book()
        });
        assert_eq!(label.t, book.t);
        assert_eq!(label.report(), book.report());
    }

    #[test]
    fn the_curve_ends_at_log_1_and_starts_near_minus_5() {
        let d = compute(&Params::book());
        assert_eq!(d.x.len(), 200);
        assert_eq!((d.x[199], d.log_x[199]), (1.0, 0.0));
        assert_eq!(d.x[0], 0.005);
        assert!((d.log_x[0] + 5.298317366548036).abs() < 1e-15);
    }
}
