//! Where the ticks of a linear axis go: matplotlib's default `AutoLocator`,
//! a `MaxNLocator` with steps 1, 2, 2.5, 5, 10.
//!
//! For limits `[vmin, vmax]` and at most `nbins` intervals, the step is the
//! smallest of {1, 2, 2.5, 5, 10}·10ᵏ not below (vmax − vmin)/nbins (times
//! 23/24 on 3-D axes, as mplot3d does since matplotlib 3.9), and the ticks are
//! its multiples from the last one at or below vmin to the first one at or
//! above vmax. Far from zero (|mean| ≥ 100·span) the multiples are counted
//! from a power of ten near the mean, so that precision is not lost.

use super::python::{divmod, floor_div, pow10};

/// `MaxNLocator(steps=[1, 2, 2.5, 5, 10])` "staircased": a tenth of each
/// step below, and 20 above, so that any raw step finds its nice step.
fn extended_steps() -> [f64; 10] {
    [
        0.1 * 1.0,
        0.1 * 2.0,
        0.1 * 2.5,
        0.1 * 5.0,
        1.0,
        2.0,
        2.5,
        5.0,
        10.0,
        10.0 * 2.0,
    ]
}

/// matplotlib's `min_n_ticks`: a step is refused if it leaves fewer ticks
/// inside the limits.
const MIN_N_TICKS: usize = 2;

/// `transforms._nonsingular`: limits widened when they are (nearly) equal,
/// or both (nearly) zero, or not finite; returned in increasing order.
pub fn nonsingular(vmin: f64, vmax: f64, expander: f64, tiny: f64) -> (f64, f64) {
    if !(vmin.is_finite() && vmax.is_finite()) {
        return (-expander, expander);
    }
    let (mut lo, mut hi) = if vmax < vmin {
        (vmax, vmin)
    } else {
        (vmin, vmax)
    };
    let max_abs = lo.abs().max(hi.abs());
    if max_abs < (1e6 / tiny) * f64::MIN_POSITIVE {
        (lo, hi) = (-expander, expander);
    } else if hi - lo <= max_abs * tiny {
        if hi == 0.0 && lo == 0.0 {
            (lo, hi) = (-expander, expander);
        } else {
            lo -= expander * lo.abs();
            hi += expander * hi.abs();
        }
    }
    (lo, hi)
}

/// `ticker.scale_range`: the power of ten of the raw step, and an offset
/// (a power of ten with the mean's sign) when the limits are far from zero.
fn scale_range(vmin: f64, vmax: f64, n: f64) -> (f64, f64) {
    const THRESHOLD: f64 = 100.0;
    let dv = (vmax - vmin).abs();
    let meanv = (vmax + vmin) / 2.0;
    let offset = if meanv.abs() / dv < THRESHOLD {
        0.0
    } else {
        pow10(floor_div(meanv.abs().log10(), 1.0)).copysign(meanv)
    };
    (pow10(floor_div((dv / n).log10(), 1.0)), offset)
}

/// `ticker._Edge_integer`: how many steps fit below or above a value,
/// forgiving the rounding error that a large offset brings.
struct Edge {
    step: f64,
    offset: f64,
}

impl Edge {
    fn close_to(&self, ms: f64, edge: f64) -> bool {
        let tol = if self.offset > 0.0 {
            let digits = (self.offset / self.step).log10();
            1e-10f64.max(pow10(digits - 12.0)).min(0.4999)
        } else {
            1e-10
        };
        (ms - edge).abs() < tol
    }

    /// The largest n with n·step ≤ x.
    fn le(&self, x: f64) -> f64 {
        let (d, m) = divmod(x, self.step);
        if self.close_to(m / self.step, 1.0) {
            d + 1.0
        } else {
            d
        }
    }

    /// The smallest n with n·step ≥ x.
    fn ge(&self, x: f64) -> f64 {
        let (d, m) = divmod(x, self.step);
        if self.close_to(m / self.step, 0.0) {
            d
        } else {
            d + 1.0
        }
    }
}

/// Every tick the locator returns for view limits `(vmin, vmax)` with at
/// most `nbins` intervals, including those just outside the limits (the
/// formatter sees them all; only those inside are drawn).
pub fn tick_values(vmin: f64, vmax: f64, nbins: usize, three_d: bool) -> Vec<f64> {
    let (vmin, vmax) = nonsingular(vmin, vmax, 1e-13, 1e-14);
    let nbins = nbins.clamp(1, 9) as f64;
    let (scale, offset) = scale_range(vmin, vmax, nbins);
    let (lo, hi) = (vmin - offset, vmax - offset);
    let steps = extended_steps().map(|s| s * scale);
    let mut raw_step = (hi - lo) / nbins;
    if three_d {
        raw_step = raw_step * 23.0 / 24.0;
    }
    let istep = steps
        .iter()
        .position(|&s| s >= raw_step)
        .unwrap_or(steps.len() - 1);
    let mut ticks = Vec::new();
    for &step in steps[..=istep].iter().rev() {
        let best_vmin = floor_div(lo, step) * step;
        let edge = Edge {
            step,
            offset: offset.abs(),
        };
        let (low, high) = (edge.le(lo - best_vmin), edge.ge(hi - best_vmin));
        // A handful in practice; the cap only guards against limits so
        // extreme that the arithmetic breaks down.
        let count = (high - low + 1.0).clamp(0.0, 1000.0) as usize;
        ticks = (0..count)
            .map(|i| (low + i as f64) * step + best_vmin)
            .collect();
        let inside = ticks.iter().filter(|&&t| lo <= t && t <= hi).count();
        if inside >= MIN_N_TICKS {
            break;
        }
    }
    ticks.iter().map(|t| t + offset).collect()
}

/// `transforms._interval_contains_close`: whether matplotlib draws a tick at
/// `v` for view limits `view` (inside, give or take 1e-10 of the span).
pub fn in_view(view: (f64, f64), v: f64) -> bool {
    let (a, b) = if view.0 > view.1 {
        (view.1, view.0)
    } else {
        view
    };
    let tol = (b - a) * 1e-10;
    a - tol <= v && v <= b + tol
}

/// How many bins matplotlib allows on an axis `length_px` long: one per
/// three (x axis, and every 3-D axis) or two (y axis) font sizes, 1 to 9.
pub fn max_bins(length_px: f64, font_px: f64, per_label: f64) -> usize {
    let n = (length_px / (font_px * per_label)).floor();
    if n.is_finite() {
        n.clamp(1.0, 9.0) as usize
    } else {
        1
    }
}
