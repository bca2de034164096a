//! Derivatives and gradients of a user's expression by a chosen method: the
//! glue between [`crate::expr`] and [`super::method`]. With the book's
//! method, the gradient is the book's `numerical_gradient` itself.

use super::dual::{self, Dual};
use super::method::{derivative, Estimate, Inapplicable, Method, Univariate};
use super::undefined::{Reason, Undefined};
use crate::expr::domain::{Failure, Kind};
use crate::expr::{ExprError, Expression};
use crate::numerics::{numerical_gradient, H};
use ndarray::Array1;
use num_complex::Complex64;

/// Differentiates one expression by one method, at any number of points.
#[derive(Debug, Clone)]
pub struct Differentiator {
    /// The function, f.
    pub expr: Expression,
    pub method: Method,
    /// The step, or `None` for the method's own choice.
    pub h: Option<f64>,
}

/// One coordinate of an expression, the others held fixed.
struct Partial<'a> {
    f: &'a Expression,
    point: &'a [f64],
    i: usize,
}

impl Partial<'_> {
    fn at<T: Copy>(&self, point: &[T], t: T) -> Vec<T> {
        let mut p = point.to_vec();
        p[self.i] = t;
        p
    }
}

impl Univariate for Partial<'_> {
    fn value(&self, t: f64) -> f64 {
        self.f.eval(&self.at(self.point, t))
    }

    fn complex_value(&self, z: Complex64) -> Complex64 {
        let point: Vec<Complex64> = self.point.iter().map(|&v| Complex64::new(v, 0.0)).collect();
        // `Differentiator::new` has checked that f is analytic.
        self.f
            .eval_complex(&self.at(&point, z))
            .unwrap_or(Complex64::new(f64::NAN, f64::NAN))
    }

    fn dual(&self, t: f64) -> Result<Dual, Failure> {
        dual::partial(self.f, &self.at(self.point, t), self.i)
    }
}

impl Differentiator {
    /// Checks up front that `method` applies to `f`: complex-step needs an
    /// analytic `f` (no abs, no sign).
    pub fn new(f: Expression, method: Method, h: Option<f64>) -> Result<Self, ExprError> {
        if method == Method::ComplexStep {
            let zero = vec![Complex64::new(0.0, 0.0); f.vars().len()];
            if let Err(name) = f.eval_complex(&zero) {
                return Err(ExprError {
                    text: f.source().to_string(),
                    message: Inapplicable::NotAnalytic(name.to_string()).to_string(),
                    at: None,
                });
            }
        }
        Ok(Differentiator { expr: f, method, h })
    }

    /// `reason` at `point`, said with the variables' names.
    fn undefined(&self, reason: Reason, point: &[f64]) -> Undefined {
        Undefined::at(reason, self.expr.vars(), point)
    }

    /// ∂f/∂x_i at `point`, or why there is none.
    pub fn partial(&self, point: &[f64], i: usize) -> Result<Estimate, Undefined> {
        let p = Partial {
            f: &self.expr,
            point,
            i,
        };
        derivative(&p, point[i], self.method, self.h).map_err(|r| self.undefined(r, point))
    }

    /// f′(x) for a function of one variable.
    pub fn slope(&self, x: f64) -> Result<Estimate, Undefined> {
        self.partial(&[x], 0)
    }

    /// The step h when the method is the book's central difference (the
    /// given one, else the book's 1e-4); `None` for every other method.
    pub fn central_step(&self) -> Option<f64> {
        (self.method == Method::Central).then(|| self.h.unwrap_or(H))
    }

    /// f at `point`.
    pub fn value(&self, point: &[f64]) -> f64 {
        self.expr.eval(point)
    }

    /// ∇f at `point`, or why there is none: with `central`, the book's
    /// `numerical_gradient`, which perturbs one coordinate at a time; with
    /// any other method, its partial derivatives one coordinate at a time.
    pub fn gradient(&self, point: &[f64]) -> Result<Vec<f64>, Undefined> {
        let Some(h) = self.central_step() else {
            return (0..point.len())
                .map(|i| self.partial(point, i).map(|e| e.value))
                .collect();
        };
        match dual::check(&self.expr, point) {
            Err(f) if f.kind != Kind::Overflow => {
                return Err(self.undefined(Reason::Domain(f), point))
            }
            _ => {}
        }
        let x = Array1::from(point.to_vec());
        let g = numerical_gradient(|p| self.value(slice(p)), &x, h).to_vec();
        if g.iter().all(|v| v.is_finite()) {
            Ok(g)
        } else {
            let reason = Reason::NotFinite {
                method: self.method,
                h: Some(h),
            };
            Err(self.undefined(reason, point))
        }
    }
}

/// The coordinates of a point `numerical_gradient` hands over, which are
/// always contiguous (it works on its own copy in standard layout).
fn slice(p: &Array1<f64>) -> &[f64] {
    p.as_slice()
        .expect("numerical_gradient's point is contiguous")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::check::Vars;
    use crate::numerics::function_2;
    use ndarray::array;

    const X0X1: Vars = Vars::Only(&["x0", "x1"]);

    #[test]
    fn the_default_gradient_is_the_book_s_bit_for_bit() {
        let f = Expression::parse("x0^2 + x1^2", X0X1).unwrap();
        let d = Differentiator::new(f, Method::Central, None).unwrap();
        let book = numerical_gradient(|p| function_2(p.view()), &array![3.0, 4.0], H);
        assert_eq!(d.gradient(&[3.0, 4.0]).unwrap(), book.to_vec());
        assert_eq!(
            d.gradient(&[3.0, 4.0]).unwrap(),
            [6.00000000000378, 7.999999999999119]
        );
    }

    #[test]
    fn the_central_gradient_is_its_partial_derivatives_bit_for_bit() {
        let f = Expression::parse("sin(x0)*exp(x1) + x0^3/x1", X0X1).unwrap();
        for h in [None, Some(1e-3), Some(1e-7)] {
            let d = Differentiator::new(f.clone(), Method::Central, h).unwrap();
            for point in [[0.3, 1.7], [-2.0, 0.5], [10.0, -3.0]] {
                let partials: Vec<f64> = (0..2)
                    .map(|i| d.partial(&point, i).unwrap().value)
                    .collect();
                assert_eq!(
                    d.gradient(&point).unwrap(),
                    partials,
                    "h = {h:?} at {point:?}"
                );
            }
        }
    }

    #[test]
    fn exact_and_complex_step_gradients() {
        let f = Expression::parse("x0^2 + 10*x1^2", X0X1).unwrap();
        let exact = Differentiator::new(f.clone(), Method::Exact, None).unwrap();
        assert_eq!(exact.gradient(&[3.0, 4.0]).unwrap(), [6.0, 80.0]);
        let cs = Differentiator::new(f, Method::ComplexStep, None).unwrap();
        assert_eq!(cs.gradient(&[3.0, 4.0]).unwrap(), [6.0, 80.0]);
    }

    #[test]
    fn every_method_says_where_there_is_no_gradient() {
        let f = Expression::parse("sqrt(x0) + abs(x1)", X0X1).unwrap();
        for m in Method::ALL
            .into_iter()
            .filter(|&m| m != Method::ComplexStep)
        {
            let d = Differentiator::new(f.clone(), m, None).unwrap();
            assert!(d.gradient(&[1.0, 2.0]).is_ok(), "{m}");
            let e = d.gradient(&[-1.0, 2.0]).unwrap_err();
            assert_eq!(
                e.to_string(),
                "f is not defined at [x0, x1] = [-1, 2]: sqrt needs an argument ≥ 0",
                "{m}"
            );
            let e = d.gradient(&[1.0, 0.0]).unwrap_err();
            assert_eq!(
                e.to_string(),
                "f is not differentiable at [x0, x1] = [1, 0]: abs has no derivative where its argument is 0",
                "{m}"
            );
            // ∂/∂x0 is fine where only x1 is at the corner.
            assert!(d.partial(&[1.0, 0.0], 0).is_ok(), "{m}");
        }
    }

    #[test]
    fn a_stencil_that_leaves_the_domain_is_not_a_number() {
        let f = Expression::parse("sqrt(x0) + x1", X0X1).unwrap();
        let d = Differentiator::new(f, Method::Central, Some(0.5)).unwrap();
        let e = d.gradient(&[0.25, 1.0]).unwrap_err();
        assert!(
            e.to_string().starts_with(
                "the central estimate at [x0, x1] = [0.25, 1] (h = 0.5) is not a finite number"
            ),
            "{e}"
        );
    }

    #[test]
    fn complex_step_refuses_abs_up_front() {
        let f = Expression::parse("abs(x0) + x1", X0X1).unwrap();
        let e = Differentiator::new(f, Method::ComplexStep, None).unwrap_err();
        assert!(e.message.contains("abs() is not"), "{}", e.message);
    }
}
