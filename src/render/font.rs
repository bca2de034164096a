//! The fonts a figure's text is drawn in: a chain, each character in the
//! first font of the chain that has it, as matplotlib ≥ 3.6's font fallback.
//!
//! 1. the user's font (`--font`), if any ([`UserFont`]);
//! 2. DejaVu Sans 2.37, matplotlib's default font, from the `dejavu` crate
//!    (Bitstream Vera licence, `licenses/DejaVu-Fonts-LICENSE.txt`);
//! 3. Noto Sans CJK JP Regular, subset to Japanese and compressed
//!    ([`japanese`]; SIL OFL 1.1, `licenses/OFL-1.1-NotoSansCJK.txt`),
//!    decompressed only for text with a character the fonts before it lack.
//!
//! The same rule measures text ([`Fonts::text_width`], for placing it) and
//! picks the glyphs resvg draws ([`Fonts::usvg_options`]): usvg shapes a
//! text run in the first font; while a glyph is missing it shapes the run
//! again in the next font of the chain, which then draws the whole run if it
//! has every character, else only the glyphs still missing. The Japanese
//! subset holds no character DejaVu Sans has, so with the embedded fonts
//! alone every character is drawn by the first font that has it. A
//! character no font has is drawn as the first font's missing-glyph box, and
//! [`Fonts::missing`] names it.
//!
//! plotters only writes the text into the SVG (`<text>`, aligned with
//! `text-anchor`): it never measures it, so it needs no fallback.

mod file;
pub mod japanese;

pub use file::{InvalidFont, UserFont};

use ab_glyph::{Font, GlyphId};
use resvg::usvg::{self, fontdb};
use std::sync::{Arc, OnceLock};

/// The family name written into the SVG: the figure's first font is drawn
/// whatever the SVG names ([`Fonts::usvg_options`]).
pub const FAMILY: &str = "sans-serif";

/// DejaVu Sans' file.
pub fn bytes() -> &'static [u8] {
    dejavu::sans::regular()
}

/// Registers DejaVu Sans with plotters, which wants a font for the family
/// it writes; idempotent.
pub fn register() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, bytes())
            .unwrap_or_else(|_| unreachable!("the embedded DejaVu Sans is a valid font"));
    });
}

/// One face of a font file, parsed: for measuring (ab_glyph) and for
/// resvg's font database (fontdb).
pub struct Face {
    font: ab_glyph::FontRef<'static>,
    info: Info,
}

/// fontdb's description of a face. Its source is a `dyn AsRef<[u8]>`, which
/// here is always a `&'static [u8]`: immutable, so safe to see after a panic.
struct Info(fontdb::FaceInfo);

impl std::panic::RefUnwindSafe for Info {}

impl Face {
    /// Face `index` of `data` (0 unless a collection), or `None` if it is
    /// not a face both ab_glyph and fontdb read.
    fn parse(data: &'static [u8], index: u32) -> Option<Face> {
        let font = ab_glyph::FontRef::try_from_slice_and_index(data, index).ok()?;
        let mut db = fontdb::Database::new();
        db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
        let info = Info(db.faces().find(|f| f.index == index)?.clone());
        Some(Face { font, info })
    }

    /// The glyph of `c`, 0 (`.notdef`) if the face has none.
    fn glyph(&self, c: char) -> GlyphId {
        self.font.glyph_id(c)
    }

    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.glyph(c).0 != 0
    }

    /// The family name fontdb reads (English if the font has it).
    pub fn family(&self) -> &str {
        self.info.0.families.first().map_or("", |f| f.0.as_str())
    }
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Face({:?} #{})", self.family(), self.info.0.index)
    }
}

/// DejaVu Sans, parsed once per process.
pub fn dejavu() -> &'static Face {
    static FACE: OnceLock<Face> = OnceLock::new();
    FACE.get_or_init(|| {
        Face::parse(bytes(), 0)
            .unwrap_or_else(|| unreachable!("the embedded DejaVu Sans is a valid font"))
    })
}

/// A figure's fonts, in the order each character looks for its glyph: the
/// user's font if any, DejaVu Sans, Noto Sans CJK JP.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Fonts {
    user: Option<UserFont>,
}

/// Where a character's glyph comes from: the face's place in the chain and
/// the glyph in that face (0 is the first face's missing-glyph box).
type Placed = (usize, GlyphId);

impl Fonts {
    /// The embedded fonts, after `user` if given.
    pub fn new(user: Option<UserFont>) -> Fonts {
        Fonts { user }
    }

    /// How many faces the chain has.
    fn len(&self) -> usize {
        2 + usize::from(self.user.is_some())
    }

    /// The place of the Japanese font, the last.
    fn japanese_at(&self) -> usize {
        self.len() - 1
    }

    /// Face `i` of the chain; the Japanese one is decompressed on first use.
    fn face(&self, i: usize) -> &'static Face {
        match (self.user, i) {
            (Some(user), 0) => user.face(),
            (Some(_), 1) | (None, 0) => dejavu(),
            _ => japanese::face(),
        }
    }

    /// The glyph of each character of `text` as usvg picks it with
    /// [`Fonts::usvg_options`]: the first face's; then, while one is
    /// missing, each next face of the chain in turn: all of its glyphs if it
    /// has every character, else those it has of the missing ones.
    /// `face(i)` gives face `i`, asked for only when it is reached.
    fn glyphs<'a>(&self, text: &str, face: impl Fn(usize) -> &'a Face) -> Vec<Placed> {
        let chars: Vec<char> = text.chars().collect();
        let first = face(0);
        let mut placed: Vec<Placed> = chars.iter().map(|&c| (0, first.glyph(c))).collect();
        for i in 1..self.len() {
            if placed.iter().all(|&(_, g)| g.0 != 0) {
                break;
            }
            let next = face(i);
            let glyphs: Vec<GlyphId> = chars.iter().map(|&c| next.glyph(c)).collect();
            if glyphs.iter().all(|g| g.0 != 0) {
                return glyphs.into_iter().map(|g| (i, g)).collect();
            }
            for (p, g) in placed.iter_mut().zip(glyphs) {
                if p.1 .0 == 0 && g.0 != 0 {
                    *p = (i, g);
                }
            }
        }
        placed
    }

    /// The advance width of `text` in pixels at an em of `em_px` pixels,
    /// as resvg lays it out: Σ (advance + kerning with the previous glyph
    /// of the same face) × em_px / units per em of each glyph's face.
    pub fn text_width(&self, text: &str, em_px: f64) -> f64 {
        let placed = self.glyphs(text, |i| self.face(i));
        // One sum of font units per face, scaled once: the arithmetic of a
        // text in one face is that of a single-font measure.
        let mut units = vec![0.0f64; self.len()];
        let mut prev: Option<Placed> = None;
        for &(i, glyph) in &placed {
            let font = &self.face(i).font;
            if let Some((j, p)) = prev.filter(|&(j, _)| j == i) {
                units[j] += font.kern_unscaled(p, glyph) as f64;
            }
            units[i] += font.h_advance_unscaled(glyph) as f64;
            prev = Some((i, glyph));
        }
        let mut width = 0.0;
        for (i, u) in units.iter().enumerate().filter(|(_, u)| **u != 0.0) {
            let per_em = self.face(i).font.units_per_em().unwrap_or(2048.0) as f64;
            width += u * em_px / per_em;
        }
        width
    }

    /// Whether some character of `text` is in none of the faces before the
    /// Japanese one: only then is that one read. ASCII is in DejaVu Sans.
    pub fn needs_japanese(&self, text: &str) -> bool {
        let before = self.japanese_at();
        text.chars()
            .filter(|c| !c.is_ascii())
            .any(|c| (0..before).all(|i| !self.face(i).has(c)))
    }

    /// The characters of `text` that no font of the chain has, each once,
    /// in the order they first appear.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut missing = Vec::new();
        for c in text.chars().filter(|c| !c.is_ascii()) {
            if !missing.contains(&c) && (0..self.len()).all(|i| !self.face(i).has(c)) {
                missing.push(c);
            }
        }
        missing
    }

    /// The family names of the chain's faces, in order (the Japanese font's
    /// without reading it).
    pub fn families(&self) -> Vec<&'static str> {
        let mut names = Vec::new();
        if let Some(user) = self.user {
            names.push(user.face().family());
        }
        names.extend([dejavu().family(), japanese::FAMILY]);
        names
    }

    /// The font files' bytes and face indices of the chain, in order, that
    /// drawing `svg` needs (the Japanese font's only if `svg` needs it): for
    /// a font database of another version of fontdb.
    pub fn sources(&self, svg: &str) -> Vec<(&'static [u8], u32)> {
        let count = match self.needs_japanese(svg) {
            true => self.len(),
            false => self.japanese_at(),
        };
        (0..count)
            .map(|i| (self.face(i).font.font_data(), self.face(i).info.0.index))
            .collect()
    }

    /// resvg's options for drawing `svg`: a font database holding the
    /// chain's faces in order (the Japanese one only if `svg` needs it), and
    /// a resolver that takes the first face for every text, whatever family
    /// the SVG names, and the next unused face of the chain as its fallback.
    pub fn usvg_options(&self, svg: &str) -> usvg::Options<'static> {
        let db = self.database(self.needs_japanese(svg));
        usvg::Options {
            font_family: dejavu().family().to_string(),
            fontdb: db,
            font_resolver: usvg::FontResolver {
                select_font: Box::new(|_, db| db.faces().next().map(|f| f.id)),
                select_fallback: Box::new(|_, used, db| {
                    db.faces().map(|f| f.id).find(|id| !used.contains(id))
                }),
            },
            ..usvg::Options::default()
        }
    }

    /// The chain's faces as a font database, the Japanese one if `japanese`;
    /// the embedded fonts' two databases are built once per process.
    pub fn database(&self, japanese: bool) -> Arc<fontdb::Database> {
        static EMBEDDED: [OnceLock<Arc<fontdb::Database>>; 2] = [OnceLock::new(), OnceLock::new()];
        let build = || {
            let mut db = fontdb::Database::new();
            let count = if japanese {
                self.len()
            } else {
                self.japanese_at()
            };
            for i in 0..count {
                db.push_face_info(self.face(i).info.0.clone());
            }
            db.set_sans_serif_family(self.face(0).family());
            Arc::new(db)
        };
        match self.user {
            Some(_) => build(),
            None => EMBEDDED[usize::from(japanese)].get_or_init(build).clone(),
        }
    }
}

/// The warning for the characters no font has, or `None` if there are none:
/// each character with its code point, and how to supply a font.
pub fn missing_warning(missing: &[char]) -> Option<String> {
    let list: Vec<String> = missing
        .iter()
        .map(|&c| match c.is_control() {
            true => format!("U+{:04X}", c as u32),
            false => format!("{c} (U+{:04X})", c as u32),
        })
        .collect();
    let them = match missing.len() {
        0 => return None,
        1 => "it",
        _ => "them",
    };
    Some(format!(
        "no font has {}; pass --font FILE with a font that has {them}",
        list.join(", ")
    ))
}

#[cfg(test)]
#[path = "font/tests.rs"]
mod tests;
