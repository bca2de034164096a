//! The formats a figure is written in: PNG, SVG with glyphs as paths or
//! with text (`--svg-text`), PDF; and `--dpi`.

use crate::util::image::{pdf_to_png, poppler, ssim};
use crate::util::*;
use std::path::Path;

/// The least SSIM of a PDF or SVG drawn at the figure's pixels against
/// the PNG of the same figure.
const SAME_DRAWING: f64 = 0.95;

fn read(dir: &Path, file: &str) -> Vec<u8> {
    std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn a_pdf_is_one_page_of_the_figure_size_in_points_the_same_bytes_every_run() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["tangent", "-q", "-o", "a.pdf"]);
    ok(
        dir.path(),
        &["tangent", "-q", "--format", "pdf", "-o", "b.pdf"],
    );
    let pdf = read(dir.path(), "a.pdf");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF header");
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"), "a PDF trailer");
    assert_eq!(
        pdf,
        read(dir.path(), "b.pdf"),
        "the same bytes on every run"
    );
    let info = poppler("pdfinfo", &[dir.path().join("a.pdf").to_str().unwrap()]);
    assert!(info.contains("Pages:           1\n"), "{info}");
    // 640x480 pixels at 100 dpi: 6.4x4.8 inches.
    assert!(
        info.contains("Page size:       460.8 x 345.6 pts"),
        "{info}"
    );
}

#[test]
fn every_book_figure_as_pdf_looks_like_its_png() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["all", "--format", "pdf", "-o", "pdf"]);
    assert_eq!(out.lines().count(), 11, "{out}");
    let pngs = Path::new(env!("CARGO_MANIFEST_DIR")).join("figures");
    let figures = numdiff_plot::figure::book_figures();
    let mut written = listing(&dir.path().join("pdf"));
    let mut expected: Vec<String> = figures
        .iter()
        .map(|(file, _)| file.replace(".png", ".pdf"))
        .collect();
    written.sort();
    expected.sort();
    assert_eq!(written, expected);
    for (file, _) in &figures {
        let pdf = dir.path().join("pdf").join(file.replace(".png", ".pdf"));
        let png = std::fs::read(pngs.join(file)).unwrap();
        let score = ssim(&pdf_to_png(&pdf, (640, 480)), &png);
        assert!(score >= SAME_DRAWING, "{file}: SSIM {score}");
        let fonts = poppler("pdffonts", &[pdf.to_str().unwrap()]);
        let faces: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!faces.is_empty(), "{file}: a font for the text");
        for face in faces {
            // name, type (one or two words), encoding, then emb sub uni.
            let emb = face.split_whitespace().rev().nth(4);
            assert_eq!(emb, Some("yes"), "{file}: not embedded: {face}");
        }
    }
    ok(
        dir.path(),
        &["all", "--format", "pdf", "-o", "pdf", "--check"],
    );
}

#[test]
fn a_pdf_s_text_is_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Tangent at x = 5 (numerical)";
    ok(
        dir.path(),
        &["tangent", "-q", "--title", title, "-o", "t.pdf"],
    );
    let text = poppler(
        "pdftotext",
        &[dir.path().join("t.pdf").to_str().unwrap(), "-"],
    );
    assert!(text.contains(title), "{text}");
    for label in ["f(x)", "10.0", "17.5"] {
        assert!(text.contains(label), "{label} in {text}");
    }
}

#[test]
fn a_japanese_pdf_embeds_both_fonts_is_searchable_and_the_same_bytes_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let title = "接線の傾き tangent";
    let args = |file| {
        [
            "tangent", "-q", "--title", title, "--xlabel", "入力 x", "-o", file,
        ]
    };
    // Two fonts, which svg2pdf alone writes in either order from run to run.
    ok(dir.path(), &args("a.pdf"));
    for _ in 0..4 {
        ok(dir.path(), &args("b.pdf"));
        assert_eq!(read(dir.path(), "a.pdf"), read(dir.path(), "b.pdf"));
    }
    let pdf = dir.path().join("a.pdf");
    let text = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(text.contains(title) && text.contains("入力 x"), "{text}");
    let fonts = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    let faces: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(faces.len(), 2, "{fonts}");
    assert!(
        faces[0].contains("+DejaVuSans ") && faces[1].contains("+NotoSansCJKjp-"),
        "{fonts}"
    );
    for face in faces {
        assert_eq!(face.split_whitespace().rev().nth(4), Some("yes"), "{face}");
    }
    ok(dir.path(), &args("a.png"));
    let score = ssim(&pdf_to_png(&pdf, (640, 480)), &read(dir.path(), "a.png"));
    assert!(score >= SAME_DRAWING, "SSIM {score}");
}

#[test]
fn dpi_does_not_change_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["descent", "-q", "-o", "a.pdf"]);
    ok(
        dir.path(),
        &["descent", "-q", "--dpi", "300", "-o", "b.pdf"],
    );
    assert_eq!(read(dir.path(), "a.pdf"), read(dir.path(), "b.pdf"));
}

#[test]
fn an_svg_draws_its_glyphs_as_paths_and_looks_like_the_png() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &["tangent", "-q", "--title", "Tangent", "-o", "t.svg"],
    );
    ok(
        dir.path(),
        &["tangent", "-q", "--title", "Tangent", "-o", "t.png"],
    );
    let svg = String::from_utf8(read(dir.path(), "t.svg")).unwrap();
    assert!(
        svg.starts_with(r#"<svg width="640" height="480""#),
        "{svg:.80}"
    );
    assert!(!svg.contains("<text"), "no text element");
    assert!(!svg.contains("font-family"), "no font named");
    let size = numdiff_plot::render::Size::DEFAULT;
    let drawn = numdiff_plot::render::raster::png(&svg, size, &Default::default()).unwrap();
    let score = ssim(&drawn, &read(dir.path(), "t.png"));
    assert!(score >= SAME_DRAWING, "SSIM {score}");
}

#[test]
fn svg_text_keeps_text_elements_that_name_the_embedded_fonts_first() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &[
            "tangent",
            "-q",
            "--svg-text",
            "--title",
            "Tangent",
            "-o",
            "t.svg",
        ],
    );
    let svg = String::from_utf8(read(dir.path(), "t.svg")).unwrap();
    let texts = texts(&svg);
    assert!(texts.contains(&"Tangent".to_string()), "{texts:?}");
    let families: Vec<&str> = svg
        .split(r#"font-family=""#)
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert_eq!(families.len(), texts.len(), "each text names its fonts");
    for list in families {
        assert!(list.starts_with("DejaVu Sans, "), "{list}");
        assert!(list.ends_with(", sans-serif"), "{list}");
    }
}

#[test]
fn dpi_200_is_twice_the_pixels_the_same_image_as_scale_2() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &["quiver", "-q", "--dpi", "200", "-o", "dpi.png"],
    );
    ok(
        dir.path(),
        &["quiver", "-q", "--scale", "2", "-o", "scale.png"],
    );
    assert_eq!(png_size(&dir.path().join("dpi.png")), (1280, 960));
    assert_eq!(read(dir.path(), "dpi.png"), read(dir.path(), "scale.png"));
    // The two multiply: 50 dpi at scale 2 is the default's pixels.
    ok(
        dir.path(),
        &[
            "quiver", "-q", "--dpi", "50", "--scale", "2", "-o", "both.png",
        ],
    );
    ok(dir.path(), &["quiver", "-q", "-o", "plain.png"]);
    assert_eq!(read(dir.path(), "both.png"), read(dir.path(), "plain.png"));
}

#[test]
fn formats_and_dpi_out_of_range_are_refused_in_one_line() {
    rejects(
        &["tangent", "--format", "jpg"],
        2,
        &invalid("jpg", "--format <FORMAT>", "expected png, svg or pdf"),
    );
    rejects(
        &["all", "--format", "gif", "-o", "figs"],
        2,
        &invalid("gif", "--format <FORMAT>", "expected png, svg or pdf"),
    );
    rejects(
        &["tangent", "--svg-text", "-o", "t.pdf"],
        2,
        "error: --svg-text applies to SVG output only, not pdf; write a .svg file or use --format svg",
    );
    rejects(
        &["tangent", "--dpi", "0"],
        2,
        &invalid(
            "0",
            "--dpi <N>",
            "expected a number greater than 0 and at most 2400, like 200",
        ),
    );
    rejects(
        &["tangent", "--dpi", "2000"],
        2,
        "error: --size 640x480 --dpi 2000 (12800x9600) makes a PNG of 122880000 pixels, \
         over the cap of 67108864 (8192x8192); use a smaller --size, --dpi or --scale, \
         or write an SVG or a PDF",
    );
}

#[test]
fn the_committed_pdfs_and_svgs_are_what_the_binary_generates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for format in ["pdf", "svg"] {
        let dir = format!("figures/{format}");
        let out = ok(root, &["all", "--format", format, "--check", "-o", &dir]);
        assert_eq!(out, format!("{dir} is up to date: 11 figures checked\n"));
    }
}

#[test]
fn the_committed_japanese_pdf_and_svg_are_what_the_binary_generates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("figures/ja");
    let dir = tempfile::tempdir().unwrap();
    for format in ["pdf", "svg"] {
        let file = format!("gradient_method_ja.{format}");
        // The README's command, with this format's file for its `-o`.
        let flags = &super::fonts::JAPANESE_FIGURE;
        let mut args = flags[..flags.len() - 2].to_vec();
        args.extend(["-q", "-o", &file]);
        ok(dir.path(), &args);
        assert!(
            read(dir.path(), &file) == read(&root, &file),
            "{file} differs"
        );
    }
}
