//! A grid of subplots in one figure, placed as matplotlib's
//! `plt.subplot(rows, cols, k)` places them.

use super::axes::Axes;
use super::canvas::{Canvas, Rect};
use super::style;

impl Axes {
    /// Axes in cell `index` (from 0, row by row) of a grid of `rows × cols`
    /// subplots, where `plt.subplot(rows, cols, index + 1)` puts them: the
    /// default subplot box divided into equal cells with
    /// [`style::SUBPLOT_SPACE`] between them, as matplotlib's `GridSpec`:
    ///
    /// ```text
    /// cell width = (right − left) / (cols + wspace·(cols − 1)),  gap = wspace · cell width
    /// ```
    ///
    /// and the same for heights from the top down.
    pub fn subplot(
        canvas: &Canvas,
        (rows, cols): (usize, usize),
        index: usize,
        xlim: (f64, f64),
        ylim: (f64, f64),
    ) -> Self {
        let mut axes = Axes::new(canvas, xlim, ylim);
        let (rows, cols) = (rows.max(1), cols.max(1));
        let (row, col) = ((index / cols).min(rows - 1), index % cols);
        let (left, right, bottom, top) = style::SUBPLOT;
        let (wspace, hspace) = style::SUBPLOT_SPACE;
        let cell = |span: f64, n: usize, space: f64| span / (n as f64 + space * (n as f64 - 1.0));
        let (w, h) = (
            cell(right - left, cols, wspace),
            cell(top - bottom, rows, hspace),
        );
        let x0 = left + col as f64 * w * (1.0 + wspace);
        let y1 = top - row as f64 * h * (1.0 + hspace);
        let b = canvas.bounds();
        axes.rect = Rect {
            left: b.width() * x0,
            right: b.width() * (x0 + w),
            top: b.height() * (1.0 - y1),
            bottom: b.height() * (1.0 - (y1 - h)),
        };
        axes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subplots_side_by_side_as_matplotlib_places_them() {
        // plt.subplot(1, 2, k) on a 6.4 × 4.8 in figure: axes from 0.125 to
        // 0.477 and from 0.548 to 0.9 of the width (0.775 / 2.2 each).
        let canvas = Canvas::new(crate::render::Size::DEFAULT);
        let w = canvas.bounds().width();
        let one = Axes::new(&canvas, (0.0, 1.0), (0.0, 1.0));
        let left = Axes::subplot(&canvas, (1, 2), 0, (0.0, 1.0), (0.0, 1.0));
        let right = Axes::subplot(&canvas, (1, 2), 1, (0.0, 1.0), (0.0, 1.0));
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(near(left.rect.left, one.rect.left));
        assert!(near(right.rect.right, one.rect.right));
        assert!(near(left.rect.right / w, 0.125 + 0.775 / 2.2));
        assert!(near(right.rect.left / w, 0.9 - 0.775 / 2.2));
        assert!(near(left.rect.top, one.rect.top) && near(right.rect.bottom, one.rect.bottom));
        // Two rows: the lower one ends where the single axes end.
        let lower = Axes::subplot(&canvas, (2, 1), 1, (0.0, 1.0), (0.0, 1.0));
        assert!(near(lower.rect.bottom, one.rect.bottom));
        assert!(near(lower.rect.left, one.rect.left) && near(lower.rect.right, one.rect.right));
        assert!(lower.rect.top > one.rect.top + one.rect.height() / 2.0);
    }
}
