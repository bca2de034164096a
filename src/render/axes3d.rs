//! 3-D axes in the style of matplotlib's mplot3d at its default view
//! (elevation 30°, azimuth −60°, box aspect 4:4:3): three shaded back panes
//! with grid lines, ticks and labels on the front edges, and axis titles,
//! which plotters' own 3-D chart does not draw.
//!
//! The projection is orthographic: at mplot3d's default focal length the
//! perspective is too slight to tell apart at this size.

use super::canvas::{Align, Area, Canvas, DrawResult, Pen, Rect, VAlign};
use super::{style, ticks};
use plotters::element::{PathElement, Polygon};
use plotters::style::RGBColor;

/// Which side of the data box is which, for the default view: the viewer
/// looks from +x, −y, +z, so the back panes are x = min, y = max, z = min.
const PANE_X: RGBColor = RGBColor(248, 248, 248);
const PANE_Y: RGBColor = RGBColor(245, 245, 245);
const PANE_Z: RGBColor = RGBColor(242, 242, 242);

/// The projected box's size relative to the smaller side of the subplot box,
/// as mplot3d fits it.
const FILL: f64 = 0.66;

/// 3-D axes: data limits, a view, and where the box lands on the canvas.
#[derive(Debug, Clone)]
pub struct Axes3d {
    pub xlim: (f64, f64),
    pub ylim: (f64, f64),
    pub zlim: (f64, f64),
    pub labels: [String; 3],
    /// Screen "right" and "up" for a unit step along x, y, z of the box.
    right: [f64; 3],
    up: [f64; 3],
    /// Internal pixels per box unit, and the box centre on the canvas.
    scale: f64,
    centre: (f64, f64),
    /// The box's half-sides in box units (aspect 4:4:3 → 0.5, 0.5, 0.375).
    half: [f64; 3],
}

impl Axes3d {
    /// Axes at elevation `elev` and azimuth `azim` (degrees), filling
    /// matplotlib's subplot box of `canvas`.
    pub fn new(
        canvas: &Canvas,
        lims: [(f64, f64); 3],
        labels: [&str; 3],
        elev: f64,
        azim: f64,
    ) -> Self {
        let (el, az) = (elev.to_radians(), azim.to_radians());
        let right = [-az.sin(), az.cos(), 0.0];
        let up = [-el.sin() * az.cos(), -el.sin() * az.sin(), el.cos()];
        let b = canvas.bounds();
        let (l, r, bot, top) = style::SUBPLOT;
        let rect = Rect {
            left: b.width() * l,
            right: b.width() * r,
            top: b.height() * (1.0 - top),
            bottom: b.height() * (1.0 - bot),
        };
        Axes3d {
            xlim: lims[0],
            ylim: lims[1],
            zlim: lims[2],
            labels: labels.map(str::to_string),
            right,
            up,
            scale: FILL * rect.width().min(rect.height()),
            centre: (
                (rect.left + rect.right) / 2.0,
                (rect.top + rect.bottom) / 2.0,
            ),
            half: [0.5, 0.5, 0.375],
        }
    }

    fn lims(&self) -> [(f64, f64); 3] {
        [self.xlim, self.ylim, self.zlim]
    }

    /// A data point to box units, each axis in [−half, half].
    fn to_box(&self, p: [f64; 3]) -> [f64; 3] {
        let mut q = [0.0; 3];
        for (i, (lo, hi)) in self.lims().into_iter().enumerate() {
            q[i] = ((p[i] - lo) / (hi - lo) - 0.5) * 2.0 * self.half[i];
        }
        q
    }

    /// A data point to internal pixels on the canvas, unrounded.
    pub fn project(&self, p: [f64; 3]) -> (f64, f64) {
        let q = self.to_box(p);
        let dot = |v: [f64; 3]| v[0] * q[0] + v[1] * q[1] + v[2] * q[2];
        (
            self.centre.0 + self.scale * dot(self.right),
            self.centre.1 - self.scale * dot(self.up),
        )
    }

    /// [`Axes3d::project`] rounded for plotters; `None` if not finite.
    pub fn pixel(&self, p: [f64; 3]) -> Option<(i32, i32)> {
        let (x, y) = self.project(p);
        (x.is_finite() && y.is_finite()).then(|| (x.round() as i32, y.round() as i32))
    }

    /// The screen direction (unit, pixels with y down) of a step along `axis`.
    fn screen_dir(&self, v: [f64; 3]) -> (f64, f64) {
        let dx = v[0] * self.right[0] + v[1] * self.right[1] + v[2] * self.right[2];
        let dy = -(v[0] * self.up[0] + v[1] * self.up[1] + v[2] * self.up[2]);
        let n = dx.hypot(dy).max(1e-12);
        (dx / n, dy / n)
    }

    fn ticks(&self, axis: usize, pen: Pen) -> Vec<f64> {
        let (lo, hi) = self.lims()[axis];
        let a = self.lims().map(|l| l.0);
        let mut b = a;
        b[axis] = hi;
        let (p, q) = (self.project(a), self.project(b));
        let length = (q.0 - p.0).hypot(q.1 - p.1) / pen.k();
        // Labels along a slanting axis sit side by side and need about two
        // label heights each; on the vertical axis they stack, one each.
        let per_label = if axis == 2 { 1.0 } else { 2.0 };
        ticks::linear_ticks(
            (lo, hi),
            ticks::max_bins(length, style::FONT_SIZE, per_label),
            true,
        )
        .major
    }

    /// Draws panes, grid, then `plot` (in canvas pixels), then ticks and
    /// labels, and the canvas' title above.
    pub fn draw(
        &self,
        canvas: &mut Canvas,
        plot: impl FnOnce(&Area) -> DrawResult,
    ) -> anyhow::Result<()> {
        let pen = canvas.pen();
        canvas.draw(|area| {
            self.draw_panes(pen, area)?;
            plot(area)?;
            self.draw_ticks(pen, area)
        })?;
        // The title goes above the subplot box, as on 2-D axes.
        let b = canvas.bounds();
        let (left, right, _, top) = style::SUBPLOT;
        canvas.draw_title(b.width() * (left + right) / 2.0, b.height() * (1.0 - top))
    }

    fn draw_panes(&self, pen: Pen, area: &Area) -> DrawResult {
        let [(x0, x1), (y0, y1), (z0, z1)] = self.lims();
        let pix = |p: [f64; 3]| self.pixel(p).unwrap_or((0, 0));
        let panes = [
            (
                [[x0, y0, z0], [x0, y1, z0], [x0, y1, z1], [x0, y0, z1]],
                PANE_X,
            ),
            (
                [[x0, y1, z0], [x1, y1, z0], [x1, y1, z1], [x0, y1, z1]],
                PANE_Y,
            ),
            (
                [[x0, y0, z0], [x1, y0, z0], [x1, y1, z0], [x0, y1, z0]],
                PANE_Z,
            ),
        ];
        for (corners, color) in panes {
            area.draw(&Polygon::new(corners.map(pix).to_vec(), color))?;
        }
        let grid = pen.stroke(style::GRID, style::GRID_WIDTH);
        let line = |a: [f64; 3], b: [f64; 3]| PathElement::new(vec![pix(a), pix(b)], grid);
        for x in self.ticks(0, pen) {
            area.draw(&line([x, y0, z0], [x, y1, z0]))?;
            area.draw(&line([x, y1, z0], [x, y1, z1]))?;
        }
        for y in self.ticks(1, pen) {
            area.draw(&line([x0, y, z0], [x1, y, z0]))?;
            area.draw(&line([x0, y, z0], [x0, y, z1]))?;
        }
        for z in self.ticks(2, pen) {
            area.draw(&line([x0, y0, z], [x0, y1, z]))?;
            area.draw(&line([x0, y1, z], [x1, y1, z]))?;
        }
        Ok(())
    }

    fn draw_ticks(&self, pen: Pen, area: &Area) -> DrawResult {
        let [(x0, x1), (y0, y1), (z0, _)] = self.lims();
        let axis_line = pen.stroke(style::BLACK, style::AXES_LINE_WIDTH);
        let pix = |p: [f64; 3]| self.pixel(p).unwrap_or((0, 0));
        // Each axis: its edge (a point on it with the axis coordinate free),
        // and the outward direction its ticks and labels go.
        let axes: [([f64; 3], [f64; 3]); 3] = [
            ([x0, y0, z0], [0.0, -1.0, 0.0]),
            ([x1, y0, z0], [1.0, 0.0, 0.0]),
            ([x1, y1, z0], [1.0, 1.0, 0.0]),
        ];
        let tick = pen.px(style::TICK_LENGTH);
        for (axis, (base, outward)) in axes.into_iter().enumerate() {
            let (lo, hi) = self.lims()[axis];
            let (mut a, mut b) = (base, base);
            a[axis] = lo;
            b[axis] = hi;
            area.draw(&PathElement::new(vec![pix(a), pix(b)], axis_line))?;
            let dir = self.screen_dir(outward);
            let values = self.ticks(axis, pen);
            let labels = ticks::linear_ticks((lo, hi), 8, true).labels;
            let widest = labels
                .iter()
                .map(|l| pen.text_width(l, style::FONT_SIZE))
                .fold(0.0, f64::max);
            // Far enough out that the label's box clears the tick, whichever
            // way the axis slants.
            let reach = |extra: f64| {
                tick + pen.px(style::TICK_PAD)
                    + extra
                        * (dir.0.abs() * widest / 2.0
                            + dir.1.abs() * pen.px(style::FONT_SIZE) / 2.0)
            };
            for (v, label) in values.iter().zip(&labels) {
                let mut p = base;
                p[axis] = *v;
                let (x, y) = self.project(p);
                let end = (x + dir.0 * tick, y + dir.1 * tick);
                area.draw(&PathElement::new(
                    vec![
                        (x.round() as i32, y.round() as i32),
                        (end.0.round() as i32, end.1.round() as i32),
                    ],
                    axis_line,
                ))?;
                let r = reach(1.0);
                pen.text(
                    area,
                    label,
                    (x + dir.0 * r, y + dir.1 * r),
                    (Align::Center, VAlign::Center),
                    style::FONT_SIZE,
                    false,
                )?;
            }
            let mut mid = base;
            mid[axis] = (lo + hi) / 2.0;
            let (x, y) = self.project(mid);
            let r = reach(2.0) + pen.px(style::FONT_SIZE + style::LABEL_PAD);
            pen.text(
                area,
                &self.labels[axis],
                (x + dir.0 * r, y + dir.1 * r),
                (Align::Center, VAlign::Center),
                style::FONT_SIZE,
                false,
            )?;
        }
        Ok(())
    }
}
