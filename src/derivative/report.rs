//! The `diff` command: an expression's symbolic derivative (or gradient), and
//! at a point the numerical one beside the exact value, as SymPy and a
//! difference quotient would give them side by side.

use super::differentiator::Differentiator;
use super::method::Method;
use crate::expr::{ExprError, Expression};
use crate::output::{fmt_f64, fmt_vec};
use serde::Serialize;

/// Everything `diff` computes.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    pub expression: String,
    pub variables: Vec<String>,
    /// ∂f/∂v for each variable, simplified.
    pub derivative: Vec<String>,
    /// Present when a point was given.
    #[serde(flatten)]
    pub at: Option<AtPoint>,
}

/// The derivative at one point, numerically and exactly.
#[derive(Debug, Clone, Serialize)]
pub struct AtPoint {
    pub at: Vec<f64>,
    pub method: Method,
    /// The step of each partial derivative, for methods that have one.
    pub h: Vec<Option<f64>>,
    pub numerical: Vec<f64>,
    pub exact: Vec<f64>,
    pub absolute_error: Vec<f64>,
    /// The method's own bound on its error (richardson), else null.
    pub error_estimate: Vec<Option<f64>>,
}

/// The derivatives of `f`, and with `at` their values there by `d`'s method.
pub fn compute(d: &Differentiator, at: Option<&[f64]>) -> Result<DiffReport, ExprError> {
    let f: &Expression = &d.f;
    let derivatives: Vec<Expression> = (0..f.vars().len())
        .map(|i| f.derivative(i))
        .collect::<Result<_, _>>()?;
    let at = at.map(|point| {
        let estimates: Vec<_> = (0..point.len()).map(|i| d.partial(point, i)).collect();
        let numerical: Vec<f64> = estimates.iter().map(|e| e.value).collect();
        let exact: Vec<f64> = derivatives.iter().map(|g| g.eval(point)).collect();
        AtPoint {
            at: point.to_vec(),
            method: d.method,
            h: estimates.iter().map(|e| e.h).collect(),
            absolute_error: numerical
                .iter()
                .zip(&exact)
                .map(|(n, e)| (n - e).abs())
                .collect(),
            error_estimate: estimates.iter().map(|e| e.error_estimate).collect(),
            numerical,
            exact,
        }
    });
    Ok(DiffReport {
        expression: f.source().to_string(),
        variables: f.vars().to_vec(),
        derivative: derivatives.iter().map(|g| g.to_string()).collect(),
        at,
    })
}

impl DiffReport {
    /// One variable: SymPy's `cos(x)`; several: the gradient `[2*x0, 2*x1]`;
    /// then, at a point, numerical, exact and error.
    pub fn text(&self) -> String {
        let one = self.variables.len() == 1;
        let list = |items: &[String]| {
            if one {
                items[0].clone()
            } else {
                format!("[{}]", items.join(", "))
            }
        };
        let nums = |v: &[f64]| if one { fmt_f64(v[0]) } else { fmt_vec(v) };
        let mut out = list(&self.derivative) + "\n";
        if let Some(a) = &self.at {
            let step = match a.h.first().copied().flatten() {
                Some(h) if a.h.iter().all(|x| *x == a.h[0]) => format!(", h = {}", fmt_f64(h)),
                Some(_) => ", h per coordinate".to_string(),
                None => String::new(),
            };
            out += &format!("at {} = {}:\n", list(&self.variables), nums(&a.at));
            out += &format!("  numerical ({}{step}): {}\n", a.method, nums(&a.numerical));
            out += &format!("  exact: {}\n", nums(&a.exact));
            out += &format!("  absolute error: {}\n", nums(&a.absolute_error));
            if let Some(estimates) = a
                .error_estimate
                .iter()
                .copied()
                .collect::<Option<Vec<f64>>>()
            {
                out += &format!("  error estimate: {}\n", nums(&estimates));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::check::Vars;

    fn report(s: &str, at: Option<&[f64]>, method: Method) -> DiffReport {
        let f = Expression::parse(s, Vars::Any).unwrap();
        compute(&Differentiator::new(f, method, None).unwrap(), at).unwrap()
    }

    #[test]
    fn sin_gives_cos_like_sympy() {
        assert_eq!(report("sin(x)", None, Method::Central).text(), "cos(x)\n");
    }

    #[test]
    fn the_gradient_of_function_2_at_3_4() {
        let r = report("x0^2 + x1^2", Some(&[3.0, 4.0]), Method::Central);
        assert_eq!(r.derivative, ["2*x0", "2*x1"]);
        let a = r.at.as_ref().unwrap();
        assert_eq!(a.numerical, [6.00000000000378, 7.999999999999119]);
        assert_eq!(a.exact, [6.0, 8.0]);
        let text = r.text();
        assert!(
            text.starts_with("[2*x0, 2*x1]\nat [x0, x1] = [3, 4]:\n"),
            "{text}"
        );
        assert!(
            text.contains("numerical (central, h = 0.0001): [6.00000000000378, 7.999999999999119]"),
            "{text}"
        );
        assert!(text.contains("exact: [6, 8]"), "{text}");
    }
}
