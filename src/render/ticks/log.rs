//! Ticks of a logarithmic axis: matplotlib's `LogLocator` (major ticks at
//! powers of ten, every `stride`-th decade so that at most `n_request` fit;
//! minor ticks at 2…9 times each power when every decade has a major tick
//! and fewer than ten decades show) and `LogFormatterSciNotation`, whose
//! decade labels read 10ᵏ.

use super::python::{is_close_to_int, pow10};
use super::AxisTicks;

/// Major decades (exponents, including one beyond each end) and the stride
/// between them, for view `(vmin, vmax)` (both > 0) and at most
/// `n_request` ticks inside.
fn decades(vmin: f64, vmax: f64, n_request: usize) -> (Vec<i64>, i64) {
    let (efmin, efmax) = (vmin.log10(), vmax.log10());
    let (emin, emax) = (efmin.ceil() as i64, efmax.floor() as i64);
    let n_avail = emax - emin + 1;
    let mut n_request = n_request as i64;
    let stride = n_avail.div_euclid(n_request + 1) + 1;
    let nr = (n_avail as f64 / stride as f64).ceil() as i64;
    if nr <= n_request {
        n_request = nr;
    }
    match n_request {
        i64::MIN..=0 => (vec![emin - 1, emax + 1], emax + 1 - (emin - 1)),
        1 => {
            let mid = ((efmin + efmax) / 2.0).round_ties_even() as i64;
            let stride = (mid - (emin - 1)).max(emax + 1 - mid);
            (vec![mid - stride, mid, mid + stride], stride)
        }
        _ => {
            let mut stride = (n_avail - 1).div_euclid(n_request - 1);
            if (stride as f64) < n_avail as f64 / n_request as f64 {
                stride = n_avail.div_euclid(n_request);
            }
            let olo = (n_avail - stride * n_request).max(0);
            let ohi = (n_avail - stride * (n_request - 1)).min(stride);
            let mut offset = (-emin).rem_euclid(stride);
            if !(olo <= offset && offset < ohi) {
                offset = olo;
            }
            let first = emin + offset - stride;
            let decades = (0..)
                .map(|k| first + k * stride)
                .take_while(|&d| d < emax + stride + 1)
                .collect();
            (decades, stride)
        }
    }
}

/// The ticks of a log axis showing `view` (both ends > 0) with at most
/// `n_request` major ticks (matplotlib: the axis' tick space, clipped to
/// 2…9). Labels are 10ᵏ with Unicode superscripts.
pub fn log_ticks(view: (f64, f64), n_request: usize) -> AxisTicks {
    let (vmin, vmax) = if view.0 <= view.1 {
        view
    } else {
        (view.1, view.0)
    };
    if !(vmin > 0.0 && vmax.is_finite()) {
        return AxisTicks::default();
    }
    let n_request = n_request.clamp(2, 9);
    let (majors, stride) = decades(vmin, vmax, n_request);
    let n_avail = vmax.log10().floor() as i64 - vmin.log10().ceil() as i64 + 1;
    // Drawn where inside the view in log space, as matplotlib tests it.
    let in_view = |v: &f64| super::locator::in_view((vmin.log10(), vmax.log10()), v.log10());
    let major: Vec<f64> = majors
        .iter()
        .map(|&d| pow10(d as f64))
        .filter(in_view)
        .collect();
    let labels = major.iter().map(|&v| decade_label(v)).collect();
    // The minor locator (subs 2…9) draws nothing on ten or more decades,
    // and only where every decade has its major tick.
    let minor = if n_avail < 10 && (stride == 1 || n_avail <= 1) {
        let (emin, emax) = (vmin.log10().ceil() as i64, vmax.log10().floor() as i64);
        (emin - 1..=emax)
            .flat_map(|d| (2..10).map(move |s| s as f64 * pow10(d as f64)))
            .filter(in_view)
            .collect()
    } else {
        Vec::new()
    };
    AxisTicks {
        major,
        labels,
        offset: String::new(),
        minor,
    }
}

/// `LogFormatterSciNotation` at a power of ten: 10ᵏ.
fn decade_label(v: f64) -> String {
    let fx = v.ln() / 10f64.ln();
    let k = if is_close_to_int(fx) {
        fx.round_ties_even() as i64
    } else {
        fx.floor() as i64
    };
    format!("10{}", superscript(k))
}

/// An integer in Unicode superscript digits, with a superscript minus.
pub fn superscript(n: i64) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits = n.unsigned_abs().to_string();
    let digits = digits.chars().map(|c| DIGITS[c as usize - '0' as usize]);
    (n < 0).then_some('⁻').into_iter().chain(digits).collect()
}
