//! Ways to compute a derivative, from the book's central difference to
//! machine-precision methods, and how accurate each is.
//!
//! With h the step and ε = 2.2e-16 the machine epsilon, a difference quotient
//! has two errors: truncation from the Taylor terms it drops (∝ hᵖ) and
//! rounding, the cancellation in f(x+h) − f(x−h) (≈ ε·|f|/h). Their sum is
//! smallest near h ≈ ε^(1/(p+1)); the book's h = 1e-4 is close for p = 2.

use num_complex::Complex64;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// How a derivative is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// (f(x+h) − f(x−h)) / 2h, the book's `numerical_diff`; error O(h²).
    Central,
    /// (f(x+h) − f(x)) / h, the book's cautionary example; error O(h).
    Forward,
    /// The central difference with h = ∛ε·max(1, |x|), which balances its
    /// truncation and rounding errors.
    CentralOptimal,
    /// (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h; error O(h⁴).
    FivePoint,
    /// Central differences at halving steps, extrapolated to h → 0
    /// (Richardson), with an estimate of the remaining error.
    Richardson,
    /// Im f(x + ih) / h: no subtraction, so no cancellation; exact to machine
    /// precision for analytic f.
    ComplexStep,
    /// The symbolic derivative, evaluated.
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

    /// The step used when none is given, at `x`.
    pub fn default_h(self, x: f64) -> Option<f64> {
        let scale = x.abs().max(1.0);
        match self {
            Method::Central | Method::Forward => Some(super::H),
            Method::CentralOptimal => Some(f64::EPSILON.cbrt() * scale),
            // ε^(1/5): where O(h⁴) truncation meets ε/h rounding.
            Method::FivePoint => Some(f64::EPSILON.powf(0.2) * scale),
            Method::Richardson => Some(RICHARDSON_FIRST_STEP * scale),
            Method::ComplexStep => Some(1e-20),
            Method::Exact => None,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Method {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Method::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| format!("unknown method '{s}'"))
    }
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
    /// f at a complex point; `Err` names why f is not analytic.
    fn complex_value(&self, z: Complex64) -> Result<Complex64, String>;
    /// f′(x) from the symbolic derivative.
    fn exact_derivative(&self, x: f64) -> Result<f64, String>;
}

/// The derivative of `f` at `x` by `method`, with step `h` (or the method's
/// default).
pub fn derivative(
    f: &impl Univariate,
    x: f64,
    method: Method,
    h: Option<f64>,
) -> Result<Estimate, String> {
    let h = h.or(method.default_h(x));
    let step = h.unwrap_or(0.0);
    let plain = |value| Estimate {
        value,
        h,
        error_estimate: None,
    };
    let g = |t: f64| f.value(t);
    Ok(match method {
        Method::Central => plain(central(g, x, step)),
        Method::Forward => plain(forward(g, x, step)),
        Method::CentralOptimal => {
            // A step that is exactly representable next to x, so that
            // (x + h) − (x − h) is exactly 2h.
            let h = (x + step) - x;
            Estimate {
                h: Some(h),
                ..plain(central(g, x, h))
            }
        }
        Method::FivePoint => plain(five_point(g, x, step)),
        Method::Richardson => richardson(g, x, step),
        Method::ComplexStep => plain(f.complex_value(Complex64::new(x, step))?.im / step),
        Method::Exact => plain(f.exact_derivative(x)?),
    })
}

/// The book's central difference: (f(x+h) − f(x−h)) / (2h).
pub fn central(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x - h)) / (2.0 * h)
}

/// The forward difference: (f(x+h) − f(x)) / h.
pub fn forward(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    (f(x + h) - f(x)) / h
}

/// The five-point stencil: (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / (12h).
pub fn five_point(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    (-f(x + 2.0 * h) + 8.0 * f(x + h) - 8.0 * f(x - h) + f(x - 2.0 * h)) / (12.0 * h)
}

/// The first step of the Richardson sequence, relative to max(1, |x|).
const RICHARDSON_FIRST_STEP: f64 = 0.125;
/// How many times the step is halved.
const RICHARDSON_LEVELS: usize = 7;

/// Richardson extrapolation of central differences.
///
/// D(k, 0) is the central difference at h₀/2ᵏ; each column removes the next
/// even power of h: D(k, j) = D(k, j−1) + (D(k, j−1) − D(k−1, j−1)) / (4ʲ − 1).
/// Along the diagonal, the error of D(k, k) is estimated by its distance to
/// its neighbours plus the rounding it inherits (ε·|f|/h amplified by the
/// extrapolation); the diagonal entry with the smallest estimate is returned.
pub fn richardson(f: impl Fn(f64) -> f64, x: f64, h0: f64) -> Estimate {
    let mut table: Vec<Vec<f64>> = Vec::with_capacity(RICHARDSON_LEVELS);
    let mut best = Estimate {
        value: f64::NAN,
        h: Some(h0),
        error_estimate: Some(f64::INFINITY),
    };
    for k in 0..RICHARDSON_LEVELS {
        let h = h0 / (1u64 << k) as f64;
        let mut row = vec![central(&f, x, h)];
        for j in 1..=k {
            let factor = 4f64.powi(j as i32) - 1.0;
            let prev = row[j - 1];
            row.push(prev + (prev - table[k - 1][j - 1]) / factor);
        }
        if k >= 1 {
            let value = row[k];
            let scale = f(x + h).abs().max(f(x - h).abs()).max(f64::MIN_POSITIVE);
            let rounding = 8.0 * f64::EPSILON * scale / h;
            let spread = (value - table[k - 1][k - 1])
                .abs()
                .max((value - row[k - 1]).abs());
            let estimate = spread + rounding + 4.0 * f64::EPSILON * value.abs();
            if estimate < best.error_estimate.unwrap_or(f64::INFINITY) {
                best = Estimate {
                    value,
                    h: Some(h),
                    error_estimate: Some(estimate),
                };
            }
        }
        table.push(row);
    }
    best
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
        fn complex_value(&self, z: Complex64) -> Result<Complex64, String> {
            Ok((self.fc)(z))
        }
        fn exact_derivative(&self, x: f64) -> Result<f64, String> {
            Ok((self.df)(x))
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
