//! An expression respelled for symb_anafis: the same tokens and spacing, with
//! `log` written `ln` and `sign` written `signum` (the library's names), and
//! an explicit `*` in each implicit product (`2x` becomes `2*x`, `2e` becomes
//! `2*e`, which the library's own reading of numbers would refuse). Positions
//! in the respelled text map back to the user's, so that an error the library
//! finds still points at what the user typed.

use super::tokens::{Kind, Token};

/// The library's name for a function the user may spell differently.
fn library_name(name: &str) -> &str {
    match name {
        "log" => "ln",
        "sign" => "signum",
        other => other,
    }
}

/// One stretch of the respelled text and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Start in the respelled text.
    new: usize,
    new_len: usize,
    /// Start and length in the original.
    old: usize,
    old_len: usize,
}

/// An expression respelled for the library, and how to map positions back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    pub text: String,
    pieces: Vec<Piece>,
    original_len: usize,
}

impl Rewritten {
    /// A position in the respelled text as a position in the original.
    pub fn original_position(&self, at: usize) -> usize {
        self.pieces
            .iter()
            .find(|p| (p.new..p.new + p.new_len).contains(&at))
            .map_or(self.original_len, |p| {
                p.old + (at - p.new).min(p.old_len.saturating_sub(1))
            })
    }
}

/// Respells `s`, whose tokens are `toks`; `implicit[n]` says that token `n`
/// is the second factor of an implicit product.
pub fn rewrite(s: &str, toks: &[Token], implicit: &[bool]) -> Rewritten {
    let mut text = String::with_capacity(s.len() + 8);
    let mut pieces = Vec::with_capacity(2 * toks.len());
    let mut push = |text: &mut String, piece: &str, old: usize, old_len: usize| {
        pieces.push(Piece {
            new: text.len(),
            new_len: piece.len(),
            old,
            old_len,
        });
        text.push_str(piece);
    };
    let mut last = 0;
    for (t, &product) in toks.iter().zip(implicit) {
        if t.at > last {
            push(&mut text, &s[last..t.at], last, t.at - last);
        }
        if product {
            push(&mut text, "*", t.at, 1);
        }
        let spelled = if t.kind == Kind::Name {
            library_name(t.text)
        } else {
            t.text
        };
        push(&mut text, spelled, t.at, t.text.len());
        last = t.end();
    }
    if last < s.len() {
        push(&mut text, &s[last..], last, s.len() - last);
    }
    Rewritten {
        text,
        pieces,
        original_len: s.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::tokens::tokens;

    fn respell(s: &str) -> Rewritten {
        let toks = tokens(s).unwrap();
        let implicit: Vec<bool> = (0..toks.len())
            .map(|n| n > 0 && toks[n - 1].kind == Kind::Number && toks[n].kind == Kind::Name)
            .collect();
        rewrite(s, &toks, &implicit)
    }

    #[test]
    fn names_are_respelled_and_products_made_explicit() {
        assert_eq!(respell("log(x) + sign(x)").text, "ln(x) + signum(x)");
        assert_eq!(respell("2e + 3x").text, "2*e + 3*x");
        assert_eq!(respell("0.01*x^2 + 0.1*x").text, "0.01*x^2 + 0.1*x");
    }

    #[test]
    fn positions_map_back() {
        let r = respell("log(x) + log(x)");
        assert_eq!(r.text, "ln(x) + ln(x)");
        assert_eq!(r.original_position(8), 9);
        assert_eq!(r.original_position(1), 1);
        assert_eq!(r.original_position(r.text.len()), 15);
        let r = respell("2x + 3x");
        assert_eq!(r.text, "2*x + 3*x");
        // The 3 of 3x, and its x.
        assert_eq!(r.original_position(6), 5);
        assert_eq!(r.original_position(8), 6);
    }
}
