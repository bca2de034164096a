//! A synthetic stand-in for MNIST, for tests and benchmarks that must not
//! need the real files: 28×28 "digits", two bars whose places depend on the
//! label, over sparse speckle. python/fixtures/make_numpy_fixtures.py builds
//! the same bytes (its `synthetic_image`), so numpy's run of the book's loop
//! on this set is a fixture the Rust loop is checked against.
//!
//! Test-only: the library's unit tests declare it under `cfg(test)`, and
//! integration tests and benchmarks include it with `#[path]`; it uses
//! nothing from the crate, so it compiles in each.

/// Image `n`: its label, (7n + 3) mod 10, and its 784 pixels. With
/// hₙ(r, c) = (2654435761·n + 40503·r + 9973·c) mod 2³², a pixel on the
/// label's bars is 128 + (h ≫ 8) mod 128, one of the speckle
/// ((h ≫ 4) mod 16 = 0) is 1 + (h ≫ 12) mod 255, and the rest are 0.
pub fn synthetic_image(n: u64) -> (u8, Vec<u8>) {
    let label = (n * 7 + 3) % 10;
    let mut pixels = Vec::with_capacity(784);
    for r in 0..28u64 {
        for c in 0..28u64 {
            let h = (n * 2_654_435_761 + r * 40_503 + c * 9_973) % (1 << 32);
            let vertical = (4 + 2 * label..7 + 2 * label).contains(&c) && (4..24).contains(&r);
            let horizontal = r == 4 + 2 * ((label * 3) % 10) && (6..22).contains(&c);
            let v = if vertical || horizontal {
                128 + (h >> 8) % 128
            } else if (h >> 4).is_multiple_of(16) {
                1 + (h >> 12) % 255
            } else {
                0
            };
            pixels.push(v as u8);
        }
    }
    (label as u8, pixels)
}

/// The pixels and labels of images `first` … `first + count − 1` of
/// [`synthetic_image`], as `Dataset::new(pixels, labels, 28, 28)` takes them.
pub fn synthetic_bytes(count: u64, first: u64) -> (Vec<u8>, Vec<u8>) {
    let (mut labels, mut images) = (Vec::new(), Vec::new());
    for n in first..first + count {
        let (label, pixels) = synthetic_image(n);
        labels.push(label);
        images.extend(pixels);
    }
    (images, labels)
}
