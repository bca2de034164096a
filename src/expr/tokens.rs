//! The tokens of an expression: numbers, names, operators and brackets, each
//! with its byte offset, so that every later check can say where it looks.
//!
//! Numbers follow one rule: digits with at most one decimal point, then
//! optionally an exponent, `e` or `E` with an optional sign and at least one
//! digit. An `e` that is not followed that way is not part of the number but
//! the start of a name, so `2e` is 2 times the constant e (as `2pi` is 2 times
//! pi), `1e-4` is a ten-thousandth, and `2e-x` is 2·e − x.

use super::check::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Number,
    Name,
    /// A binary operator; `+` and `-` may also be unary.
    Op(char),
    Open,
    Close,
}

#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// Byte offset of the first character.
    pub at: usize,
}

impl Token<'_> {
    /// Byte offset just past the last character.
    pub fn end(&self) -> usize {
        self.at + self.text.len()
    }
}

/// Splits `s` into tokens, or reports the first character that is none.
pub fn tokens(s: &str) -> Result<Vec<Token<'_>>, Problem> {
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
                return Err(Problem {
                    message: format!("unexpected character '{ch}'{hint}"),
                    at: i,
                });
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
/// point is reported by the caller), then an exponent if one follows in full.
fn number_end(b: &[u8], mut i: usize) -> usize {
    let digits = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
        i += 1;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            i = digits(j);
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokens(s).unwrap().iter().map(|t| t.text).collect()
    }

    #[test]
    fn an_exponent_needs_its_digits() {
        assert_eq!(texts("1e-4*x"), ["1e-4", "*", "x"]);
        assert_eq!(texts("2E3x"), ["2E3", "x"]);
        assert_eq!(texts("2e+1"), ["2e+1"]);
        assert_eq!(texts("2e"), ["2", "e"]);
        assert_eq!(texts("2e x"), ["2", "e", "x"]);
        assert_eq!(texts("2ex"), ["2", "ex"]);
        assert_eq!(texts("2e-x"), ["2", "e", "-", "x"]);
        assert_eq!(texts("2pi"), ["2", "pi"]);
        assert_eq!(texts(".5e1"), [".5e1"]);
    }

    #[test]
    fn offsets_and_ends() {
        let t = tokens("sin( x1 )").unwrap();
        let spans: Vec<(usize, usize)> = t.iter().map(|t| (t.at, t.end())).collect();
        assert_eq!(spans, [(0, 3), (3, 4), (5, 7), (8, 9)]);
    }

    #[test]
    fn a_stray_character_is_found() {
        let p = tokens("x $ 2").unwrap_err();
        assert_eq!(p.at, 2);
        assert!(p.message.starts_with("unexpected character '$'"));
        assert!(tokens("f(x, y)")
            .unwrap_err()
            .message
            .ends_with("one argument"));
    }
}
