//! gradient_simplenet: simpleNet's W and the numerical gradient dW = ∂L/∂W
//! as two annotated heatmaps (section 4.4.2).

use super::{AxesKind, Figure, Plot, SerializePlot};
use crate::cli::parse::parse_seed;
use crate::cli::OutputArgs;
use crate::error::Error;
use crate::numerics::functions::argmax;
use crate::numerics::{SimpleNet, H};
use crate::output::{fmt_f64, fmt_vec};
use crate::render::canvas::{Align, Rect, VAlign};
use crate::render::{heatmap, style, Canvas};
use anyhow::Result;
use ndarray::{array, Array2};
use serde::Serialize;

/// The file name for this figure (the book prints these numbers).
pub const FILE: &str = "gradient_simplenet.png";

/// Which W; the flags of `simplenet`.
#[derive(Debug, Clone, PartialEq, clap::Args)]
pub struct Params {
    /// Draw W as the book's script does after np.random.seed(SEED): np.random.randn(2, 3) (default: the book's printed W)
    #[arg(long, value_parser = parse_seed)]
    pub seed: Option<u32>,
}

impl Params {
    /// The book's W, as printed.
    pub fn book() -> Self {
        Params { seed: None }
    }
}

impl Figure for Params {
    fn about() -> String {
        format!("simpleNet's weights W and numerical gradient dW ({FILE})")
    }

    fn example() -> &'static str {
        "numdiff-plot simplenet --seed 42"
    }

    fn check(&self, out: &OutputArgs) -> Result<(), Error> {
        for (flag, given) in [
            ("--xlim", out.xlim.is_some()),
            ("--ylim", out.ylim.is_some()),
        ] {
            if given {
                return Err(Error::usage(format!(
                    "{flag} does not apply to simplenet: its heatmaps have no axis scales"
                )));
            }
        }
        Ok(())
    }

    /// Heatmaps, no axes: no axis labels.
    fn axes(&self) -> AxesKind {
        AxesKind::None
    }

    fn plot(&self) -> Result<(&'static str, Box<dyn SerializePlot>)> {
        Ok((FILE, Box::new(compute(self))))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub seed: Option<u32>,
    pub x: [f64; 2],
    pub t: [f64; 3],
    pub w: Vec<Vec<f64>>,
    /// x·W.
    pub prediction: Vec<f64>,
    pub argmax: usize,
    pub loss: f64,
    pub h: f64,
    pub dw: Vec<Vec<f64>>,
}

fn rows(a: &Array2<f64>) -> Vec<Vec<f64>> {
    a.outer_iter().map(|r| r.to_vec()).collect()
}

pub fn compute(p: &Params) -> Data {
    let net = p
        .seed
        .map_or_else(SimpleNet::book, SimpleNet::from_numpy_seed);
    let x = array![0.6, 0.9];
    let t = array![0.0, 0.0, 1.0];
    let prediction = net.predict(x.view());
    Data {
        seed: p.seed,
        x: [x[0], x[1]],
        t: [t[0], t[1], t[2]],
        w: rows(&net.w),
        argmax: argmax(prediction.view()),
        prediction: prediction.to_vec(),
        loss: net.loss(x.view(), t.view()),
        h: H,
        dw: rows(&net.numerical_gradient(x.view(), t.view(), H)),
    }
}

fn fmt_matrix(m: &[Vec<f64>]) -> String {
    let rows: Vec<String> = m.iter().map(fmt_vec).collect();
    format!("[{}]", rows.join(",\n "))
}

impl Plot for Data {
    fn name(&self) -> &'static str {
        "simplenet"
    }

    fn report(&self) -> String {
        format!(
            "W =\n{}\nx = {}, t = {}\nprediction x·W = {}\nargmax = {}\nloss = {}\ndW =\n{}\n",
            fmt_matrix(&self.w),
            fmt_vec(&self.x),
            fmt_vec(&self.t),
            fmt_vec(&self.prediction),
            self.argmax,
            fmt_f64(self.loss),
            fmt_matrix(&self.dw)
        )
    }

    fn draw(&self, canvas: &mut Canvas) -> Result<()> {
        let b = canvas.bounds();
        let pen = canvas.pen();
        // W above dW, each as wide as the figure allows, so that every
        // entry fits at the book's eight decimals.
        let panel = |top: f64, bottom: f64| Rect {
            left: b.width() * 0.1,
            right: b.width() * 0.92,
            top: b.height() * top,
            bottom: b.height() * bottom,
        };
        let caption = format!(
            "x = [{}, {}], t = [0, 0, 1], loss = {:.6}, argmax(x·W) = {}",
            self.x[0], self.x[1], self.loss, self.argmax
        );
        // A title goes at the top of the figure: W moves down to make room.
        let w_panel = match canvas.view().title {
            Some(_) => panel(0.15, 0.39),
            None => panel(0.1, 0.38),
        };
        canvas.draw(|area| {
            let cell = |v: f64| format!("{v:.8}").replace('-', "\u{2212}");
            heatmap::draw(pen, area, w_panel, &self.w, "W", cell)?;
            heatmap::draw(
                pen,
                area,
                panel(0.52, 0.8),
                &self.dw,
                "dW = \u{2202}L/\u{2202}W",
                cell,
            )?;
            pen.text(
                area,
                &caption,
                (b.width() / 2.0, b.height() * 0.9),
                (Align::Center, VAlign::Top),
                style::FONT_SIZE,
                false,
            )
        })?;
        // No axes to put a title over: the title goes at the top of the
        // figure. (--xlim and --ylim do not apply to heatmaps.)
        canvas.draw_suptitle()
    }
}
