//! SVG to PDF: vector, one page of the figure's size in inches (pixels /
//! [`DEFAULT_DPI`], as matplotlib's `savefig`), its text real text in the
//! embedded fonts, each embedded as the subset of glyphs the page uses, so
//! it can be selected and searched.
//!
//! svg2pdf (the typst project's converter) reads its own version of usvg's
//! tree, so the SVG is parsed once more for it, with the faces of the
//! figure's fonts ([`Fonts::sources`]) in a database of that version and the
//! same font resolver: the fonts are the same bytes, laid out by the same
//! rules.

mod canonical;

use super::{font::Fonts, DEFAULT_DPI};
use anyhow::{anyhow, Context, Result};
use std::sync::Arc;
use svg2pdf::usvg;

/// `svg`, drawn at its `width` × `height` in pixels, as a one-page PDF of
/// `width` / 100 × `height` / 100 inches. The same bytes on every run: no
/// dates, no random identifiers, and objects in one order ([`canonical`]).
pub fn pdf(svg: &str, fonts: &Fonts) -> Result<Vec<u8>> {
    let db = database(fonts.sources(svg));
    let options = usvg::Options {
        font_family: fonts.families()[0].to_string(),
        fontdb: Arc::new(db),
        // The resolver of `Fonts::usvg_options`: the first face for every
        // text, then the next unused face of the chain.
        font_resolver: usvg::FontResolver {
            select_font: Box::new(|_, db| db.faces().next().map(|f| f.id)),
            select_fallback: Box::new(|_, used, db| {
                db.faces().map(|f| f.id).find(|id| !used.contains(id))
            }),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).context("the generated SVG did not parse")?;
    let page = svg2pdf::PageOptions {
        dpi: DEFAULT_DPI as f32,
    };
    let pdf = svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
        .map_err(|e| anyhow!("converting the figure to PDF: {e}"))?;
    canonical::canonical(&pdf).context("putting the PDF in canonical form")
}

/// The faces `sources` names (a file's bytes and a face index), in order,
/// in svg2pdf's version of the font database.
fn database(sources: Vec<(&'static [u8], u32)>) -> usvg::fontdb::Database {
    let mut db = usvg::fontdb::Database::new();
    for (data, index) in sources {
        // A collection's file holds all its faces: only the one asked for.
        let mut file = usvg::fontdb::Database::new();
        file.load_font_source(usvg::fontdb::Source::Binary(Arc::new(data)));
        let face = file.faces().find(|f| f.index == index).cloned();
        if let Some(face) = face {
            db.push_face_info(face);
        }
    }
    db
}
