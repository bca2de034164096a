//! Tick positions and labels as matplotlib's defaults choose them
//! (`MaxNLocator` with steps 1, 2, 2.5, 5, 10 and `ScalarFormatter`).

/// At most `max_bins + 1` "nice" ticks inside `[lo, hi]`.
///
/// The step is the smallest of {1, 2, 2.5, 5, 10}·10ᵏ that is at least
/// (hi − lo) / max_bins; ticks are its multiples within the limits.
pub fn nice_ticks(lo: f64, hi: f64, max_bins: usize) -> Vec<f64> {
    let step = nice_step(lo, hi, max_bins);
    if !(step.is_finite() && step > 0.0) {
        return Vec::new();
    }
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// The tick spacing [`nice_ticks`] uses.
pub fn nice_step(lo: f64, hi: f64, max_bins: usize) -> f64 {
    let raw = (hi - lo) / max_bins.max(1) as f64;
    let scale = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * scale)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * scale)
}

/// How many bins matplotlib allows on an axis of `length_px` output pixels:
/// one per three (x) or two (y) label heights, at most 9.
pub fn max_bins(length_px: f64, font_px: f64, per_label: f64) -> usize {
    ((length_px / (font_px * per_label)).floor() as usize).clamp(1, 9)
}

/// Labels with as many decimals as the step needs, all alike ("0.0", "2.5",
/// "5.0"), and a true minus sign (U+2212) as matplotlib writes it.
pub fn labels(ticks: &[f64]) -> Vec<String> {
    let step = if ticks.len() > 1 {
        ticks[1] - ticks[0]
    } else {
        1.0
    };
    let decimals = decimals_of(step);
    ticks.iter().map(|&t| format_tick(t, decimals)).collect()
}

fn decimals_of(step: f64) -> usize {
    (0..=10)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(10)
}

fn format_tick(t: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, t);
    match s.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => {
            format!("\u{2212}{rest}")
        }
        Some(rest) => rest.to_string(),
        None => s,
    }
}

/// Ticks at powers of ten inside `[lo, hi]` (both > 0), every `k`-th decade
/// so that there are at most `max_bins + 1`, labelled 10ⁿ as matplotlib does.
pub fn decades(lo: f64, hi: f64, max_bins: usize) -> (Vec<f64>, Vec<String>) {
    if !(lo > 0.0 && hi > lo) {
        return (Vec::new(), Vec::new());
    }
    let (first, last) = (
        (lo.log10() - 1e-9).ceil() as i32,
        (hi.log10() + 1e-9).floor() as i32,
    );
    let span = (last - first).max(0) as usize;
    let every = span.div_ceil(max_bins.max(1)).max(1) as i32;
    let exponents: Vec<i32> = (first..=last)
        .filter(|e| e.rem_euclid(every) == 0)
        .collect();
    let values = exponents.iter().map(|&e| 10f64.powi(e)).collect();
    let labels = exponents
        .iter()
        .map(|&e| format!("10{}", superscript(e)))
        .collect();
    (values, labels)
}

/// An integer in Unicode superscript digits, with a superscript minus.
fn superscript(n: i32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits = n.unsigned_abs().to_string();
    let digits = digits.chars().map(|c| DIGITS[c as usize - '0' as usize]);
    (n < 0).then_some('⁻').into_iter().chain(digits).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_match_matplotlib_for_the_tangent_figure() {
        let x = nice_ticks(-0.995, 20.895, 9);
        assert_eq!(x, vec![0.0, 2.5, 5.0, 7.5, 10.0, 12.5, 15.0, 17.5, 20.0]);
        assert_eq!(labels(&x)[1], "2.5");
        assert_eq!(labels(&x)[4], "10.0");
        assert_eq!(
            nice_ticks(-0.3, 6.3, 9),
            vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
        );
    }

    #[test]
    fn decades_thin_out_to_fit_and_are_labelled_as_powers() {
        let (v, l) = decades(1e-17, 1.0, 9);
        assert_eq!(
            l,
            [
                "10⁻¹⁶",
                "10⁻¹⁴",
                "10⁻¹²",
                "10⁻¹⁰",
                "10⁻⁸",
                "10⁻⁶",
                "10⁻⁴",
                "10⁻²",
                "10⁰"
            ]
        );
        assert_eq!(v[8], 1.0);
        assert_eq!(decades(0.5, 20.0, 9).1, ["10⁰", "10¹"]);
    }

    #[test]
    fn negative_labels_use_a_true_minus_and_no_negative_zero() {
        let t = nice_ticks(-2.0, 2.0, 9);
        assert_eq!(t.len(), 9);
        let l = labels(&t);
        assert_eq!(l[0], "\u{2212}2.0");
        assert_eq!(l[4], "0.0");
        assert_eq!(labels(&[-0.0, 1.0])[0], "0");
    }
}
