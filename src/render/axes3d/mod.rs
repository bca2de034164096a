//! 3-D axes as matplotlib's mplot3d draws them: its perspective projection
//! ([`projection`]), three shaded back panes with grid lines, each axis on
//! the edge mplot3d picks with ticks, tick labels, offset text and label
//! ([`axis`]), and the data on top.

pub mod axis;
pub mod projection;

use super::canvas::{Align, Area, Canvas, DrawResult, Pen, Rect, VAlign};
use super::style;
use super::ticks::{self, AxisTicks};
use axis::Layout;
use plotters::element::{PathElement, Polygon};
use plotters::style::RGBColor;
use projection::Projection;

/// `axes3d.{x,y,z}axis.panecolor` (0.95, 0.90, 0.925 grey at alpha 0.5),
/// as they come out over the white figure.
const PANES: [RGBColor; 3] = [
    RGBColor(248, 248, 248),
    RGBColor(242, 242, 242),
    RGBColor(245, 245, 245),
];

/// mplot3d's tick label pad: `xtick.major.pad`, in points.
const TICK_PAD_POINTS: f64 = 3.5;
/// `axes.labelpad`, in points.
const LABEL_PAD_POINTS: f64 = 4.0;

/// The 1/48 mplot3d adds on each side when it autoscales (`_view_margin`).
pub const VIEW_MARGIN: f64 = 1.0 / 48.0;

/// Limits that show `lo..hi` as mplot3d autoscales an axis: widened if
/// singular, `margin` of the span added on each side (0.05 for x and y,
/// none for z), then the view margin of 1/48.
pub fn autoscale(lo: f64, hi: f64, margin: f64) -> (f64, f64) {
    let (lo, hi) = ticks::nonsingular(lo, hi, 0.05, 1e-15);
    let d = (hi - lo) * margin;
    let (lo, hi) = (lo - d, hi + d);
    let d = (hi - lo) * VIEW_MARGIN;
    (lo - d, hi + d)
}

/// 3-D axes: data limits, labels, and their projection onto the canvas.
#[derive(Debug, Clone)]
pub struct Axes3d {
    pub lims: [(f64, f64); 3],
    pub labels: [String; 3],
    proj: Projection,
    layout: Layout,
    ticks: [AxisTicks; 3],
}

impl Axes3d {
    /// Axes at elevation `elev` and azimuth `azim` (degrees) in matplotlib's
    /// subplot box of `canvas`, made square.
    pub fn new(
        canvas: &Canvas,
        lims: [(f64, f64); 3],
        labels: [&str; 3],
        elev: f64,
        azim: f64,
    ) -> Self {
        let b = canvas.bounds();
        let (l, r, bot, top) = style::SUBPLOT;
        let bbox = projection::square_in(Rect {
            left: b.width() * l,
            right: b.width() * r,
            top: b.height() * (1.0 - top),
            bottom: b.height() * (1.0 - bot),
        });
        let proj = Projection::new(lims, elev, azim, bbox);
        let k = canvas.pen().k();
        // Sizes in points at matplotlib's 100 dpi: 0.72 pt per output pixel.
        let layout = Layout::new(&proj, lims, (bbox.width() + bbox.height()) / k * 0.72);
        // Every mplot3d axis counts its room as an x axis does: the axes
        // box's width over three font sizes.
        let bins = ticks::max_bins(bbox.width() / k, style::FONT_SIZE, 3.0);
        Axes3d {
            lims,
            labels: labels.map(str::to_string),
            ticks: lims.map(|l| ticks::linear_ticks(l, bins, true)),
            proj,
            layout,
        }
    }

    /// A data point to canvas pixels, unrounded.
    pub fn project(&self, p: [f64; 3]) -> (f64, f64) {
        self.proj.pixel(p)
    }

    /// [`Axes3d::project`] rounded for plotters; `None` if not finite.
    pub fn pixel(&self, p: [f64; 3]) -> Option<(i32, i32)> {
        let (x, y) = self.project(p);
        (x.is_finite() && y.is_finite()).then(|| (x.round() as i32, y.round() as i32))
    }

    /// The ticks of each axis, as drawn.
    pub fn ticks(&self) -> &[AxisTicks; 3] {
        &self.ticks
    }

    /// Draws panes, grid, axes with their ticks and labels (the canvas
    /// view's where the user gave them, else the axes' own), then `plot` (in
    /// canvas pixels) on top, as mplot3d orders them; and the title.
    pub fn draw(
        &self,
        canvas: &mut Canvas,
        plot: impl FnOnce(&Area) -> DrawResult,
    ) -> anyhow::Result<()> {
        let pen = canvas.pen();
        let view = canvas.view();
        let labels = [0, 1, 2].map(|axis| view.label(axis, &self.labels[axis]).to_string());
        canvas.draw(|area| {
            self.draw_panes(pen, area)?;
            for (axis, label) in labels.iter().enumerate() {
                self.draw_axis(pen, area, axis, label)?;
            }
            Ok(())
        })?;
        for axis in 0..3 {
            self.draw_offset_text(canvas, axis)?;
        }
        canvas.draw(plot)?;
        let b = canvas.bounds();
        let (left, right, _, top) = style::SUBPLOT;
        canvas.draw_title(b.width() * (left + right) / 2.0, b.height() * (1.0 - top))
    }

    fn at(&self, p: [f64; 3]) -> (i32, i32) {
        self.pixel(p).unwrap_or((0, 0))
    }

    fn draw_panes(&self, pen: Pen, area: &Area) -> DrawResult {
        for (axis, color) in PANES.iter().enumerate() {
            let corners = self.layout.pane(axis).map(|p| self.at(p)).to_vec();
            area.draw(&Polygon::new(corners, *color))?;
        }
        let grid = pen.stroke(style::GRID, style::GRID_WIDTH);
        for (axis, t) in self.ticks.iter().enumerate() {
            for &v in &t.major {
                let line = self.layout.grid_line(axis, v).map(|p| self.at(p));
                area.draw(&PathElement::new(line.to_vec(), grid))?;
            }
        }
        Ok(())
    }

    /// Axis `axis` with its ticks, tick labels and `label`.
    fn draw_axis(&self, pen: Pen, area: &Area, axis: usize, label: &str) -> DrawResult {
        let black = pen.stroke(style::BLACK, style::AXES_LINE_WIDTH);
        let places = self.layout.places(axis, LABEL_PAD_POINTS);
        area.draw(&PathElement::new(
            places.line.map(|p| self.at(p)).to_vec(),
            black,
        ))?;
        let t = &self.ticks[axis];
        let mut boxes = Vec::new();
        for (&v, tick_label) in t.major.iter().zip(&t.labels) {
            let (mark, anchor) = self.layout.tick(axis, v, TICK_PAD_POINTS);
            area.draw(&PathElement::new(mark.map(|p| self.at(p)).to_vec(), black))?;
            let at = self.project(anchor);
            boxes.push(text_box(pen, tick_label, at, Align::Center, VAlign::Top));
            pen.text(
                area,
                tick_label,
                at,
                (Align::Center, VAlign::Top),
                style::FONT_SIZE,
                false,
            )?;
        }
        let line = places.line.map(|p| self.project(p));
        let at = clear_of(
            pen,
            label,
            self.project(places.label_anchor),
            ((line[0].0 + line[1].0) / 2.0, (line[0].1 + line[1].1) / 2.0),
            &boxes,
        );
        pen.text(
            area,
            label,
            at,
            (Align::Center, VAlign::Center),
            style::FONT_SIZE,
            false,
        )
    }

    /// The offset text ("1e7") by the outer end of the axis, turned along it.
    fn draw_offset_text(&self, canvas: &mut Canvas, axis: usize) -> anyhow::Result<()> {
        let text = &self.ticks[axis].offset;
        if text.is_empty() {
            return Ok(());
        }
        let places = self.layout.places(axis, LABEL_PAD_POINTS);
        let (a, b) = (self.project(places.line[0]), self.project(places.line[1]));
        let align = if self.layout.offset_left(&self.proj, axis) {
            Align::Left
        } else {
            Align::Right
        };
        canvas.draw_text_rotated(
            text,
            self.project(places.offset_anchor),
            text_angle(b.0 - a.0, a.1 - b.1),
            (align, VAlign::Center),
            style::FONT_SIZE,
        )
    }
}

/// The box a one-line text covers (left, top, right, bottom), drawn at `at`
/// with the given alignment: its advance width by one em.
fn text_box(pen: Pen, text: &str, at: (f64, f64), align: Align, valign: VAlign) -> [f64; 4] {
    let (w, em) = (
        pen.text_width(text, style::FONT_SIZE),
        pen.px(style::FONT_SIZE),
    );
    let left = match align {
        Align::Left => at.0,
        Align::Center => at.0 - w / 2.0,
        Align::Right => at.0 - w,
    };
    let top = match valign {
        VAlign::Top => at.1,
        VAlign::Center => at.1 - em / 2.0,
        VAlign::Baseline => at.1 - 0.76 * em,
    };
    [left, top, left + w, top + em]
}

/// Where the axis label goes: mplot3d's anchor `at`, or, where the label
/// would cover a tick label (a long z label beside wide tick labels), moved
/// on out, away from the axis line's middle `from`, until `axes.labelpad`
/// separates them.
fn clear_of(
    pen: Pen,
    label: &str,
    at: (f64, f64),
    from: (f64, f64),
    boxes: &[[f64; 4]],
) -> (f64, f64) {
    let (dx, dy) = (at.0 - from.0, at.1 - from.1);
    let n = dx.hypot(dy);
    if n.is_nan() || n == 0.0 || label.is_empty() {
        return at;
    }
    let step = pen.px(1.0);
    let gap = pen.px(style::LABEL_PAD);
    let overlaps = |p: (f64, f64)| {
        let b = text_box(pen, label, p, Align::Center, VAlign::Center);
        boxes.iter().any(|t| {
            b[0] < t[2] + gap && t[0] < b[2] + gap && b[1] < t[3] + gap && t[1] < b[3] + gap
        })
    };
    let mut p = at;
    for _ in 0..200 {
        if !overlaps(p) {
            return p;
        }
        p = (p.0 + dx / n * step, p.1 + dy / n * step);
    }
    at
}

/// `art3d._norm_text_angle` of a direction (dx, dy with y up): degrees,
/// turned so that text never reads upside down.
fn text_angle(dx: f64, dy: f64) -> f64 {
    let a = (dy.atan2(dx).to_degrees() + 180.0).rem_euclid(180.0);
    if a > 90.0 {
        a - 180.0
    } else {
        a
    }
}

#[cfg(test)]
mod tests;
