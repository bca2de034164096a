//! A 2-D plot in matplotlib's default style: the subplot box, the clipped
//! plot area, optional grid, a frame of four spines, outward ticks with
//! labels, and axis labels.

use super::canvas::{Align, Area, Canvas, DrawResult, Pen, Rect, VAlign};
use super::ticks::{self, AxisTicks};
use super::{clip, style};
use plotters::element::PathElement;

/// The axes of one 2-D plot.
#[derive(Debug, Clone)]
pub struct Axes {
    /// The plot area in the canvas' internal pixels.
    pub rect: Rect,
    pub xlim: (f64, f64),
    pub ylim: (f64, f64),
    pub xlabel: String,
    pub ylabel: String,
    /// Grid lines at the ticks (`plt.grid()`).
    pub grid: bool,
    pub xscale: Scale,
    pub yscale: Scale,
}

/// How data values are spaced along an axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    #[default]
    Linear,
    /// Decades equally spaced (`plt.xscale("log")`); values ≤ 0 are not drawn.
    Log,
}

impl Scale {
    fn apply(self, v: f64) -> f64 {
        match self {
            Scale::Linear => v,
            Scale::Log if v > 0.0 => v.log10(),
            Scale::Log => f64::NAN,
        }
    }

    /// Ticks, labels and offset text for limits `lim` with at most `bins` bins.
    fn ticks(self, lim: (f64, f64), bins: usize) -> AxisTicks {
        match self {
            Scale::Linear => ticks::linear_ticks(lim, bins, false),
            Scale::Log => ticks::log_ticks(lim, bins),
        }
    }
}

/// Limits that show all of `values` with 5 % to spare on each side, as
/// matplotlib's autoscaling does; non-finite values are ignored.
pub fn auto_limits(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        return (-0.055, 0.055);
    }
    if lo == hi {
        let pad = if lo == 0.0 { 0.055 } else { lo.abs() * 0.055 };
        return (lo - pad, hi + pad);
    }
    let margin = 0.05 * (hi - lo);
    (lo - margin, hi + margin)
}

impl Axes {
    /// Axes in matplotlib's default subplot box of `canvas`.
    pub fn new(canvas: &Canvas, xlim: (f64, f64), ylim: (f64, f64)) -> Self {
        let b = canvas.bounds();
        let (left, right, bottom, top) = style::SUBPLOT;
        Axes {
            rect: Rect {
                left: b.width() * left,
                right: b.width() * right,
                top: b.height() * (1.0 - top),
                bottom: b.height() * (1.0 - bottom),
            },
            xlim,
            ylim,
            xlabel: String::new(),
            ylabel: String::new(),
            grid: false,
            xscale: Scale::Linear,
            yscale: Scale::Linear,
        }
    }

    /// Both axes logarithmic (`plt.loglog`).
    pub fn log_log(mut self) -> Self {
        self.xscale = Scale::Log;
        self.yscale = Scale::Log;
        self
    }

    pub fn labels(mut self, xlabel: &str, ylabel: &str) -> Self {
        self.xlabel = xlabel.to_string();
        self.ylabel = ylabel.to_string();
        self
    }

    pub fn with_grid(mut self) -> Self {
        self.grid = true;
        self
    }

    /// Data coordinates to internal pixels inside the plot area (origin at
    /// its top-left corner), unrounded.
    pub fn local(&self, x: f64, y: f64) -> (f64, f64) {
        let (sx, sy) = (self.xscale, self.yscale);
        let (x0, x1) = (sx.apply(self.xlim.0), sx.apply(self.xlim.1));
        let (y0, y1) = (sy.apply(self.ylim.0), sy.apply(self.ylim.1));
        let u = (sx.apply(x) - x0) / (x1 - x0) * self.rect.width();
        let v = (y1 - sy.apply(y)) / (y1 - y0) * self.rect.height();
        (u, v)
    }

    /// [`Axes::local`] rounded for plotters; `None` for a point that is not finite.
    pub fn pixel(&self, x: f64, y: f64) -> Option<(i32, i32)> {
        let (u, v) = self.local(x, y);
        if !(u.is_finite() && v.is_finite()) {
            return None;
        }
        Some((
            u.clamp(-clip::FAR, clip::FAR).round() as i32,
            v.clamp(-clip::FAR, clip::FAR).round() as i32,
        ))
    }

    /// The pieces of a polyline through `points` that can be drawn: a
    /// non-finite point (or one ≤ 0 on a log axis) breaks the line, as in
    /// matplotlib, and the line is
    /// cut where it leaves the plot area. (plotters would pin every point
    /// outside its area to the nearest edge, drawing lines along the edges.)
    pub fn polyline(&self, points: impl IntoIterator<Item = (f64, f64)>) -> Vec<Vec<(i32, i32)>> {
        let (w, h) = (self.rect.width(), self.rect.height());
        // A point that is not finite, or not positive on a log axis, breaks
        // the line.
        let local = |(x, y): (f64, f64)| {
            let p = self.local(x, y);
            (p.0.is_finite() && p.1.is_finite()).then_some(p)
        };
        clip::polyline(points.into_iter().map(local), w, h)
    }

    /// The segment from `a` to `b` for a dashed line `width` output pixels
    /// wide: as it is when both ends lie within one plot size of the plot
    /// area (the clipped layer's margin), so that the dashes start where the
    /// line starts, as matplotlib's do; otherwise cut at the plot area like
    /// [`Axes::polyline`]. A horizontal or vertical one is snapped to whole
    /// pixels as matplotlib snaps it.
    pub fn dashed_segment(
        &self,
        pen: Pen,
        a: (f64, f64),
        b: (f64, f64),
        width: f64,
    ) -> Vec<Vec<(i32, i32)>> {
        let (w, h) = (self.rect.width(), self.rect.height());
        let m = w.max(h);
        let near = |(u, v): (f64, f64)| (-m..=w + m).contains(&u) && (-m..=h + m).contains(&v);
        let (pa, pb) = (self.local(a.0, a.1), self.local(b.0, b.1));
        let mut pieces = if near(pa) && near(pb) {
            let round = |(u, v): (f64, f64)| (u.round() as i32, v.round() as i32);
            vec![vec![round(pa), round(pb)]]
        } else {
            self.polyline([a, b])
        };
        let (ox, oy) = (self.rect.left.round() as i32, self.rect.top.round() as i32);
        let snap = |v: i32, origin: i32| {
            (pen.snap((v + origin) as f64, width) - origin as f64).round() as i32
        };
        for piece in pieces.iter_mut() {
            let straight = piece
                .windows(2)
                .all(|s| s[0].0 == s[1].0 || s[0].1 == s[1].1);
            if straight {
                for p in piece.iter_mut() {
                    *p = (snap(p.0, ox), snap(p.1, oy));
                }
            }
        }
        pieces
    }

    fn xticks(&self, pen: Pen) -> AxisTicks {
        let bins = ticks::max_bins(self.rect.width() / pen.k(), style::FONT_SIZE, 3.0);
        self.xscale.ticks(self.xlim, bins)
    }

    fn yticks(&self, pen: Pen) -> AxisTicks {
        let bins = ticks::max_bins(self.rect.height() / pen.k(), style::FONT_SIZE, 2.0);
        self.yscale.ticks(self.ylim, bins)
    }

    /// Draws the whole plot: grid, then `plot` clipped to the plot area, then
    /// frame, ticks and labels on top, and the canvas' title above.
    pub fn draw(
        &self,
        canvas: &mut Canvas,
        plot: impl FnOnce(&Area) -> DrawResult,
    ) -> anyhow::Result<()> {
        self.draw_panel(canvas, plot)?;
        canvas.draw_title((self.rect.left + self.rect.right) / 2.0, self.rect.top)
    }

    /// [`Axes::draw`] without the canvas' title: one of several plots in a
    /// figure, whose title goes over the whole figure. The axis labels are
    /// the canvas view's where the user gave them, else the axes' own.
    pub fn draw_panel(
        &self,
        canvas: &mut Canvas,
        plot: impl FnOnce(&Area) -> DrawResult,
    ) -> anyhow::Result<()> {
        let pen = canvas.pen();
        let view = canvas.view();
        let labels = [&self.xlabel, &self.ylabel].map(String::as_str);
        let labels = [0, 1].map(|axis| view.label(axis, labels[axis]).to_string());
        canvas.draw_clipped(self.rect, |area| {
            if self.grid {
                self.draw_grid(pen, area)?;
            }
            plot(area)
        })?;
        canvas.draw(|area| self.draw_decorations(pen, area, &labels))
    }

    fn draw_grid(&self, pen: Pen, area: &Area) -> DrawResult {
        let style = pen.stroke(style::GRID, style::GRID_WIDTH);
        let (w, h) = (self.rect.width(), self.rect.height());
        // Snapped on the canvas, where the clipped layer's origin is the
        // plot's rounded corner.
        let (ox, oy) = (self.rect.left.round(), self.rect.top.round());
        let snap =
            |v: f64, origin: f64| (pen.snap(origin + v, style::GRID_WIDTH) - origin).round() as i32;
        for x in self.xticks(pen).major {
            let u = snap(self.local(x, 1.0).0, ox);
            area.draw(&PathElement::new(
                vec![(u, 0), (u, h.round() as i32)],
                style,
            ))?;
        }
        for y in self.yticks(pen).major {
            let v = snap(self.local(1.0, y).1, oy);
            area.draw(&PathElement::new(
                vec![(0, v), (w.round() as i32, v)],
                style,
            ))?;
        }
        Ok(())
    }

    fn draw_decorations(&self, pen: Pen, area: &Area, labels: &[String; 2]) -> DrawResult {
        // The frame, ticks and their marks snapped as matplotlib snaps them.
        // Texts are placed from the exact positions, as matplotlib's are.
        let snap = |v: f64| pen.snap(v, style::AXES_LINE_WIDTH);
        let r = self.rect;
        let f = Rect {
            left: snap(r.left),
            top: snap(r.top),
            right: snap(r.right),
            bottom: snap(r.bottom),
        };
        let line = pen.stroke(style::BLACK, style::AXES_LINE_WIDTH);
        area.draw(&PathElement::new(
            vec![
                at(f.left, f.top),
                at(f.right, f.top),
                at(f.right, f.bottom),
                at(f.left, f.bottom),
                at(f.left, f.top),
            ],
            line,
        ))?;
        let (xt, yt) = (self.xticks(pen), self.yticks(pen));
        let gap = pen.px(style::TICK_LENGTH + style::TICK_PAD);
        // Ticks and labels under the plot and left of it.
        let xs =
            |v: &[f64]| -> Vec<f64> { v.iter().map(|&x| r.left + self.local(x, 1.0).0).collect() };
        let ys =
            |v: &[f64]| -> Vec<f64> { v.iter().map(|&y| r.top + self.local(1.0, y).1).collect() };
        let snapped = |v: Vec<f64>| -> Vec<f64> { v.into_iter().map(snap).collect() };
        let down = |u: f64, len: f64| [at(u, f.bottom), at(u, f.bottom + len)];
        let left = |v: f64, len: f64| [at(f.left - len, v), at(f.left, v)];
        draw_tick_marks(pen, area, &snapped(xs(&xt.minor)), down, true)?;
        draw_tick_marks(pen, area, &snapped(xs(&xt.major)), down, false)?;
        for (u, label) in xs(&xt.major).into_iter().zip(&xt.labels) {
            let anchor = (Align::Center, VAlign::Top);
            pen.text(
                area,
                label,
                (u, r.bottom + gap),
                anchor,
                style::FONT_SIZE,
                false,
            )?;
        }
        draw_tick_marks(pen, area, &snapped(ys(&yt.minor)), left, true)?;
        draw_tick_marks(pen, area, &snapped(ys(&yt.major)), left, false)?;
        for (v, label) in ys(&yt.major).into_iter().zip(&yt.labels) {
            let anchor = (Align::Right, VAlign::Center);
            pen.text(
                area,
                label,
                (r.left - gap, v),
                anchor,
                style::FONT_SIZE,
                false,
            )?;
        }
        self.draw_axis_texts(pen, area, (&xt, &yt), labels)
    }

    /// The offset texts where matplotlib puts them (under the right end of
    /// the x axis, above the top-left corner for y) and the axis labels
    /// beyond the tick labels: the x label under them, the y label left of
    /// the widest, kept inside the image.
    fn draw_axis_texts(
        &self,
        pen: Pen,
        area: &Area,
        (xt, yt): (&AxisTicks, &AxisTicks),
        [xlabel, ylabel]: &[String; 2],
    ) -> DrawResult {
        let r = self.rect;
        let em = pen.px(style::FONT_SIZE);
        let gap = pen.px(style::TICK_LENGTH + style::TICK_PAD);
        // matplotlib measures both from the bottom of the tick labels.
        let labels_bottom = if xt.labels.is_empty() {
            r.bottom
        } else {
            r.bottom + gap + em
        };
        let size = style::FONT_SIZE;
        let x_offset_at = (r.right, labels_bottom + pen.px(OFFSET_TEXT_PAD));
        pen.text(
            area,
            &xt.offset,
            x_offset_at,
            (Align::Right, VAlign::Top),
            size,
            false,
        )?;
        let y_offset_at = (r.left, r.top - pen.px(OFFSET_TEXT_PAD));
        pen.text(
            area,
            &yt.offset,
            y_offset_at,
            (Align::Left, VAlign::Baseline),
            size,
            false,
        )?;
        let xlabel_at = (
            (r.left + r.right) / 2.0,
            labels_bottom + pen.px(style::LABEL_PAD),
        );
        pen.text(
            area,
            xlabel,
            xlabel_at,
            (Align::Center, VAlign::Top),
            size,
            false,
        )?;
        let widest = yt
            .labels
            .iter()
            .map(|l| pen.text_width(l, size))
            .fold(0.0, f64::max);
        let labels_left = if yt.labels.is_empty() {
            r.left
        } else {
            r.left - gap - widest
        };
        // The label reads upwards; its descenders face the tick labels.
        // Where wide tick labels would push it off the image, it stays at
        // the edge rather than being cut.
        let ylabel_right = (labels_left - pen.px(style::LABEL_PAD)).max(em * 1.2);
        let ylabel_at = (ylabel_right - em, (r.top + r.bottom) / 2.0);
        pen.text(
            area,
            ylabel,
            ylabel_at,
            (Align::Center, VAlign::Top),
            size,
            true,
        )
    }
}

/// matplotlib's `Axis.OFFSETTEXTPAD`: 3 pt between the tick labels (or the
/// axes' top) and the offset text.
const OFFSET_TEXT_PAD: f64 = style::pt(3.0);

/// Rounds a point in internal pixels for plotters.
fn at(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// Tick marks at `positions`, each the segment `mark(position, length)`:
/// major ticks 3.5 pt long and 0.8 pt wide, minor ticks 2 pt and 0.6 pt.
fn draw_tick_marks(
    pen: Pen,
    area: &Area,
    positions: &[f64],
    mark: impl Fn(f64, f64) -> [(i32, i32); 2],
    minor: bool,
) -> DrawResult {
    let (length, width) = if minor {
        (style::MINOR_TICK_LENGTH, style::MINOR_TICK_WIDTH)
    } else {
        (style::TICK_LENGTH, style::AXES_LINE_WIDTH)
    };
    let stroke = pen.stroke(style::BLACK, width);
    for &p in positions {
        area.draw(&PathElement::new(mark(p, pen.px(length)).to_vec(), stroke))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
