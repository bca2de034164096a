//! The report of `diff`: an expression's symbolic derivative (or gradient),
//! and at a point the numerical one beside the exact value, as SymPy and a
//! difference quotient would give them side by side.

use super::differentiator::Differentiator;
use super::dual;
use super::method::Method;
use super::undefined::{Reason, Undefined};
use crate::output::{fmt_f64, fmt_vec};
use serde::Serialize;

/// Everything `diff` computes.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    pub expression: String,
    pub variables: Vec<String>,
    /// ∂f/∂v for each variable, simplified, as the symbolic library prints
    /// it (`?` if it cannot differentiate).
    pub derivative: Vec<String>,
    /// Present when a point was given.
    #[serde(flatten)]
    pub at: Option<AtPoint>,
    /// What the user should know, one line each: where a derivative is
    /// undefined, or the symbolic one could not be had.
    pub warnings: Vec<String>,
}

/// The derivative at one point, numerically and exactly; `None` (null in
/// JSON) where it is undefined.
#[derive(Debug, Clone, Serialize)]
pub struct AtPoint {
    pub at: Vec<f64>,
    pub method: Method,
    /// The step of each partial derivative, for methods that have one.
    pub h: Vec<Option<f64>>,
    pub numerical: Vec<Option<f64>>,
    /// By forward-mode automatic differentiation.
    pub exact: Vec<Option<f64>>,
    pub absolute_error: Vec<Option<f64>>,
    /// The method's own bound on its error (richardson), else null.
    pub error_estimate: Vec<Option<f64>>,
}

/// The derivatives of `d.expr`, and with `at` their values there by `d`'s method.
pub fn compute(d: &Differentiator, at: Option<&[f64]>) -> DiffReport {
    let f = &d.expr;
    let mut warnings = Vec::new();
    let derivative = (0..f.vars().len())
        .map(|i| {
            f.derivative_text(i).unwrap_or_else(|e| {
                warnings.push(format!("no symbolic derivative by {}: {e}", f.vars()[i]));
                "?".to_string()
            })
        })
        .collect();
    let at = at.map(|point| {
        let estimates: Vec<_> = (0..point.len()).map(|i| d.partial(point, i)).collect();
        let exact: Vec<Option<f64>> = (0..point.len())
            .map(|i| dual::partial(f, point, i).ok().map(|r| r.d))
            .collect();
        let mut seen = |u: &Undefined| {
            let line = u.to_string();
            if !warnings.contains(&line) {
                warnings.push(line);
            }
        };
        for e in &estimates {
            if let Err(u) = e {
                seen(u);
            }
        }
        let numerical: Vec<Option<f64>> = estimates
            .iter()
            .map(|e| e.as_ref().ok().map(|e| e.value))
            .collect();
        AtPoint {
            at: point.to_vec(),
            method: d.method,
            h: estimates
                .iter()
                .map(|e| match e {
                    Ok(e) => e.h,
                    Err(Undefined {
                        reason: Reason::NotFinite { h, .. },
                        ..
                    }) => *h,
                    Err(_) => None,
                })
                .collect(),
            absolute_error: numerical
                .iter()
                .zip(&exact)
                .map(|(n, e)| Some((n.as_ref()? - e.as_ref()?).abs()))
                .collect(),
            error_estimate: estimates
                .iter()
                .map(|e| e.as_ref().ok().and_then(|e| e.error_estimate))
                .collect(),
            numerical,
            exact,
        }
    });
    DiffReport {
        expression: f.source().to_string(),
        variables: f.vars().to_vec(),
        derivative,
        at,
        warnings,
    }
}

/// A number, or `undefined`.
fn fmt_opt(v: &Option<f64>) -> String {
    v.map_or("undefined".to_string(), fmt_f64)
}

impl DiffReport {
    /// One variable: SymPy's `cos(x)`; several: the gradient `[2*x0, 2*x1]`;
    /// then, at a point, numerical, exact and error (`undefined` where there
    /// is none; the warnings say why).
    pub fn text(&self) -> String {
        self.derivative_text() + &self.point_text()
    }

    /// The first line of [`text`](Self::text): the symbolic derivative.
    pub fn derivative_text(&self) -> String {
        if self.variables.len() == 1 {
            self.derivative[0].clone() + "\n"
        } else {
            format!("[{}]\n", self.derivative.join(", "))
        }
    }

    /// The rest of [`text`](Self::text): the block of the point, if one was
    /// given.
    pub fn point_text(&self) -> String {
        let one = self.variables.len() == 1;
        let list = |items: &[String]| {
            if one {
                items[0].clone()
            } else {
                format!("[{}]", items.join(", "))
            }
        };
        let nums = |v: &[Option<f64>]| {
            let items: Vec<String> = v.iter().map(fmt_opt).collect();
            list(&items)
        };
        let mut out = String::new();
        if let Some(a) = &self.at {
            let steps: Vec<f64> = a.h.iter().flatten().copied().collect();
            let step = match steps.first() {
                Some(&h) if steps.iter().all(|&x| x == h) => format!(", h = {}", fmt_f64(h)),
                Some(_) => ", h per coordinate".to_string(),
                None => String::new(),
            };
            let point = if one {
                fmt_f64(a.at[0])
            } else {
                fmt_vec(&a.at)
            };
            out += &format!("at {} = {point}:\n", list(&self.variables));
            out += &format!("  numerical ({}{step}): {}\n", a.method, nums(&a.numerical));
            out += &format!("  exact: {}\n", nums(&a.exact));
            out += &format!("  absolute error: {}\n", nums(&a.absolute_error));
            if a.error_estimate.iter().any(Option::is_some) {
                out += &format!("  error estimate: {}\n", nums(&a.error_estimate));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::check::Vars;
    use crate::expr::Expression;

    fn report(s: &str, at: Option<&[f64]>, method: Method) -> DiffReport {
        let f = Expression::parse(s, Vars::Any).unwrap();
        compute(&Differentiator::new(f, method, None).unwrap(), at)
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
        assert_eq!(
            a.numerical,
            [Some(6.00000000000378), Some(7.999999999999119)]
        );
        assert_eq!(a.exact, [Some(6.0), Some(8.0)]);
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
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn undefined_partials_are_said_and_the_others_kept() {
        let r = report("abs(x0) + 3*x1", Some(&[0.0, 2.0]), Method::Central);
        let a = r.at.as_ref().unwrap();
        assert_eq!(a.numerical[0], None);
        assert_eq!(a.exact, [None, Some(3.0)]);
        assert_eq!(
            r.warnings,
            ["f is not differentiable at [x0, x1] = [0, 2]: abs has no derivative where its argument is 0"]
        );
        let text = r.text();
        assert!(text.contains("exact: [undefined, 3]\n"), "{text}");
        assert!(text.contains("absolute error: [undefined, "), "{text}");
    }
}
