//! The functions and constants an expression may use, and how each is
//! computed on real and complex numbers.

use num_complex::Complex64;

/// Named constants.
pub const CONSTANTS: [&str; 2] = ["pi", "e"];

/// The value of a named constant.
pub fn constant(name: &str) -> Option<f64> {
    match name {
        "pi" => Some(std::f64::consts::PI),
        "e" => Some(std::f64::consts::E),
        _ => None,
    }
}

/// A function of one argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Sin,
    Cos,
    Tan,
    Sec,
    Csc,
    Cot,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Exp,
    Ln,
    Sqrt,
    Abs,
    Signum,
}

/// The names a user may write; `log` is the natural logarithm, as in numpy.
pub const NAMES: [&str; 15] = [
    "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "ln", "log",
    "sqrt", "abs", "sign",
];

/// The function a name stands for, including the names the library's
/// derivatives use (`sec`, `csc`, `cot`, `signum`).
pub fn lookup(name: &str) -> Option<Func> {
    Some(match name {
        "sin" => Func::Sin,
        "cos" => Func::Cos,
        "tan" => Func::Tan,
        "sec" => Func::Sec,
        "csc" => Func::Csc,
        "cot" => Func::Cot,
        "asin" => Func::Asin,
        "acos" => Func::Acos,
        "atan" => Func::Atan,
        "sinh" => Func::Sinh,
        "cosh" => Func::Cosh,
        "tanh" => Func::Tanh,
        "exp" => Func::Exp,
        "ln" | "log" => Func::Ln,
        "sqrt" => Func::Sqrt,
        "abs" => Func::Abs,
        "sign" | "signum" => Func::Signum,
        _ => return None,
    })
}

impl Func {
    /// Whether the function is analytic (has a complex derivative), which
    /// the complex-step method needs.
    pub fn is_analytic(self) -> bool {
        !matches!(self, Func::Abs | Func::Signum)
    }
}

/// The arithmetic an expression needs, on real or complex numbers.
pub trait Scalar:
    Copy + std::ops::Add<Output = Self> + std::ops::Mul<Output = Self> + std::ops::Div<Output = Self>
{
    fn from_f64(v: f64) -> Self;
    fn powi(self, n: i32) -> Self;
    fn pow(self, e: Self) -> Self;
    fn apply(self, f: Func) -> Self;
}

/// The analytic functions, the same by name for f64 and Complex64; `$one`
/// is 1 in the type, for the reciprocal functions.
macro_rules! analytic {
    ($x:expr, $f:expr, $one:expr, $non_analytic:expr) => {
        match $f {
            Func::Sin => $x.sin(),
            Func::Cos => $x.cos(),
            Func::Tan => $x.tan(),
            Func::Sec => $one / $x.cos(),
            Func::Csc => $one / $x.sin(),
            Func::Cot => $one / $x.tan(),
            Func::Asin => $x.asin(),
            Func::Acos => $x.acos(),
            Func::Atan => $x.atan(),
            Func::Sinh => $x.sinh(),
            Func::Cosh => $x.cosh(),
            Func::Tanh => $x.tanh(),
            Func::Exp => $x.exp(),
            Func::Ln => $x.ln(),
            Func::Sqrt => $x.sqrt(),
            Func::Abs | Func::Signum => $non_analytic,
        }
    };
}

impl Scalar for f64 {
    fn from_f64(v: f64) -> Self {
        v
    }
    fn powi(self, n: i32) -> Self {
        f64::powi(self, n)
    }
    fn pow(self, e: Self) -> Self {
        self.powf(e)
    }
    fn apply(self, f: Func) -> Self {
        // The last argument is spliced into the abs/sign arm, so it is only
        // evaluated there; sign(0) = 0, as numpy's and SymPy's.
        analytic!(
            self,
            f,
            1.0,
            match f {
                Func::Abs => self.abs(),
                _ if self == 0.0 || self.is_nan() => self,
                _ => self.signum(),
            }
        )
    }
}

impl Scalar for Complex64 {
    fn from_f64(v: f64) -> Self {
        Complex64::new(v, 0.0)
    }
    fn powi(self, n: i32) -> Self {
        Complex64::powi(&self, n)
    }
    fn pow(self, e: Self) -> Self {
        self.powc(e)
    }
    fn apply(self, f: Func) -> Self {
        // abs and sign are not analytic: the complex step refuses expressions
        // with them before evaluating, so this value never becomes a derivative.
        analytic!(
            self,
            f,
            Complex64::new(1.0, 0.0),
            Complex64::new(f64::NAN, f64::NAN)
        )
    }
}
