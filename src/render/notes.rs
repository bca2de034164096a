//! Notes inside a plot, put where no line runs: each note has a preferred
//! spot and takes the first place near it that no line crosses and no
//! legend or earlier note covers; a note that finds none is left out rather
//! than drawn over the data.

use super::canvas::{Align, Area, DrawResult, Pen, Rect, VAlign};
use super::{place, style};

/// Where a note would like to be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spot {
    /// Near the top-left corner, in the left half.
    TopLeft,
    /// Near the top-right corner, in the right half if there is room, else
    /// anywhere.
    TopRight,
    /// Reading upwards beside the vertical line at x (canvas pixels), on
    /// either side, as high as there is room.
    Beside(f64),
}

/// A note: its text, with shorter forms to fall back on, and its spot.
#[derive(Debug, Clone)]
pub struct Note {
    pub texts: Vec<String>,
    pub spot: Spot,
}

/// A note that found its place: the box it fills, in canvas pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub text: String,
    pub rect: Rect,
    pub vertical: bool,
}

/// Places `notes` in order inside the plot `r` clear of `lines` (canvas
/// pixels) and of the boxes `taken` (a legend). Horizontal notes also keep
/// clear of the vertical lines that `Spot::Beside` notes follow.
pub fn place_all(
    pen: Pen,
    r: Rect,
    lines: &[Vec<(f64, f64)>],
    mut taken: Vec<Rect>,
    notes: &[Note],
) -> Vec<Placed> {
    let height = pen.px(style::FONT_SIZE) * 1.1;
    let (pad, step) = (pen.px(4.0), pen.px(2.0));
    let mut across = lines.to_vec();
    for n in notes {
        if let Spot::Beside(x) = n.spot {
            across.push(vec![(x, r.top), (x, r.bottom)]);
        }
    }
    let rows = move |len: f64| {
        (0..)
            .map(move |i| r.top + pad + i as f64 * step)
            .take_while(move |y| y + len < r.bottom)
    };
    let columns = move |from: f64, to: f64| {
        let n = ((to - from) / step).abs().ceil() as usize;
        (0..=n).map(move |i| from + (to - from) * i as f64 / n.max(1) as f64)
    };
    let boxed = |left: f64, top: f64, w: f64, h: f64| Rect {
        left,
        top,
        right: left + w,
        bottom: top + h,
    };
    let mut placed = Vec::new();
    for note in notes {
        for text in &note.texts {
            let w = pen.text_width(text, style::FONT_SIZE);
            let middle = (r.left + r.right) / 2.0;
            let candidates: Vec<Rect> = match note.spot {
                Spot::TopLeft => rows(height)
                    .flat_map(|y| {
                        columns(r.left + pad, middle - w).map(move |x| boxed(x, y, w, height))
                    })
                    .collect(),
                Spot::TopRight => [middle, r.left + pad]
                    .into_iter()
                    .flat_map(|end| {
                        rows(height).flat_map(move |y| {
                            columns(r.right - pad - w, end).map(move |x| boxed(x, y, w, height))
                        })
                    })
                    .collect(),
                Spot::Beside(x) => {
                    let sides = [x - pen.px(3.0) - height, x + pen.px(3.0)];
                    rows(w)
                        .flat_map(|y| sides.map(|left| boxed(left, y, height, w)))
                        .collect()
                }
            };
            // A note along a line may sit closer to the data.
            let vertical = matches!(note.spot, Spot::Beside(_));
            let (obstacles, margin) = if vertical {
                (lines, pen.px(4.0))
            } else {
                (&across[..], pen.px(6.0))
            };
            let found = place::first_free(candidates, &r, obstacles, &taken, margin, step);
            if let Some(rect) = found {
                taken.push(rect);
                placed.push(Placed {
                    text: text.clone(),
                    rect,
                    vertical,
                });
                break;
            }
        }
    }
    placed
}

/// Draws the placed notes, each filling its box (a vertical one reads
/// upwards from the bottom of its box).
pub fn draw(pen: Pen, area: &Area, notes: &[Placed]) -> DrawResult {
    for n in notes {
        let r = n.rect;
        let at = if n.vertical {
            (r.left, r.bottom)
        } else {
            (r.left, r.top)
        };
        let anchor = (Align::Left, VAlign::Top);
        pen.text(area, &n.text, at, anchor, style::FONT_SIZE, n.vertical)?;
    }
    Ok(())
}
