//! A look at an expression's tokens before the library parses it.
//!
//! symb_anafis parses leniently (`foo(x)` becomes `foo*x`, `sin(x` is closed
//! for you) and its syntax errors rarely say where they are. This pass knows
//! nothing of precedence or grammar beyond which token may follow which: it
//! checks characters, names, brackets and that operands are joined by
//! operators, and reports the first problem with its position, so that a
//! user sees where to look. Tokens are [`super::tokens`]'s; the text handed
//! to the library is [`super::rewrite`]'s.

use super::funcs::{self, CONSTANTS};
use super::rewrite::rewrite;
pub use super::rewrite::Rewritten;
use super::tokens::{tokens, Kind, Token};

/// The first problem found, at a byte offset into the expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub at: usize,
}

/// Which variables an expression may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vars {
    /// Exactly these names (a figure's `x`, or `x0` and `x1`).
    Only(&'static [&'static str]),
    /// Any name that is not a function or a constant (the `diff` command).
    Any,
}

fn problem(message: impl Into<String>, at: usize) -> Problem {
    Problem {
        message: message.into(),
        at,
    }
}

/// The longest expression accepted, in bytes: far beyond any formula a person
/// types, and short enough that parsing and differentiating stay instant.
pub const MAX_LENGTH: usize = 1000;
/// The deepest nesting of parentheses accepted; deeper input could exhaust the
/// stack of the library's recursive parser.
pub const MAX_DEPTH: usize = 50;

/// Checks `s` and returns it respelled for the library (see [`rewrite`]),
/// with a map from positions in the respelled text back to `s`.
///
/// Besides characters, names and brackets, it checks that operands are
/// joined by operators: `x 2` and `sin(x) 2` are mistakes, not products. The
/// one implicit product is a number written against a name or an opening
/// parenthesis (`2x`, `2pi`, `2sin(x)`, `2(x + 1)`), or a closing parenthesis
/// against an opening one (`(x + 1)(x - 1)`).
pub fn check(s: &str, vars: Vars) -> Result<Rewritten, Problem> {
    if s.len() > MAX_LENGTH {
        return Err(problem(
            format!(
                "the expression is {} bytes long; at most {MAX_LENGTH} are accepted",
                s.len()
            ),
            MAX_LENGTH,
        ));
    }
    let toks = tokens(s)?;
    if toks.is_empty() {
        return Err(problem("the expression is empty", 0));
    }
    let mut open: Vec<usize> = Vec::new();
    let mut implicit = vec![false; toks.len()];
    for (n, t) in toks.iter().enumerate() {
        let next = toks.get(n + 1);
        let prev = n.checked_sub(1).map(|p| toks[p]);
        if let Some(p) = prev {
            implicit[n] = joined(&p, t)?;
        }
        match t.kind {
            Kind::Number => {
                if t.text.matches('.').count() > 1 || t.text == "." {
                    return Err(problem(format!("'{}' is not a number", t.text), t.at));
                }
            }
            Kind::Name => check_name(t, next.map(|n| n.kind) == Some(Kind::Open), vars)?,
            Kind::Op(op) => {
                let after_operand = matches!(
                    prev.map(|p| p.kind),
                    Some(Kind::Number | Kind::Name | Kind::Close)
                );
                if !after_operand && op != '-' && op != '+' {
                    return Err(problem(format!("'{op}' needs something on its left"), t.at));
                }
                match next.map(|n| n.kind) {
                    None | Some(Kind::Close) => {
                        return Err(problem(
                            format!("'{op}' needs something on its right"),
                            t.at,
                        ));
                    }
                    Some(Kind::Op(o)) if o != '-' && o != '+' => {
                        return Err(problem(
                            format!("'{o}' cannot follow '{op}'"),
                            toks[n + 1].at,
                        ));
                    }
                    _ => {}
                }
            }
            Kind::Open => {
                if next.map(|n| n.kind) == Some(Kind::Close) {
                    return Err(problem("empty parentheses", t.at));
                }
                open.push(t.at);
                if open.len() > MAX_DEPTH {
                    return Err(problem(
                        format!("parentheses nested deeper than {MAX_DEPTH}"),
                        t.at,
                    ));
                }
            }
            Kind::Close => {
                if open.pop().is_none() {
                    return Err(problem("')' without a matching '('", t.at));
                }
            }
        }
    }
    if let Some(&at) = open.last() {
        return Err(problem("'(' is never closed", at));
    }
    Ok(rewrite(s, &toks, &implicit))
}

/// How token `t` follows `prev`: `Ok(true)` when the two are the factors of
/// an implicit product, `Ok(false)` when nothing is missing between them, and
/// a problem when two operands meet without an operator.
fn joined(prev: &Token, t: &Token) -> Result<bool, Problem> {
    let ends_operand = match prev.kind {
        Kind::Number | Kind::Close => true,
        // A function's name is followed by its bracket, not an operand.
        Kind::Name => funcs::lookup(prev.text).is_none(),
        Kind::Op(_) | Kind::Open => false,
    };
    let starts_operand = matches!(t.kind, Kind::Number | Kind::Name | Kind::Open);
    if !(ends_operand && starts_operand) {
        return Ok(false);
    }
    let touching = prev.end() == t.at;
    match (prev.kind, t.kind) {
        (Kind::Number, Kind::Number) => Err(problem(
            "two numbers in a row; put an operator between them",
            t.at,
        )),
        (Kind::Number, Kind::Name | Kind::Open) | (Kind::Close, Kind::Open) if touching => Ok(true),
        _ => Err(problem(
            format!(
                "missing operator between '{}' and '{}'; write * for a product",
                prev.text, t.text
            ),
            t.at,
        )),
    }
}

fn check_name(t: &Token, called: bool, vars: Vars) -> Result<(), Problem> {
    let name = t.text;
    if called {
        if funcs::lookup(name).is_some() {
            return Ok(());
        }
        return Err(problem(
            format!(
                "unknown function '{name}'; known: {}",
                funcs::NAMES.join(", ")
            ),
            t.at,
        ));
    }
    if funcs::lookup(name).is_some() {
        return Err(problem(
            format!("function '{name}' needs parentheses, like {name}(x)"),
            t.at,
        ));
    }
    if CONSTANTS.contains(&name) {
        return Ok(());
    }
    match vars {
        Vars::Any => Ok(()),
        Vars::Only(allowed) if allowed.contains(&name) => Ok(()),
        Vars::Only(allowed) => Err(problem(
            format!(
                "unknown variable '{name}'; this command's {} {}",
                if allowed.len() == 1 {
                    "variable is"
                } else {
                    "variables are"
                },
                allowed.join(" and ")
            ),
            t.at,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const X: Vars = Vars::Only(&["x"]);

    fn at(s: &str) -> (usize, String) {
        let p = check(s, X).unwrap_err();
        (p.at, p.message)
    }

    #[test]
    fn good_expressions_pass() {
        for s in [
            "0.01*x^2 + 0.1*x",
            "sin(x)",
            "-x^2",
            "2x",
            "exp(-x)*log(x)",
            "1e-4*x",
            "2e*x",
            "pi*x",
            "(x)(x)",
        ] {
            assert!(check(s, X).is_ok(), "{s}");
        }
    }

    #[test]
    fn problems_are_found_where_they_are() {
        assert_eq!(at("x +* 2").0, 3);
        assert_eq!(at("sin(x").0, 3);
        assert_eq!(at("x)").0, 1);
        assert_eq!(
            at("foo(x)"),
            (
                0,
                format!("unknown function 'foo'; known: {}", funcs::NAMES.join(", "))
            )
        );
        assert_eq!(
            at("x + y"),
            (
                4,
                "unknown variable 'y'; this command's variable is x".to_string()
            )
        );
        assert_eq!(at("x $ 2").0, 2);
        assert_eq!(at("x^").0, 1);
        assert_eq!(at("3.4.5*x").0, 0);
        assert_eq!(at("sin + x").0, 0);
        assert_eq!(at("").1, "the expression is empty");
        assert_eq!(at("xx").0, 0, "no implicit product of letters");
        let deep = format!("{}x{}", "(".repeat(51), ")".repeat(51));
        assert_eq!(
            at(&deep),
            (50, "parentheses nested deeper than 50".to_string())
        );
        assert!(check(&format!("{}x{}", "(".repeat(50), ")".repeat(50)), X).is_ok());
        assert_eq!(at(&"x+".repeat(600)).0, MAX_LENGTH);
    }

    #[test]
    fn log_is_spelled_ln_and_positions_map_back() {
        let r = check("log(x) + log(x)", X).unwrap();
        assert_eq!(r.text, "ln(x) + ln(x)");
        assert_eq!(r.original_position(8), 9);
        assert_eq!(r.original_position(1), 1);
    }

    #[test]
    fn operands_need_an_operator_between_them() {
        let missing = |a: &str, b: &str| {
            format!("missing operator between '{a}' and '{b}'; write * for a product")
        };
        assert_eq!(at("x 2"), (2, missing("x", "2")));
        assert_eq!(at("sin(x) 2"), (7, missing(")", "2")));
        assert_eq!(at("2 x"), (2, missing("2", "x")));
        assert_eq!(at("2e x"), (3, missing("e", "x")));
        assert_eq!(at("(x) (x)"), (4, missing(")", "(")));
        assert_eq!(at("(x)2"), (3, missing(")", "2")));
        assert_eq!(at("x(x)").1, "unknown function 'x'; known: sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, exp, ln, log, sqrt, abs, sign");
        assert_eq!(
            at("2 3").1,
            "two numbers in a row; put an operator between them"
        );
        assert_eq!(at("pi x").0, 3);
    }

    #[test]
    fn implicit_products_are_a_number_or_bracket_against_the_next() {
        for (s, respelled) in [
            ("2x", "2*x"),
            ("2pi", "2*pi"),
            ("2e", "2*e"),
            ("2e*x", "2*e*x"),
            ("2e-x", "2*e-x"),
            ("1e-4x", "1e-4*x"),
            ("2sin(x)", "2*sin(x)"),
            ("2(x + 1)", "2*(x + 1)"),
            ("(x + 1)(x - 1)", "(x + 1)*(x - 1)"),
            ("sign(x) * x", "signum(x) * x"),
        ] {
            assert_eq!(check(s, X).unwrap().text, respelled, "{s}");
        }
    }
}
