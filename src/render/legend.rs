//! A legend in matplotlib's style: a white, slightly transparent box with a
//! light grey edge in a corner of the axes, one line sample and label per entry.

use super::canvas::{Align, Area, DrawResult, Pen, Rect, VAlign};
use super::style;
use plotters::element::{DashedPathElement, PathElement, Rectangle};
use plotters::style::{Color, RGBColor};

/// One entry: a line of `color` and its label.
#[derive(Debug, Clone)]
pub struct Entry {
    pub label: String,
    pub color: RGBColor,
}

/// Where in the axes the legend sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    UpperLeft,
    UpperRight,
    LowerLeft,
    LowerRight,
}

/// `legend.edgecolor` 0.8 grey.
const EDGE: RGBColor = RGBColor(0xcc, 0xcc, 0xcc);

/// How an entry's line sample is drawn: as its line in the plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Line {
    #[default]
    Solid,
    /// `'--'`, with [`style::DASHES`].
    Dashed,
}

/// The legend's box in canvas pixels, inside `axes` (the plot area).
pub fn bounds(pen: Pen, axes: Rect, entries: &[Entry], corner: Corner) -> Rect {
    let em = pen.px(style::FONT_SIZE);
    // matplotlib's spacings, in font sizes: borderaxespad 0.5, borderpad 0.4,
    // handlelength 2, handletextpad 0.8, labelspacing 0.5.
    let widest = entries
        .iter()
        .map(|e| pen.text_width(&e.label, style::FONT_SIZE))
        .fold(0.0, f64::max);
    let width = (0.4 + 2.0 + 0.8 + 0.4) * em + widest;
    let row = 1.5 * em;
    let height = 0.8 * em + row * entries.len() as f64 - 0.5 * em;
    let pad = 0.5 * em;
    let left = match corner {
        Corner::UpperLeft | Corner::LowerLeft => axes.left + pad,
        Corner::UpperRight | Corner::LowerRight => axes.right - pad - width,
    };
    let top = match corner {
        Corner::UpperLeft | Corner::UpperRight => axes.top + pad,
        Corner::LowerLeft | Corner::LowerRight => axes.bottom - pad - height,
    };
    Rect {
        left,
        top,
        right: left + width,
        bottom: top + height,
    }
}

/// Draws the legend inside `axes` (the plot area, in canvas pixels).
pub fn draw(pen: Pen, area: &Area, axes: Rect, entries: &[Entry], corner: Corner) -> DrawResult {
    let lines = vec![Line::Solid; entries.len()];
    draw_lines(pen, area, axes, entries, &lines, corner)
}

/// [`draw`] with the line of each entry drawn as `lines` says (solid where
/// `lines` is shorter than `entries`).
pub fn draw_lines(
    pen: Pen,
    area: &Area,
    axes: Rect,
    entries: &[Entry],
    lines: &[Line],
    corner: Corner,
) -> DrawResult {
    if entries.is_empty() {
        return Ok(());
    }
    let em = pen.px(style::FONT_SIZE);
    let row = 1.5 * em;
    let b = bounds(pen, axes, entries, corner);
    let (left, top, width, height) = (b.left, b.top, b.width(), b.height());
    let at = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    let corners = [at(left, top), at(left + width, top + height)];
    area.draw(&Rectangle::new(corners, style::WHITE.mix(0.8).filled()))?;
    area.draw(&Rectangle::new(
        corners,
        pen.stroke(EDGE, style::AXES_LINE_WIDTH),
    ))?;
    for (i, e) in entries.iter().enumerate() {
        let y = top + 0.4 * em + 0.5 * em + i as f64 * row;
        let x0 = left + 0.4 * em;
        let line = pen.stroke(e.color, style::LINE_WIDTH);
        let sample = vec![at(x0, y), at(x0 + 2.0 * em, y)];
        match lines.get(i).copied().unwrap_or_default() {
            Line::Solid => area.draw(&PathElement::new(sample, line))?,
            Line::Dashed => {
                let (on, off) = (pen.px(style::DASHES.0), pen.px(style::DASHES.1));
                area.draw(&DashedPathElement::new(sample, on as u32, off as u32, line))?
            }
        }
        pen.text(
            area,
            &e.label,
            (x0 + 2.8 * em, y),
            (Align::Left, VAlign::Center),
            style::FONT_SIZE,
            false,
        )?;
    }
    Ok(())
}
