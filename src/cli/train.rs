//! The flags of `train`: the book's hyperparameters, with its values
//! ([`Settings::book`]) as defaults, where the data and the figures are,
//! and the threads.

use super::caps::{MAX_HIDDEN, MAX_ITERS};
use super::data::DataDirArg;
use super::parse::parse_seed;
use crate::network::Settings;
use crate::threads::parse_threads;
use clap::{Args, ValueEnum};
use std::num::NonZeroUsize;
use std::path::PathBuf;

/// The book's settings, whose values are the flags' defaults.
const BOOK: Settings = Settings::book();

/// How the gradient of the loss is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grad {
    /// Backpropagation (`TwoLayerNet.gradient`), as the book's script trains.
    Backprop,
    /// The central difference over every parameter
    /// (`TwoLayerNet.numerical_gradient`), the chapter's own method.
    Numerical,
}

#[derive(Debug, Args)]
#[command(mut_args = super::negative_numbers)]
pub struct TrainArgs {
    /// Iterations: one mini-batch and one gradient step each (iters_num)
    #[arg(long, value_name = "N", default_value_t = BOOK.iters, value_parser = parse_iters)]
    pub iters: usize,
    /// Images per mini-batch, drawn with replacement (batch_size); at most the training set's size
    #[arg(long, value_name = "N", default_value_t = BOOK.batch_size, value_parser = parse_batch)]
    pub batch: usize,
    /// Learning rate (learning_rate)
    #[arg(long, value_name = "LR", default_value_t = BOOK.learning_rate, value_parser = parse_lr)]
    pub lr: f64,
    /// Units in the hidden layer (hidden_size)
    #[arg(long, value_name = "N", default_value_t = BOOK.hidden, value_parser = parse_hidden)]
    pub hidden: usize,
    /// The weights and batches that follow numpy's np.random.seed(SEED)
    #[arg(long, default_value_t = BOOK.seed, value_parser = parse_seed)]
    pub seed: u32,
    /// How the gradient is computed: backprop (as the book's script) or numerical (the chapter's central difference)
    #[arg(long, value_name = "METHOD", value_enum, default_value_t = Grad::Backprop)]
    pub grad: Grad,
    /// Threads to train on (default: every core); the results are the same on any number
    #[arg(short = 'j', long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<NonZeroUsize>,
    #[command(flatten)]
    pub data: DataDirArg,
    /// The directory to write train_loss.png and train_accuracy.png into (created if missing)
    #[arg(short, long, value_name = "DIR", default_value = ".", value_parser = super::data::parse_dir)]
    pub output: PathBuf,
    /// Print the losses, accuracies, settings and seconds as one JSON object instead of text
    #[arg(long)]
    pub json: bool,
    /// Print no progress and no report (errors still go to stderr; --json still prints)
    #[arg(short, long)]
    pub quiet: bool,
}

fn whole(s: &str, min: usize, max: usize) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(v) if (min..=max).contains(&v) => Ok(v),
        _ => Err(format!("expected a whole number from {min} to {max}")),
    }
}

/// Iterations: 1 to [`MAX_ITERS`].
pub fn parse_iters(s: &str) -> Result<usize, String> {
    whole(s, 1, MAX_ITERS)
}

/// A batch size of at least 1; the training set's size bounds it once the
/// data is loaded.
pub fn parse_batch(s: &str) -> Result<usize, String> {
    whole(s, 1, usize::MAX)
}

/// Hidden units: 1 to [`MAX_HIDDEN`].
pub fn parse_hidden(s: &str) -> Result<usize, String> {
    whole(s, 1, MAX_HIDDEN)
}

/// A learning rate: finite and greater than 0.
pub fn parse_lr(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err("expected a finite number greater than 0, like 0.1".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_within_their_ranges() {
        assert_eq!(parse_iters("10000"), Ok(10000));
        assert!(parse_iters("0").is_err() && parse_iters("-1").is_err());
        assert!(parse_iters(&(MAX_ITERS + 1).to_string()).is_err());
        assert_eq!(parse_batch("100"), Ok(100));
        assert!(parse_batch("0").is_err() && parse_batch("1.5").is_err());
        assert_eq!(parse_hidden("50"), Ok(50));
        assert!(parse_hidden("0").is_err());
        assert!(parse_hidden(&(MAX_HIDDEN + 1).to_string()).is_err());
        assert_eq!(parse_lr("0.1"), Ok(0.1));
        for bad in ["0", "-0.1", "nan", "inf", "x"] {
            assert!(parse_lr(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_seed("4294967295"), Ok(u32::MAX));
        assert!(parse_seed("4294967296").is_err() && parse_seed("-1").is_err());
    }
}
