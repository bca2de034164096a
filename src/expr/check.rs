//! A look at an expression's tokens before the library parses it.
//!
//! symb_anafis parses leniently (`foo(x)` becomes `foo*x`, `sin(x` is closed
//! for you) and its syntax errors rarely say where they are. This pass knows
//! nothing of precedence or grammar beyond which token may follow which: it
//! checks characters, names and brackets, and reports the first problem with
//! its position, so that a user sees where to look.

use super::funcs::{self, CONSTANTS};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Name,
    /// A binary operator; `+` and `-` may also be unary.
    Op(char),
    Open,
    Close,
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    kind: Kind,
    text: &'a str,
    at: usize,
}

fn problem(message: impl Into<String>, at: usize) -> Problem {
    Problem {
        message: message.into(),
        at,
    }
}

fn tokens(s: &str) -> Result<Vec<Token<'_>>, Problem> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let kind = match c {
            b' ' | b'\t' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' | b'.' => {
                i = number_end(bytes, i);
                Kind::Number
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                Kind::Name
            }
            b'+' | b'-' | b'*' | b'/' | b'^' => {
                i += 1;
                Kind::Op(c as char)
            }
            b'(' => {
                i += 1;
                Kind::Open
            }
            b')' => {
                i += 1;
                Kind::Close
            }
            _ => {
                let ch = s[i..].chars().next().unwrap_or('?');
                let hint = if ch == ',' {
                    "; functions take one argument"
                } else {
                    "; use + - * / ^, parentheses, numbers and names"
                };
                return Err(problem(format!("unexpected character '{ch}'{hint}"), i));
            }
        };
        out.push(Token {
            kind,
            text: &s[start..i],
            at: start,
        });
    }
    Ok(out)
}

/// The end of a number starting at `i`: digits and points (more than one
/// point is reported by the caller), then an exponent.
fn number_end(b: &[u8], mut i: usize) -> usize {
    let digits = |b: &[u8], mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
        i += 1;
    }
    // An exponent only if digits follow: `2e` is 2 times the constant e.
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            i = digits(b, j);
        }
    }
    i
}

/// The longest expression accepted, in bytes: far beyond any formula a person
/// types, and short enough that parsing and differentiating stay instant.
pub const MAX_LENGTH: usize = 1000;
/// The deepest nesting of parentheses accepted; deeper input could exhaust the
/// stack of the library's recursive parser.
pub const MAX_DEPTH: usize = 50;

/// Checks `s` and returns it with `log` spelled `ln` (the library's name for
/// the natural logarithm), with a map from positions in the rewritten text
/// back to `s`.
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
    for (n, t) in toks.iter().enumerate() {
        let next = toks.get(n + 1);
        let prev = n.checked_sub(1).map(|p| toks[p]);
        match t.kind {
            Kind::Number => {
                if t.text.matches('.').count() > 1 || t.text == "." || t.text.ends_with(['e', 'E'])
                {
                    return Err(problem(format!("'{}' is not a number", t.text), t.at));
                }
                if let Some(n) = next.filter(|n| n.kind == Kind::Number) {
                    return Err(problem(
                        "two numbers in a row; put an operator between them",
                        n.at,
                    ));
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
    Ok(rewrite(s, &toks))
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

/// An expression respelled for the library, and how to map positions back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    pub text: String,
    /// Positions (in `text`) after which one more byte was removed.
    shifts: Vec<usize>,
}

impl Rewritten {
    /// A position in the rewritten text as a position in the original.
    pub fn original_position(&self, at: usize) -> usize {
        at + self.shifts.iter().filter(|&&s| s < at).count()
    }
}

fn rewrite(s: &str, toks: &[Token]) -> Rewritten {
    let mut text = String::with_capacity(s.len());
    let mut shifts = Vec::new();
    let mut last = 0;
    for t in toks
        .iter()
        .filter(|t| t.kind == Kind::Name && t.text == "log")
    {
        text.push_str(&s[last..t.at]);
        text.push_str("ln");
        shifts.push(text.len());
        last = t.at + t.text.len();
    }
    text.push_str(&s[last..]);
    Rewritten { text, shifts }
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
}
