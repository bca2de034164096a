//! "Undefined" as a result: where a derivative does not exist, or a method
//! cannot reach it, every command says so in one line (a warning on stderr,
//! `null` in JSON) instead of printing a number.

use super::method::Method;
use crate::expr::domain::{Failure, Kind};
use crate::output::{fmt_f64, fmt_vec};
use std::fmt;

/// Why a method has no number at a point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// f has no value or no derivative there.
    Domain(Failure),
    /// f is differentiable there, but the method's estimate is not a finite
    /// number: its points reach where f is not defined or overflows.
    NotFinite { method: Method, h: Option<f64> },
}

/// No derivative at a point, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Undefined {
    pub reason: Reason,
    /// The point, as `x = -1` or `[x0, x1] = [0, 2]`.
    pub at: String,
}

impl Undefined {
    /// Whether f itself has no value or no derivative here, as opposed to
    /// an overflow or a method that cannot reach a derivative that exists.
    pub fn outside_domain(&self) -> bool {
        matches!(
            self.reason,
            Reason::Domain(Failure {
                kind: Kind::NotDefined | Kind::NotDifferentiable,
                ..
            })
        )
    }

    /// The reason at `point`, whose coordinates are named `vars`.
    pub fn at(reason: Reason, vars: &[String], point: &[f64]) -> Undefined {
        let at = match (vars, point) {
            ([name], [v]) => format!("{name} = {}", fmt_f64(*v)),
            _ => format!("[{}] = {}", vars.join(", "), fmt_vec(point)),
        };
        Undefined { reason, at }
    }
}

impl fmt::Display for Undefined {
    /// `f is not defined at x = -1: ln needs an argument > 0`,
    /// `f is not differentiable at x = 0: abs has no derivative where its
    /// argument is 0`, …
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = &self.at;
        match self.reason {
            Reason::Domain(Failure { kind, why }) => {
                let what = match kind {
                    Kind::NotDefined => "is not defined",
                    Kind::NotDifferentiable => "is not differentiable",
                    Kind::Overflow => "overflows",
                };
                write!(f, "f {what} at {at}: {why}")
            }
            Reason::NotFinite { method, h } => {
                let step = h.map_or(String::new(), |h| format!(" (h = {})", fmt_f64(h)));
                let advice = if method.takes_h() {
                    "try a smaller --h or --method exact"
                } else {
                    "try --method exact"
                };
                write!(
                    f,
                    "the {method} estimate at {at}{step} is not a finite number: it evaluates f \
                     where f is not defined or overflows; {advice}"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_point_and_the_reason() {
        let ln = Failure {
            kind: Kind::NotDefined,
            why: "ln needs an argument > 0",
        };
        let u = Undefined::at(Reason::Domain(ln), &["x".into()], &[-1.0]);
        assert_eq!(
            u.to_string(),
            "f is not defined at x = -1: ln needs an argument > 0"
        );
        let abs = Failure {
            kind: Kind::NotDifferentiable,
            why: "abs has no derivative where its argument is 0",
        };
        let u = Undefined::at(
            Reason::Domain(abs),
            &["x0".into(), "x1".into()],
            &[0.0, 2.5],
        );
        assert_eq!(
            u.to_string(),
            "f is not differentiable at [x0, x1] = [0, 2.5]: abs has no derivative where its argument is 0"
        );
        let method = Method::FivePoint;
        let u = Undefined::at(
            Reason::NotFinite {
                method,
                h: Some(0.5),
            },
            &["x".into()],
            &[0.25],
        );
        assert!(u
            .to_string()
            .starts_with("the five-point estimate at x = 0.25 (h = 0.5) is not a finite number"));
    }
}
