//! Tick labels of a linear axis: matplotlib's `ScalarFormatter` with its
//! default settings (`axes.formatter.useoffset` True, `offset_threshold` 4,
//! `limits` (−5, 6), `use_mathtext` False, `unicode_minus` True).
//!
//! A label is `(x − offset) / 10ᵐ` with as many decimals as the ticks need.
//! The offset is used when the visible ticks share at least four leading
//! digits (1e6 + 0…1 → labels 0.0…1.0 and "+1e6"); the order m when the
//! largest visible tick (or, with an offset, the span) is below 1e−4 or at
//! least 1e6 (0…1e14 → labels 0.0…1.0 and "1e14"). Both are shown in the
//! offset text at the end of the axis.

use super::python::{fix_minus, floor_div, format_g, np_round, pow10, round_to};

/// `axes.formatter.offset_threshold`.
const OFFSET_THRESHOLD: i32 = 4;
/// `axes.formatter.limits`: scientific notation for 10ᵐ with m ≤ −5 or m ≥ 6.
const POWER_LIMITS: (i32, i32) = (-5, 6);

/// A formatter set up for one axis' ticks, as `ScalarFormatter.set_locs`
/// leaves it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScalarFormatter {
    /// Subtracted from every tick before scaling.
    pub offset: f64,
    /// The power of ten the labels are divided by.
    pub order: i32,
    /// Decimals of every label.
    pub decimals: usize,
}

impl ScalarFormatter {
    /// The formatter for the locator's ticks `locs` (all of them, also those
    /// outside the view) on an axis showing `view`.
    pub fn new(locs: &[f64], view: (f64, f64)) -> Self {
        let (vmin, vmax) = if view.0 <= view.1 {
            view
        } else {
            (view.1, view.0)
        };
        let visible: Vec<f64> = locs
            .iter()
            .copied()
            .filter(|&l| vmin <= l && l <= vmax)
            .collect();
        let offset = compute_offset(&visible);
        let order = order_of_magnitude(&visible, offset, (vmin, vmax));
        let decimals = decimals(locs, view, offset, order);
        ScalarFormatter {
            offset,
            order,
            decimals,
        }
    }

    /// The label of the tick at `x`, with a true minus sign.
    pub fn label(&self, x: f64) -> String {
        let mut xp = (x - self.offset) / pow10(self.order as f64);
        if xp.abs() < 1e-8 {
            xp = 0.0;
        }
        fix_minus(&format!("{:.*}", self.decimals, xp))
    }

    /// The text drawn at the end of the axis: "1e14", "1e−10", "+1e6",
    /// "1e−8+5e−1", or nothing.
    pub fn offset_text(&self) -> String {
        let mut s = String::new();
        if self.order != 0 {
            s += &format!("1e{}", self.order);
        }
        if self.offset != 0.0 {
            if self.offset > 0.0 {
                s.push('+');
            }
            s += &format_data(self.offset);
        }
        fix_minus(&s)
    }
}

/// `_compute_offset`: the common leading digits of the visible ticks, if
/// they save at least `OFFSET_THRESHOLD` digits; 0 when the ticks straddle 0.
fn compute_offset(visible: &[f64]) -> f64 {
    let (Some(lmin), Some(lmax)) = (
        visible.iter().copied().reduce(f64::min),
        visible.iter().copied().reduce(f64::max),
    ) else {
        return 0.0;
    };
    if lmin == lmax || (lmin <= 0.0 && 0.0 <= lmax) {
        return 0.0;
    }
    let (abs_min, abs_max) = {
        let (a, b) = (lmin.abs(), lmax.abs());
        (a.min(b), a.max(b))
    };
    let sign = 1f64.copysign(lmin);
    let oom_max = abs_max.log10().ceil();
    let digits = |p: f64| (floor_div(abs_min, pow10(p)), floor_div(abs_max, pow10(p)));
    // The smallest power of ten at which the two agree; but if they only
    // agree by straddling a large round number, the power at which they are
    // no more than 1 apart.
    let first_below = |differ: &dyn Fn(f64, f64) -> bool| {
        (0..2000)
            .map(|k| oom_max - k as f64)
            .find(|&p| {
                let (a, b) = digits(p);
                differ(a, b)
            })
            .map(|p| p + 1.0)
    };
    let Some(mut oom) = first_below(&|a, b| a != b) else {
        return 0.0;
    };
    if (abs_max - abs_min) / pow10(oom) <= 1e-2 {
        match first_below(&|a, b| b - a > 1.0) {
            Some(o) => oom = o,
            None => return 0.0,
        }
    }
    let lead = floor_div(abs_max, pow10(oom));
    if lead >= pow10((OFFSET_THRESHOLD - 1) as f64) {
        sign * lead * pow10(oom)
    } else {
        0.0
    }
}

/// `_set_order_of_magnitude`: the power of ten of the largest visible tick
/// (or of the span, with an offset), used only outside `POWER_LIMITS`.
fn order_of_magnitude(visible: &[f64], offset: f64, (vmin, vmax): (f64, f64)) -> i32 {
    if visible.is_empty() {
        return 0;
    }
    let oom = if offset != 0.0 {
        (vmax - vmin).log10().floor()
    } else {
        let val = visible.iter().map(|v| v.abs()).fold(0.0, f64::max);
        if val == 0.0 {
            0.0
        } else {
            val.log10().floor()
        }
    } as i32;
    if oom <= POWER_LIMITS.0 || oom >= POWER_LIMITS.1 {
        oom
    } else {
        0
    }
}

/// `_set_format`: the fewest decimals (from 3 significant figures of the
/// ticks' range down) that still tell every tick apart to 1e−3 of the range.
fn decimals(locs: &[f64], view: (f64, f64), offset: f64, order: i32) -> usize {
    let scale = pow10(order as f64);
    let mut all: Vec<f64> = locs.to_vec();
    if locs.len() < 2 {
        all.extend([view.0, view.1]);
    }
    let scaled: Vec<f64> = all.iter().map(|l| (l - offset) / scale).collect();
    let (lo, hi) = scaled
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    let mut range = hi - lo;
    if range == 0.0 {
        range = scaled.iter().map(|v| v.abs()).fold(0.0, f64::max);
    }
    if range == 0.0 {
        range = 1.0;
    }
    let labelled = &scaled[..locs.len()];
    let range_oom = range.log10().floor() as i32;
    let mut sigfigs = (3 - range_oom).max(0);
    let thresh = 1e-3 * pow10(range_oom as f64);
    while sigfigs >= 0 {
        let worst = labelled
            .iter()
            .map(|&l| (l - np_round(l, sigfigs)).abs())
            .fold(0.0, f64::max);
        if worst < thresh {
            sigfigs -= 1;
        } else {
            break;
        }
    }
    (sigfigs + 1) as usize
}

/// `format_data`: a number as "significand e exponent", the significand to
/// ten significant digits without trailing zeros ("5e-1", "3.1415", "1e6").
fn format_data(value: f64) -> String {
    let e = value.abs().log10().floor();
    let s = round_to(value / pow10(e), 10);
    let significand = if s % 1.0 == 0.0 {
        format!("{}", s as i64)
    } else {
        format_g(s, 10)
    };
    if e == 0.0 {
        significand
    } else {
        format!("{significand}e{}", e as i64)
    }
}
