//! Exact derivatives by forward-mode automatic differentiation: dual numbers
//! a + b·ε with ε² = 0, as JAX's and autograd's forward mode.
//!
//! Evaluating f at x + 1·ε gives f(x) + f′(x)·ε: each operation applies the
//! chain rule to the part after ε, so the derivative is exact up to the
//! rounding of each step, with no step size, no cancellation and no symbolic
//! expression. A partial derivative ∂f/∂xᵢ seeds ε on xᵢ alone.
//!
//! The evaluation is checked at every operation ([`crate::expr::domain`]), so
//! where f has no value or no derivative (ln at −1, abs at 0) the answer is
//! that, not a number.

use crate::expr::domain::{Failure, Kind};
use crate::expr::funcs::{Func, Scalar};
use crate::expr::Expression;
use std::ops::{Add, Mul};

/// v + d·ε, and whether it depends on the seeded variable at all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dual {
    /// The value.
    pub v: f64,
    /// The derivative with respect to the seeded variable.
    pub d: f64,
    /// Whether the seeded variable occurs in it. At a point where a function
    /// has no derivative (abs at 0), an argument that depends on the
    /// variable makes the result undefined even if its own derivative
    /// happens to be 0 there (sign(x²) jumps at 0).
    pub dep: bool,
}

impl Dual {
    /// The seeded variable at `v`: v + 1·ε.
    pub fn variable(v: f64) -> Dual {
        Dual {
            v,
            d: 1.0,
            dep: true,
        }
    }

    /// g(self) with value `value` and g′(self.v) = `slope`: the chain rule
    /// d(g(u)) = g′(u)·du. A zero du gives a zero derivative even where g′
    /// is infinite (sqrt(c) for a constant c = 0).
    fn chain(self, value: f64, slope: impl FnOnce() -> f64) -> Dual {
        Dual {
            v: value,
            d: if self.d == 0.0 { 0.0 } else { slope() * self.d },
            dep: self.dep,
        }
    }
}

impl Add for Dual {
    type Output = Dual;
    /// (a + a′ε) + (b + b′ε) = (a + b) + (a′ + b′)ε.
    fn add(self, b: Dual) -> Dual {
        Dual {
            v: self.v + b.v,
            d: self.d + b.d,
            dep: self.dep || b.dep,
        }
    }
}

impl Mul for Dual {
    type Output = Dual;
    /// (a + a′ε)(b + b′ε) = ab + (a′b + ab′)ε.
    fn mul(self, b: Dual) -> Dual {
        Dual {
            v: self.v * b.v,
            d: self.d * b.v + self.v * b.d,
            dep: self.dep || b.dep,
        }
    }
}

impl Scalar for Dual {
    fn from_f64(v: f64) -> Self {
        Dual {
            v,
            d: 0.0,
            dep: false,
        }
    }

    /// a/b + ((a′ − (a/b)·b′) / b)ε.
    fn quot(self, b: Self) -> Self {
        let q = self.v / b.v;
        Dual {
            v: q,
            d: (self.d - q * b.d) / b.v,
            dep: self.dep || b.dep,
        }
    }

    /// uⁿ + n·uⁿ⁻¹·u′ε.
    fn powi(self, n: i32) -> Self {
        if n == 0 {
            return Dual::from_f64(1.0);
        }
        self.chain(self.v.powi(n), || f64::from(n) * self.v.powi(n - 1))
    }

    /// u^w + (w·u^(w−1)·u′ + u^w·ln(u)·w′)ε.
    fn pow(self, w: Self) -> Self {
        let value = self.v.powf(w.v);
        let by_base = if self.d == 0.0 {
            0.0
        } else {
            w.v * self.v.powf(w.v - 1.0) * self.d
        };
        let by_exponent = if w.d == 0.0 {
            0.0
        } else {
            value * self.v.ln() * w.d
        };
        Dual {
            v: value,
            d: by_base + by_exponent,
            dep: self.dep || w.dep,
        }
    }

    /// f(u) + f′(u)·u′ε, with f′ from the table of derivatives:
    /// sin′ = cos, cos′ = −sin, tan′ = 1 + tan², asin′ = 1/√(1 − u²),
    /// acos′ = −1/√(1 − u²), atan′ = 1/(1 + u²), sinh′ = cosh, cosh′ = sinh,
    /// tanh′ = 1/cosh², exp′ = exp, ln′ = 1/u, sqrt′ = 1/(2√u),
    /// abs′ = sign, sign′ = 0 (away from 0, where the checks stop first).
    fn apply(self, f: Func) -> Self {
        let u = self.v;
        match f {
            Func::Sin => self.chain(u.sin(), || u.cos()),
            Func::Cos => self.chain(u.cos(), || -u.sin()),
            Func::Tan => {
                let t = u.tan();
                self.chain(t, || 1.0 + t * t)
            }
            // 1 − u² as (1 − u)(1 + u): exact near ±1, where it matters.
            Func::Asin => self.chain(u.asin(), || 1.0 / ((1.0 - u) * (1.0 + u)).sqrt()),
            Func::Acos => self.chain(u.acos(), || -1.0 / ((1.0 - u) * (1.0 + u)).sqrt()),
            Func::Atan => self.chain(u.atan(), || 1.0 / (1.0 + u * u)),
            Func::Sinh => self.chain(u.sinh(), || u.cosh()),
            Func::Cosh => self.chain(u.cosh(), || u.sinh()),
            Func::Tanh => self.chain(u.tanh(), || {
                let c = u.cosh();
                1.0 / (c * c)
            }),
            Func::Exp => {
                let e = u.exp();
                self.chain(e, || e)
            }
            Func::Ln => self.chain(u.ln(), || 1.0 / u),
            Func::Sqrt => {
                let s = u.sqrt();
                self.chain(s, || 0.5 / s)
            }
            Func::Abs => self.chain(u.abs(), || u.signum()),
            Func::Signum => Dual {
                v: u.apply(Func::Signum),
                d: 0.0,
                dep: self.dep,
            },
        }
    }

    fn real(self) -> f64 {
        self.v
    }

    fn varies(self) -> bool {
        self.dep
    }
}

/// f at `point` and ∂f/∂x_i there, exactly (to rounding), or why there is no
/// such derivative.
pub fn partial(f: &Expression, point: &[f64], i: usize) -> Result<Dual, Failure> {
    let seeded: Vec<Dual> = point
        .iter()
        .enumerate()
        .map(|(j, &v)| {
            if j == i {
                Dual::variable(v)
            } else {
                Dual::from_f64(v)
            }
        })
        .collect();
    let r = f.eval_checked(&seeded)?;
    if !r.d.is_finite() {
        return Err(Failure {
            kind: Kind::Overflow,
            why: "the derivative overflows",
        });
    }
    Ok(r)
}

/// A value and whether it depends on any variable: a dual number without
/// its derivative, for [`check`], which needs no more and runs before every
/// gradient of the book's method.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Probe {
    v: f64,
    dep: bool,
}

impl Add for Probe {
    type Output = Probe;
    fn add(self, b: Probe) -> Probe {
        Probe {
            v: self.v + b.v,
            dep: self.dep || b.dep,
        }
    }
}

impl Mul for Probe {
    type Output = Probe;
    fn mul(self, b: Probe) -> Probe {
        Probe {
            v: self.v * b.v,
            dep: self.dep || b.dep,
        }
    }
}

impl Scalar for Probe {
    fn from_f64(v: f64) -> Self {
        Probe { v, dep: false }
    }
    fn quot(self, b: Self) -> Self {
        Probe {
            v: self.v / b.v,
            dep: self.dep || b.dep,
        }
    }
    fn powi(self, n: i32) -> Self {
        Probe {
            v: self.v.powi(n),
            dep: self.dep,
        }
    }
    fn pow(self, e: Self) -> Self {
        Probe {
            v: self.v.powf(e.v),
            dep: self.dep || e.dep,
        }
    }
    fn apply(self, f: Func) -> Self {
        Probe {
            v: self.v.apply(f),
            dep: self.dep,
        }
    }
    fn real(self) -> f64 {
        self.v
    }
    fn varies(self) -> bool {
        self.dep
    }
}

/// Whether f has a value and every partial derivative at `point`, in one
/// evaluation: every variable is marked at once, so an operation at the
/// edge of its domain fails if its argument depends on any of them, which
/// is when some partial derivative fails. Overflow is not looked for.
pub fn check(f: &Expression, point: &[f64]) -> Result<(), Failure> {
    let marked: Vec<Probe> = point.iter().map(|&v| Probe { v, dep: true }).collect();
    f.eval_checked(&marked).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::check::Vars;

    fn d(s: &str, x: f64) -> Result<f64, Failure> {
        let f = Expression::parse(s, Vars::Only(&["x"])).unwrap();
        partial(&f, &[x], 0).map(|r| r.d)
    }

    fn kind(s: &str, x: f64) -> Kind {
        d(s, x).unwrap_err().kind
    }

    #[test]
    fn derivatives_of_the_issue_s_cases() {
        assert_eq!(d("atan(x)", 1.0), Ok(0.5));
        // exp(50) correctly rounded, not e^50 as a power of a rounded e.
        assert_eq!(d("exp(x)", 50.0), Ok(5.184705528587072e21));
        assert_eq!(d("tanh(x)", 0.0), Ok(1.0));
        assert_eq!(d("sign(x)*x", -2.0), Ok(-1.0));
        assert_eq!(d("0.01*x^2 + 0.1*x", 5.0), Ok(0.2));
        assert_eq!(d("x^3", 2.0), Ok(12.0));
    }

    #[test]
    fn where_there_is_no_derivative() {
        assert_eq!(kind("ln(x)", -1.0), Kind::NotDefined);
        assert_eq!(kind("sqrt(x)", -1.0), Kind::NotDefined);
        assert_eq!(kind("asin(x)", 3.0), Kind::NotDefined);
        assert_eq!(kind("1/x", 0.0), Kind::NotDefined);
        assert_eq!(kind("abs(x)", 0.0), Kind::NotDifferentiable);
        assert_eq!(kind("sign(x)", 0.0), Kind::NotDifferentiable);
        assert_eq!(kind("sqrt(x)", 0.0), Kind::NotDifferentiable);
        assert_eq!(kind("acos(x)", 1.0), Kind::NotDifferentiable);
        assert_eq!(kind("sign(x^2)", 0.0), Kind::NotDifferentiable);
        assert_eq!(kind("exp(exp(x))", 7.0), Kind::Overflow);
        // Away from the bad points, and where the bad argument is constant.
        assert_eq!(d("abs(x)", -0.5), Ok(-1.0));
        assert_eq!(d("sqrt(x)", 4.0), Ok(0.25));
        assert_eq!(d("x + sqrt(x - x)", 1.0), Ok(1.0));
        assert_eq!(d("x^1.5", 0.0), Ok(0.0));
    }

    #[test]
    fn partial_derivatives_seed_one_variable() {
        let f = Expression::parse("x0^2 * sin(x1) + sqrt(x0)", Vars::Only(&["x0", "x1"])).unwrap();
        let (x0, x1) = (4.0f64, 0.5f64);
        let g0 = partial(&f, &[x0, x1], 0).unwrap();
        let g1 = partial(&f, &[x0, x1], 1).unwrap();
        assert_eq!(g0.v, f.eval(&[x0, x1]));
        assert_eq!(g0.d, 2.0 * x0 * x1.sin() + 0.25);
        assert_eq!(g1.d, x0 * x0 * x1.cos());
        // sqrt(x0) at x0 = 0 has no ∂/∂x0, but ∂/∂x1 is fine.
        assert!(partial(&f, &[0.0, x1], 0).is_err());
        assert_eq!(partial(&f, &[0.0, x1], 1).unwrap().d, 0.0);
        // The gradient as a whole is not there.
        assert_eq!(
            check(&f, &[0.0, x1]).unwrap_err().kind,
            Kind::NotDifferentiable
        );
        assert_eq!(check(&f, &[x0, x1]), Ok(()));
        let g = Expression::parse("abs(x0 - x1) + ln(x1)", Vars::Only(&["x0", "x1"])).unwrap();
        assert_eq!(
            check(&g, &[1.0, 1.0]).unwrap_err().kind,
            Kind::NotDifferentiable
        );
        assert_eq!(check(&g, &[-1.0, -2.0]).unwrap_err().kind, Kind::NotDefined);
    }
}
