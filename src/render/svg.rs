//! The SVG a figure is written as: glyphs as paths by default, or its text
//! kept as `<text>` elements that name the embedded fonts first.

use super::font::{self, Fonts};
use super::raster;
use anyhow::Result;
use resvg::usvg;

/// Decimal places of the coordinates written: the drawing is in internal
/// pixels ([`super::canvas::SUPERSAMPLE`] to an output pixel), so two
/// places are a 400th of a pixel.
const COORDINATES_PRECISION: u8 = 2;
/// Decimal places of transforms (scales of 1/4 and glyph sizes).
const TRANSFORMS_PRECISION: u8 = 5;

/// `svg` rewritten with every glyph drawn as a path, as the rasterizer lays
/// it out with the embedded fonts (matplotlib's `svg.fonttype: path`): it
/// looks the same in every viewer and needs no font.
pub fn paths(svg: &str, fonts: &Fonts) -> Result<String> {
    let tree = raster::tree(svg, fonts)?;
    let options = usvg::WriteOptions {
        preserve_text: false,
        coordinates_precision: COORDINATES_PRECISION,
        transforms_precision: TRANSFORMS_PRECISION,
        indent: usvg::Indent::None,
        attributes_indent: usvg::Indent::None,
        ..usvg::WriteOptions::default()
    };
    Ok(tree.to_string(&options))
}

/// `svg` with its text kept, each `font-family` naming the embedded fonts
/// in the order they are tried, then the generic family ([`families`]).
/// Only attributes inside tags change: the text itself, whose `<` and `>`
/// the canvas escapes, is left as it is.
pub fn with_text(svg: &str, fonts: &Fonts) -> String {
    let attribute = format!(r#" font-family="{}""#, font::FAMILY);
    let named = format!(r#" font-family="{}""#, families(fonts));
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    for (i, piece) in svg.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        match piece.find('>') {
            Some(end) => {
                out.push_str(&piece[..end].replace(&attribute, &named));
                out.push_str(&piece[end..]);
            }
            None => out.push_str(piece),
        }
    }
    out
}

/// The font-family list of an SVG with text: each font of `fonts` by its
/// family name, in the order they are tried, then the generic `sans-serif`,
/// which any viewer has.
pub fn families(fonts: &Fonts) -> String {
    let mut names: Vec<&str> = Vec::new();
    for name in fonts.families() {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.push(font::FAMILY);
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_family_list_names_the_embedded_font_first() {
        let list = families(&Fonts::default());
        assert_eq!(list, "DejaVu Sans, Noto Sans CJK JP, sans-serif");
    }

    #[test]
    fn only_attributes_get_the_family_list() {
        let svg =
            r#"<text font-family="sans-serif" x="1">a font-family="sans-serif" &lt;b&gt;</text>"#;
        let expected = format!(
            r#"<text font-family="{}" x="1">a font-family="sans-serif" &lt;b&gt;</text>"#,
            families(&Fonts::default())
        );
        assert_eq!(with_text(svg, &Fonts::default()), expected);
    }
}
