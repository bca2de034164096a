//! The image formats a figure can be drawn in.

use std::path::Path;

/// Dots per inch at which a figure's `--size` is its size in pixels:
/// matplotlib's `figure.dpi` and `savefig.dpi`. A figure is `--size` / 100
/// inches (640×480 is 6.4×4.8 in, a PDF page of 460.8×345.6 pt).
pub const DEFAULT_DPI: f64 = 100.0;

/// The image formats a figure can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    /// SVG with every glyph drawn as a path: it looks the same everywhere
    /// and needs no font (matplotlib's `svg.fonttype: path`).
    Svg,
    /// SVG with its text as `<text>` elements, to edit; the font-family
    /// list names the embedded fonts first (`--svg-text`).
    SvgText,
    /// Vector PDF with the fonts embedded as subsets, the text selectable.
    Pdf,
}

impl Format {
    /// The formats a user names, by their names, as messages list them:
    /// "png, svg or pdf".
    pub const NAMES: &'static str = "png, svg or pdf";

    /// The file extension, without the dot; also the format's name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg | Format::SvgText => "svg",
            Format::Pdf => "pdf",
        }
    }

    /// The format named `name` (any case): png, svg or pdf.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The format named by the path's extension, `.png`, `.svg` or `.pdf`
    /// (any case), or `None` for any other name.
    pub fn from_path(path: &Path) -> Option<Format> {
        Format::from_name(path.extension()?.to_str()?)
    }

    /// Whether the format is an SVG, with or without text.
    pub fn is_svg(self) -> bool {
        matches!(self, Format::Svg | Format::SvgText)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_named_by_extension_in_any_case() {
        assert_eq!(Format::from_path(Path::new("a.PDF")), Some(Format::Pdf));
        assert_eq!(Format::from_path(Path::new("a.svg")), Some(Format::Svg));
        assert_eq!(Format::from_path(Path::new("a.Png")), Some(Format::Png));
        assert_eq!(Format::from_path(Path::new("a.jpg")), None);
        assert_eq!(Format::from_path(Path::new("pdf")), None);
        assert_eq!(Format::SvgText.extension(), "svg");
    }
}
