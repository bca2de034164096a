//! gradient_method: the path of gradient descent on x0² + x1² (Figure 4-10).

use super::{fmt_f64, fmt_vec, Plot};
use crate::calculus::Differentiator;
use crate::numerics::{descend, Method};
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

impl Default for Params {
    /// The book's script: from (−3, 4), lr 0.1, 20 steps.
    fn default() -> Self {
        Params {
            f: super::quiver::book_function(),
            init: [-3.0, 4.0],
            lr: 0.1,
            step_num: 20,
        }
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
    /// f at the final point.
    pub f: f64,
    /// The point before each step.
    pub history: Vec<[f64; 2]>,
}

pub fn compute(p: &Params) -> Data {
    let init = Array1::from(p.init.to_vec());
    let grad = |x: &Array1<f64>| Array1::from(p.f.gradient(x.as_slice().expect("contiguous")));
    let d = descend(grad, &init, p.lr, p.step_num);
    let pair = |a: &Array1<f64>| [a[0], a[1]];
    Data {
        function: p.f.f.source().to_string(),
        method: p.f.method,
        init: p.init,
        lr: p.lr,
        step_num: p.step_num,
        x: pair(&d.x),
        f: p.f.f.eval(&pair(&d.x)),
        history: d.history.iter().map(pair).collect(),
    }
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "descent"
    }

    fn report(&self) -> String {
        format!(
            "final point after {} steps of lr {}: {}\nf there: {}\n",
            self.step_num,
            fmt_f64(self.lr),
            fmt_vec(&self.x),
            fmt_f64(self.f)
        )
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let axes = Axes::new(canvas, (-3.5, 3.5), (-4.5, 4.5)).labels("X0", "X1");
        let pen = canvas.pen();
        axes.draw(canvas, |area| {
            // '--b': matplotlib's dashes for a 1.5 pt line are 5.55 pt on, 2.4 pt off.
            let dashed = pen.stroke(style::BLUE, style::LINE_WIDTH);
            let (on, off) = (
                pen.px(style::pt(5.55)) as u32,
                pen.px(style::pt(2.4)) as u32,
            );
            for line in [[(-5.0, 0.0), (5.0, 0.0)], [(0.0, -5.0), (0.0, 5.0)]] {
                for piece in axes.polyline(line) {
                    area.draw(&DashedPathElement::new(piece, on, off, dashed))?;
                }
            }
            let radius = pen.px(style::MARKER_SIZE / 2.0 + style::pt(0.5)).round() as i32;
            let dot = pen.stroke(style::cycle(0), 0.0).filled();
            for p in &self.history {
                if let Some(c) = axes.pixel(p[0], p[1]) {
                    area.draw(&Circle::new(c, radius, dot))?;
                }
            }
            Ok(())
        })
    }
}
