//! Text in any script: Japanese drawn with the embedded Noto Sans CJK JP,
//! `--font FILE` before the embedded fonts, and a warning for a character
//! no font has.

use crate::util::{invalid, ok, png_gray, rejects, run, succeeds};
use numdiff_plot::render::font;
use std::path::Path;

/// The title band of a default 640×480 figure: between the top of the
/// image and the plot's frame (at y = 57.6), over the plot's middle.
const BAND: (std::ops::Range<u32>, std::ops::Range<u32>) = (120..520, 20..56);

/// How many pixels of the title band of `png` are darker than mid-gray,
/// and the band's gray levels.
fn title_ink(png: &Path) -> (usize, Vec<u8>) {
    let (width, _, gray) = png_gray(png);
    let band: Vec<u8> = BAND
        .1
        .flat_map(|y| BAND.0.map(move |x| (x, y)))
        .map(|(x, y)| gray[(y * width + x) as usize])
        .collect();
    (band.iter().filter(|&&g| g < 128).count(), band)
}

/// `tangent` drawn with `args` into `file` in `dir`; its stderr.
fn tangent(dir: &Path, file: &str, args: &[&str]) -> String {
    let mut all = vec!["tangent", "-q", "-o", file];
    all.extend_from_slice(args);
    succeeds(dir, &all).1
}

#[test]
fn a_japanese_title_is_drawn_in_glyphs_not_in_missing_glyph_boxes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(tangent(d, "none.png", &[]), "");
    assert_eq!(tangent(d, "ja.png", &["--title", "接線の傾き"]), "");
    assert_eq!(tangent(d, "kanji.png", &["--title", "接"]), "");
    let warned = tangent(d, "box.png", &["--title", "𓀀"]);
    assert_eq!(
        warned,
        "warning: no font has 𓀀 (U+13000); pass --font FILE with a font that has it\n"
    );
    let (none, _) = title_ink(&d.join("none.png"));
    let (ja, _) = title_ink(&d.join("ja.png"));
    let (kanji, kanji_band) = title_ink(&d.join("kanji.png"));
    let (notdef, notdef_band) = title_ink(&d.join("box.png"));
    assert_eq!(none, 0, "no title, no ink in the title band");
    // Five 16.7 px characters of strokes: hundreds of dark pixels.
    assert!((300..1500).contains(&ja), "{ja} dark pixels");
    assert!((60..400).contains(&kanji), "{kanji} dark pixels");
    assert!(
        kanji > notdef,
        "接 ({kanji}) has more ink than a box ({notdef})"
    );
    assert_ne!(kanji_band, notdef_band);
}

#[test]
fn a_character_no_font_has_is_named_once_per_figure_and_the_figure_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(
        dir.path(),
        &["sigmoid", "--title", "𓀀 𓀀 step 𓀁", "-o", "s.png"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(
        stderr,
        "warning: no font has 𓀀 (U+13000), 𓀁 (U+13001); pass --font FILE with a font that has them\n"
    );
    assert!(!stdout.is_empty(), "the report is printed");
    assert!(dir.path().join("s.png").is_file());
}

#[test]
fn japanese_passes_through_the_report_and_json_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let title = "勾配法による更新のプロセス";
    let plain = ok(d, &["descent", "-o", "勾配法.png"]);
    assert_eq!(
        ok(d, &["descent", "--title", title, "-o", "勾配法.png"]),
        plain
    );
    let json = ok(
        d,
        &["descent", "--title", title, "-o", "勾配法.png", "--json"],
    );
    assert!(json.contains(r#""output":"勾配法.png""#), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["output"], "勾配法.png");
    assert!(d.join("勾配法.png").is_file());
}

#[test]
fn dejavu_sans_given_as_font_draws_the_default_figure_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("DejaVuSans.ttf"), font::bytes()).unwrap();
    tangent(d, "default.png", &["--title", "Tangent 接線"]);
    tangent(
        d,
        "font.png",
        &["--title", "Tangent 接線", "--font", "DejaVuSans.ttf"],
    );
    assert!(
        std::fs::read(d.join("default.png")).unwrap() == std::fs::read(d.join("font.png")).unwrap()
    );
}

#[test]
fn the_japanese_font_given_first_draws_its_characters_and_dejavu_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("ja.otf"), font::japanese::bytes()).unwrap();
    let title = ["--title", "接線 x = 5"];
    tangent(d, "default.png", &title);
    let stderr = tangent(d, "font.png", &[&title[..], &["--font", "ja.otf"]].concat());
    assert_eq!(stderr, "");
    let (ink, band) = title_ink(&d.join("font.png"));
    assert_eq!((ink, band), title_ink(&d.join("default.png")));
}

#[test]
fn a_font_file_that_cannot_be_read_or_is_not_a_font_is_one_line_naming_font_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ttf");
    std::fs::write(&bad, "not a font").unwrap();
    let dejavu = dir.path().join("DejaVuSans.ttf");
    std::fs::write(&dejavu, font::bytes()).unwrap();
    let bad = bad.to_str().unwrap();
    rejects(
        &["tangent", "--font", "missing.ttf"],
        2,
        &invalid(
            "missing.ttf",
            "--font <FILE>",
            "cannot read it: no such file or directory",
        ),
    );
    rejects(
        &["tangent", "--font", bad],
        2,
        &invalid(bad, "--font <FILE>", "not a font file (TTF, OTF or TTC)"),
    );
    rejects(
        &["tangent", "--font", dir.path().to_str().unwrap()],
        2,
        &invalid(
            dir.path().to_str().unwrap(),
            "--font <FILE>",
            "cannot read it: it is a directory",
        ),
    );
    rejects(
        &["tangent", "--title", "a\u{FFFF}"],
        2,
        &invalid(
            "a\u{FFFF}",
            "--title <TEXT>",
            "expected text without U+FFFE or U+FFFF, which are not characters",
        ),
    );
    let face = format!("{}#1", dejavu.display());
    rejects(
        &["descent", "--font", &face],
        2,
        &invalid(
            &face,
            "--font <FILE>",
            "the file has one font, not a collection: give it without #1",
        ),
    );
}

/// The README's Japanese figure: its command's flags, quoted as shown.
pub const JAPANESE_FIGURE: [&str; 9] = [
    "descent",
    "--title",
    "勾配法による更新のプロセス",
    "--xlabel",
    "横軸 x0",
    "--ylabel",
    "縦軸 x1",
    "-o",
    "gradient_method_ja.png",
];

#[test]
fn the_japanese_figure_of_the_readme_is_what_its_command_draws() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let shown = JAPANESE_FIGURE
        .iter()
        .map(|w| match w.contains(' ') || !w.is_ascii() {
            true => format!("\"{w}\""),
            false => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    let line = format!("$ numdiff-plot {shown}");
    assert!(
        readme.lines().any(|l| l == line),
        "the README shows `{line}`"
    );
    let dir = tempfile::tempdir().unwrap();
    let (report, warnings) = succeeds(dir.path(), &JAPANESE_FIGURE);
    assert_eq!(warnings, "");
    assert!(
        readme.contains(&format!("{line}\n{report}")),
        "and what it prints"
    );
    let file = JAPANESE_FIGURE[8];
    assert!(
        std::fs::read(dir.path().join(file)).unwrap()
            == std::fs::read(root.join("figures/ja").join(file)).unwrap(),
        "the README's command does not draw figures/ja/{file}"
    );
}
