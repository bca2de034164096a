//! The one font every figure uses, embedded in the binary.
//!
//! DejaVu Sans (matplotlib's default font), from the `dejavu` crate; its
//! licence (Bitstream Vera / public-domain DejaVu changes) is in README.md.

use std::sync::{Arc, OnceLock};

/// The family name written into the SVG and looked up by resvg.
pub const FAMILY: &str = "sans-serif";

/// The font file's bytes.
pub fn bytes() -> &'static [u8] {
    dejavu::sans::regular()
}

/// Registers the font with plotters for text layout; idempotent.
pub fn register() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, bytes())
            .unwrap_or_else(|_| unreachable!("the embedded DejaVu Sans is a valid font"));
    });
}

/// One font database for resvg, parsed once per process and shared by every
/// figure, with the embedded font as its only font and as `sans-serif`.
pub fn database() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(bytes().to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// The advance width of `text` in pixels at an em of `em_px` pixels, with
/// kerning, as the rasterizer will lay it out.
pub fn text_width(text: &str, em_px: f64) -> f64 {
    use ab_glyph::Font;
    static FONT: OnceLock<ab_glyph::FontRef<'static>> = OnceLock::new();
    let font = FONT.get_or_init(|| {
        ab_glyph::FontRef::try_from_slice(bytes())
            .unwrap_or_else(|_| unreachable!("the embedded DejaVu Sans is a valid font"))
    });
    let units_per_em = font.units_per_em().unwrap_or(2048.0) as f64;
    let mut width = 0.0f64;
    let mut prev = None;
    for c in text.chars() {
        let glyph = font.glyph_id(c);
        if let Some(p) = prev {
            width += font.kern_unscaled(p, glyph) as f64;
        }
        width += font.h_advance_unscaled(glyph) as f64;
        prev = Some(glyph);
    }
    width * em_px / units_per_em
}
