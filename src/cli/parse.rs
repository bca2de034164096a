//! The value parsers of the command line: each turns one flag's text into
//! a typed value, or says in a few words what is accepted (clap adds which
//! flag and which value). The values that are not plain numbers are written
//! back here too, in the form their parser reads (`Display`): that is how
//! clap shows and reads a default taken from a figure's `Params::book()`.

use super::caps::{MAX_DPI, MAX_POINTS, MAX_SCALE, MAX_SIDE, MAX_STEPS};
use crate::derivative::Method;
use crate::expr::check::Vars;
use crate::expr::Expression;
use crate::figure::book;
use crate::figure::loss::Target;
use crate::numerics::Arange;
use crate::render::{Format, Size};
use std::fmt;

/// A comma-separated list of finite numbers: `0.1,0.6,0.3`.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbers(pub Vec<f64>);

/// A point `X0,X1` of the figures of two variables.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point(pub [f64; 2]);

/// Numbers as Rust writes them shortest, which reads back to the same bits
/// (`5`, `0.1`, `-60`), separated by commas.
fn write_list(f: &mut fmt::Formatter<'_>, v: &[f64]) -> fmt::Result {
    for (i, x) in v.iter().enumerate() {
        let comma = if i == 0 { "" } else { "," };
        write!(f, "{comma}{x}")?;
    }
    Ok(())
}

impl fmt::Display for Numbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_list(f, &self.0)
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_list(f, &self.0)
    }
}

/// `START,STOP,STEP`, as [`parse_range`] reads it.
impl fmt::Display for Arange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_list(f, &[self.start, self.stop, self.step])
    }
}

/// `WIDTHxHEIGHT`, as [`parse_size`] reads it.
impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

/// `loss --t` as [`parse_target`] reads it: the one-hot list, or the class.
impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::OneHot(t) => write_list(f, t),
            Target::Label(label) => write!(f, "{label}"),
        }
    }
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
    Expression::parse(s, book::X).map_err(|e| e.to_string())
}

/// A function of x0 and x1.
pub fn parse_f_of_x0_x1(s: &str) -> Result<Expression, String> {
    Expression::parse(s, book::X0_X1).map_err(|e| e.to_string())
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

/// A learning rate: a finite number greater than 0. Gradient descent
/// steps by −lr·∇f; with lr < 0 it would climb, with 0 stand still.
pub fn parse_lr(s: &str) -> Result<f64, String> {
    match parse_finite(s) {
        Ok(lr) if lr > 0.0 => Ok(lr),
        _ => Err("expected a finite number greater than 0, like 0.1 \
                  (a negative rate climbs the function instead of descending)"
            .to_string()),
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

/// `loss --t`: a one-hot list (`0,0,1`) or, without a comma, the index of
/// the correct class (`2`).
pub fn parse_target(s: &str) -> Result<Target, String> {
    let accepted = "expected a one-hot list like 0,0,1 or the index of the correct class like 2";
    if !s.contains(',') {
        return s
            .trim()
            .parse()
            .map(Target::Label)
            .map_err(|_| accepted.to_string());
    }
    match parse_numbers(s) {
        Ok(Numbers(t)) => Ok(Target::OneHot(t)),
        Err(_) => Err(accepted.to_string()),
    }
}

/// A point `X0,X1`.
pub fn parse_point(s: &str) -> Result<Point, String> {
    let v = parse_list(s, 2, "X0,X1")?;
    Ok(Point([v[0], v[1]]))
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

/// A seed as numpy's `np.random.seed` takes it: 0 to 2³² − 1.
pub fn parse_seed(s: &str) -> Result<u32, String> {
    s.trim().parse().map_err(|_| {
        format!(
            "expected a whole number from 0 to {} (numpy's seeds)",
            u32::MAX
        )
    })
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

/// `--format`: png, svg or pdf.
pub fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| format!("expected {}", Format::NAMES))
}

/// `--dpi`: dots per inch as matplotlib's `savefig(dpi=…)`, greater than 0
/// and at most [`MAX_DPI`].
pub fn parse_dpi(s: &str) -> Result<f64, String> {
    match parse_finite(s) {
        Ok(dpi) if dpi > 0.0 && dpi <= MAX_DPI => Ok(dpi),
        _ => Err(format!(
            "expected a number greater than 0 and at most {MAX_DPI}, like 200"
        )),
    }
}

/// `--title`: text, in several lines if it has line breaks (as
/// matplotlib draws them), without other control characters, nor the two
/// noncharacters XML cannot hold.
pub fn parse_title(s: &str) -> Result<String, String> {
    if s.chars().any(|c| c.is_control() && c != '\n') {
        Err("expected text without control characters (line breaks are allowed)".to_string())
    } else if s.contains(['\u{FFFE}', '\u{FFFF}']) {
        Err("expected text without U+FFFE or U+FFFF, which are not characters".to_string())
    } else {
        Ok(s.to_string())
    }
}

/// `--xlabel`, `--ylabel`, `--zlabel`: one line of text.
pub fn parse_label(s: &str) -> Result<String, String> {
    if s.chars().any(char::is_control) {
        Err("expected one line of text without control characters".to_string())
    } else {
        Ok(s.to_string())
    }
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
        assert_eq!(parse_point("-3,4"), Ok(Point([-3.0, 4.0])));
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
    fn values_are_written_as_their_parsers_read_them() {
        let range = Arange::new(-3.0, 3.0, 0.1);
        assert_eq!(range.to_string(), "-3,3,0.1");
        assert_eq!(parse_range(&range.to_string()), Ok(range));
        assert_eq!(Point([-3.0, 4.0]).to_string(), "-3,4");
        assert_eq!(Numbers(vec![0.1, 0.05, 0.6]).to_string(), "0.1,0.05,0.6");
        let one_hot = Target::OneHot(vec![0.0, 0.0, 1.0]);
        assert_eq!(one_hot.to_string(), "0,0,1");
        assert_eq!(parse_target(&one_hot.to_string()), Ok(one_hot));
        assert_eq!(Target::Label(2).to_string(), "2");
        // The shortest form reads back to the same bits.
        let third = Numbers(vec![1.0 / 3.0, -1e-300, 5e-324]);
        assert_eq!(parse_numbers(&third.to_string()), Ok(third));
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
        assert_eq!(parse_seed("4294967295"), Ok(u32::MAX));
        assert!(parse_seed("4294967296").is_err());
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
        assert_eq!(parse_format("Pdf"), Ok(Format::Pdf));
        assert_eq!(parse_format("jpg"), Err("expected png, svg or pdf".into()));
        assert_eq!(parse_dpi("300"), Ok(300.0));
        for bad in ["0", "-100", "2401", "inf"] {
            assert!(parse_dpi(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_title("Gradient · descent"),
            Ok("Gradient · descent".into())
        );
        assert_eq!(parse_title("two\nlines"), Ok("two\nlines".into()));
        assert!(parse_title("tab\there").is_err());
        assert!(parse_title("cr\r\nlf").is_err());
        assert_eq!(parse_steps("100000"), Ok(MAX_STEPS));
        assert!(parse_steps("100001").is_err());
        assert!(parse_steps("-3").is_err());
    }
}
