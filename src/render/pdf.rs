//! SVG to PDF: vector, one page of the figure's size in inches (pixels /
//! [`DEFAULT_DPI`], as matplotlib's `savefig`), its text real text in the
//! embedded fonts, each embedded as the subset of glyphs the page uses, so
//! it can be selected and searched.
//!
//! svg2pdf (the typst project's converter) reads its own version of usvg's
//! tree, so the SVG is parsed once more for it, with the faces of
//! [`font::database`] copied into a database of that version: the fonts
//! are the same bytes, laid out by the same rules.

use super::{font, DEFAULT_DPI};
use anyhow::{anyhow, Context, Result};
use std::sync::{Arc, OnceLock};
use svg2pdf::usvg;

/// `svg`, drawn at its `width` × `height` in pixels, as a one-page PDF of
/// `width` / 100 × `height` / 100 inches. The same bytes on every run: no
/// dates, no random identifiers.
pub fn pdf(svg: &str) -> Result<Vec<u8>> {
    let options = usvg::Options {
        fontdb: database(),
        font_family: font::database()
            .family_name(&resvg::usvg::fontdb::Family::SansSerif)
            .to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).context("the generated SVG did not parse")?;
    let page = svg2pdf::PageOptions {
        dpi: DEFAULT_DPI as f32,
    };
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
        .map_err(|e| anyhow!("converting the figure to PDF: {e}"))
}

/// The faces of [`font::database`] in svg2pdf's version of the font
/// database, in the same order, built once per process.
fn database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let ours = font::database();
        let mut db = usvg::fontdb::Database::new();
        // A font collection's file holds all its faces: loaded once, with
        // its first.
        for face in ours.faces().filter(|face| face.index == 0) {
            ours.with_face_data(face.id, |data, _| db.load_font_data(data.to_vec()));
        }
        db.set_sans_serif_family(ours.family_name(&resvg::usvg::fontdb::Family::SansSerif));
        Arc::new(db)
    })
    .clone()
}
