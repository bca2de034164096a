//! An annotated heatmap (matplotlib's `imshow` with each value written in its
//! cell): a diverging colour map centred on zero, row and column indices,
//! and a title.

use super::canvas::{Align, Area, DrawResult, Pen, Rect, VAlign};
use super::style;
use plotters::element::{PathElement, Rectangle};
use plotters::style::{Color, RGBColor};

/// The ends and middle of the diverging map (matplotlib's coolwarm).
const COLD: (f64, f64, f64) = (59.0, 76.0, 192.0);
const MID: (f64, f64, f64) = (221.0, 221.0, 221.0);
const HOT: (f64, f64, f64) = (180.0, 4.0, 38.0);

/// The colour of `v` on a scale from −`limit` (cold) to +`limit` (hot).
pub fn diverging(v: f64, limit: f64) -> RGBColor {
    let t = if limit > 0.0 && v.is_finite() {
        (v / limit).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let (a, b, s) = if t < 0.0 {
        (MID, COLD, -t)
    } else {
        (MID, HOT, t)
    };
    let mix = |x: f64, y: f64| (x + (y - x) * s).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Draws `values` (rows of equal length) into `rect`, each cell coloured and
/// labelled with `label(value)`, with `title` above.
pub fn draw(
    pen: Pen,
    area: &Area,
    rect: Rect,
    values: &[Vec<f64>],
    title: &str,
    label: impl Fn(f64) -> String,
) -> DrawResult {
    let rows = values.len();
    let cols = values.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return Ok(());
    }
    let limit = values
        .iter()
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0f64, |m, v| m.max(v.abs()));
    let (cw, ch) = (rect.width() / cols as f64, rect.height() / rows as f64);
    let at = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    let font = style::FONT_SIZE;
    for (i, row) in values.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let (x0, y0) = (rect.left + j as f64 * cw, rect.top + i as f64 * ch);
            let fill = diverging(v, limit);
            area.draw(&Rectangle::new(
                [at(x0, y0), at(x0 + cw, y0 + ch)],
                fill.filled(),
            ))?;
            let luminance = 0.299 * fill.0 as f64 + 0.587 * fill.1 as f64 + 0.114 * fill.2 as f64;
            let ink = if luminance < 128.0 {
                style::WHITE
            } else {
                style::BLACK
            };
            pen.text_colored(
                area,
                &label(v),
                (x0 + cw / 2.0, y0 + ch / 2.0),
                (Align::Center, VAlign::Center),
                font,
                ink,
            )?;
        }
    }
    let line = pen.stroke(style::BLACK, style::AXES_LINE_WIDTH);
    let corners = [
        at(rect.left, rect.top),
        at(rect.right, rect.top),
        at(rect.right, rect.bottom),
        at(rect.left, rect.bottom),
        at(rect.left, rect.top),
    ];
    area.draw(&PathElement::new(corners.to_vec(), line))?;
    let gap = pen.px(style::TICK_PAD);
    for j in 0..cols {
        let x = rect.left + (j as f64 + 0.5) * cw;
        pen.text(
            area,
            &j.to_string(),
            (x, rect.bottom + gap),
            (Align::Center, VAlign::Top),
            font,
            false,
        )?;
    }
    for i in 0..rows {
        let y = rect.top + (i as f64 + 0.5) * ch;
        pen.text(
            area,
            &i.to_string(),
            (rect.left - gap, y),
            (Align::Right, VAlign::Center),
            font,
            false,
        )?;
    }
    let title_size = style::pt(12.0);
    pen.text(
        area,
        title,
        (
            (rect.left + rect.right) / 2.0,
            rect.top - gap - pen.px(title_size),
        ),
        (Align::Center, VAlign::Top),
        title_size,
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_is_the_middle_and_the_limits_are_the_ends() {
        assert_eq!(diverging(0.0, 1.0), RGBColor(221, 221, 221));
        assert_eq!(diverging(-2.0, 1.0), RGBColor(59, 76, 192));
        assert_eq!(diverging(1.0, 1.0), RGBColor(180, 4, 38));
        assert_eq!(diverging(f64::NAN, 1.0), RGBColor(221, 221, 221));
    }
}
