//! The command-line interface: declarations only (clap derive). Values are
//! checked once, by the parsers in [`parse`], into typed values; the figures
//! never see a string. [`caps`] holds every cap on work, [`output`] what the
//! shared output flags mean, [`usage`] clap's errors as one line.

pub mod caps;
pub mod data;
pub mod defaults;
pub mod gradcheck;
pub mod output;
pub mod parse;
pub mod train;
pub mod usage;

use crate::derivative::Method;
use crate::expr::Expression;
use crate::figure::{descent, loss, numdiff_error, quiver, sigmoid, simplenet, surface, tangent};
use crate::numerics::{Arange, H};
use crate::render::{Format, Size};
use clap::{Args, Parser, Subcommand};
use parse::*;
use std::path::PathBuf;

pub use data::{DataArgs, DataCommand};
pub use gradcheck::GradcheckArgs;
pub use output::{is_stdout, Target};
pub use train::TrainArgs;

#[derive(Debug, Parser)]
#[command(
    name = "numdiff-plot",
    version,
    about = "Regenerates the chapter-4 figures of \"Deep Learning from Scratch\": \
             numerical differentiation, gradients, gradient descent, simpleNet",
    after_help = "Exit status: 0 success, 1 runtime failure (such as a write error), 2 bad usage.\n\
                  Example: numdiff-plot all -o figures"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(
        about = format!("f(x) = 0.01x² + 0.1x and its tangent lines by the central difference ({})", tangent::FILE),
        after_help = "Example: numdiff-plot tangent --x 5 --x 10 -o tangents.svg")]
    Tangent(TangentArgs),
    #[command(
        about = format!("x0² + x1² as a 3-D wireframe ({})", surface::FILE),
        after_help = "Example: numdiff-plot surface --azim -30 -o surface.png")]
    Surface(SurfaceArgs),
    #[command(
        about = format!("The field of −∇(x0² + x1²) as arrows ({})", quiver::FILE),
        after_help = "Example: numdiff-plot quiver --at 3,4 --json")]
    Quiver(QuiverArgs),
    #[command(
        about = format!("The path of gradient descent on x0² + x1² ({})", descent::FILE),
        after_help = "Example: numdiff-plot descent --lr 0.1 --steps 100 --init -3,4")]
    Descent(DescentArgs),
    #[command(
        about = format!("simpleNet's weights W and numerical gradient dW ({})", simplenet::FILE),
        after_help = "Example: numdiff-plot simplenet --seed 42")]
    Simplenet(SimplenetArgs),
    #[command(
        about = format!(
            "The loss functions of section 4.2 on the book's example, and y = log x, \
             why cross-entropy punishes a small output for the correct class ({})",
            loss::FILE
        ),
        after_help = "Example: numdiff-plot loss --y 0.1,0.7,0.2 --t 1")]
    Loss(LossArgs),
    #[command(
        about = format!(
            "The step function beside the sigmoid and its tangent: a loss needs a slope, \
             and the step's is 0 almost everywhere ({})",
            sigmoid::FILE
        ),
        after_help = "Example: numdiff-plot sigmoid --x 2")]
    Sigmoid(SigmoidArgs),
    /// The symbolic derivative of an expression, and at a point the numerical one beside it
    #[command(
        after_help = "Example: numdiff-plot diff \"x0^2 + x1^2\" --at 3,4 --method richardson"
    )]
    Diff(DiffArgs),
    #[command(
        about = format!(
            "How the error of a difference quotient depends on h: the V of truncation and rounding ({})",
            numdiff_error::FILE
        ),
        after_help = "Example: numdiff-plot error --f \"sin(x)\" --x 1")]
    Error(ErrorArgs),
    /// Trains the book's two-layer network on MNIST (train_loss.png, train_accuracy.png)
    #[command(after_help = "Example: numdiff-plot train --data ~/mnist -o figures")]
    Train(TrainArgs),
    /// Compares the network's numerical gradient with backprop on the first training batch, as ch05/gradient_check.py
    #[command(after_help = "Example: numdiff-plot gradcheck --data ~/mnist --json")]
    Gradcheck(GradcheckArgs),
    /// Downloads, verifies or locates MNIST, the data train needs
    #[command(after_help = "Example: numdiff-plot data download")]
    Data(DataArgs),
    /// Writes every figure of the chapter with the book's arguments
    #[command(
        after_help = "Example: numdiff-plot all --check   # in CI: are the committed figures current?"
    )]
    All(AllArgs),
    /// Prints a shell completion script to stdout
    #[command(
        after_help = "Example: numdiff-plot completions bash > ~/.local/share/bash-completion/completions/numdiff-plot"
    )]
    Completions(CompletionsArgs),
    /// Prints the manual page (roff) to stdout
    #[command(after_help = "Example: numdiff-plot man > numdiff-plot.1 && man ./numdiff-plot.1")]
    Man,
}

/// Flags every figure command shares.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Where to write the figure: a .png or .svg file, or - for stdout
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// The image format, png or svg [default: from the extension of --output; png for -]
    #[arg(long, value_name = "FORMAT", allow_hyphen_values = true, value_parser = parse_format)]
    pub format: Option<Format>,
    #[arg(
        long,
        value_name = "WxH",
        help = format!("Image size in pixels (matplotlib's default is {})", defaults::size()),
        default_value = defaults::size(),
        allow_hyphen_values = true,
        value_parser = parse_size
    )]
    pub size: Size,
    /// K times the pixels on each side, for high-DPI screens: the same figure, sharper
    #[arg(long, value_name = "K", default_value = "1", allow_hyphen_values = true, value_parser = parse_scale)]
    pub scale: f64,
    /// A title above the plot
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true, value_parser = parse_title)]
    pub title: Option<String>,
    /// The horizontal axis' limits (x0 for surface, quiver, descent; not for simplenet)
    #[arg(long, value_name = "A,B", allow_hyphen_values = true, value_parser = parse_limits)]
    pub xlim: Option<(f64, f64)>,
    /// The vertical axis' limits (x1 for surface, quiver, descent; not f(x) of surface; not for simplenet)
    #[arg(long, value_name = "A,B", allow_hyphen_values = true, value_parser = parse_limits)]
    pub ylim: Option<(f64, f64)>,
    /// Print everything computed as one JSON object instead of text (the figure is still written)
    #[arg(long)]
    pub json: bool,
    /// Print no text report (warnings and errors still go to stderr; --json still prints)
    #[arg(short, long)]
    pub quiet: bool,
}

/// How derivatives are taken, for the commands that take them.
#[derive(Debug, Args)]
pub struct MethodArgs {
    /// How derivatives are computed: central (the book's), forward, central-optimal, five-point, richardson, complex-step, exact
    #[arg(long, value_name = "METHOD", default_value_t = Method::default(), allow_hyphen_values = true, value_parser = parse_method)]
    pub method: Method,
    #[arg(
        long,
        value_name = "H",
        help = format!(
            "The step h, for central, forward, five-point and complex-step \
             [default: {H:e} for central and forward]"
        ), allow_hyphen_values = true, value_parser = parse_h)]
    pub h: Option<f64>,
}

#[derive(Debug, Args)]
pub struct TangentArgs {
    /// The function of x (operators + - * / ^, functions such as sin, exp, ln, sqrt; constants pi, e)
    #[arg(long = "f", value_name = "EXPR", default_value = defaults::tangent_f(), allow_hyphen_values = true, value_parser = parse_f_of_x)]
    pub f: Expression,
    /// Point of contact; repeat for several tangents
    #[arg(long = "x", value_name = "X", default_value = defaults::tangent_x(), allow_hyphen_values = true, value_parser = parse_finite)]
    pub at: Vec<f64>,
    /// The curve's x samples as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value = defaults::tangent_range(), allow_hyphen_values = true, value_parser = parse_range)]
    pub range: Arange,
    /// Draw the true tangent and the forward difference's secant through x and x + H instead (the book's Figure 4-5; default file tangent_secant.png)
    #[arg(long, value_name = "H", allow_hyphen_values = true, value_parser = parse_h,
          conflicts_with_all = ["method", "h", "no_tangent"])]
    pub secant: Option<f64>,
    /// Draw the curve alone (the book's Figure 4-6; default file function_1.png)
    #[arg(long, conflicts_with_all = ["at", "method", "h"])]
    pub no_tangent: bool,
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SurfaceArgs {
    /// The function of x0 and x1
    #[arg(long = "f", value_name = "EXPR", default_value = defaults::surface_f(), allow_hyphen_values = true, value_parser = parse_f_of_x0_x1)]
    pub f: Expression,
    /// Sample points on each axis as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value = defaults::surface_grid(), allow_hyphen_values = true, value_parser = parse_range)]
    pub grid: Arange,
    /// Viewing elevation in degrees
    #[arg(long, default_value = defaults::surface_elev(), allow_hyphen_values = true, value_parser = parse_finite)]
    pub elev: f64,
    /// Viewing azimuth in degrees
    #[arg(long, default_value = defaults::surface_azim(), allow_hyphen_values = true, value_parser = parse_finite)]
    pub azim: f64,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct QuiverArgs {
    /// The function of x0 and x1
    #[arg(long = "f", value_name = "EXPR", default_value = defaults::quiver_f(), allow_hyphen_values = true, value_parser = parse_f_of_x0_x1)]
    pub f: Expression,
    /// Arrow positions on each axis as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value = defaults::quiver_grid(), allow_hyphen_values = true, value_parser = parse_range)]
    pub grid: Arange,
    /// A point X0,X1 whose gradient is printed; repeat for several
    #[arg(long, value_name = "X0,X1", default_values = defaults::quiver_at(), allow_hyphen_values = true, value_parser = parse_point)]
    pub at: Vec<[f64; 2]>,
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct DescentArgs {
    /// The function of x0 and x1 to minimize
    #[arg(long = "f", value_name = "EXPR", default_value = defaults::descent_f(), allow_hyphen_values = true, value_parser = parse_f_of_x0_x1)]
    pub f: Expression,
    /// Learning rate, greater than 0
    #[arg(long, default_value = defaults::descent_lr(), allow_hyphen_values = true, value_parser = parse_lr)]
    pub lr: f64,
    /// Number of steps
    #[arg(long, default_value = defaults::descent_steps(), allow_hyphen_values = true, value_parser = parse_steps)]
    pub steps: usize,
    /// Starting point X0,X1
    #[arg(long, value_name = "X0,X1", default_value = defaults::descent_init(), allow_hyphen_values = true, value_parser = parse_point)]
    pub init: [f64; 2],
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SimplenetArgs {
    /// Draw W as the book's script does after np.random.seed(SEED): np.random.randn(2, 3) (default: the book's printed W)
    #[arg(long, allow_hyphen_values = true, value_parser = parse_seed)]
    pub seed: Option<u32>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct LossArgs {
    /// The network's output for one example, one value per class (like softmax's); repeat for several
    #[arg(long, value_name = "Y,…", default_values = defaults::loss_y(), allow_hyphen_values = true, value_parser = parse_numbers)]
    pub y: Vec<Numbers>,
    /// The correct answer: one-hot, like 0,0,1, or the index of the correct class, like 2
    #[arg(long, value_name = "T,…|CLASS", default_value = defaults::loss_t(), allow_hyphen_values = true, value_parser = parse_target)]
    pub t: loss::Target,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SigmoidArgs {
    /// Where the sigmoid's tangent touches it
    #[arg(long = "x", value_name = "X", default_value = defaults::sigmoid_x(), allow_hyphen_values = true, value_parser = parse_finite)]
    pub at: f64,
    /// The x samples as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value = defaults::sigmoid_range(), allow_hyphen_values = true, value_parser = parse_range)]
    pub range: Arange,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The expression, such as "sin(x)" or "x0^2 + x1^2"; its variables are all the names that are not functions or constants
    #[arg(value_name = "EXPR", allow_hyphen_values = true, value_parser = parse_any_expression)]
    pub expr: Expression,
    /// A point: one number per variable, in natural order of their names (x0, x1, …)
    #[arg(long, value_name = "X,…", allow_hyphen_values = true, value_parser = parse_numbers)]
    pub at: Option<Numbers>,
    #[command(flatten)]
    pub method: MethodArgs,
    /// Print everything computed as one JSON object instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ErrorArgs {
    /// The function of x
    #[arg(long = "f", value_name = "EXPR", default_value = defaults::error_f(), allow_hyphen_values = true, value_parser = parse_f_of_x)]
    pub f: Expression,
    /// Where the derivative is taken
    #[arg(long = "x", value_name = "X", default_value = defaults::error_x(), allow_hyphen_values = true, value_parser = parse_finite)]
    pub x: f64,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// A comma-separated list of finite numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbers(pub Vec<f64>);

#[derive(Debug, Args)]
pub struct AllArgs {
    /// Directory to write the figures into
    #[arg(short, long, value_name = "DIR", default_value = "figures")]
    pub output: PathBuf,
    /// Write nothing; exit 1 naming each figure that is missing or differs
    #[arg(long)]
    pub check: bool,
    /// Do not list the files written
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_interface_is_consistent() {
        Cli::command().debug_assert();
    }
}
