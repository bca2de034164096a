//! Functions typed by the user, such as `sin(x)` or `x0^2 + 10*x1^2`.
//!
//! Parsing, symbolic differentiation and simplification are symb_anafis's
//! (Apache-2.0); this module checks names and brackets first so errors can say
//! where they are ([`check`]), and evaluates through a small tree that works on
//! real, complex and dual numbers ([`node`]), checking each operation against
//! its domain on request ([`domain`]). The symbolic derivative is only ever
//! printed; derivatives are computed from the tree.

pub mod check;
pub mod complex;
pub mod domain;
pub mod funcs;
pub mod node;
mod rewrite;
pub mod tokens;

use check::{Problem, Vars};
use domain::Failure;
use funcs::Scalar;
use node::Node;
use num_complex::Complex64;
use std::collections::HashSet;
use std::fmt;

/// The largest constant exponent accepted.
pub const MAX_EXPONENT: f64 = 1000.0;

/// A parsed expression of named variables.
#[derive(Debug, Clone)]
pub struct Expression {
    source: String,
    vars: Vec<String>,
    symbolic: symb_anafis::Expr,
    node: Node,
}

/// A mistake in an expression: what and where, as
/// `'*' cannot follow '+' at column 4: x +»*« 2`; the caller names the
/// expression (it is the value of a flag or an argument).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}{}", self.place())]
pub struct ExprError {
    /// The expression as typed.
    pub text: String,
    pub message: String,
    /// Byte offset into `text`, when known.
    pub at: Option<usize>,
}

impl ExprError {
    /// ` at column 4: x +»*« 2`, or nothing when the place is not known.
    fn place(&self) -> String {
        let Some(at) = self.at else {
            return String::new();
        };
        let at = at.min(self.text.len());
        let (head, tail) = self.text.split_at(at);
        let mut chars = tail.chars();
        let marked = chars.next().map(String::from).unwrap_or_default();
        format!(
            " at column {}: {head}»{marked}«{}",
            head.chars().count() + 1,
            chars.as_str()
        )
    }
}

/// Orders names so that x2 comes before x10.
fn natural_key(name: &str) -> (String, u64) {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (stem, num) = name.split_at(name.len() - digits);
    (stem.to_string(), num.parse().unwrap_or(0))
}

impl Expression {
    /// Parses `source`. With [`Vars::Only`], the variables are exactly those
    /// names in that order (whether or not the expression uses them all); with
    /// [`Vars::Any`], they are the names it uses, in natural order.
    pub fn parse(source: &str, vars: Vars) -> Result<Expression, ExprError> {
        let err = |message: String, at: Option<usize>| ExprError {
            text: source.to_string(),
            message,
            at,
        };
        let rewritten =
            check::check(source, vars).map_err(|Problem { message, at }| err(message, Some(at)))?;
        let known: HashSet<String> = match vars {
            Vars::Only(names) => names.iter().map(|s| s.to_string()).collect(),
            Vars::Any => HashSet::new(),
        };
        let symbolic =
            symb_anafis::parse(&rewritten.text, &known, &HashSet::new(), None).map_err(|e| {
                let at = library_span(&e).map(|s| rewritten.original_position(s));
                err(library_message(&e), at)
            })?;
        let names: Vec<String> = match vars {
            Vars::Only(names) => names.iter().map(|s| s.to_string()).collect(),
            Vars::Any => {
                let mut used: Vec<String> = symbolic
                    .variables()
                    .into_iter()
                    .filter(|v| funcs::constant(v).is_none())
                    .collect();
                used.sort_by_key(|v| natural_key(v));
                used
            }
        };
        let f = Expression::from_symbolic(source.to_string(), names, symbolic)
            .map_err(|m| err(m, None))?;
        // Symbolic simplification of x^n expands huge integer powers (it
        // factors x^n − 1), so such exponents would take seconds or more.
        let exponent = f.node.largest_constant_exponent();
        if exponent > MAX_EXPONENT {
            return Err(err(
                format!(
                    "an exponent of {exponent:e} is too large; at most {MAX_EXPONENT} is accepted"
                ),
                None,
            ));
        }
        Ok(f)
    }

    fn from_symbolic(
        source: String,
        vars: Vec<String>,
        symbolic: symb_anafis::Expr,
    ) -> Result<Expression, String> {
        let node =
            Node::compile(&symbolic, &vars).map_err(|u| format!("cannot evaluate {}", u.0))?;
        Ok(Expression {
            source,
            vars,
            symbolic,
            node,
        })
    }

    /// The text as the user typed it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The variables, in the order a point lists them.
    pub fn vars(&self) -> &[String] {
        &self.vars
    }

    /// The value at `point`.
    pub fn eval(&self, point: &[f64]) -> f64 {
        self.node.eval(point)
    }

    /// The value at a complex point; `Err` names the first function that is
    /// not analytic (so the complex step does not apply).
    pub fn eval_complex(&self, point: &[Complex64]) -> Result<Complex64, &'static str> {
        match self.node.non_analytic() {
            Some(f) => Err(match f {
                funcs::Func::Abs => "abs",
                _ => "sign",
            }),
            None => Ok(self.node.eval(point)),
        }
    }

    /// The value at `point`, or why f has none there, or no derivative: see
    /// [`Node::eval_checked`]. With dual numbers this is the exact
    /// derivative; with plain f64 only "not defined" can be found.
    /// The value itself must be finite.
    pub fn eval_checked<T: Scalar>(&self, point: &[T]) -> Result<T, Failure> {
        let value = self.node.eval_checked(point)?;
        if !value.real().is_finite() {
            return Err(Failure {
                kind: domain::Kind::Overflow,
                why: "a value overflows",
            });
        }
        Ok(value)
    }

    /// The symbolic partial derivative with respect to variable `i`,
    /// simplified and printed (d/dx of `0.01*x^2 + 0.1*x` is `0.1 + 0.02*x`).
    /// It is only printed, never evaluated, so it may use functions this
    /// tool does not evaluate (tanh′ is written with sech). The library's
    /// `signum` is printed as the `sign` users write.
    pub fn derivative_text(&self, i: usize) -> Result<String, ExprError> {
        let var = symb_anafis::symb(&self.vars[i]);
        symb_anafis::Diff::new()
            .differentiate(&self.symbolic, &var)
            .map(|d| d.to_string().replace("signum(", "sign("))
            .map_err(|e| ExprError {
                text: self.source.clone(),
                message: format!("cannot differentiate: {}", library_message(&e)),
                at: None,
            })
    }
}

impl fmt::Display for Expression {
    /// The expression as the library prints it (simplified for a derivative).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.symbolic)
    }
}

/// Where the library found a syntax error, when it says.
fn library_span(e: &symb_anafis::DiffError) -> Option<usize> {
    use symb_anafis::DiffError as E;
    match e {
        E::InvalidSyntax { span, .. }
        | E::InvalidNumber { span, .. }
        | E::InvalidToken { span, .. }
        | E::UnexpectedToken { span, .. } => span.as_ref().map(|s| s.start()),
        _ => None,
    }
}

/// The library's message without its own position suffix.
fn library_message(e: &symb_anafis::DiffError) -> String {
    let text = e.to_string();
    match text.find(" at position") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const X: Vars = Vars::Only(&["x"]);

    #[test]
    fn the_book_s_function_evaluates_bit_for_bit_like_the_book() {
        let f = Expression::parse("0.01*x^2 + 0.1*x", X).unwrap();
        let h = 1e-4;
        let slope = |x: f64| (f.eval(&[x + h]) - f.eval(&[x - h])) / (2.0 * h);
        assert_eq!(slope(5.0), 0.1999999999990898);
        assert_eq!(slope(10.0), 0.2999999999986347);
    }

    #[test]
    fn derivatives_print_simplified_like_sympy() {
        let d = |s: &str| Expression::parse(s, X).unwrap().derivative_text(0).unwrap();
        assert_eq!(d("0.01*x^2 + 0.1*x"), "0.1 + 0.02*x");
        assert_eq!(d("exp(x)*sin(x)"), "exp(x)*(cos(x) + sin(x))");
        assert_eq!(d("sin(x)"), "cos(x)");
        assert_eq!(d("log(x)"), "1/x");
        // Printed although this tool does not evaluate sech.
        assert!(d("tanh(x)").contains("sech"), "{}", d("tanh(x)"));
        assert_eq!(d("abs(x)"), "sign(x)");
    }

    #[test]
    fn sign_is_a_function_and_e_to_a_power_is_exp() {
        let f = Expression::parse("sign(x)*x", Vars::Any).unwrap();
        assert_eq!(f.vars(), ["x"]);
        assert_eq!(f.eval(&[-3.0]), 3.0);
        let g = Expression::parse("e^x", X).unwrap();
        assert_eq!(g.eval(&[50.0]), 50f64.exp());
    }

    #[test]
    fn checked_evaluation_says_where_f_is_not_defined() {
        let f = Expression::parse("ln(x) + sqrt(1 - x)", X).unwrap();
        assert_eq!(f.eval_checked(&[0.5]), Ok(f.eval(&[0.5])));
        let e = f.eval_checked(&[-1.0]).unwrap_err();
        assert_eq!(
            (e.kind, e.why),
            (domain::Kind::NotDefined, "ln needs an argument > 0")
        );
        let e = f.eval_checked(&[2.0]).unwrap_err();
        assert_eq!(e.why, "sqrt needs an argument ≥ 0");
        let e = Expression::parse("exp(x)", X)
            .unwrap()
            .eval_checked(&[1e3])
            .unwrap_err();
        assert_eq!(e.kind, domain::Kind::Overflow);
        // Infinite on the way is fine, as long as the value is not.
        let sigmoid = Expression::parse("1/(1 + exp(-x))", X).unwrap();
        assert_eq!(sigmoid.eval_checked(&[-800.0]), Ok(0.0));
    }

    #[test]
    fn any_vars_are_found_in_natural_order() {
        let f = Expression::parse("x10 + x2*x1", Vars::Any).unwrap();
        assert_eq!(f.vars(), ["x1", "x2", "x10"]);
        assert_eq!(f.eval(&[1.0, 2.0, 3.0]), 5.0);
    }

    #[test]
    fn constants_unary_minus_and_functions_evaluate() {
        let f = Expression::parse("-x^2 + pi*e - sqrt(abs(x)) + 2x", X).unwrap();
        let x: f64 = -4.0;
        let want = -(x * x) + std::f64::consts::PI * std::f64::consts::E - x.abs().sqrt() + 2.0 * x;
        assert!((f.eval(&[x]) - want).abs() < 1e-12);
    }

    #[test]
    fn errors_show_where() {
        let e = Expression::parse("x +* 2", X).unwrap_err();
        assert_eq!(e.to_string(), "'*' cannot follow '+' at column 4: x +»*« 2");
    }

    #[test]
    fn huge_constant_exponents_are_refused() {
        let e = Expression::parse("x^5^222", X).unwrap_err();
        assert_eq!(
            e.message,
            "an exponent of 1.4836824602749686e155 is too large; at most 1000 is accepted"
        );
        assert!(Expression::parse("x^1000 + x^-2.5 + x^x", X).is_ok());
        assert!(Expression::parse("x^(1/0)", X).is_err());
    }

    #[test]
    fn complex_evaluation_refuses_abs() {
        let f = Expression::parse("abs(x)", X).unwrap();
        assert_eq!(f.eval_complex(&[Complex64::new(1.0, 1e-20)]), Err("abs"));
        let g = Expression::parse("sin(x)", X).unwrap();
        assert!(
            (g.eval_complex(&[Complex64::new(1.0, 1e-20)]).unwrap().im / 1e-20 - 1f64.cos()).abs()
                < 1e-15
        );
    }
}
