//! Tick positions and labels as matplotlib's defaults choose them: the
//! `AutoLocator` and `ScalarFormatter` of a linear axis (2-D or 3-D), the
//! `LogLocator` and `LogFormatterSciNotation` of a log axis.
//!
//! Each function is pure: limits and a bin count in, ticks, labels and the
//! offset text out. The unit tests compare them with what matplotlib 3.11
//! draws for many ranges (`tests/fixtures/matplotlib/ticks.json`, written by
//! `python/matplotlib/ticks.py`).

mod locator;
mod log;
mod python;
mod scalar;

pub use locator::{max_bins, nonsingular, tick_values};
pub use log::{log_ticks, superscript};
pub use scalar::ScalarFormatter;

/// The ticks of one axis, ready to draw.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AxisTicks {
    /// The major ticks inside the view, in increasing order.
    pub major: Vec<f64>,
    /// Their labels.
    pub labels: Vec<String>,
    /// The multiplier and/or offset shown at the end of the axis ("1e14",
    /// "+1e6"), empty when the labels are the values themselves.
    pub offset: String,
    /// Minor ticks (unlabelled) inside the view; log axes only.
    pub minor: Vec<f64>,
}

/// The ticks of a linear axis showing `view` with at most `nbins` intervals
/// (see [`max_bins`]); `three_d` for an mplot3d axis, whose step is chosen
/// from 23/24 of the raw step.
pub fn linear_ticks(view: (f64, f64), nbins: usize, three_d: bool) -> AxisTicks {
    if !(view.0.is_finite() && view.1.is_finite()) {
        return AxisTicks::default();
    }
    let locs = tick_values(view.0, view.1, nbins, three_d);
    if locs.is_empty() {
        return AxisTicks::default();
    }
    let formatter = ScalarFormatter::new(&locs, view);
    let major: Vec<f64> = locs
        .into_iter()
        .filter(|&v| locator::in_view(view, v))
        .collect();
    AxisTicks {
        labels: major.iter().map(|&v| formatter.label(v)).collect(),
        offset: formatter.offset_text(),
        major,
        minor: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
