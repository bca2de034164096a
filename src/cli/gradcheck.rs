//! The flags of `gradcheck`: the batch the numerical and the backprop
//! gradient are compared on.

use super::data::DataDirArg;
use super::parse::parse_seed;
use super::train::parse_batch;
use clap::Args;

#[derive(Debug, Args)]
pub struct GradcheckArgs {
    #[command(flatten)]
    pub data: DataDirArg,
    /// Images in the batch, the first one train draws (batch_size); at most the training set's size
    #[arg(long, value_name = "N", default_value = "100", allow_negative_numbers = true, value_parser = parse_batch)]
    pub batch: usize,
    /// The weights and the batch that follow numpy's np.random.seed(SEED), as train's
    #[arg(long, default_value = "0", allow_negative_numbers = true, value_parser = parse_seed)]
    pub seed: u32,
    /// Print the differences and the seconds as one JSON object instead of text
    #[arg(long)]
    pub json: bool,
}
