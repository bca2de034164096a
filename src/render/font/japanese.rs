//! Noto Sans CJK JP Regular, subset to what Japanese text needs and
//! gzip-compressed in the binary: kana, JIS X 0208's symbols and its kanji
//! of levels 1 and 2, CJK symbols and punctuation, full- and half-width
//! forms, less every character DejaVu Sans has (6,897 characters, 1.5 MB,
//! 1.3 MB compressed). `python/fonts/subset_japanese.py` writes the asset
//! from Debian's fonts-noto-cjk and prints its SHA-256.

use super::Face;
use std::io::Read;
use std::sync::OnceLock;

/// The font's family name.
pub const FAMILY: &str = "Noto Sans CJK JP";

/// The compressed font file.
pub const GZIPPED: &[u8] =
    include_bytes!("../../../assets/fonts/NotoSansCJKjp-Regular-subset.otf.gz");

/// The font file, decompressed on first use and kept for the process.
pub fn bytes() -> &'static [u8] {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    FONT.get_or_init(|| {
        let mut font = Vec::new();
        flate2::read::GzDecoder::new(GZIPPED)
            .read_to_end(&mut font)
            .unwrap_or_else(|_| unreachable!("the embedded Japanese font is valid gzip"));
        font
    })
}

/// The font, parsed once per process.
pub fn face() -> &'static Face {
    static FACE: OnceLock<Face> = OnceLock::new();
    FACE.get_or_init(|| {
        Face::parse(bytes(), 0)
            .unwrap_or_else(|| unreachable!("the embedded Japanese font is a valid font"))
    })
}
