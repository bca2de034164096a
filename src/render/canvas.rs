//! The drawing surface of one figure: plotters' SVG backend at a supersampled
//! scale, in layers, some clipped to a plot area.

use super::{font, style};
use plotters::prelude::*;
use plotters::style::text_anchor::{Pos, VPos};
use plotters::style::FontTransform;
use std::fmt::Write as _;

/// Internal pixels per output pixel. plotters rounds coordinates to whole
/// pixels; drawing at 4× and scaling down keeps curves smooth.
pub const SUPERSAMPLE: f64 = 4.0;

/// A drawing area of plotters' SVG backend in internal pixels.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
/// What drawing on an [`Area`] returns.
pub type DrawResult = Result<(), DrawingAreaErrorKind<std::io::Error>>;

pub use super::view::{Size, View};

/// A rectangle in internal pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// Horizontal alignment of a text to its anchor point.
pub use plotters::style::text_anchor::HPos as Align;

/// Vertical placement of a text relative to its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    /// The top of the capitals and digits is at the anchor.
    Top,
    /// The middle of the capitals and digits is at the anchor.
    Center,
    /// The baseline is at the anchor.
    Baseline,
}

/// DejaVu Sans' cap height, in em.
const CAP_HEIGHT: f64 = 0.729;
/// Where plotters' SVG backend puts the baseline for `VPos::Top`: 0.76 em
/// below the anchor (`dy="0.76em"`).
const PLOTTERS_TOP_DY: f64 = 0.76;
/// plotters writes `font-size = size / 1.24` into the SVG.
const PLOTTERS_FONT_RATIO: f64 = 1.24;

/// One figure being drawn. Layers are drawn in order; each is a complete
/// plotters SVG document whose body is nested into the final SVG, which
/// lets a layer be clipped to a plot area (a nested `<svg>` clips).
pub struct Canvas {
    size: Size,
    pen: Pen,
    view: View,
    layers: String,
}

/// Turns output-pixel sizes into plotters styles and places text, at the
/// canvas' internal scale. Cheap to copy into drawing closures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pen {
    k: f64,
    fonts: font::Fonts,
}

/// `axes.titlesize`: 12 pt ("large").
const TITLE_SIZE: f64 = style::pt(12.0);
/// `axes.titlepad`: 6 pt between the plot and its title's baseline.
const TITLE_PAD: f64 = style::pt(6.0);

impl Canvas {
    pub fn new(size: Size) -> Self {
        Self::with_view(size, View::default())
    }

    /// A canvas whose figure is drawn with the user's `view`.
    pub fn with_view(size: Size, view: View) -> Self {
        font::register();
        Canvas {
            size,
            pen: Pen {
                k: SUPERSAMPLE,
                fonts: view.font,
            },
            view,
            layers: String::new(),
        }
    }

    pub fn size(&self) -> Size {
        self.size
    }

    /// The title and limits the user asked for.
    pub fn view(&self) -> &View {
        &self.view
    }

    /// Draws the view's title, if any, as matplotlib's `plt.title` does:
    /// 12 pt, centred on `centre_x`, its (last line's) baseline 6 pt above
    /// `plot_top` (internal pixels); more lines stack upwards.
    pub fn draw_title(&mut self, centre_x: f64, plot_top: f64) -> anyhow::Result<()> {
        match self.view.title.clone() {
            Some(title) => self.draw_axes_title(&title, centre_x, plot_top),
            None => Ok(()),
        }
    }

    /// Draws `title` over a plot whose top is at `plot_top`, as
    /// [`Canvas::draw_title`] draws the view's: for the panels of a figure
    /// of several, each with its own title.
    pub fn draw_axes_title(
        &mut self,
        title: &str,
        centre_x: f64,
        plot_top: f64,
    ) -> anyhow::Result<()> {
        let caps_top = plot_top - self.pen.px(TITLE_PAD) - CAP_HEIGHT * self.pen.px(TITLE_SIZE);
        let lines = title.lines().count();
        let first = caps_top - lines.saturating_sub(1) as f64 * self.title_line_step();
        self.draw_title_at(title, centre_x, first)
    }

    /// Draws the view's title, if any, as matplotlib's `fig.suptitle` does:
    /// 12 pt, centred at the top of the figure (2 % below its edge); more
    /// lines stack downwards.
    pub fn draw_suptitle(&mut self) -> anyhow::Result<()> {
        let b = self.bounds();
        match self.view.title.clone() {
            Some(title) => self.draw_title_at(&title, b.width() / 2.0, b.height() * 0.02),
            None => Ok(()),
        }
    }

    /// The distance between the baselines of two lines of a title:
    /// matplotlib's line spacing, 1.2 times the font size (20 px at 12 pt
    /// and 100 dpi, measured on matplotlib 3.11's image).
    fn title_line_step(&self) -> f64 {
        1.2 * self.pen.px(TITLE_SIZE)
    }

    /// Each line of `title` centred on `centre_x`, the first line's
    /// capitals' top at `caps_top`.
    fn draw_title_at(&mut self, title: &str, centre_x: f64, caps_top: f64) -> anyhow::Result<()> {
        let (pen, step) = (self.pen, self.title_line_step());
        self.draw(|area| {
            for (i, line) in title.lines().enumerate() {
                pen.text(
                    area,
                    line,
                    (centre_x, caps_top + i as f64 * step),
                    (Align::Center, VAlign::Top),
                    TITLE_SIZE,
                    false,
                )?;
            }
            Ok(())
        })
    }

    /// Writes `text` turned `angle` degrees counter-clockwise about its
    /// anchor `at` (internal pixels), as matplotlib's rotated text with
    /// `rotation_mode="anchor"`; `size` output pixels (em).
    pub fn draw_text_rotated(
        &mut self,
        text: &str,
        at: (f64, f64),
        angle: f64,
        (align, valign): (Align, VAlign),
        size: f64,
    ) -> anyhow::Result<()> {
        if text.is_empty() || !(at.0.is_finite() && at.1.is_finite()) {
            return Ok(());
        }
        let em = self.pen.px(size);
        let dy = match valign {
            VAlign::Top => CAP_HEIGHT,
            VAlign::Center => CAP_HEIGHT / 2.0,
            VAlign::Baseline => 0.0,
        };
        let anchor = match align {
            Align::Left => "start",
            Align::Center => "middle",
            Align::Right => "end",
        };
        let escaped = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let (x, y) = (at.0.round(), at.1.round());
        let _ = writeln!(
            self.layers,
            r##"<text x="{x}" y="{y}" dy="{dy}em" text-anchor="{anchor}" font-family="{family}" font-size="{em}" fill="#000000" transform="rotate({r} {x} {y})">{escaped}</text>"##,
            family = font::FAMILY,
            r = -angle,
        );
        Ok(())
    }

    /// The pen that draws on this canvas.
    pub fn pen(&self) -> Pen {
        self.pen
    }

    /// The whole image in internal pixels.
    pub fn bounds(&self) -> Rect {
        Rect {
            left: 0.0,
            top: 0.0,
            right: self.size.width as f64 * self.pen.k,
            bottom: self.size.height as f64 * self.pen.k,
        }
    }

    /// Draws on the whole image, unclipped, in internal pixels.
    pub fn draw(&mut self, f: impl FnOnce(&Area) -> DrawResult) -> anyhow::Result<()> {
        let body = self.render_layer(layer_size(self.bounds()), 0, f)?;
        self.layers.push_str(&body);
        Ok(())
    }

    /// Draws clipped to `rect`, with the origin of the area handed to `f` at
    /// the rectangle's top-left corner.
    pub fn draw_clipped(
        &mut self,
        rect: Rect,
        f: impl FnOnce(&Area) -> DrawResult,
    ) -> anyhow::Result<()> {
        // plotters moves every point outside its drawing area onto the area's
        // edge, which would squash an arrow or a line that leaves the plot.
        // So the layer is drawn on an area a whole plot larger on every side,
        // and the nested <svg>'s viewBox shows (and clips to) the plot alone.
        let (w, h) = layer_size(rect);
        let margin = w.max(h);
        let body = self.render_layer((w + 2 * margin, h + 2 * margin), margin as i32, f)?;
        let _ = write!(
            self.layers,
            r#"<svg x="{}" y="{}" width="{w}" height="{h}" viewBox="{margin} {margin} {w} {h}" overflow="hidden">"#,
            rect.left.round(),
            rect.top.round(),
        );
        self.layers.push_str(&body);
        self.layers.push_str("</svg>\n");
        Ok(())
    }

    /// Draws `f` on an SVG of `size` whose origin, as `f` sees it, is at
    /// (`offset`, `offset`).
    fn render_layer(
        &self,
        size: (u32, u32),
        offset: i32,
        f: impl FnOnce(&Area) -> DrawResult,
    ) -> anyhow::Result<String> {
        let mut doc = String::new();
        {
            let area = SVGBackend::with_string(&mut doc, size).into_drawing_area();
            let shifted = area.apply_coord_spec(plotters::coord::Shift((offset, offset)));
            f(&shifted).map_err(|e| anyhow::anyhow!("drawing the figure failed: {e}"))?;
            area.present()
                .map_err(|e| anyhow::anyhow!("drawing the figure failed: {e}"))?;
        }
        Ok(svg_body(&doc).to_string())
    }

    /// The finished SVG: output size in `width`/`height`, internal pixels in
    /// the `viewBox`, on a white background.
    pub fn into_svg(self) -> String {
        let size = self.size;
        self.into_svg_sized(size)
    }

    /// [`Canvas::into_svg`] with `width`/`height` of `size` (the same
    /// drawing, shown at another size: `--scale`).
    pub fn into_svg_sized(self, size: Size) -> String {
        let b = self.bounds();
        format!(
            concat!(
                r#"<svg width="{w}" height="{h}" viewBox="0 0 {vw} {vh}" xmlns="http://www.w3.org/2000/svg">"#,
                "\n",
                r##"<rect x="0" y="0" width="{vw}" height="{vh}" fill="#FFFFFF"/>"##,
                "\n{layers}</svg>\n"
            ),
            w = size.width,
            h = size.height,
            vw = b.right,
            vh = b.bottom,
            layers = self.layers
        )
    }
}

impl Pen {
    /// Internal pixels per output pixel.
    pub fn k(&self) -> f64 {
        self.k
    }

    /// `v` output pixels in internal pixels.
    pub fn px(&self, v: f64) -> f64 {
        v * self.k
    }

    /// `v` (internal pixels) moved as matplotlib's Agg renderer snaps the
    /// vertices of horizontal and vertical lines: to the nearest output
    /// pixel's centre for a line an odd number of pixels wide (rounded), to
    /// the nearest pixel edge for an even one, so that it covers whole pixels.
    pub fn snap(&self, v: f64, width: f64) -> f64 {
        let odd = (width.round() as i64) % 2 != 0;
        let out = (v / self.k + 0.5).floor() + if odd { 0.5 } else { 0.0 };
        out * self.k
    }

    /// A stroke of `width` output pixels.
    pub fn stroke(&self, color: RGBColor, width: f64) -> ShapeStyle {
        ShapeStyle {
            color: color.to_rgba(),
            filled: false,
            stroke_width: (width * self.k).round().max(1.0) as u32,
        }
    }

    /// A text style of `size` output pixels in the embedded font.
    pub fn font(&self, size: f64, color: RGBColor) -> TextStyle<'static> {
        (font::FAMILY, size * self.k * PLOTTERS_FONT_RATIO)
            .into_font()
            .color(&color)
    }

    /// Writes `text` with its anchor at `(x, y)` internal pixels, `size`
    /// output pixels tall (em), aligned as asked; `vertical` turns it to read
    /// upwards, as a y-axis label, with the vertical alignment then along x.
    pub fn text(
        &self,
        area: &Area,
        text: &str,
        at: (f64, f64),
        anchor: (Align, VAlign),
        size: f64,
        vertical: bool,
    ) -> DrawResult {
        self.place_text(area, text, at, anchor, size, vertical, style::BLACK)
    }

    /// [`Pen::text`] in another colour, never vertical.
    pub fn text_colored(
        &self,
        area: &Area,
        text: &str,
        at: (f64, f64),
        anchor: (Align, VAlign),
        size: f64,
        color: RGBColor,
    ) -> DrawResult {
        self.place_text(area, text, at, anchor, size, false, color)
    }

    #[allow(clippy::too_many_arguments)]
    fn place_text(
        &self,
        area: &Area,
        text: &str,
        (x, y): (f64, f64),
        (align, valign): (Align, VAlign),
        size: f64,
        vertical: bool,
        color: RGBColor,
    ) -> DrawResult {
        if text.is_empty() {
            return Ok(());
        }
        let em = size * self.k;
        // plotters puts the baseline 0.76 em below a `VPos::Top` anchor; shift
        // the anchor so the top or the middle of the capitals lands on it.
        let caps_above_baseline = match valign {
            VAlign::Top => CAP_HEIGHT,
            VAlign::Center => CAP_HEIGHT / 2.0,
            VAlign::Baseline => 0.0,
        };
        let drop = (caps_above_baseline - PLOTTERS_TOP_DY) * em;
        let mut style = self.font(size, color).pos(Pos::new(align, VPos::Top));
        let at = if vertical {
            style = style.transform(FontTransform::Rotate270);
            (x + drop, y)
        } else {
            (x, y + drop)
        };
        area.draw(&Text::new(
            text.to_string(),
            (at.0.round() as i32, at.1.round() as i32),
            style,
        ))
    }

    /// The width of `text` in internal pixels at `size` output pixels, in
    /// the fonts that draw it.
    pub fn text_width(&self, text: &str, size: f64) -> f64 {
        self.fonts.text_width(text, size * self.k)
    }
}

fn layer_size(rect: Rect) -> (u32, u32) {
    (
        rect.width().round().max(1.0) as u32,
        rect.height().round().max(1.0) as u32,
    )
}

/// What lies between a plotters SVG document's `<svg …>` and `</svg>`.
fn svg_body(doc: &str) -> &str {
    let start = doc
        .find("<svg")
        .and_then(|i| doc[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    let end = doc.rfind("</svg>").unwrap_or(doc.len());
    &doc[start..end.max(start)]
}

#[cfg(test)]
#[path = "canvas_tests.rs"]
mod tests;
