//! Images as their nonzero pixels.
//!
//! About 80 % of MNIST's pixels are 0, and a 0 input adds exactly nothing
//! to a1 = x·W1 + b1 (0·w = ±0, and v + ±0 = v) nor to ∂W1 = xᵀ·dz1, so
//! the first layer only needs the other 20 %: about 150 of 784 per image.
//! Skipping them keeps every sum in the same order and gives the same bits
//! as the dense product taken pixel by pixel.

use super::threads::{split_by, Team};
use crate::network::{normalize, Dataset};
use crate::threads::Panicked;
use std::ops::Range;

/// Every image of a [`Dataset`] as (pixel index, byte) pairs in increasing
/// pixel order, with its label.
#[derive(Debug, Clone)]
pub struct SparseImages {
    starts: Vec<u32>,
    pixels: Vec<u16>,
    values: Vec<u8>,
    labels: Vec<u8>,
    size: usize,
}

/// Why a dataset cannot be trained on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SparseError {
    #[error("images of {0} pixels are more than the 65536 supported")]
    TooLarge(usize),
    #[error("{0} nonzero pixels in all are more than the 4294967295 supported")]
    TooMany(usize),
    #[error(transparent)]
    Panicked(#[from] Panicked),
}

impl SparseImages {
    /// The nonzero pixels of every image of `data`, found on the threads
    /// of `team`, each taking a run of images (each image's pixels in the
    /// same order, whoever finds them).
    pub fn new(data: &Dataset, team: &Team) -> Result<Self, SparseError> {
        let size = data.pixels();
        if size > 1 << 16 {
            return Err(SparseError::TooLarge(size));
        }
        let bounds: Vec<usize> = (0..=team.threads())
            .map(|t| t * data.len() / team.threads())
            .collect();
        let ranges: Vec<Range<usize>> = bounds.windows(2).map(|b| b[0]..b[1]).collect();
        let nonzero = |i| {
            data.image(i)
                .iter()
                .map(|&p| u64::from(p != 0))
                .sum::<u64>()
        };
        let mut counts = vec![0u64; data.len()];
        let parts: Vec<_> = split_by(&mut counts, &bounds)
            .into_iter()
            .zip(&ranges)
            .collect();
        team.each(parts, |(counts, range)| {
            for (c, i) in counts.iter_mut().zip(range.clone()) {
                *c = nonzero(i);
            }
        })?;
        let mut starts = Vec::with_capacity(data.len() + 1);
        starts.push(0u64);
        for (i, n) in counts.into_iter().enumerate() {
            starts.push(starts[i] + n);
        }
        let nonzero = starts[data.len()] as usize;
        if nonzero > u32::MAX as usize {
            return Err(SparseError::TooMany(nonzero));
        }
        let mut pixels = vec![0u16; nonzero];
        let mut values = vec![0u8; nonzero];
        let offsets: Vec<usize> = bounds.iter().map(|&b| starts[b] as usize).collect();
        let parts: Vec<_> = split_by(&mut pixels, &offsets)
            .into_iter()
            .zip(split_by(&mut values, &offsets))
            .zip(&ranges)
            .collect();
        team.each(parts, |((pixels, values), range)| {
            gather(data, range.clone(), pixels, values)
        })?;
        Ok(SparseImages {
            starts: starts.iter().map(|&s| s as u32).collect(),
            pixels,
            values,
            labels: data.labels().to_vec(),
            size,
        })
    }

    /// How many images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Pixels per image (zeros included).
    pub fn pixels(&self) -> usize {
        self.size
    }

    /// The nonzero pixels of image `i`: their indices and bytes.
    #[inline(always)]
    pub fn image(&self, i: usize) -> (&[u16], &[u8]) {
        let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
        (&self.pixels[a..b], &self.values[a..b])
    }

    /// The label of image `i`.
    #[inline(always)]
    pub fn label(&self, i: usize) -> usize {
        self.labels[i] as usize
    }

    /// Nonzero pixels in all images.
    #[cfg(test)]
    pub fn nonzero(&self) -> usize {
        self.pixels.len()
    }
}

/// The nonzero pixels of the images `range` of `data`, one image after
/// another, into `pixels` and `values` (exactly long enough). Eight pixels at
/// a time: most runs of eight are all white and skipped; in the others each
/// pixel is written and kept only if nonzero, without a branch.
fn gather(data: &Dataset, range: std::ops::Range<usize>, pixels: &mut [u16], values: &mut [u8]) {
    let mut at = 0;
    let (mut word_pixels, mut word_values) = ([0u16; 8], [0u8; 8]);
    for i in range {
        let image = data.image(i);
        let mut words = image.chunks_exact(8);
        for (w, word) in (&mut words).enumerate() {
            if u64::from_ne_bytes(word.try_into().unwrap()) == 0 {
                continue;
            }
            let mut kept = 0;
            for (k, &v) in word.iter().enumerate() {
                word_pixels[kept] = (w * 8 + k) as u16;
                word_values[kept] = v;
                kept += usize::from(v != 0);
            }
            pixels[at..at + kept].copy_from_slice(&word_pixels[..kept]);
            values[at..at + kept].copy_from_slice(&word_values[..kept]);
            at += kept;
        }
        let tail = image.len() - words.remainder().len();
        for (k, &v) in words.remainder().iter().enumerate() {
            if v != 0 {
                pixels[at] = (tail + k) as u16;
                values[at] = v;
                at += 1;
            }
        }
    }
}

/// x for every byte: [`normalize`] as a table.
pub fn input_table() -> [f64; 256] {
    std::array::from_fn(|v| normalize(v as u8))
}

/// A batch turned around, for the pixels of one range: for each pixel, the
/// samples of the batch in which it is nonzero (in increasing sample
/// order) and its bytes there. ∂W1 row p = Σ over that list of x·dz1 of the sample.
#[derive(Debug, Clone, Default)]
pub struct BatchColumns {
    first: usize,
    starts: Vec<u32>,
    samples: Vec<u32>,
    values: Vec<u8>,
    next: Vec<u32>,
    /// The range of each sample's nonzero pixels that falls in the pixels filled.
    within: Vec<(u32, u32)>,
}

impl BatchColumns {
    /// Sorts the nonzero pixels in `pixels` of the images `batch` by pixel,
    /// keeping the samples in order (a counting sort); reuses its buffers.
    pub fn fill(&mut self, images: &SparseImages, batch: &[usize], pixels: std::ops::Range<usize>) {
        let (first, size) = (pixels.start, pixels.len());
        self.first = first;
        self.starts.clear();
        self.starts.resize(size + 1, 0);
        // Each image's nonzero pixels in the range, found once.
        self.within.clear();
        for &i in batch {
            let (p, _) = images.image(i);
            let a = p.partition_point(|&p| (p as usize) < pixels.start);
            let b = a + p[a..].partition_point(|&p| (p as usize) < pixels.end);
            self.within.push((a as u32, b as u32));
            for &p in &p[a..b] {
                self.starts[p as usize - first + 1] += 1;
            }
        }
        for p in 0..size {
            self.starts[p + 1] += self.starts[p];
        }
        let total = self.starts[size] as usize;
        self.samples.resize(total, 0);
        self.values.resize(total, 0);
        // `next[p]` is where pixel p's next entry goes; starts[p] until filled.
        self.next.clear();
        self.next.extend_from_slice(&self.starts[..size]);
        let (next, samples, values) = (
            &mut self.next[..],
            &mut self.samples[..],
            &mut self.values[..],
        );
        for (s, (&i, &(a, b))) in batch.iter().zip(&self.within).enumerate() {
            let (pixels, bytes) = images.image(i);
            let (pixels, bytes) = (
                &pixels[a as usize..b as usize],
                &bytes[a as usize..b as usize],
            );
            for (&p, &v) in pixels.iter().zip(bytes) {
                let at = &mut next[p as usize - first];
                samples[*at as usize] = s as u32;
                values[*at as usize] = v;
                *at += 1;
            }
        }
    }

    /// The samples with pixel `p` nonzero and the pixel's bytes in them
    /// (p in the range filled).
    #[inline(always)]
    pub fn pixel(&self, p: usize) -> (&[u32], &[u8]) {
        let (a, b) = (
            self.starts[p - self.first] as usize,
            self.starts[p - self.first + 1] as usize,
        );
        (&self.samples[a..b], &self.values[a..b])
    }

    /// The pixels filled.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.first..self.first + self.starts.len().saturating_sub(1)
    }
}

/// The nonzero pixels of part of a batch (at most [`PixelLists::MAX`]
/// samples), listed by pixel: for each pixel, the samples (numbered from
/// 0 within the part) in which it is nonzero and its bytes there, in sample
/// order. Each list has room for every sample, so it is filled in one pass
/// over the images, without counting first.
#[derive(Debug, Clone, Default)]
pub struct PixelLists {
    samples: usize,
    /// How many samples each pixel's list holds.
    counts: Vec<u8>,
    /// Pixel p's list at p·samples: (sample, byte) pairs.
    entries: Vec<[u8; 2]>,
}

impl PixelLists {
    /// The most samples a part may have.
    pub const MAX: usize = u8::MAX as usize;

    /// Lists the nonzero pixels of the images `batch` (at most [`Self::MAX`]).
    pub fn record(&mut self, images: &SparseImages, batch: &[usize]) {
        assert!(batch.len() <= Self::MAX, "at most {} samples", Self::MAX);
        let size = images.pixels();
        self.samples = batch.len();
        self.counts.clear();
        self.counts.resize(size, 0);
        self.entries.resize(size * batch.len(), [0, 0]);
        for (s, &i) in batch.iter().enumerate() {
            let (pixels, values) = images.image(i);
            for (&p, &v) in pixels.iter().zip(values) {
                let count = &mut self.counts[p as usize];
                self.entries[p as usize * self.samples + *count as usize] = [s as u8, v];
                *count += 1;
            }
        }
    }

    /// How many samples were listed.
    pub fn samples(&self) -> usize {
        self.samples
    }

    /// In how many samples pixel `p` is nonzero.
    #[inline(always)]
    pub fn count(&self, p: usize) -> usize {
        self.counts[p] as usize
    }

    /// The (sample, byte) pairs of pixel `p`, in sample order.
    #[inline(always)]
    pub fn pixel(&self, p: usize) -> impl Iterator<Item = (usize, u8)> + '_ {
        let start = p * self.samples;
        self.entries[start..start + self.count(p)]
            .iter()
            .map(|&[s, v]| (s as usize, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nonzero_pixel_is_found_whatever_its_place() {
        // Images of 3×5 = 15 pixels: one word of eight and a tail of seven.
        let images: Vec<u8> = (0..15 * 40)
            .map(|i| {
                if i % 7 == 0 || i % 11 == 3 {
                    (i % 255 + 1) as u8
                } else {
                    0
                }
            })
            .collect();
        let data = Dataset::new(images.clone(), vec![0; 40], 3, 5).unwrap();
        let s = SparseImages::new(&data, &Team::new(3).unwrap()).unwrap();
        for i in 0..40 {
            let (pixels, values) = s.image(i);
            let dense: Vec<(u16, u8)> = images[i * 15..(i + 1) * 15]
                .iter()
                .enumerate()
                .filter(|(_, &v)| v != 0)
                .map(|(p, &v)| (p as u16, v))
                .collect();
            let sparse: Vec<(u16, u8)> =
                pixels.iter().copied().zip(values.iter().copied()).collect();
            assert_eq!(sparse, dense, "image {i}");
        }
    }

    fn tiny() -> Dataset {
        Dataset::new(
            vec![0, 7, 0, 255, /**/ 0, 0, 0, 0, /**/ 9, 0, 1, 0],
            vec![1, 2, 3],
            2,
            2,
        )
        .unwrap()
    }

    #[test]
    fn only_nonzero_pixels_are_kept_in_order() {
        let s = SparseImages::new(&tiny(), &Team::new(1).unwrap()).unwrap();
        assert_eq!(s.image(0), (&[1u16, 3][..], &[7u8, 255][..]));
        assert_eq!(s.image(1), (&[][..], &[][..]));
        assert_eq!(s.image(2), (&[0u16, 2][..], &[9u8, 1][..]));
        assert_eq!((s.len(), s.nonzero(), s.label(2)), (3, 4, 3));
        assert_eq!(input_table()[255], 1.0);
    }

    #[test]
    fn a_batch_is_turned_into_columns_with_repeats_kept() {
        let s = SparseImages::new(&tiny(), &Team::new(1).unwrap()).unwrap();
        let mut c = BatchColumns::default();
        c.fill(&s, &[2, 0, 2, 1], 0..4);
        assert_eq!(c.pixel(0), (&[0u32, 2][..], &[9u8, 9][..]));
        assert_eq!(c.pixel(1), (&[1u32][..], &[7u8][..]));
        assert_eq!(c.pixel(2), (&[0u32, 2][..], &[1u8, 1][..]));
        assert_eq!(c.pixel(3), (&[1u32][..], &[255u8][..]));
        c.fill(&s, &[1], 0..4);
        assert_eq!(c.pixel(0).0.len() + c.pixel(3).0.len(), 0);
        // Only the pixels of a range.
        c.fill(&s, &[2, 0, 2, 1], 2..4);
        assert_eq!(c.range(), 2..4);
        assert_eq!(c.pixel(2), (&[0u32, 2][..], &[1u8, 1][..]));
        assert_eq!(c.pixel(3), (&[1u32][..], &[255u8][..]));
    }

    #[test]
    fn lists_hold_the_same_entries_as_columns() {
        let s = SparseImages::new(&tiny(), &Team::new(1).unwrap()).unwrap();
        let mut l = PixelLists::default();
        l.record(&s, &[2, 0, 2, 1]);
        let listed = |p| l.pixel(p).collect::<Vec<_>>();
        assert_eq!(listed(0), [(0, 9), (2, 9)]);
        assert_eq!(listed(1), [(1, 7)]);
        assert_eq!(listed(2), [(0, 1), (2, 1)]);
        assert_eq!(listed(3), [(1, 255)]);
        assert_eq!((l.count(3), l.samples()), (1, 4));
        l.record(&s, &[1]);
        assert_eq!(l.count(0) + l.count(3), 0);
    }
}
