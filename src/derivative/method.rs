//! How a derivative is computed: the methods by name, what each returns,
//! and the one entry point that applies a method at a point.
//!
//! The formulas live beside this file: the difference quotients in
//! [`super::difference`] (the book's `numerical_diff` for `central`), the
//! steps in [`super::step`], extrapolation in [`super::richardson`].

use super::difference::{five_point, forward, numerical_diff};
use super::dual::Dual;
use super::richardson::richardson;
use super::step;
use super::undefined::Reason;
use crate::expr::domain::{Failure, Kind};
use num_complex::Complex64;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// How a derivative is computed. The default is the book's, `Central`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// (f(x+h) − f(x−h)) / 2h, the book's `numerical_diff`; error O(h²).
    #[default]
    Central,
    /// (f(x+h) − f(x)) / h, the book's cautionary example; error O(h).
    Forward,
    /// The central difference with a step that balances its truncation and
    /// rounding errors (see [`super::step`]).
    CentralOptimal,
    /// (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h; error O(h⁴).
    FivePoint,
    /// Central differences at halving steps, extrapolated to h → 0
    /// (Richardson), with a bound on the remaining error.
    Richardson,
    /// Im f(x + ih) / h: no subtraction, so no cancellation; exact to machine
    /// precision for analytic f.
    ComplexStep,
    /// Forward-mode automatic differentiation: exact to rounding.
    Exact,
}

impl Method {
    pub const ALL: [Method; 7] = [
        Method::Central,
        Method::Forward,
        Method::CentralOptimal,
        Method::FivePoint,
        Method::Richardson,
        Method::ComplexStep,
        Method::Exact,
    ];

    /// The name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Method::Central => "central",
            Method::Forward => "forward",
            Method::CentralOptimal => "central-optimal",
            Method::FivePoint => "five-point",
            Method::Richardson => "richardson",
            Method::ComplexStep => "complex-step",
            Method::Exact => "exact",
        }
    }

    /// Whether the user may choose h (the others choose it themselves or
    /// have none).
    pub fn takes_h(self) -> bool {
        matches!(
            self,
            Method::Central | Method::Forward | Method::FivePoint | Method::ComplexStep
        )
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of [`Method::ALL`]'s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown method '{0}'")]
pub struct UnknownMethod(pub String);

impl FromStr for Method {
    type Err = UnknownMethod;
    fn from_str(s: &str) -> Result<Self, UnknownMethod> {
        Method::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| UnknownMethod(s.to_string()))
    }
}

/// Why a method does not apply to a function.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Inapplicable {
    /// complex-step evaluates f at complex points; the name is the first
    /// function in f that has no complex extension.
    #[error("complex-step needs an analytic expression, and {0}() is not")]
    NotAnalytic(String),
}

/// A derivative and what is known of its accuracy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    pub value: f64,
    /// The step used, if the method has one.
    pub h: Option<f64>,
    /// A bound on the absolute error, for the methods that give one.
    pub error_estimate: Option<f64>,
}

/// What a method may ask of a function of one variable.
pub trait Univariate {
    fn value(&self, x: f64) -> f64;
    /// f at a complex point (f is analytic: checked before).
    fn complex_value(&self, z: Complex64) -> Complex64;
    /// f(x) and f′(x) exactly, by forward-mode automatic differentiation
    /// ([`super::dual`]), or why f has no derivative at x.
    fn dual(&self, x: f64) -> Result<Dual, Failure>;
}

/// The derivative of `f` at `x` by `method`, with step `h` (or the method's
/// default).
///
/// Every method first asks whether f has a derivative at x at all (by
/// automatic differentiation, which checks each operation's domain): where
/// it has none, the answer is that, whatever a difference quotient would
/// have printed. Where it has one but the method's own estimate is not a
/// finite number (its points leave f's domain), that is the answer. An
/// overflow in the exact derivative only stops `exact`: a quotient of
/// values may still be finite.
pub fn derivative(
    f: &impl Univariate,
    x: f64,
    method: Method,
    h: Option<f64>,
) -> Result<Estimate, Reason> {
    let exact = match f.dual(x) {
        Ok(r) => r.d,
        Err(failure) if failure.kind == Kind::Overflow && method != Method::Exact => f64::NAN,
        Err(failure) => return Err(Reason::Domain(failure)),
    };
    let h = h.or(step::default_step(method, x));
    let step = h.unwrap_or(0.0);
    let plain = |value| Estimate {
        value,
        h,
        error_estimate: None,
    };
    let g = |t: f64| f.value(t);
    let estimate = match method {
        Method::Central => plain(numerical_diff(g, x, step)),
        Method::Forward => plain(forward(g, x, step)),
        Method::CentralOptimal => plain(numerical_diff(g, x, step)),
        Method::FivePoint => plain(five_point(g, x, step)),
        Method::Richardson => richardson(g, x, step),
        Method::ComplexStep => {
            let z = f.complex_value(Complex64::new(x, step));
            plain(if z.re.is_finite() {
                z.im / step
            } else {
                f64::NAN
            })
        }
        Method::Exact => plain(exact),
    };
    if !estimate.value.is_finite() {
        return Err(Reason::NotFinite {
            method,
            h: estimate.h,
        });
    }
    Ok(estimate)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A closed-form test function with its complex extension and derivative.
    struct Closed {
        f: fn(f64) -> f64,
        fc: fn(Complex64) -> Complex64,
        df: fn(f64) -> f64,
    }

    impl Univariate for Closed {
        fn value(&self, x: f64) -> f64 {
            (self.f)(x)
        }
        fn complex_value(&self, z: Complex64) -> Complex64 {
            (self.fc)(z)
        }
        fn dual(&self, x: f64) -> Result<Dual, Failure> {
            Ok(Dual {
                v: (self.f)(x),
                d: (self.df)(x),
                dep: true,
            })
        }
    }

    /// The five test cases: 0.01x²+0.1x at 5 and 10, sin at 1, exp at 1, x³ at 2.
    fn cases() -> Vec<(&'static str, Closed, f64)> {
        let quad = || Closed {
            f: |x| 0.01 * (x * x) + 0.1 * x,
            fc: |z| 0.01 * (z * z) + 0.1 * z,
            df: |x| 0.02 * x + 0.1,
        };
        vec![
            ("quadratic at 5", quad(), 5.0),
            ("quadratic at 10", quad(), 10.0),
            (
                "sin at 1",
                Closed {
                    f: f64::sin,
                    fc: |z| z.sin(),
                    df: f64::cos,
                },
                1.0,
            ),
            (
                "exp at 1",
                Closed {
                    f: f64::exp,
                    fc: |z| z.exp(),
                    df: f64::exp,
                },
                1.0,
            ),
            (
                "cube at 2",
                Closed {
                    f: |x| x * x * x,
                    fc: |z| z * z * z,
                    df: |x| 3.0 * x * x,
                },
                2.0,
            ),
        ]
    }

    fn worst(method: Method) -> f64 {
        cases()
            .iter()
            .map(|(_, f, x)| {
                let e = derivative(f, *x, method, None).unwrap();
                (e.value - (f.df)(*x)).abs()
            })
            .fold(0.0, f64::max)
    }

    #[test]
    fn central_reproduces_the_book() {
        let (_, f, _) = &cases()[0];
        let d = derivative(f, 5.0, Method::Central, None).unwrap();
        assert_eq!(d.value, 0.1999999999990898);
        assert!(((d.value - 0.2).abs() - 9.1e-13).abs() < 1e-14);
        let (_, exp, _) = &cases()[3];
        let e = derivative(exp, 1.0, Method::Central, None).unwrap();
        assert!(((e.value - 1f64.exp()).abs() - 4.5e-9).abs() < 1e-10);
    }

    #[test]
    fn accuracy_of_each_method_on_the_five_cases() {
        assert!(
            worst(Method::CentralOptimal) <= 3e-10,
            "{}",
            worst(Method::CentralOptimal)
        );
        assert!(
            worst(Method::FivePoint) <= 1e-11,
            "{}",
            worst(Method::FivePoint)
        );
        assert!(
            worst(Method::Richardson) <= 1e-13,
            "{}",
            worst(Method::Richardson)
        );
        assert!(
            worst(Method::ComplexStep) <= 1e-15,
            "{}",
            worst(Method::ComplexStep)
        );
        assert!(worst(Method::Exact) <= 1e-15, "{}", worst(Method::Exact));
    }

    #[test]
    fn richardson_s_error_estimate_is_never_below_the_true_error() {
        for (name, f, x) in cases() {
            let e = derivative(&f, x, Method::Richardson, None).unwrap();
            let truth = (e.value - (f.df)(x)).abs();
            let estimate = e.error_estimate.unwrap();
            assert!(
                estimate >= truth,
                "{name}: estimate {estimate:e} < true error {truth:e}"
            );
            assert!(
                estimate < 1e-11,
                "{name}: estimate {estimate:e} is uselessly large"
            );
        }
    }

    #[test]
    fn the_book_s_tiny_step_loses_everything_to_rounding() {
        // 1e-50 vanishes next to 1.0: x + h == x, so the difference is 0.
        let (_, exp, _) = &cases()[3];
        assert_eq!(
            derivative(exp, 1.0, Method::Forward, Some(1e-50))
                .unwrap()
                .value,
            0.0
        );
        assert_eq!(
            derivative(exp, 1.0, Method::Central, Some(1e-50))
                .unwrap()
                .value,
            0.0
        );
    }

    #[test]
    fn names_round_trip() {
        for m in Method::ALL {
            assert_eq!(m.name().parse::<Method>(), Ok(m));
        }
        assert!("backward".parse::<Method>().is_err());
    }
}
