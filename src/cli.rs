//! The command-line interface: declarations only (clap derive). Values are
//! checked once, by the parsers in [`parse`], into typed values; the figures
//! never see a string. Each figure declares its own flags in its file (a
//! [`Figure`], with the book's values as defaults) and reaches clap here
//! through [`FigureArgs`]. [`caps`] holds every cap on work, [`output`] what
//! the shared output flags mean, [`usage`] clap's errors as one line.

pub mod caps;
pub mod data;
pub mod font;
pub mod gradcheck;
pub mod output;
pub mod parse;
pub mod serve;
pub mod train;
pub mod usage;

use crate::expr::Expression;
use crate::figure::{
    descent, loss, numdiff_error, quiver, sigmoid, simplenet, surface, tangent, Figure,
};
use crate::render::{Format, Size, DEFAULT_DPI};
use clap::{Arg, Args, Parser, Subcommand};
use parse::*;
use std::path::PathBuf;

pub use crate::figure::book::MethodArgs;
pub use data::{DataArgs, DataCommand};
pub use gradcheck::GradcheckArgs;
pub use output::{is_stdout, Target};
pub use parse::Numbers;
pub use serve::ServeArgs;
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

// The subcommands. A figure's is one line here, `Name(FigureArgs<name::…>)`,
// and one in `Command::figure`; its flags, help and example are in its own
// file. (A doc comment here would become the tool's description.)
#[derive(Debug, Subcommand)]
pub enum Command {
    Tangent(FigureArgs<tangent::Args>),
    Surface(FigureArgs<surface::Params>),
    Quiver(FigureArgs<quiver::Args>),
    Descent(FigureArgs<descent::Args>),
    Simplenet(FigureArgs<simplenet::Params>),
    Loss(FigureArgs<loss::Params>),
    Sigmoid(FigureArgs<sigmoid::Params>),
    /// The symbolic derivative of an expression, and at a point the numerical one beside it
    #[command(
        after_help = "Example: numdiff-plot diff \"x0^2 + x1^2\" --at 3,4 --method richardson"
    )]
    Diff(DiffArgs),
    Error(FigureArgs<numdiff_error::Params>),
    /// Trains the book's two-layer network on MNIST (train_loss.png, train_accuracy.png)
    #[command(after_help = "Example: numdiff-plot train --data ~/mnist -o figures")]
    Train(TrainArgs),
    /// Compares the network's numerical gradient with backprop on the first training batch, as ch05/gradient_check.py
    #[command(after_help = "Example: numdiff-plot gradcheck --data ~/mnist --json")]
    Gradcheck(GradcheckArgs),
    /// Downloads, verifies or locates MNIST, the data train needs
    #[command(after_help = "Example: numdiff-plot data download")]
    Data(DataArgs),
    /// Serves a page where every figure of the chapter follows its controls, and training streams as it learns
    #[command(after_help = "Example: numdiff-plot serve --open")]
    Serve(ServeArgs),
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

impl Command {
    /// The figure the subcommand draws and its output flags, if it draws one.
    pub fn figure(&self) -> Option<(&dyn Figure, &OutputArgs)> {
        match self {
            Command::Tangent(a) => Some((&a.figure, &a.out)),
            Command::Surface(a) => Some((&a.figure, &a.out)),
            Command::Quiver(a) => Some((&a.figure, &a.out)),
            Command::Descent(a) => Some((&a.figure, &a.out)),
            Command::Simplenet(a) => Some((&a.figure, &a.out)),
            Command::Loss(a) => Some((&a.figure, &a.out)),
            Command::Sigmoid(a) => Some((&a.figure, &a.out)),
            Command::Error(a) => Some((&a.figure, &a.out)),
            Command::Diff(_)
            | Command::Train(_)
            | Command::Gradcheck(_)
            | Command::Data(_)
            | Command::Serve(_)
            | Command::All(_)
            | Command::Completions(_)
            | Command::Man => None,
        }
    }
}

/// A figure's subcommand: the figure's own flags (declared in its file),
/// then the output flags every figure shares.
#[derive(Debug, Args)]
#[command(
    about = F::about(),
    long_about = None,
    after_help = format!("Example: {}", F::example()),
    mut_args = hyphen_values
)]
pub struct FigureArgs<F: Figure + Args> {
    #[command(flatten)]
    pub figure: F,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// The one rule for values that start with '-', for the figures and
/// `diff`: every flag's value may, so that negative numbers (`--azim -30`,
/// `--init -3,4`), expressions (`--f "-x^2"`) and titles are read as
/// values, except `--output`'s, a path, so that `-o --json` is a missing
/// value and not a file named `--json`.
fn hyphen_values(arg: Arg) -> Arg {
    let value = arg.get_action().takes_values() && arg.get_id() != "output";
    arg.allow_hyphen_values(value)
}

/// The rule for the other subcommands' values: a negative number is read
/// as a value (`--lr -1`, `-j -2`), so that its parser names the flag and
/// says what it accepts, rather than clap taking it for an unknown flag.
fn negative_numbers(arg: Arg) -> Arg {
    let value = arg.get_action().takes_values();
    arg.allow_negative_numbers(value)
}

/// Flags every figure command shares.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Where to write the figure: a .png, .svg or .pdf file, a directory (the figure's own file name goes in it), or - for stdout
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// The image format, png, svg or pdf [default: from the extension of --output; png for -]
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,
    /// SVG only: keep text as <text> elements, to edit (default: glyphs as paths, the same in every viewer)
    #[arg(long)]
    pub svg_text: bool,
    #[arg(
        long,
        value_name = "WxH",
        help = format!("Image size in pixels (matplotlib's default is {})", Size::DEFAULT),
        default_value_t = Size::DEFAULT,
        value_parser = parse_size
    )]
    pub size: Size,
    /// K times the pixels on each side, for high-DPI screens: the same figure, sharper
    #[arg(long, value_name = "K", default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f64,
    /// Dots per inch, as matplotlib's savefig(dpi=N): pixels = --size × N/100 × --scale; a PDF's page stays --size/100 inches
    #[arg(long, value_name = "N", default_value_t = DEFAULT_DPI, value_parser = parse_dpi)]
    pub dpi: f64,
    /// A title above the plot
    #[arg(long, value_name = "TEXT", value_parser = parse_title)]
    pub title: Option<String>,
    /// The horizontal axis' label, in place of the figure's ("" for none); on every panel
    #[arg(long, value_name = "TEXT", value_parser = parse_label)]
    pub xlabel: Option<String>,
    /// The vertical axis' label, in place of the figure's ("" for none); on every panel
    #[arg(long, value_name = "TEXT", value_parser = parse_label)]
    pub ylabel: Option<String>,
    /// The z axis' label, in place of the figure's ("" for none); for the 3-D figure, surface
    #[arg(long, value_name = "TEXT", value_parser = parse_label)]
    pub zlabel: Option<String>,
    /// The horizontal axis' limits (x0 for surface, quiver, descent; not for simplenet)
    #[arg(long, value_name = "A,B", value_parser = parse_limits)]
    pub xlim: Option<(f64, f64)>,
    /// The vertical axis' limits (x1 for surface, quiver, descent; not f(x) of surface; not for simplenet)
    #[arg(long, value_name = "A,B", value_parser = parse_limits)]
    pub ylim: Option<(f64, f64)>,
    /// A font (TTF, OTF; FILE#N for face N of a TTC) for the figure's text, before the embedded DejaVu Sans and Noto Sans CJK JP
    #[arg(long, value_name = "FILE", value_parser = font::parse_font)]
    pub font: Option<crate::render::font::UserFont>,
    /// Print everything computed as one JSON object instead of text (the figure is still written)
    #[arg(long)]
    pub json: bool,
    /// Print no text report (warnings and errors still go to stderr; --json still prints)
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
#[command(mut_args = hyphen_values)]
pub struct DiffArgs {
    /// The expression, such as "sin(x)" or "x0^2 + x1^2"; its variables are all the names that are not functions or constants
    #[arg(value_name = "EXPR", value_parser = parse_any_expression)]
    pub expr: Expression,
    /// A point: one number per variable, in natural order of their names (x0, x1, …); repeat for several
    #[arg(long, value_name = "X,…", value_parser = parse_numbers)]
    pub at: Vec<Numbers>,
    #[command(flatten)]
    pub method: MethodArgs,
    /// Print everything computed as one JSON object instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(mut_args = negative_numbers)]
pub struct AllArgs {
    /// Directory to write the figures into
    #[arg(short, long, value_name = "DIR", default_value = "figures")]
    pub output: PathBuf,
    /// The figures' format, png, svg or pdf (each file named as the book's, with this extension)
    #[arg(long, value_name = "FORMAT", default_value = "png", value_parser = parse_format)]
    pub format: Format,
    /// Write nothing; exit 1 naming each figure that is missing or differs
    #[arg(long)]
    pub check: bool,
    /// Do not list the files written, nor say that --check found them up to date
    #[arg(short, long)]
    pub quiet: bool,
    /// Threads to render on (default: every core); the figures are the same on any number
    #[arg(short = 'j', long, value_name = "N", value_parser = crate::threads::parse_threads)]
    pub threads: Option<std::num::NonZeroUsize>,
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

    /// Each flag of a figure with its default, as a page of controls would
    /// list them: read from the one declaration clap reads.
    fn defaults<F: Figure + Args>(name: &'static str) -> Vec<(String, String)> {
        let cmd = FigureArgs::<F>::augment_args(clap::Command::new(name));
        cmd.get_arguments()
            .filter_map(|a| {
                let values: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                (!values.is_empty()).then(|| (a.get_id().to_string(), values.join(" ")))
            })
            .collect()
    }

    #[test]
    fn a_figure_s_flags_are_listed_with_the_book_s_values() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let shared = [("size", "640x480"), ("scale", "1"), ("dpi", "100")];
        let mut descent = vec![
            ("f", "x0^2 + x1^2"),
            ("lr", "0.1"),
            ("steps", "20"),
            ("init", "-3,4"),
            ("method", "central"),
        ];
        descent.extend(shared);
        assert_eq!(defaults::<descent::Args>("descent"), pairs(&descent));
        let mut quiver = vec![
            ("f", "x0^2 + x1^2"),
            ("grid", "-2,2.5,0.25"),
            ("at", "3,4 0,2 3,0"),
            ("method", "central"),
        ];
        quiver.extend(shared);
        assert_eq!(defaults::<quiver::Args>("quiver"), pairs(&quiver));
        let mut loss = vec![
            (
                "y",
                "0.1,0.05,0.6,0,0.05,0.1,0,0.1,0,0 0.1,0.05,0.1,0,0.05,0.1,0,0.6,0,0",
            ),
            ("t", "0,0,1,0,0,0,0,0,0,0"),
        ];
        loss.extend(shared);
        assert_eq!(defaults::<loss::Params>("loss"), pairs(&loss));
    }

    #[test]
    fn a_figure_with_no_flags_has_its_book_parameters() {
        let parse = |args: &[&str]| match Cli::try_parse_from(args).map(|c| c.command) {
            Ok(Command::Surface(a)) => a.figure,
            other => panic!("{other:?}"),
        };
        let (parsed, book) = (parse(&["numdiff-plot", "surface"]), surface::Params::book());
        assert_eq!(parsed.f.source(), book.f.source());
        assert_eq!(
            (parsed.grid, parsed.elev, parsed.azim),
            (book.grid, book.elev, book.azim)
        );
        let Ok(Command::Loss(loss)) =
            Cli::try_parse_from(["numdiff-plot", "loss"]).map(|c| c.command)
        else {
            panic!("loss parses")
        };
        assert_eq!(loss.figure, loss::Params::book());
    }

    #[test]
    fn values_may_start_with_a_hyphen_except_a_path() {
        let cli =
            Cli::try_parse_from(["numdiff-plot", "descent", "--init", "-3,4", "--title", "-t"]);
        let Ok(Command::Descent(a)) = cli.map(|c| c.command) else {
            panic!("descent parses")
        };
        assert_eq!(a.figure.init, Point([-3.0, 4.0]));
        assert_eq!(a.out.title.as_deref(), Some("-t"));
        let missing = Cli::try_parse_from(["numdiff-plot", "surface", "-o", "--json"]);
        assert_eq!(
            missing.map(|_| ()).map_err(|e| e.kind()),
            Err(clap::error::ErrorKind::InvalidValue)
        );
    }
}
