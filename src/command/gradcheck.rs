//! `gradcheck`: the book's `ch05/gradient_check.py` on the network of
//! section 4.5. On the first batch that `train` draws (after the weights,
//! from numpy's stream seeded with `--seed`), the numerical gradient (the
//! central difference over all 39,760 parameters) and the backprop one,
//! side by side: per parameter the mean of |backprop − numerical|, as the
//! script prints it (`key + ":" + str(diff)`), the largest, and the time
//! each gradient took.

use super::data::load_for_batches;
use super::train::datasets;
use crate::cli::GradcheckArgs;
use crate::network::engine::layout::PaddedParams;
use crate::network::engine::numerical::numerical_gradient;
use crate::network::engine::simd::Level;
use crate::network::engine::sparse::SparseImages;
use crate::network::engine::threads::Team;
use crate::network::{
    gradient, inputs, labels, one_hot, Gradients, Settings, TwoLayerNet, CLASSES,
};
use crate::numerics::sum::numpy_sum;
use crate::numerics::RandomState;
use crate::output::print_stdout;
use crate::output::text::fmt_py;
use crate::threads;
use anyhow::{Context, Result};
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

/// One number per parameter array, named as the book's `params` keys.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PerParameter {
    #[serde(rename = "W1")]
    pub w1: f64,
    pub b1: f64,
    #[serde(rename = "W2")]
    pub w2: f64,
    pub b2: f64,
}

impl PerParameter {
    fn of(a: &Gradients, b: &Gradients, f: impl Fn(&[f64]) -> f64) -> Self {
        let diffs = |x: &[f64], y: &[f64]| -> Vec<f64> {
            x.iter().zip(y).map(|(p, q)| (p - q).abs()).collect()
        };
        let slice = |g: &Gradients| {
            [
                g.w1.as_slice().expect("standard layout").to_vec(),
                g.b1.to_vec(),
                g.w2.as_slice().expect("standard layout").to_vec(),
                g.b2.to_vec(),
            ]
        };
        let (a, b) = (slice(a), slice(b));
        let d: Vec<f64> = (0..4).map(|i| f(&diffs(&a[i], &b[i]))).collect();
        PerParameter {
            w1: d[0],
            b1: d[1],
            w2: d[2],
            b2: d[3],
        }
    }

    fn named(&self) -> [(&'static str, f64); 4] {
        [
            ("W1", self.w1),
            ("b1", self.b1),
            ("W2", self.w2),
            ("b2", self.b2),
        ]
    }
}

/// What `gradcheck --json` prints.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub max_abs_diff: PerParameter,
    pub mean_abs_diff: PerParameter,
    pub numerical_seconds: f64,
    pub backprop_seconds: f64,
    pub parameters: usize,
    pub batch: usize,
    pub seed: u32,
    pub threads: usize,
    pub data: &'a Path,
}

/// `gradcheck` as the binary runs it.
pub fn run(a: &GradcheckArgs) -> Result<()> {
    let (mnist, dir) = load_for_batches(&a.data, a.batch)?;
    let (train, _) = datasets(mnist)?;

    // train_neuralnet.py's order: np.random.seed, the network, the first batch.
    // The book's hidden size, as `train` uses by default.
    let hidden = Settings::book().hidden;
    let mut rng = RandomState::new(a.seed);
    let net = TwoLayerNet::for_inputs(train.pixels(), hidden, &mut rng);
    let batch = rng
        .choice(train.len(), a.batch)
        .context("drawing the batch")?;

    // One part per parameter row at most: a row of W1 per pixel, b1, W2's
    // rows, b2.
    let threads = threads::count(a.threads, train.pixels() + hidden + 2);
    let team = Team::new(threads).with_context(|| format!("starting {threads} threads"))?;
    let images = SparseImages::new(&train, &team)?;
    let params = PaddedParams::new(&net);
    let started = Instant::now();
    let numerical = numerical_gradient(Level::detect(), &params, &images, &batch, &team)?;
    let numerical_seconds = started.elapsed().as_secs_f64();

    let (x, t) = (inputs(&train, &batch), labels(&train, &batch));
    let t = one_hot(&t, CLASSES);
    let started = Instant::now();
    let backprop = gradient(&net, x.view(), t.view());
    let backprop_seconds = started.elapsed().as_secs_f64();

    let report = Report {
        max_abs_diff: PerParameter::of(&backprop, &numerical, |d| {
            d.iter().fold(0.0, |m, &v| f64::max(m, v))
        }),
        mean_abs_diff: PerParameter::of(&backprop, &numerical, |d| numpy_sum(d) / d.len() as f64),
        numerical_seconds,
        backprop_seconds,
        parameters: numerical.w1.len()
            + numerical.b1.len()
            + numerical.w2.len()
            + numerical.b2.len(),
        batch: a.batch,
        seed: a.seed,
        threads,
        data: &dir,
    };
    let text = if a.json {
        serde_json::to_string(&report).context("serializing the report")? + "\n"
    } else {
        text(&report)
    };
    Ok(print_stdout(text.as_bytes())?)
}

/// The report as text: the script's lines (the mean), then the largest
/// differences and the times.
pub fn text(r: &Report) -> String {
    let mut s = "mean |backprop - numerical| (ch05/gradient_check.py):\n".to_string();
    for (key, diff) in r.mean_abs_diff.named() {
        s += &format!("{key}:{}\n", fmt_py(diff));
    }
    s += "max |backprop - numerical|:\n";
    for (key, diff) in r.max_abs_diff.named() {
        s += &format!("{key}:{}\n", fmt_py(diff));
    }
    s += &format!(
        "numerical gradient: {:.4} s ({} parameters, batch of {}, {} thread{})\n\
         backprop gradient:  {:.4} s\n",
        r.numerical_seconds,
        r.parameters,
        r.batch,
        r.threads,
        if r.threads == 1 { "" } else { "s" },
        r.backprop_seconds
    );
    s
}
