//! Numbers as the reports print them.

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
