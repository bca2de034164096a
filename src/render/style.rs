//! matplotlib's default look (its `rcParams`), in output pixels at 100 dpi.

use plotters::style::RGBColor;

/// Points to pixels at matplotlib's 100 dpi: 1 pt = 100/72 px.
pub const fn pt(points: f64) -> f64 {
    points * 100.0 / 72.0
}

/// `font.size`: 10 pt.
pub const FONT_SIZE: f64 = pt(10.0);
/// `lines.linewidth`: 1.5 pt.
pub const LINE_WIDTH: f64 = pt(1.5);
/// `axes.linewidth` and tick width: 0.8 pt.
pub const AXES_LINE_WIDTH: f64 = pt(0.8);
/// `xtick.major.size`: 3.5 pt.
pub const TICK_LENGTH: f64 = pt(3.5);
/// `xtick.minor.size`: 2 pt.
pub const MINOR_TICK_LENGTH: f64 = pt(2.0);
/// `xtick.minor.width`: 0.6 pt.
pub const MINOR_TICK_WIDTH: f64 = pt(0.6);
/// `xtick.major.pad`: 3.5 pt between tick and label.
pub const TICK_PAD: f64 = pt(3.5);
/// `axes.labelpad`: 4 pt between tick labels and axis label.
pub const LABEL_PAD: f64 = pt(4.0);
/// `grid.linewidth`: 0.8 pt.
pub const GRID_WIDTH: f64 = pt(0.8);
/// `lines.markersize`: 6 pt diameter.
pub const MARKER_SIZE: f64 = pt(6.0);
/// The radius a filled 'o' marker covers: half its size plus half of
/// `lines.markeredgewidth` (1 pt), drawn in the marker's colour.
pub const MARKER_RADIUS: f64 = MARKER_SIZE / 2.0 + pt(0.5);

/// The subplot box as fractions of the figure: left, right, bottom, top.
pub const SUBPLOT: (f64, f64, f64, f64) = (0.125, 0.9, 0.11, 0.88);
/// `figure.subplot.wspace` and `hspace`: the gap between subplots of a
/// grid, as a fraction of the average subplot's width and height.
pub const SUBPLOT_SPACE: (f64, f64) = (0.2, 0.2);
/// `'--'`: `lines.dashed_pattern` (3.7, 1.6) times the 1.5 pt line width,
/// as matplotlib scales it: 5.55 pt on, 2.4 pt off.
pub const DASHES: (f64, f64) = (pt(3.7 * 1.5), pt(1.6 * 1.5));

pub const BLACK: RGBColor = RGBColor(0, 0, 0);
pub const WHITE: RGBColor = RGBColor(255, 255, 255);
/// `grid.color`: #b0b0b0.
pub const GRID: RGBColor = RGBColor(0xb0, 0xb0, 0xb0);
/// The default colour cycle, tab10: C0, C1, C2, …
pub const CYCLE: [RGBColor; 10] = [
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0xff, 0x7f, 0x0e),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
    RGBColor(0xe3, 0x77, 0xc2),
    RGBColor(0x7f, 0x7f, 0x7f),
    RGBColor(0xbc, 0xbd, 0x22),
    RGBColor(0x17, 0xbe, 0xcf),
];
/// matplotlib's `'b'`: pure blue.
pub const BLUE: RGBColor = RGBColor(0, 0, 255);

/// The n-th colour of the cycle, wrapping around.
pub fn cycle(n: usize) -> RGBColor {
    CYCLE[n % CYCLE.len()]
}
