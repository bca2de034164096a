//! The functions and constants an expression may use, and the arithmetic
//! ([`Scalar`]) that evaluates them on real numbers; complex numbers are in
//! [`super::complex`], dual numbers in [`crate::derivative::dual`].

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

/// The function a name the user may write stands for.
pub fn lookup(name: &str) -> Option<Func> {
    Some(match name {
        "sin" => Func::Sin,
        "cos" => Func::Cos,
        "tan" => Func::Tan,
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
        "sign" => Func::Signum,
        _ => return None,
    })
}

/// The function a name in the library's parsed expression stands for: the
/// user's names as [`super::rewrite`] spells them (`signum` for `sign`).
pub fn library_lookup(name: &str) -> Option<Func> {
    match name {
        "signum" => Some(Func::Signum),
        "sign" | "log" => None,
        other => lookup(other),
    }
}

impl Func {
    /// Whether the function is analytic (has a complex derivative), which
    /// the complex-step method needs.
    pub fn is_analytic(self) -> bool {
        !matches!(self, Func::Abs | Func::Signum)
    }

    /// The name a user writes.
    pub fn name(self) -> &'static str {
        match self {
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tan => "tan",
            Func::Asin => "asin",
            Func::Acos => "acos",
            Func::Atan => "atan",
            Func::Sinh => "sinh",
            Func::Cosh => "cosh",
            Func::Tanh => "tanh",
            Func::Exp => "exp",
            Func::Ln => "ln",
            Func::Sqrt => "sqrt",
            Func::Abs => "abs",
            Func::Signum => "sign",
        }
    }
}

/// The arithmetic an expression needs: real numbers (f64), complex numbers
/// for the complex step, dual numbers for exact derivatives.
pub trait Scalar: Copy + std::ops::Add<Output = Self> + std::ops::Mul<Output = Self> {
    fn from_f64(v: f64) -> Self;
    /// a / b.
    fn quot(self, b: Self) -> Self;
    fn powi(self, n: i32) -> Self;
    fn pow(self, e: Self) -> Self;
    fn apply(self, f: Func) -> Self;
    /// The real value: the number itself, a complex number's real part, a
    /// dual number's value.
    fn real(self) -> f64;
    /// Whether the number moves with the variable being differentiated (a
    /// dual number that depends on it, a complex number off the real axis).
    /// Where a function has no derivative, say abs at 0, only an argument
    /// that moves makes the result's derivative undefined.
    fn varies(self) -> bool {
        false
    }
}

impl Scalar for f64 {
    fn from_f64(v: f64) -> Self {
        v
    }
    fn quot(self, b: Self) -> Self {
        self / b
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
            // sign(0) = 0, as numpy's and SymPy's.
            Func::Signum if self == 0.0 || self.is_nan() => self,
            Func::Signum => self.signum(),
        }
    }
    fn real(self) -> f64 {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_name_is_a_function_and_the_library_names_too() {
        for name in NAMES {
            assert!(lookup(name).is_some(), "{name}");
        }
        assert_eq!(library_lookup("signum"), Some(Func::Signum));
        assert_eq!(library_lookup("ln"), Some(Func::Ln));
        assert_eq!(lookup("signum"), None, "not a name users write");
        assert_eq!(lookup("sec"), None);
    }

    #[test]
    fn sign_of_zero_is_zero() {
        assert_eq!(0.0f64.apply(Func::Signum), 0.0);
        assert_eq!((-3.0f64).apply(Func::Signum), -1.0);
    }
}
