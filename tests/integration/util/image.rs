//! Comparing images: a PNG's luma and the structural similarity (SSIM) of
//! two images of the same size, and poppler's tools (Debian's
//! poppler-utils, which .ci/run installs) to read a PDF.

use std::path::Path;
use std::process::Command;

/// A PNG's width, height and luma (ITU-R BT.601: 0.299 R + 0.587 G +
/// 0.114 B) per pixel, from 8-bit gray, RGB or RGBA.
pub fn luma(png_bytes: &[u8]) -> (u32, u32, Vec<f64>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes))
        .read_info()
        .expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("fits in memory")];
    let info = reader.next_frame(&mut buf).expect("the image data decodes");
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "an 8-bit PNG");
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("a gray, RGB or RGBA PNG, not {other:?}"),
    };
    let y = buf[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|p| match channels {
            1 => p[0] as f64,
            _ => 0.299 * p[0] as f64 + 0.587 * p[1] as f64 + 0.114 * p[2] as f64,
        })
        .collect();
    (info.width, info.height, y)
}

/// The mean SSIM of two PNGs of the same size, on luma, over 8×8 windows
/// every 4 pixels, with the standard constants C1 = (0.01 L)², C2 =
/// (0.03 L)², L = 255:
///
/// SSIM = (2 μa μb + C1)(2 σab + C2) / ((μa² + μb² + C1)(σa² + σb² + C2)).
///
/// 1 is identical; unrelated drawings score well under 0.9.
pub fn ssim(a: &[u8], b: &[u8]) -> f64 {
    const WINDOW: usize = 8;
    const STRIDE: usize = 4;
    const C1: f64 = (0.01 * 255.0) * (0.01 * 255.0);
    const C2: f64 = (0.03 * 255.0) * (0.03 * 255.0);
    let (wa, ha, ya) = luma(a);
    let (wb, hb, yb) = luma(b);
    assert_eq!((wa, ha), (wb, hb), "the images have the same size");
    let (w, h) = (wa as usize, ha as usize);
    assert!(w >= WINDOW && h >= WINDOW, "at least one window");
    let n = (WINDOW * WINDOW) as f64;
    let (mut total, mut windows) = (0.0, 0usize);
    for top in (0..=h - WINDOW).step_by(STRIDE) {
        for left in (0..=w - WINDOW).step_by(STRIDE) {
            let (mut sa, mut sb, mut saa, mut sbb, mut sab) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for row in top..top + WINDOW {
                for i in row * w + left..row * w + left + WINDOW {
                    let (x, y) = (ya[i], yb[i]);
                    sa += x;
                    sb += y;
                    saa += x * x;
                    sbb += y * y;
                    sab += x * y;
                }
            }
            let (ma, mb) = (sa / n, sb / n);
            let (va, vb) = (saa / n - ma * ma, sbb / n - mb * mb);
            let cov = sab / n - ma * mb;
            total += (2.0 * ma * mb + C1) * (2.0 * cov + C2)
                / ((ma * ma + mb * mb + C1) * (va + vb + C2));
            windows += 1;
        }
    }
    total / windows as f64
}

/// Runs poppler's `tool` with `args`, expects success, returns stdout.
/// A missing tool is a failure that says what to install.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} did not run ({e}): install poppler-utils (apt-get install poppler-utils; .ci/run does)")
    });
    // poppler reports a damaged file on stderr, often with exit 0.
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The PDF at `pdf` drawn by poppler's `pdftoppm` at `width` × `height`
/// pixels: a PNG's bytes. (At `-r 100` a page of 460.8 pt comes out 641
/// pixels wide: pdftoppm rounds 640.0000001 up.)
pub fn pdf_to_png(pdf: &Path, (width, height): (u32, u32)) -> Vec<u8> {
    let prefix = pdf.with_extension("");
    let prefix = prefix.to_str().expect("a UTF-8 path");
    let (w, h) = (width.to_string(), height.to_string());
    let file = pdf.to_str().expect("a UTF-8 path");
    let args = [
        "-scale-to-x",
        &w,
        "-scale-to-y",
        &h,
        "-png",
        "-singlefile",
        file,
        prefix,
    ];
    poppler("pdftoppm", &args);
    let png = format!("{prefix}.png");
    std::fs::read(&png).unwrap_or_else(|e| panic!("{png}: {e}"))
}

#[test]
fn ssim_is_one_for_the_same_image_and_low_for_another() {
    let png = |f: &dyn Fn(u32, u32) -> u8| {
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, 32, 32);
        e.set_color(png::ColorType::Grayscale);
        let mut w = e.write_header().unwrap();
        let data: Vec<u8> = (0..32 * 32).map(|i| f(i % 32, i / 32)).collect();
        w.write_image_data(&data).unwrap();
        w.finish().unwrap();
        out
    };
    let stripes = png(&|x, _| if x % 4 < 2 { 0 } else { 255 });
    let other = png(&|_, y| if y % 4 < 2 { 0 } else { 255 });
    assert_eq!(ssim(&stripes, &stripes), 1.0);
    let s = ssim(&stripes, &other);
    assert!(s < 0.1, "{s}");
}
