//! Derivatives and gradients of a user's expression by a chosen method: the
//! glue between [`crate::expr`] and [`super::method`]. With the book's
//! method, the gradient is the book's `numerical_gradient` itself.

use super::method::{derivative, Estimate, Method, Univariate};
use crate::expr::{ExprError, Expression};
use crate::numerics::{numerical_gradient, H};
use ndarray::Array1;
use num_complex::Complex64;

/// Differentiates one expression by one method, at any number of points.
/// Symbolic derivatives (for `exact`) are built once, here.
#[derive(Debug, Clone)]
pub struct Differentiator {
    pub f: Expression,
    pub method: Method,
    /// The step, or `None` for the method's own choice.
    pub h: Option<f64>,
    exact: Vec<Expression>,
}

/// One coordinate of an expression, the others held fixed.
struct Partial<'a> {
    d: &'a Differentiator,
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
        self.d.f.eval(&self.at(self.point, t))
    }

    fn complex_value(&self, z: Complex64) -> Result<Complex64, String> {
        let point: Vec<Complex64> = self.point.iter().map(|&v| Complex64::new(v, 0.0)).collect();
        self.d
            .f
            .eval_complex(&self.at(&point, z))
            .map_err(not_analytic)
    }

    fn exact_derivative(&self, _t: f64) -> Result<f64, String> {
        Ok(self.d.exact[self.i].eval(self.point))
    }
}

fn not_analytic(name: &str) -> String {
    format!("complex-step needs an analytic expression, and {name}() is not; use another --method")
}

impl Differentiator {
    /// Checks up front that `method` applies to `f` (complex-step needs an
    /// analytic `f`; exact needs its symbolic derivative).
    pub fn new(f: Expression, method: Method, h: Option<f64>) -> Result<Self, ExprError> {
        let exact = if method == Method::Exact {
            (0..f.vars().len())
                .map(|i| f.derivative(i))
                .collect::<Result<_, _>>()?
        } else {
            Vec::new()
        };
        if method == Method::ComplexStep {
            let zero = vec![Complex64::new(0.0, 0.0); f.vars().len()];
            if let Err(name) = f.eval_complex(&zero) {
                return Err(ExprError {
                    source: f.source().to_string(),
                    message: not_analytic(name),
                    at: None,
                });
            }
        }
        Ok(Differentiator {
            f,
            method,
            h,
            exact,
        })
    }

    /// ∂f/∂x_i at `point`.
    pub fn partial(&self, point: &[f64], i: usize) -> Estimate {
        let p = Partial { d: self, point, i };
        // `new` has ruled out the only failures (non-analytic, no derivative).
        derivative(&p, point[i], self.method, self.h).unwrap_or(Estimate {
            value: f64::NAN,
            h: self.h,
            error_estimate: None,
        })
    }

    /// f′(x) for a function of one variable.
    pub fn slope(&self, x: f64) -> Estimate {
        self.partial(&[x], 0)
    }

    /// The step h when the method is the book's central difference (the
    /// given one, else the book's 1e-4); `None` for every other method.
    pub fn central_step(&self) -> Option<f64> {
        (self.method == Method::Central).then(|| self.h.unwrap_or(H))
    }

    /// f at `point`.
    pub fn value(&self, point: &[f64]) -> f64 {
        self.f.eval(point)
    }

    /// ∇f at `point`: with `central`, the book's `numerical_gradient`, which
    /// perturbs one coordinate at a time; with any other method, its partial
    /// derivatives one coordinate at a time.
    pub fn gradient(&self, point: &[f64]) -> Vec<f64> {
        match self.central_step() {
            Some(h) => {
                let x = Array1::from(point.to_vec());
                numerical_gradient(|p| self.value(slice(p)), &x, h).to_vec()
            }
            None => (0..point.len())
                .map(|i| self.partial(point, i).value)
                .collect(),
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
        assert_eq!(d.gradient(&[3.0, 4.0]), book.to_vec());
        assert_eq!(
            d.gradient(&[3.0, 4.0]),
            [6.00000000000378, 7.999999999999119]
        );
    }

    #[test]
    fn the_central_gradient_is_its_partial_derivatives_bit_for_bit() {
        let f = Expression::parse("sin(x0)*exp(x1) + x0^3/x1", X0X1).unwrap();
        for h in [None, Some(1e-3), Some(1e-7)] {
            let d = Differentiator::new(f.clone(), Method::Central, h).unwrap();
            for point in [[0.3, 1.7], [-2.0, 0.5], [10.0, -3.0]] {
                let partials: Vec<f64> = (0..2).map(|i| d.partial(&point, i).value).collect();
                assert_eq!(d.gradient(&point), partials, "h = {h:?} at {point:?}");
            }
        }
    }

    #[test]
    fn exact_and_complex_step_gradients() {
        let f = Expression::parse("x0^2 + 10*x1^2", X0X1).unwrap();
        let exact = Differentiator::new(f.clone(), Method::Exact, None).unwrap();
        assert_eq!(exact.gradient(&[3.0, 4.0]), [6.0, 80.0]);
        let cs = Differentiator::new(f, Method::ComplexStep, None).unwrap();
        assert_eq!(cs.gradient(&[3.0, 4.0]), [6.0, 80.0]);
    }

    #[test]
    fn complex_step_refuses_abs_up_front() {
        let f = Expression::parse("abs(x0) + x1", X0X1).unwrap();
        let e = Differentiator::new(f, Method::ComplexStep, None).unwrap_err();
        assert!(e.message.contains("abs() is not"), "{}", e.message);
    }
}
