//! Tests of the canvas: pixel snapping and the SVG document.

use super::*;

#[test]
fn lines_snap_as_matplotlib_s_agg_snaps_them() {
    let pen = Canvas::new(Size::DEFAULT).pen();
    // The default axes' left edge, 80 px: a 0.8 pt (1.1 px, odd) spine
    // is centred on the pixel 80.5; a 1.5 pt (2.1 px, even) line on 80.
    assert_eq!(pen.snap(320.0, style::AXES_LINE_WIDTH), 322.0);
    assert_eq!(pen.snap(320.0, style::LINE_WIDTH), 320.0);
    // The top, at 57.6 px: 58.5 and 58.
    assert_eq!(pen.snap(230.4, style::AXES_LINE_WIDTH), 234.0);
    assert_eq!(pen.snap(230.4, style::LINE_WIDTH), 232.0);
}

#[test]
fn svg_body_strips_the_document_element() {
    assert_eq!(svg_body("<svg a=\"1\">\n<rect/>\n</svg>\n"), "\n<rect/>\n");
}

#[test]
fn the_svg_is_sized_in_output_pixels_with_a_supersampled_view_box() {
    let svg = Canvas::new(Size::DEFAULT).into_svg();
    assert!(svg.starts_with(r#"<svg width="640" height="480" viewBox="0 0 2560 1920""#));
}
