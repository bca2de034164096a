//! A 2-D plot in matplotlib's default style: the subplot box, the clipped
//! plot area, optional grid, a frame of four spines, outward ticks with
//! labels, and axis labels.

use super::canvas::{Align, Area, Canvas, DrawResult, Pen, Rect, VAlign};
use super::{style, ticks};
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

    /// Tick positions and labels for limits `lim` with at most `bins` bins.
    fn ticks(self, lim: (f64, f64), bins: usize) -> (Vec<f64>, Vec<String>) {
        match self {
            Scale::Linear => {
                let t = ticks::nice_ticks(lim.0, lim.1, bins);
                let l = ticks::labels(&t);
                (t, l)
            }
            Scale::Log => ticks::decades(lim.0, lim.1, bins),
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

/// Internal pixels are clamped to this far outside the image, so that a huge
/// or infinite-looking value still draws a line in the right direction.
const FAR: f64 = 1.0e6;

/// The part of the segment from `a` to `b` inside `[0, w] × [0, h]`, as
/// parameters `t0 ≤ t1` in [0, 1] along it (Liang–Barsky); `None` if it
/// misses the box.
fn clip_segment(a: (f64, f64), b: (f64, f64), w: f64, h: f64) -> Option<(f64, f64)> {
    let (du, dv) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [(-du, a.0), (du, w - a.0), (-dv, a.1), (dv, h - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    (t0 <= t1).then_some((t0, t1))
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
            u.clamp(-FAR, FAR).round() as i32,
            v.clamp(-FAR, FAR).round() as i32,
        ))
    }

    /// The pieces of a polyline through `points` that can be drawn: a
    /// non-finite point breaks the line, as in matplotlib, and the line is
    /// cut where it leaves the plot area. (plotters would pin every point
    /// outside its area to the nearest edge, drawing lines along the edges.)
    pub fn polyline(&self, points: impl IntoIterator<Item = (f64, f64)>) -> Vec<Vec<(i32, i32)>> {
        let (w, h) = (self.rect.width(), self.rect.height());
        let round = |(u, v): (f64, f64)| (u.round() as i32, v.round() as i32);
        let mut pieces: Vec<Vec<(i32, i32)>> = vec![Vec::new()];
        let mut prev: Option<(f64, f64)> = None;
        for (x, y) in points {
            if !(x.is_finite() && y.is_finite()) {
                pieces.push(Vec::new());
                prev = None;
                continue;
            }
            let (u, v) = self.local(x, y);
            let p = (u.clamp(-FAR, FAR), v.clamp(-FAR, FAR));
            let Some(a) = prev.replace(p) else {
                if (0.0..=w).contains(&p.0) && (0.0..=h).contains(&p.1) {
                    pieces.push(vec![round(p)]);
                }
                continue;
            };
            let Some((t0, t1)) = clip_segment(a, p, w, h) else {
                pieces.push(Vec::new());
                continue;
            };
            let at = |t: f64| (a.0 + t * (p.0 - a.0), a.1 + t * (p.1 - a.1));
            let current = pieces.last_mut().expect("never empty");
            if t0 > 0.0 || current.is_empty() {
                pieces.push(vec![round(at(t0))]);
            }
            let current = pieces.last_mut().expect("never empty");
            if t1 < 1.0 {
                current.push(round(at(t1)));
                pieces.push(Vec::new());
            } else {
                current.push(round(p));
            }
        }
        pieces.retain(|p| p.len() > 1);
        pieces
    }

    fn xticks(&self, pen: Pen) -> (Vec<f64>, Vec<String>) {
        let bins = ticks::max_bins(self.rect.width() / pen.k(), style::FONT_SIZE, 3.0);
        self.xscale.ticks(self.xlim, bins)
    }

    fn yticks(&self, pen: Pen) -> (Vec<f64>, Vec<String>) {
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
    /// figure, whose title goes over the whole figure.
    pub fn draw_panel(
        &self,
        canvas: &mut Canvas,
        plot: impl FnOnce(&Area) -> DrawResult,
    ) -> anyhow::Result<()> {
        let pen = canvas.pen();
        canvas.draw_clipped(self.rect, |area| {
            if self.grid {
                self.draw_grid(pen, area)?;
            }
            plot(area)
        })?;
        canvas.draw(|area| self.draw_decorations(pen, area))
    }

    fn draw_grid(&self, pen: Pen, area: &Area) -> DrawResult {
        let style = pen.stroke(style::GRID, style::GRID_WIDTH);
        let (w, h) = (self.rect.width(), self.rect.height());
        for x in self.xticks(pen).0 {
            let u = self.local(x, 1.0).0.round() as i32;
            area.draw(&PathElement::new(
                vec![(u, 0), (u, h.round() as i32)],
                style,
            ))?;
        }
        for y in self.yticks(pen).0 {
            let v = self.local(1.0, y).1.round() as i32;
            area.draw(&PathElement::new(
                vec![(0, v), (w.round() as i32, v)],
                style,
            ))?;
        }
        Ok(())
    }

    fn draw_decorations(&self, pen: Pen, area: &Area) -> DrawResult {
        let r = self.rect;
        let line = pen.stroke(style::BLACK, style::AXES_LINE_WIDTH);
        let at = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
        area.draw(&PathElement::new(
            vec![
                at(r.left, r.top),
                at(r.right, r.top),
                at(r.right, r.bottom),
                at(r.left, r.bottom),
                at(r.left, r.top),
            ],
            line,
        ))?;
        let tick = pen.px(style::TICK_LENGTH);
        let gap = pen.px(style::TICK_LENGTH + style::TICK_PAD);

        let (xticks, xlabels) = self.xticks(pen);
        for (x, label) in xticks.iter().zip(xlabels) {
            let u = r.left + self.local(*x, 1.0).0;
            area.draw(&PathElement::new(
                vec![at(u, r.bottom), at(u, r.bottom + tick)],
                line,
            ))?;
            pen.text(
                area,
                &label,
                (u, r.bottom + gap),
                (Align::Center, VAlign::Top),
                style::FONT_SIZE,
                false,
            )?;
        }
        let (yticks, ylabels) = self.yticks(pen);
        for (y, label) in yticks.iter().zip(&ylabels) {
            let v = r.top + self.local(1.0, *y).1;
            area.draw(&PathElement::new(
                vec![at(r.left - tick, v), at(r.left, v)],
                line,
            ))?;
            pen.text(
                area,
                label,
                (r.left - gap, v),
                (Align::Right, VAlign::Center),
                style::FONT_SIZE,
                false,
            )?;
        }

        let em = pen.px(style::FONT_SIZE);
        let xlabel_top = r.bottom + gap + em + pen.px(style::LABEL_PAD);
        pen.text(
            area,
            &self.xlabel,
            ((r.left + r.right) / 2.0, xlabel_top),
            (Align::Center, VAlign::Top),
            style::FONT_SIZE,
            false,
        )?;
        let widest = ylabels
            .iter()
            .map(|l| pen.text_width(l, style::FONT_SIZE))
            .fold(0.0, f64::max);
        // The label reads upwards; its descenders face the tick labels.
        let ylabel_right = r.left - gap - widest - pen.px(style::LABEL_PAD);
        pen.text(
            area,
            &self.ylabel,
            (ylabel_right - em, (r.top + r.bottom) / 2.0),
            (Align::Center, VAlign::Top),
            style::FONT_SIZE,
            true,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_limits_add_five_percent() {
        assert_eq!(auto_limits([0.0, 10.0, f64::NAN]), (-0.5, 10.5));
    }

    #[test]
    fn pixels_map_limits_to_the_plot_area_edges() {
        let canvas = Canvas::new(crate::render::Size::DEFAULT);
        let axes = Axes::new(&canvas, (-2.0, 2.0), (-2.0, 2.0));
        assert_eq!(axes.pixel(-2.0, 2.0), Some((0, 0)));
        let (w, h) = (
            axes.rect.width().round() as i32,
            axes.rect.height().round() as i32,
        );
        assert_eq!(axes.pixel(2.0, -2.0), Some((w, h)));
        assert_eq!(axes.pixel(f64::NAN, 0.0), None);
        assert_eq!(
            axes.polyline([(0.0, 0.0), (f64::INFINITY, 1.0), (1.0, 1.0)])
                .len(),
            0
        );
    }

    #[test]
    fn a_polyline_is_cut_at_the_edges_of_the_plot() {
        let canvas = Canvas::new(crate::render::Size::DEFAULT);
        let axes = Axes::new(&canvas, (0.0, 10.0), (0.0, 10.0));
        let (w, h) = (
            axes.rect.width().round() as i32,
            axes.rect.height().round() as i32,
        );
        let px = |x: f64, y: f64| axes.pixel(x, y).unwrap();
        // Inside: the points as they are.
        let inside = [(1.0, 1.0), (2.0, 5.0), (9.0, 9.0)];
        assert_eq!(
            axes.polyline(inside),
            [inside.map(|(x, y)| px(x, y)).to_vec()]
        );
        // Out through the top at x = 5 and back in at x = 7: two pieces,
        // ending and starting on the edge, nothing drawn along it.
        let pieces = axes.polyline([(4.0, 8.0), (6.0, 12.0), (8.0, 8.0)]);
        assert_eq!(
            pieces,
            [
                vec![px(4.0, 8.0), px(5.0, 10.0)],
                vec![px(7.0, 10.0), px(8.0, 8.0)]
            ]
        );
        assert_eq!(pieces[0][1].1, 0);
        // A segment that crosses the whole plot from outside to outside.
        assert_eq!(
            axes.polyline([(-10.0, 5.0), (20.0, 5.0)]),
            [vec![(0, px(0.0, 5.0).1), (w, px(0.0, 5.0).1)]]
        );
        // One that misses it, and a huge but finite value.
        assert!(axes.polyline([(-1.0, 11.0), (11.0, 13.0)]).is_empty());
        assert_eq!(
            axes.polyline([(5.0, 5.0), (5.0, -1e300)]),
            [vec![px(5.0, 5.0), (px(5.0, 0.0).0, h)]]
        );
    }
}
