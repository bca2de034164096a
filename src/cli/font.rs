//! `--font FILE`, or `FILE#N` for face N of a collection (TTC): read and
//! checked while the command line is parsed, so that a file that is not a
//! font is refused before any work.

use crate::output::file::describe;
use crate::render::font::UserFont;
use std::io::Read;
use std::path::Path;

/// The largest font file read, 256 MiB: the largest CJK collections are
/// about 100 MiB.
const MAX_BYTES: u64 = 256 << 20;

/// `--font`'s value: a font file, or `FILE#N` for face N of a collection
/// when no file is named `FILE#N`.
pub fn parse_font(s: &str) -> Result<UserFont, String> {
    let (path, index) = split(s);
    let data = read(Path::new(path)).map_err(|why| format!("cannot read it: {why}"))?;
    UserFont::load(data, index).map_err(|e| e.to_string())
}

/// The file and the face index of `FILE#N`; `s` itself and 0 if a file is
/// named `s` or `s` does not end in `#` and digits.
fn split(s: &str) -> (&str, u32) {
    if !Path::new(s).exists() {
        if let Some((file, n)) = s.rsplit_once('#') {
            if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(index) = n.parse() {
                    return (file, index);
                }
            }
        }
    }
    (s, 0)
}

/// The file's bytes, at most [`MAX_BYTES`].
fn read(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| describe(&e))?;
    let mut data = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(|e| describe(&e))?;
    if data.len() as u64 > MAX_BYTES {
        return Err(format!("it is larger than {} MiB", MAX_BYTES >> 20));
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_hash_and_digits_name_a_face_of_a_collection() {
        assert_eq!(
            split("fonts/NotoSansCJK.ttc#2"),
            ("fonts/NotoSansCJK.ttc", 2)
        );
        assert_eq!(split("a#b.ttf"), ("a#b.ttf", 0));
        assert_eq!(split("font.ttf#"), ("font.ttf#", 0));
        assert_eq!(split("font.ttf#+1"), ("font.ttf#+1", 0));
        assert_eq!(split("font.ttf#99999999999"), ("font.ttf#99999999999", 0));
    }

    #[test]
    fn a_file_named_with_a_hash_and_digits_is_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("font#1");
        std::fs::write(&path, b"").unwrap();
        let s = path.to_str().unwrap();
        assert_eq!(split(s), (s, 0));
    }
}
