//! The image formats a figure can be drawn in.

use std::path::Path;

/// The image formats a figure can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

impl Format {
    /// The file extension, without the dot; also the format's name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }

    /// The format named by the path's extension, `.png` or `.svg` (any
    /// case), or `None` for any other name.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("png") => Some(Format::Png),
            Some("svg") => Some(Format::Svg),
            _ => None,
        }
    }
}
