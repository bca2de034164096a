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
}
