//! The flags of `gradcheck`: the batch the numerical and the backprop
//! gradient are compared on.

use super::data::DataDirArg;
use super::parse::parse_seed;
use super::train::parse_batch;
use crate::network::Settings;
use crate::threads::parse_threads;
use clap::Args;
use std::num::NonZeroUsize;

/// The book's settings, whose batch and seed are the flags' defaults.
const BOOK: Settings = Settings::book();

#[derive(Debug, Args)]
#[command(mut_args = super::negative_numbers)]
pub struct GradcheckArgs {
    #[command(flatten)]
    pub data: DataDirArg,
    /// Images in the batch, the first one train draws (batch_size); at most the training set's size
    #[arg(long, value_name = "N", default_value_t = BOOK.batch_size, value_parser = parse_batch)]
    pub batch: usize,
    /// The weights and the batch that follow numpy's np.random.seed(SEED), as train's
    #[arg(long, default_value_t = BOOK.seed, value_parser = parse_seed)]
    pub seed: u32,
    /// Threads for the numerical gradient (default: every core); the results are the same on any number
    #[arg(short = 'j', long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<NonZeroUsize>,
    /// Print the differences and the seconds as one JSON object instead of text
    #[arg(long)]
    pub json: bool,
}
