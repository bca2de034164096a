//! A font the user gives (`--font`): one face of a TTF, OTF or TTC file,
//! put before the embedded fonts.

use super::Face;
use std::sync::Mutex;

/// A face of a font file, kept for the rest of the process: a font given
/// again (the same bytes and face) is the one already kept.
#[derive(Clone, Copy)]
pub struct UserFont(&'static Face);

/// Why a file's bytes are not a font face.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidFont {
    #[error("not a font file (TTF, OTF or TTC)")]
    NotAFont,
    #[error("the file has one font, not a collection: give it without #{index}")]
    NotACollection { index: u32 },
    #[error("the collection has {count} fonts: #0 to #{}", .count - 1)]
    NoSuchFace { index: u32, count: u32 },
}

impl UserFont {
    /// Face `index` of the font file `data` (0 for a TTF or OTF; a TTC's
    /// faces count from 0).
    pub fn load(data: Vec<u8>, index: u32) -> Result<UserFont, InvalidFont> {
        static KEPT: Mutex<Vec<&'static Face>> = Mutex::new(Vec::new());
        match collection_size(&data) {
            Some(0) => return Err(InvalidFont::NotAFont),
            Some(count) if index >= count => return Err(InvalidFont::NoSuchFace { index, count }),
            None if index > 0 => return Err(InvalidFont::NotACollection { index }),
            _ => {}
        }
        ab_glyph::FontRef::try_from_slice_and_index(&data, index)
            .map_err(|_| InvalidFont::NotAFont)?;
        let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
        let same = |f: &&&'static Face| {
            use ab_glyph::Font;
            f.info.0.index == index && f.font.font_data() == data.as_slice()
        };
        if let Some(face) = kept.iter().find(same) {
            return Ok(UserFont(face));
        }
        let data: &'static [u8] = Vec::leak(data);
        let face = Face::parse(data, index).ok_or(InvalidFont::NotAFont)?;
        let face: &'static Face = Box::leak(Box::new(face));
        kept.push(face);
        Ok(UserFont(face))
    }

    /// The face, parsed.
    pub fn face(&self) -> &'static Face {
        self.0
    }
}

/// How many faces a font collection (TTC) holds, from its header; `None`
/// if `data` is not a collection.
fn collection_size(data: &[u8]) -> Option<u32> {
    match data {
        [b't', b't', b'c', b'f', _, _, _, _, a, b, c, d, ..] => {
            Some(u32::from_be_bytes([*a, *b, *c, *d]))
        }
        _ => None,
    }
}

impl PartialEq for UserFont {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::fmt::Debug for UserFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UserFont({:?})", self.0)
    }
}
