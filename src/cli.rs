//! The command-line interface: declarations only. Values are checked here,
//! once, into typed values; the figures never see a string.

use crate::derivative::Method;
use crate::expr::check::Vars;
use crate::expr::Expression;
use crate::numerics::Arange;
use crate::render::{Format, Size, View};
use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};

/// The largest image side, in pixels.
pub const MAX_SIDE: u32 = 16384;
/// The most sample points a grid or range may have on one axis.
pub const MAX_POINTS: usize = 100_000;
/// The most gradient-descent steps: each is drawn as a dot, and beyond this
/// the figure takes seconds and gigabytes to draw.
pub const MAX_STEPS: usize = 100_000;
/// The largest `--scale`.
pub const MAX_SCALE: f64 = 4.0;

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
    /// f(x) = 0.01x² + 0.1x and its tangent lines by the central difference (gradient_1d.png)
    #[command(after_help = "Example: numdiff-plot tangent --x 5 --x 10 -o tangents.svg")]
    Tangent(TangentArgs),
    /// x0² + x1² as a 3-D wireframe (multivariate_func.png)
    #[command(after_help = "Example: numdiff-plot surface --azim -30 -o surface.png")]
    Surface(SurfaceArgs),
    /// The field of −∇(x0² + x1²) as arrows (gradient_2d.png)
    #[command(after_help = "Example: numdiff-plot quiver --at 3,4 --json")]
    Quiver(QuiverArgs),
    /// The path of gradient descent on x0² + x1² (gradient_method.png)
    #[command(after_help = "Example: numdiff-plot descent --lr 0.1 --steps 100 --init -3,4")]
    Descent(DescentArgs),
    /// simpleNet's weights W and numerical gradient dW (gradient_simplenet.png)
    #[command(after_help = "Example: numdiff-plot simplenet --seed 42")]
    Simplenet(SimplenetArgs),
    /// The symbolic derivative of an expression, and at a point the numerical one beside it
    #[command(
        after_help = "Example: numdiff-plot diff \"x0^2 + x1^2\" --at 3,4 --method richardson"
    )]
    Diff(DiffArgs),
    /// How the error of a difference quotient depends on h: the V of truncation and rounding (numdiff_error.png)
    #[command(after_help = "Example: numdiff-plot error --f \"sin(x)\" --x 1")]
    Error(ErrorArgs),
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
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,
    /// Image size in pixels (matplotlib's default is 640x480)
    #[arg(long, value_name = "WxH", default_value = "640x480", value_parser = parse_size)]
    pub size: Size,
    /// K times the pixels on each side, for high-DPI screens: the same figure, sharper
    #[arg(long, value_name = "K", default_value = "1", value_parser = parse_scale)]
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

/// Where a figure goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `-o -`: standard output.
    Stdout,
    File(PathBuf),
}

impl OutputArgs {
    /// Where to write, with `default_file` if `--output` is not given.
    pub fn target(&self, default_file: &str) -> Target {
        match &self.output {
            Some(p) if is_stdout(p) => Target::Stdout,
            Some(p) => Target::File(p.clone()),
            None => Target::File(default_file.into()),
        }
    }

    /// The format: `--format`, else the file's extension, else PNG on stdout.
    pub fn format(&self, target: &Target) -> Result<Format, crate::error::UsageError> {
        let path = match target {
            Target::Stdout => return Ok(self.format.unwrap_or(Format::Png)),
            Target::File(p) => p,
        };
        match (self.format, Format::from_path(path)) {
            (Some(asked), Ok(named)) if asked != named => {
                Err(crate::error::UsageError::new(format!(
                    "--format {} contradicts --output {}; use a file name ending in .{}",
                    asked.extension(),
                    path.display(),
                    asked.extension()
                )))
            }
            (Some(asked), _) => Ok(asked),
            (None, named) => named,
        }
    }

    /// The title and axis limits the figure is drawn with.
    pub fn view(&self) -> View {
        View {
            title: self.title.clone(),
            xlim: self.xlim,
            ylim: self.ylim,
        }
    }

    /// The size of the image in pixels: `--size` times `--scale`.
    pub fn pixels(&self) -> Size {
        self.size.scaled(self.scale)
    }
}

/// How derivatives are taken, for the commands that take them.
#[derive(Debug, Args)]
pub struct MethodArgs {
    /// How derivatives are computed: central (the book's), forward, central-optimal, five-point, richardson, complex-step, exact
    #[arg(long, value_name = "METHOD", default_value = "central", value_parser = parse_method)]
    pub method: Method,
    /// The step h, for central, forward, five-point and complex-step [default: 1e-4 for central and forward]
    #[arg(long, value_name = "H", allow_negative_numbers = true, value_parser = parse_h)]
    pub h: Option<f64>,
}

#[derive(Debug, Args)]
pub struct TangentArgs {
    /// The function of x (operators + - * / ^, functions such as sin, exp, ln, sqrt; constants pi, e)
    #[arg(long = "f", value_name = "EXPR", default_value = crate::figure::tangent::BOOK_FUNCTION, allow_hyphen_values = true, value_parser = parse_f_of_x)]
    pub f: Expression,
    /// Point of contact; repeat for several tangents
    #[arg(long = "x", value_name = "X", default_value = "5", allow_negative_numbers = true, value_parser = parse_finite)]
    pub at: Vec<f64>,
    /// The curve's x samples as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value = "0,20,0.1", allow_hyphen_values = true, value_parser = parse_range)]
    pub range: Arange,
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SurfaceArgs {
    /// The function of x0 and x1
    #[arg(long = "f", value_name = "EXPR", default_value = crate::figure::quiver::BOOK_FUNCTION, allow_hyphen_values = true, value_parser = parse_f_of_x0_x1)]
    pub f: Expression,
    /// Sample points on each axis as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value = "-3,3,0.1", allow_hyphen_values = true, value_parser = parse_range)]
    pub grid: Arange,
    /// Viewing elevation in degrees
    #[arg(long, default_value = "30", allow_negative_numbers = true, value_parser = parse_finite)]
    pub elev: f64,
    /// Viewing azimuth in degrees
    #[arg(long, default_value = "-60", allow_negative_numbers = true, value_parser = parse_finite)]
    pub azim: f64,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct QuiverArgs {
    /// The function of x0 and x1
    #[arg(long = "f", value_name = "EXPR", default_value = crate::figure::quiver::BOOK_FUNCTION, allow_hyphen_values = true, value_parser = parse_f_of_x0_x1)]
    pub f: Expression,
    /// Arrow positions on each axis as START,STOP,STEP (numpy's arange)
    #[arg(long, value_name = "START,STOP,STEP", default_value = "-2,2.5,0.25", allow_hyphen_values = true, value_parser = parse_range)]
    pub grid: Arange,
    /// A point X0,X1 whose gradient is printed; repeat for several
    #[arg(long, value_name = "X0,X1", default_values = ["3,4", "0,2", "3,0"], allow_hyphen_values = true, value_parser = parse_point)]
    pub at: Vec<[f64; 2]>,
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct DescentArgs {
    /// The function of x0 and x1 to minimize
    #[arg(long = "f", value_name = "EXPR", default_value = crate::figure::quiver::BOOK_FUNCTION, allow_hyphen_values = true, value_parser = parse_f_of_x0_x1)]
    pub f: Expression,
    /// Learning rate
    #[arg(long, default_value = "0.1", allow_negative_numbers = true, value_parser = parse_finite)]
    pub lr: f64,
    /// Number of steps
    #[arg(long, default_value = "20", allow_negative_numbers = true, value_parser = parse_steps)]
    pub steps: usize,
    /// Starting point X0,X1
    #[arg(long, value_name = "X0,X1", default_value = "-3,4", allow_hyphen_values = true, value_parser = parse_point)]
    pub init: [f64; 2],
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SimplenetArgs {
    /// Draw W from a standard normal with this seed (default: the book's printed W)
    #[arg(long, allow_negative_numbers = true, value_parser = parse_seed)]
    pub seed: Option<u64>,
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
    #[arg(long = "f", value_name = "EXPR", default_value = "exp(x)", allow_hyphen_values = true, value_parser = parse_f_of_x)]
    pub f: Expression,
    /// Where the derivative is taken
    #[arg(long = "x", value_name = "X", default_value = "1", allow_negative_numbers = true, value_parser = parse_finite)]
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

/// A finite number.
pub fn parse_finite(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err("expected a finite number".to_string()),
    }
}

fn parse_list(s: &str, n: usize, what: &str) -> Result<Vec<f64>, String> {
    let parts: Vec<&str> = s.split(',').collect();
    if parts.len() != n {
        return Err(format!("expected {what}, {n} numbers separated by commas"));
    }
    parts
        .iter()
        .map(|p| {
            parse_finite(p)
                .map_err(|_| format!("expected {what}, {n} finite numbers separated by commas"))
        })
        .collect()
}

/// A function of x.
pub fn parse_f_of_x(s: &str) -> Result<Expression, String> {
    Expression::parse(s, crate::figure::tangent::VARS).map_err(|e| e.to_string())
}

/// A function of x0 and x1.
pub fn parse_f_of_x0_x1(s: &str) -> Result<Expression, String> {
    Expression::parse(s, crate::figure::quiver::VARS).map_err(|e| e.to_string())
}

/// An expression in any variables.
pub fn parse_any_expression(s: &str) -> Result<Expression, String> {
    Expression::parse(s, Vars::Any).map_err(|e| e.to_string())
}

/// A method's name.
pub fn parse_method(s: &str) -> Result<Method, String> {
    s.parse().map_err(|_| {
        let names: Vec<&str> = Method::ALL.iter().map(|m| m.name()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

/// A step h: a finite number greater than 0.
pub fn parse_h(s: &str) -> Result<f64, String> {
    match parse_finite(s) {
        Ok(h) if h > 0.0 => Ok(h),
        _ => Err("expected a finite number greater than 0, like 1e-4".to_string()),
    }
}

/// Finite numbers separated by commas.
pub fn parse_numbers(s: &str) -> Result<Numbers, String> {
    s.split(',')
        .map(|p| {
            parse_finite(p)
                .map_err(|_| "expected finite numbers separated by commas, like 3,4".to_string())
        })
        .collect::<Result<Vec<f64>, String>>()
        .map(Numbers)
}

/// A point `X0,X1`.
pub fn parse_point(s: &str) -> Result<[f64; 2], String> {
    let v = parse_list(s, 2, "X0,X1")?;
    Ok([v[0], v[1]])
}

/// `START,STOP,STEP` with START < STOP, STEP > 0 and at most [`MAX_POINTS`] points.
pub fn parse_range(s: &str) -> Result<Arange, String> {
    let v = parse_list(s, 3, "START,STOP,STEP")?;
    let range = Arange::new(v[0], v[1], v[2]);
    if range.step <= 0.0 {
        return Err("STEP must be greater than 0".to_string());
    }
    if range.start >= range.stop {
        return Err("START must be less than STOP".to_string());
    }
    let n = (range.stop - range.start) / range.step;
    if n > MAX_POINTS as f64 {
        return Err(format!(
            "at most {MAX_POINTS} points per axis; use a larger STEP"
        ));
    }
    Ok(range)
}

/// A step count from 1 to [`MAX_STEPS`].
pub fn parse_steps(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(v) if (1..=MAX_STEPS).contains(&v) => Ok(v),
        _ => Err(format!("expected a whole number from 1 to {MAX_STEPS}")),
    }
}

/// A seed: any whole number from 0 to 2⁶⁴ − 1.
pub fn parse_seed(s: &str) -> Result<u64, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("expected a whole number from 0 to {}", u64::MAX))
}

/// `A,B`: axis limits, finite, with A < B.
pub fn parse_limits(s: &str) -> Result<(f64, f64), String> {
    let v = parse_list(s, 2, "A,B")?;
    if v[0] < v[1] {
        Ok((v[0], v[1]))
    } else {
        Err("expected A,B with A less than B".to_string())
    }
}

/// `--scale`: a number greater than 0 and at most [`MAX_SCALE`].
pub fn parse_scale(s: &str) -> Result<f64, String> {
    match parse_finite(s) {
        Ok(k) if k > 0.0 && k <= MAX_SCALE => Ok(k),
        _ => Err(format!(
            "expected a number greater than 0 and at most {MAX_SCALE}, like 2"
        )),
    }
}

/// `--format`: png or svg.
pub fn parse_format(s: &str) -> Result<Format, String> {
    match s.to_ascii_lowercase().as_str() {
        "png" => Ok(Format::Png),
        "svg" => Ok(Format::Svg),
        _ => Err("expected png or svg".to_string()),
    }
}

/// `--title`: one line of text, without control characters.
pub fn parse_title(s: &str) -> Result<String, String> {
    if s.chars().any(char::is_control) {
        Err("expected one line of text without control characters".to_string())
    } else {
        Ok(s.to_string())
    }
}

/// Whether `path` names standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// `WIDTHxHEIGHT`, each side from 1 to [`MAX_SIDE`] pixels.
pub fn parse_size(s: &str) -> Result<Size, String> {
    let err = || format!("expected WIDTHxHEIGHT, each from 1 to {MAX_SIDE} pixels, like 640x480");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(err)?;
    let (width, height): (u32, u32) = (
        w.trim().parse().map_err(|_| err())?,
        h.trim().parse().map_err(|_| err())?,
    );
    if !(1..=MAX_SIDE).contains(&width) || !(1..=MAX_SIDE).contains(&height) {
        return Err(err());
    }
    Ok(Size { width, height })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_interface_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn values_are_checked() {
        assert_eq!(
            parse_size("640x480"),
            Ok(Size {
                width: 640,
                height: 480
            })
        );
        assert!(parse_size("0x0").is_err());
        assert!(parse_size("100000x100000").is_err());
        assert_eq!(parse_point("-3,4"), Ok([-3.0, 4.0]));
        assert!(parse_point("1").is_err());
        assert!(parse_point("1,2,3").is_err());
        assert!(parse_point("a,b").is_err());
        assert!(parse_finite("nan").is_err());
        assert!(parse_finite("inf").is_err());
        assert!(parse_steps("0").is_err());
        assert!(parse_steps("1e12").is_err());
        assert!(parse_range("3,-3,0.1").is_err());
        assert!(parse_range("-3,3,0").is_err());
        assert_eq!(parse_range("-3,3,0.1").map(|r| r.len()), Ok(60));
    }

    #[test]
    fn h_is_a_finite_number_greater_than_0() {
        assert_eq!(parse_h("1e-4"), Ok(1e-4));
        assert_eq!(parse_h(" 0.5"), Ok(0.5));
        let accepted = Err("expected a finite number greater than 0, like 1e-4".to_string());
        for bad in ["0", "-1", "-0", "nan", "inf", "-inf", "", "1e-4x", "1e400"] {
            assert_eq!(parse_h(bad), accepted, "{bad}");
        }
    }

    #[test]
    fn the_new_output_values_are_checked() {
        assert_eq!(parse_seed("0"), Ok(0));
        assert_eq!(parse_seed("18446744073709551615"), Ok(u64::MAX));
        assert!(parse_seed("-1").is_err());
        assert_eq!(parse_limits("-1,2.5"), Ok((-1.0, 2.5)));
        assert!(parse_limits("2,2").is_err());
        assert!(parse_limits("3,1").is_err());
        assert!(parse_limits("0,inf").is_err());
        assert_eq!(parse_scale("2"), Ok(2.0));
        assert_eq!(parse_scale("4"), Ok(4.0));
        for bad in ["0", "-1", "4.01", "nan"] {
            assert!(parse_scale(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_format("SVG"), Ok(Format::Svg));
        assert!(parse_format("jpg").is_err());
        assert_eq!(
            parse_title("Gradient · descent"),
            Ok("Gradient · descent".into())
        );
        assert!(parse_title("two\nlines").is_err());
        assert_eq!(parse_steps("100000"), Ok(MAX_STEPS));
        assert!(parse_steps("100001").is_err());
        assert!(parse_steps("-3").is_err());
    }
}
