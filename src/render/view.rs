//! What a figure is drawn at and with: the image size, and the user's
//! title, axis labels, axis limits and font.

use super::font::Fonts;

/// The size of the output image in pixels (the PNG's size; the SVG's
/// `width` and `height`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    /// matplotlib's default figure: 6.4 × 4.8 in at 100 dpi.
    pub const DEFAULT: Size = Size {
        width: 640,
        height: 480,
    };

    /// Each side times `k`, rounded, at least 1 pixel (saturating at `u32::MAX`).
    pub fn scaled(self, k: f64) -> Size {
        let side = |v: u32| (v as f64 * k).round().clamp(1.0, u32::MAX as f64) as u32;
        Size {
            width: side(self.width),
            height: side(self.height),
        }
    }

    /// The number of pixels.
    pub fn pixels(self) -> u64 {
        self.width as u64 * self.height as u64
    }
}

/// What the user asked of a figure's look beyond its data, shared by all
/// figures: a title, axis labels and limits in place of the figure's own,
/// and the fonts its text is drawn in. Each figure applies the limits that
/// make sense for it; the axes (2-D and 3-D) draw the labels, every panel of
/// a figure the same.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    pub title: Option<String>,
    pub xlabel: Option<String>,
    pub ylabel: Option<String>,
    /// The third axis' label, for 3-D axes.
    pub zlabel: Option<String>,
    pub xlim: Option<(f64, f64)>,
    pub ylim: Option<(f64, f64)>,
    pub font: Fonts,
}

impl View {
    /// The limits to draw with: the user's where given, else the figure's.
    pub fn limits(&self, xlim: (f64, f64), ylim: (f64, f64)) -> ((f64, f64), (f64, f64)) {
        (self.xlim.unwrap_or(xlim), self.ylim.unwrap_or(ylim))
    }

    /// The label to draw on axis `axis` (0 x, 1 y, 2 z): the user's where
    /// given (an empty one draws none), else the figure's `figure`.
    pub fn label<'a>(&'a self, axis: usize, figure: &'a str) -> &'a str {
        let user = match axis {
            0 => &self.xlabel,
            1 => &self.ylabel,
            _ => &self.zlabel,
        };
        user.as_deref().unwrap_or(figure)
    }
}
