use super::*;
use std::cell::RefCell;

/// The glyphs of `text` in `fonts`, and the faces the measure asked for.
fn placed_asking(fonts: &Fonts, text: &str) -> (Vec<Placed>, Vec<usize>) {
    let asked = RefCell::new(Vec::new());
    let placed = fonts.glyphs(text, |i| {
        asked.borrow_mut().push(i);
        fonts.face(i)
    });
    (placed, asked.into_inner())
}

#[test]
fn text_that_dejavu_draws_never_reaches_the_japanese_font() {
    let fonts = Fonts::default();
    for text in [
        "f(x) = 0.01x² + 0.1x",
        "−1.5 × 10⁻³",
        "Gradient descent",
        "α, β, Δ",
    ] {
        let (placed, asked) = placed_asking(&fonts, text);
        assert_eq!(asked, [0], "{text}");
        assert!(placed.iter().all(|&(i, g)| i == 0 && g.0 != 0), "{text}");
        assert!(!fonts.needs_japanese(text), "{text}");
    }
}

#[test]
fn each_japanese_character_is_drawn_by_the_japanese_font_and_the_rest_by_dejavu() {
    let fonts = Fonts::default();
    let (placed, asked) = placed_asking(&fonts, "接線 f(x)、傾き");
    assert_eq!(asked, [0, 1]);
    let faces: String = placed
        .iter()
        .map(|&(i, _)| char::from(b'0' + i as u8))
        .collect();
    assert_eq!(faces, "1100000111");
    assert!(placed.iter().all(|&(_, g)| g.0 != 0));
    assert!(fonts.needs_japanese("title 接"));
}

#[test]
fn the_japanese_subset_has_no_character_dejavu_has() {
    let japanese = &japanese::face().font;
    let chars: Vec<char> = japanese.codepoint_ids().map(|(_, c)| c).collect();
    assert!(chars.len() > 6800, "{} characters", chars.len());
    assert!(chars.iter().all(|&c| !dejavu().has(c)));
}

#[test]
fn the_japanese_subset_has_kana_kanji_levels_1_and_2_punctuation_and_full_width_forms() {
    let face = japanese::face();
    let kana = ('\u{3041}'..='\u{3096}').chain('\u{30A1}'..='\u{30FA}');
    let half_width_katakana = '\u{FF66}'..='\u{FF9F}';
    let full_width_latin = ('Ａ'..='Ｚ').chain('０'..='９');
    for c in kana.chain(half_width_katakana).chain(full_width_latin) {
        assert!(face.has(c), "{c} (U+{:04X})", c as u32);
    }
    // Level 1's first and last kanji (亜, 腕), level 2's (弌, 熙), the
    // iteration mark, the ideographic space, comma and full stop.
    for c in "亜腕弌熙々\u{3000}、。「」〜ー接線勾配".chars() {
        assert!(face.has(c), "{c} (U+{:04X})", c as u32);
    }
    assert_eq!(face.family(), japanese::FAMILY);
}

#[test]
fn a_width_in_dejavu_alone_is_its_advances_and_kerning_over_units_per_em() {
    let font = ab_glyph::FontRef::try_from_slice(bytes()).unwrap();
    let text = "AVAWAY To 10.5";
    let mut units = 0.0f64;
    let mut prev = None;
    for c in text.chars() {
        let g = font.glyph_id(c);
        if let Some(p) = prev {
            units += font.kern_unscaled(p, g) as f64;
        }
        units += font.h_advance_unscaled(g) as f64;
        prev = Some(g);
    }
    let em = 13.333;
    let expected = units * em / 2048.0;
    assert_eq!(
        Fonts::default().text_width(text, em).to_bits(),
        expected.to_bits()
    );
}

#[test]
fn a_kanji_is_one_em_wide_and_adds_to_the_latin_around_it() {
    let fonts = Fonts::default();
    assert_eq!(fonts.text_width("接", 20.0), 20.0);
    assert_eq!(fonts.text_width("線接", 20.0), 40.0);
    let x = fonts.text_width("x", 20.0);
    assert!((fonts.text_width("x接x", 20.0) - (2.0 * x + 20.0)).abs() < 1e-12);
}

#[test]
fn characters_no_font_has_are_named_once_in_order() {
    let fonts = Fonts::default();
    assert_eq!(fonts.missing("a𓀀接\u{FFFF}𓀀 b"), ['𓀀', '\u{FFFF}']);
    assert_eq!(fonts.missing("接線の傾き −1.5"), [] as [char; 0]);
}

#[test]
fn the_warning_names_each_character_and_its_code_point_and_says_what_to_do() {
    assert_eq!(missing_warning(&[]), None);
    assert_eq!(
        missing_warning(&['𓀀']).unwrap(),
        "no font has 𓀀 (U+13000); pass --font FILE with a font that has it"
    );
    assert_eq!(
        missing_warning(&['𓀀', '\u{FFFF}', '\u{85}']).unwrap(),
        "no font has 𓀀 (U+13000), \u{FFFF} (U+FFFF), U+0085; pass --font FILE with a font that has them"
    );
}

#[test]
fn a_users_font_comes_first_then_dejavu_then_the_japanese_font() {
    let user = UserFont::load(bytes().to_vec(), 0).unwrap();
    let fonts = Fonts::new(Some(user));
    let (placed, asked) = placed_asking(&fonts, "x接");
    assert_eq!(asked, [0, 1, 2]);
    assert_eq!(placed.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 2]);
    assert_eq!(fonts.database(false).len(), 2);
    assert_eq!(fonts.database(true).len(), 3);
}

#[test]
fn the_same_font_file_given_twice_is_kept_once() {
    let a = UserFont::load(bytes().to_vec(), 0).unwrap();
    let b = UserFont::load(bytes().to_vec(), 0).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_file_that_is_not_a_font_or_a_face_past_the_collection_is_refused() {
    assert_eq!(
        UserFont::load(b"not a font".to_vec(), 0),
        Err(InvalidFont::NotAFont)
    );
    assert_eq!(UserFont::load(Vec::new(), 0), Err(InvalidFont::NotAFont));
    assert_eq!(
        UserFont::load(bytes().to_vec(), 1),
        Err(InvalidFont::NotACollection { index: 1 })
    );
    let mut ttc = b"ttcf\0\x01\0\0\0\0\0\x02".to_vec();
    ttc.extend([0; 8]);
    assert_eq!(
        UserFont::load(ttc.clone(), 2),
        Err(InvalidFont::NoSuchFace { index: 2, count: 2 })
    );
    assert_eq!(UserFont::load(ttc, 0), Err(InvalidFont::NotAFont));
    assert_eq!(
        InvalidFont::NoSuchFace { index: 2, count: 2 }.to_string(),
        "the collection has 2 fonts: #0 to #1"
    );
}

/// The glyphs usvg lays out for `text` drawn with `fonts`: each glyph's
/// face (its place in the database, which holds the chain in order), its
/// id and its x.
fn laid_out(fonts: &Fonts, text: &str, em: f64) -> Vec<(usize, u32, f32)> {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="800" height="100"><text x="0" y="50" font-family="{FAMILY}" font-size="{em}">{text}</text></svg>"#
    );
    let options = fonts.usvg_options(&svg);
    let tree = usvg::Tree::from_str(&svg, &options).unwrap();
    let ids: Vec<_> = tree.fontdb().faces().map(|f| f.id).collect();
    let Some(usvg::Node::Text(node)) = tree.root().children().first() else {
        panic!("one text node")
    };
    node.layouted()
        .iter()
        .flat_map(|span| &span.positioned_glyphs)
        .map(|g| {
            let face = ids.iter().position(|&id| id == g.font).unwrap();
            (face, g.id.0, g.transform().tx)
        })
        .collect()
}

#[test]
fn resvg_draws_each_character_in_the_face_and_at_the_place_the_measure_gives() {
    let user = UserFont::load(bytes().to_vec(), 0).unwrap();
    let em = 40.0;
    for fonts in [Fonts::default(), Fonts::new(Some(user))] {
        for text in ["接線の傾き f(x)", "x 接 y²", "𓀀接", "勾配法", "x = 1.5"] {
            let drawn = laid_out(&fonts, text, em);
            let placed = fonts.glyphs(text, |i| fonts.face(i));
            let faces: Vec<(usize, u32)> = drawn.iter().map(|g| (g.0, g.1)).collect();
            let expected: Vec<(usize, u32)> = placed.iter().map(|p| (p.0, p.1 .0 as u32)).collect();
            assert_eq!(faces, expected, "{text}");
            for (n, (c, g)) in text.char_indices().zip(&drawn).enumerate() {
                let x = fonts.text_width(&text[..c.0], em);
                assert!(
                    (g.2 as f64 - x).abs() < 0.01,
                    "{text}: glyph {n} at {} not {x}",
                    g.2
                );
            }
        }
    }
}
