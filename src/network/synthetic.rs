//! A synthetic stand-in for MNIST, for tests and benchmarks that must not
//! need the real files: 28×28 "digits", two bars whose places depend on the
//! label, over sparse speckle. python/fixtures/make_numpy_fixtures.py builds
//! the same bytes (its `synthetic_image`), so numpy's run of the book's loop
//! on this set is a fixture the Rust loop is checked against.
//!
//! Test-only: the library's unit tests declare it under `cfg(test)`, and
//! integration tests and benchmarks include it with `#[path]`; it uses
//! nothing from the crate, so it compiles in each; each includer uses a part
//! of it, hence `dead_code` is allowed.

#![allow(dead_code)]

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

/// `count` images of `rows`×`cols` bytes from a xorshift stream seeded by
/// `seed` (x ← x ⊕ x≪13, x ⊕ x≫7, x ⊕ x≪17): about 70 % zeros, the rest
/// odd bytes, labels 0 to 9, and each image's pixel (7·label) mod size set
/// to 255 so that there is something to learn. Small images of any shape,
/// for the numerical gradient, where 784 pixels would be slow.
pub fn noise_bytes(count: usize, rows: usize, cols: usize, seed: u64) -> (Vec<u8>, Vec<u8>) {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let mut images = (0..count * rows * cols)
        .map(|_| {
            let r = next();
            if r % 10 < 7 {
                0
            } else {
                (r >> 8) as u8 | 1
            }
        })
        .collect::<Vec<u8>>();
    let labels: Vec<u8> = (0..count).map(|_| (next() % 10) as u8).collect();
    let size = rows * cols;
    for (n, &label) in labels.iter().enumerate() {
        images[n * size + (label as usize * 7) % size] = 255;
    }
    (images, labels)
}
