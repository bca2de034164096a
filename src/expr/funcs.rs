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
        match f {
            Func::Sin => self.sin(),
            Func::Cos => self.cos(),
            Func::Tan => self.tan(),
            Func::Sec => 1.0 / self.cos(),
            Func::Csc => 1.0 / self.sin(),
            Func::Cot => 1.0 / self.tan(),
            Func::Asin => self.asin(),
            Func::Acos => self.acos(),
            Func::Atan => self.atan(),
            Func::Sinh => self.sinh(),
            Func::Cosh => self.cosh(),
            Func::Tanh => self.tanh(),
            Func::Exp => self.exp(),
            Func::Ln => self.ln(),
            Func::Sqrt => self.sqrt(),
            Func::Abs => self.abs(),
            Func::Signum => {
                if self == 0.0 || self.is_nan() {
                    self
                } else {
                    self.signum()
                }
            }
        }
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
        let one = Complex64::new(1.0, 0.0);
        match f {
            Func::Sin => self.sin(),
            Func::Cos => self.cos(),
            Func::Tan => self.tan(),
            Func::Sec => one / self.cos(),
            Func::Csc => one / self.sin(),
            Func::Cot => one / self.tan(),
            Func::Asin => self.asin(),
            Func::Acos => self.acos(),
            Func::Atan => self.atan(),
            Func::Sinh => self.sinh(),
            Func::Cosh => self.cosh(),
            Func::Tanh => self.tanh(),
            Func::Exp => self.exp(),
            Func::Ln => self.ln(),
            Func::Sqrt => self.sqrt(),
            // Not analytic: the complex step refuses expressions with these
            // before evaluating, so these values are never used for a derivative.
            Func::Abs => Complex64::new(self.norm(), 0.0),
            Func::Signum => Complex64::new(self.re.signum(), 0.0),
        }
    }
}
