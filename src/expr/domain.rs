//! Where each operation has a real value and a derivative.
//!
//! An expression is evaluated with these checks at every operation (see
//! `Node::eval_checked`), so that a derivative is never read off a value that
//! does not exist: ln(−1) is NaN in f64, and its complex step is π·1e20; the
//! check says "not defined" instead. Each rule looks at the argument's real
//! value v, and whether it varies with the variable being differentiated.

use super::funcs::Func;

/// Why there is no derivative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// f has no real value here (ln of a negative number, 1/0).
    NotDefined,
    /// f has a value but no derivative (abs at 0, sqrt at 0).
    NotDifferentiable,
    /// A value or derivative is beyond the largest double (exp(1000)).
    Overflow,
}

/// What went wrong, and in which operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    pub kind: Kind,
    pub why: &'static str,
}

fn fail(kind: Kind, why: &'static str) -> Result<(), Failure> {
    Err(Failure { kind, why })
}

/// f(v) for one of the functions.
///
/// - ln: defined for v > 0;
/// - sqrt: defined for v ≥ 0, differentiable for v > 0 (the tangent is
///   vertical at 0);
/// - asin, acos: defined for −1 ≤ v ≤ 1, differentiable inside;
/// - abs: not differentiable at 0 (a corner); sign: not at 0 (a jump);
/// - the others everywhere.
pub fn call(f: Func, v: f64, varies: bool) -> Result<(), Failure> {
    use Kind::*;
    match f {
        Func::Ln if v.is_nan() || v <= 0.0 => fail(NotDefined, "ln needs an argument > 0"),
        Func::Sqrt if v.is_nan() || v < 0.0 => fail(NotDefined, "sqrt needs an argument ≥ 0"),
        Func::Sqrt if v == 0.0 && varies => fail(NotDifferentiable, "sqrt has no derivative at 0"),
        Func::Asin | Func::Acos if v.is_nan() || v.abs() > 1.0 => fail(
            NotDefined,
            if f == Func::Asin {
                "asin needs an argument in [-1, 1]"
            } else {
                "acos needs an argument in [-1, 1]"
            },
        ),
        Func::Asin | Func::Acos if v.abs() == 1.0 && varies => fail(
            NotDifferentiable,
            if f == Func::Asin {
                "asin has no derivative at -1 and 1"
            } else {
                "acos has no derivative at -1 and 1"
            },
        ),
        Func::Abs if v == 0.0 && varies => fail(
            NotDifferentiable,
            "abs has no derivative where its argument is 0",
        ),
        Func::Signum if v == 0.0 && varies => {
            fail(NotDifferentiable, "sign jumps where its argument is 0")
        }
        _ => Ok(()),
    }
}

/// a / b: defined for b ≠ 0.
pub fn quotient(b: f64) -> Result<(), Failure> {
    if b == 0.0 {
        return fail(Kind::NotDefined, "division by 0");
    }
    Ok(())
}

/// bⁿ for an integer n: defined except 0 to a negative power.
pub fn integer_power(b: f64, n: i32) -> Result<(), Failure> {
    if b == 0.0 && n < 0 {
        return fail(Kind::NotDefined, "0 to a negative power");
    }
    Ok(())
}

/// b^e for a real e (given as its value and whether it varies):
///
/// - b < 0: defined only for an integer e, and then with no derivative if e
///   varies (b^e has no real values between the integers);
/// - b = 0: not defined for e < 0; no derivative for 0 < e < 1 if b varies
///   (x^0.5 is sqrt), nor if e varies (0^e jumps at e = 0);
/// - b > 0: always.
pub fn power(b: f64, b_varies: bool, e: f64, e_varies: bool) -> Result<(), Failure> {
    use Kind::*;
    if b.is_nan() || e.is_nan() {
        return fail(Overflow, "a value is not a number");
    }
    if b < 0.0 && e.fract() != 0.0 {
        return fail(NotDefined, "a negative number to a non-integer power");
    }
    if b < 0.0 && e_varies {
        return fail(NotDifferentiable, "a negative number to a varying power");
    }
    if b == 0.0 && e < 0.0 {
        return fail(NotDefined, "0 to a negative power");
    }
    if b == 0.0 && e_varies {
        return fail(NotDifferentiable, "0 to a varying power");
    }
    if b == 0.0 && b_varies && e > 0.0 && e < 1.0 {
        return fail(
            NotDifferentiable,
            "x^p with 0 < p < 1 has no derivative at 0",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edges_of_each_domain() {
        assert!(call(Func::Ln, 1e-300, true).is_ok());
        assert_eq!(
            call(Func::Ln, 0.0, true).unwrap_err().kind,
            Kind::NotDefined
        );
        assert_eq!(call(Func::Sqrt, 0.0, false), Ok(()), "a constant sqrt(0)");
        assert_eq!(
            call(Func::Sqrt, 0.0, true).unwrap_err().kind,
            Kind::NotDifferentiable
        );
        assert_eq!(
            call(Func::Asin, 1.0 + 1e-15, true).unwrap_err().kind,
            Kind::NotDefined
        );
        assert_eq!(
            call(Func::Acos, -1.0, true).unwrap_err().kind,
            Kind::NotDifferentiable
        );
        assert!(call(Func::Abs, -0.0, false).is_ok());
        assert_eq!(
            call(Func::Signum, 0.0, true).unwrap_err().kind,
            Kind::NotDifferentiable
        );
        assert!(call(Func::Tan, 1e300, true).is_ok());
        assert!(quotient(0.0).is_err() && quotient(1e-300).is_ok());
        assert!(integer_power(0.0, -1).is_err() && integer_power(0.0, 2).is_ok());
    }

    #[test]
    fn powers() {
        assert!(power(-2.0, true, 3.0, false).is_ok());
        assert_eq!(
            power(-2.0, true, 0.5, false).unwrap_err().kind,
            Kind::NotDefined
        );
        assert_eq!(
            power(-2.0, false, 3.0, true).unwrap_err().kind,
            Kind::NotDifferentiable
        );
        assert_eq!(
            power(0.0, true, 0.5, false).unwrap_err().kind,
            Kind::NotDifferentiable
        );
        assert!(power(0.0, true, 1.5, false).is_ok());
        assert!(power(0.0, false, 0.5, false).is_ok());
        assert_eq!(
            power(0.0, true, -1.0, false).unwrap_err().kind,
            Kind::NotDefined
        );
        assert!(power(2.0, true, -1.5, true).is_ok());
    }
}
