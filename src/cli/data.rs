//! The flags of `data` (fetch, check and locate MNIST) and the `--data`
//! flag that `train` shares with it.

use crate::data::mnist::DATA_ENV;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// `--data DIR`: where MNIST's four files are.
#[derive(Debug, Args)]
pub struct DataDirArg {
    #[arg(
        long = "data",
        value_name = "DIR",
        help = format!(
            "The directory of MNIST's four files, gzip-compressed or not \
             [default: ${DATA_ENV}, else numdiff-plot/mnist in the user's cache directory]"
        ),
        value_parser = parse_dir
    )]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DataArgs {
    #[command(subcommand)]
    pub command: DataCommand,
}

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Fetches MNIST's four files from public mirrors, verifies their SHA-256 and saves them
    #[command(
        after_help = "Example: numdiff-plot data download --data ~/mnist --mirror https://ossci-datasets.s3.amazonaws.com/mnist/"
    )]
    Download(DownloadArgs),
    /// Checks the SHA-256 of each file in the data directory against MNIST's
    #[command(after_help = "Example: numdiff-plot data verify --data ~/mnist")]
    Verify(VerifyArgs),
    /// Prints the data directory that train and download use
    #[command(after_help = "Example: ls \"$(numdiff-plot data path)\"")]
    Path(PathArgs),
}

#[derive(Debug, Args)]
pub struct DownloadArgs {
    #[command(flatten)]
    pub data: DataDirArg,
    /// A mirror's base URL, tried in the order given; repeat for several [default: PyTorch's, Google's, then yann.lecun.com]
    #[arg(long = "mirror", value_name = "URL", value_parser = parse_mirror)]
    pub mirrors: Vec<String>,
    /// Print no report (errors still go to stderr)
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub data: DataDirArg,
    /// Print nothing; the exit status tells (0: MNIST as published)
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    #[command(flatten)]
    pub data: DataDirArg,
}

/// A directory name: not empty.
pub fn parse_dir(s: &str) -> Result<PathBuf, String> {
    match s.is_empty() {
        true => Err("expected a directory".to_string()),
        false => Ok(PathBuf::from(s)),
    }
}

/// A mirror: an http:// or https:// URL.
pub fn parse_mirror(s: &str) -> Result<String, String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !s.contains(char::is_whitespace) => Ok(s.to_string()),
        _ => Err("expected a URL starting with http:// or https://, \
                  the directory that holds train-images-idx3-ubyte.gz and the other files"
            .to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrors_are_http_urls() {
        assert!(parse_mirror("http://127.0.0.1:8000/mnist/").is_ok());
        assert!(parse_mirror("https://example.org/").is_ok());
        for bad in ["", "ftp://x/", "example.org", "https://", "http://a b/"] {
            assert!(parse_mirror(bad).is_err(), "{bad}");
        }
        assert!(parse_dir("").is_err());
    }
}
