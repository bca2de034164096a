//! Numbers and quoted input as the reports and messages print them.

/// A number as people read it: the shortest digits that round-trip, an
/// exponent for very small and very large magnitudes (as Python's `repr`), and
/// no ".0" on whole numbers (`6`, not `6.0`).
pub fn fmt_f64(v: f64) -> String {
    let s = format!("{v:?}");
    match s.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => s,
    }
}

/// A number as Python's `str(float)` prints it, as the book's scripts print
/// their results: the shortest digits that round-trip, `0.0` for zero, and
/// an exponent of at least two digits with its sign (`1.5e-05`, `1e+16`),
/// `nan` and `inf`.
pub fn fmt_py(v: f64) -> String {
    if !v.is_finite() {
        let word = if v.is_nan() { "nan" } else { "inf" };
        return format!("{}{word}", if v < 0.0 { "-" } else { "" });
    }
    let s = format!("{v:?}");
    match s.split_once('e') {
        Some((mantissa, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            format!("{mantissa}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

/// A vector as `[a, b, …]` with every entry at full precision.
pub fn fmt_vec<'a>(values: impl IntoIterator<Item = &'a f64>) -> String {
    let items: Vec<String> = values.into_iter().map(|v| fmt_f64(*v)).collect();
    format!("[{}]", items.join(", "))
}

/// `v` rounded to six significant digits, then as [`fmt_f64`]: for an
/// equation a person reads, where 0.1999999999990898 is 0.2 (the full
/// number is printed beside it).
pub fn fmt_rounded(v: f64) -> String {
    match format!("{v:.5e}").parse::<f64>() {
        Ok(r) if v.is_finite() => fmt_f64(if r == 0.0 { 0.0 } else { r }),
        _ => fmt_f64(v),
    }
}

/// The line y = a·x + b as a person writes it, rounded as [`fmt_rounded`],
/// with a true minus sign: `y = 0.2x − 0.25`, `y = −x`, `y = 3`.
pub fn fmt_line(slope: f64, intercept: f64) -> String {
    let minus = |s: String| match s.strip_prefix('-') {
        Some(magnitude) => format!("\u{2212}{magnitude}"),
        None => s,
    };
    let (a, b) = (fmt_rounded(slope), fmt_rounded(intercept));
    let term = match a.as_str() {
        "0" => String::new(),
        "1" => "x".to_string(),
        "-1" => "\u{2212}x".to_string(),
        _ => format!("{}x", minus(a)),
    };
    match (term.is_empty(), b.strip_prefix('-')) {
        (true, _) => format!("y = {}", minus(b)),
        (false, _) if b == "0" => format!("y = {term}"),
        (false, Some(magnitude)) => format!("y = {term} \u{2212} {magnitude}"),
        (false, None) => format!("y = {term} + {b}"),
    }
}

/// `n` and a noun, plural unless n is 1: `1 step`, `20 steps`.
pub fn fmt_count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}

/// `text` with every control character escaped as Rust writes it (`\n`,
/// `\t`, `\u{1b}`), so that a message quoting the user's input stays one
/// line and cannot move the terminal's cursor; everything else as it is.
pub fn escape_controls(text: &str) -> String {
    text.chars()
        .map(|c| match c.is_control() {
            true => c.escape_default().to_string(),
            false => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_python_s_repr_without_a_trailing_point_zero() {
        assert_eq!(fmt_f64(6.0), "6");
        assert_eq!(fmt_f64(0.1999999999990898), "0.1999999999990898");
        assert_eq!(fmt_f64(-6.111107928998789e-10), "-6.111107928998789e-10");
        assert_eq!(fmt_f64(1e-4), "0.0001");
        assert_eq!(fmt_vec(&[3.0, 4.5]), "[3, 4.5]");
    }

    #[test]
    fn a_line_reads_as_a_person_writes_it() {
        assert_eq!(fmt_rounded(0.1999999999990898), "0.2");
        assert_eq!(fmt_rounded(-0.24999999999544897), "-0.25");
        assert_eq!(fmt_rounded(1.2345678901234e-20), "1.23457e-20");
        assert_eq!(fmt_rounded(0.24999999979180565), "0.25");
        assert_eq!(fmt_rounded(f64::INFINITY), "inf");
        assert_eq!(
            fmt_line(0.1999999999990898, -0.24999999999544897),
            "y = 0.2x \u{2212} 0.25"
        );
        assert_eq!(
            fmt_line(0.2999999999986347, -0.9999999999863469),
            "y = 0.3x \u{2212} 1"
        );
        assert_eq!(fmt_line(-1.0, 0.0), "y = \u{2212}x");
        assert_eq!(fmt_line(1e-12, 3.0), "y = 1e-12x + 3");
        assert_eq!(fmt_line(0.0, -3.0), "y = \u{2212}3");
        assert_eq!(fmt_line(-2.5, 1.5), "y = \u{2212}2.5x + 1.5");
    }

    #[test]
    fn counts_are_plural_unless_one() {
        assert_eq!(fmt_count(1, "step"), "1 step");
        assert_eq!(fmt_count(0, "sample"), "0 samples");
        assert_eq!(fmt_count(20, "step"), "20 steps");
    }

    #[test]
    fn control_characters_are_escaped_and_nothing_else() {
        assert_eq!(
            escape_controls("two\nlines\t\u{1b}[31m"),
            "two\\nlines\\t\\u{1b}[31m"
        );
        assert_eq!(escape_controls("x² − ‘é’ \\"), "x² − ‘é’ \\");
    }

    #[test]
    fn python_s_str_of_a_float() {
        assert_eq!(fmt_py(0.0), "0.0");
        assert_eq!(fmt_py(0.0993), "0.0993");
        assert_eq!(fmt_py(1.0 / 60000.0), "1.6666666666666667e-05");
        assert_eq!(fmt_py(1e16), "1e+16");
        assert_eq!(fmt_py(1e-100), "1e-100");
        assert_eq!(fmt_py(0.0001), "0.0001");
        assert_eq!(fmt_py(f64::NAN), "nan");
        assert_eq!(fmt_py(f64::NEG_INFINITY), "-inf");
    }
}
