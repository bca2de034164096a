//! IDX, the file format MNIST is distributed in (LeCun, Cortes and Burges).
//!
//! All integers are big-endian:
//!
//! ```text
//! magic      u32   0x00 0x00 type ndim   (type 0x08: unsigned bytes)
//! dims       ndim × u32                  (labels: count; images: count, rows, cols)
//! data       d₀·d₁·…·d₍ndim−1₎ bytes, row-major
//! ```
//!
//! Labels have the magic number 0x00000801, images 0x00000803. A file that
//! begins with gzip's magic bytes `1f 8b` is decompressed as it is read,
//! whatever its name says; the header must then declare exactly the bytes
//! that follow it, no fewer and no more.

use super::error::{truncated_detail, DataError};
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// Magic number of an IDX file of labels: unsigned bytes, one dimension.
pub const LABELS_MAGIC: u32 = 0x0000_0801;
/// Magic number of an IDX file of images: unsigned bytes, three dimensions.
pub const IMAGES_MAGIC: u32 = 0x0000_0803;
/// The first two bytes of every gzip stream (RFC 1952).
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Grey-level images as the file stores them: `count` images of `rows × cols`
/// pixels, row-major, 0 (background) to 255 (ink).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Images {
    pub count: usize,
    pub rows: usize,
    pub cols: usize,
    /// `count · rows · cols` bytes, image after image.
    pub pixels: Vec<u8>,
}

impl Images {
    /// Pixels in one image, `rows · cols` (784 for MNIST).
    pub fn pixels_per_image(&self) -> usize {
        self.rows * self.cols
    }

    /// The pixels of image `i` (`i < count`), row after row.
    pub fn image(&self, i: usize) -> &[u8] {
        let n = self.pixels_per_image();
        &self.pixels[i * n..(i + 1) * n]
    }
}

/// Reads an IDX file of images (magic 0x00000803), gzip-compressed or not.
pub fn read_images(path: &Path) -> Result<Images, DataError> {
    let (dims, pixels) = read_idx(path, IMAGES_MAGIC)?;
    Ok(Images {
        count: dims[0],
        rows: dims[1],
        cols: dims[2],
        pixels,
    })
}

/// Reads an IDX file of labels (magic 0x00000801), gzip-compressed or not.
pub fn read_labels(path: &Path) -> Result<Vec<u8>, DataError> {
    read_idx(path, LABELS_MAGIC).map(|(_, labels)| labels)
}

/// Whether `head`, the first bytes of a file, start a gzip stream.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&GZIP_MAGIC)
}

/// The content of `bytes`, decompressed if they are gzip.
pub fn content(bytes: &[u8]) -> Box<dyn Read + '_> {
    if is_gzip(bytes) {
        Box::new(MultiGzDecoder::new(bytes))
    } else {
        Box::new(bytes)
    }
}

/// Opens `path` for reading its content, decompressed if the file is gzip.
/// Also returns the content's likely size, to reserve memory once: the file's
/// length, or for gzip the length its trailer records (modulo 2³²).
pub fn open(path: &Path) -> io::Result<(Box<dyn Read>, u64)> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    let mut head = [0u8; 2];
    let gzip = len >= 2 && {
        file.read_exact(&mut head)?;
        is_gzip(&head)
    };
    let mut size = len;
    if gzip {
        size = 0;
        if len >= 4 {
            let mut isize = [0u8; 4];
            file.seek(SeekFrom::End(-4))?;
            file.read_exact(&mut isize)?;
            size = u32::from_le_bytes(isize).into();
        }
    }
    file.seek(SeekFrom::Start(0))?;
    let reader = BufReader::with_capacity(1 << 16, file);
    Ok(match gzip {
        true => (Box::new(MultiGzDecoder::new(reader)), size),
        false => (Box::new(reader), size),
    })
}

/// Reads the IDX file at `path`, which must carry the magic number `magic`:
/// its dimensions and its data, checked to be exactly as long as declared.
fn read_idx(path: &Path, magic: u32) -> Result<(Vec<usize>, Vec<u8>), DataError> {
    let (mut reader, size_hint) = open(path).map_err(|e| DataError::from_io(path, e, None))?;
    let dims = read_header(&mut reader, path, magic)?;
    let header_len = 4 + 4 * dims.len() as u64;
    let declared = dims.iter().map(|&d| d as u128).product::<u128>();
    let declared = u64::try_from(declared).unwrap_or(u64::MAX);

    let capacity = declared.min(size_hint.saturating_sub(header_len));
    let mut data = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    let read = (&mut reader).take(declared).read_to_end(&mut data);
    let found = data.len() as u64;
    read.map_err(|e| DataError::from_io(path, e, Some((declared, found))))?;
    if found < declared {
        return Err(DataError::Truncated {
            path: path.to_path_buf(),
            detail: truncated_detail(declared, found),
        });
    }
    // Reading to the end also checks a gzip stream's CRC-32 and length.
    let extra =
        io::copy(&mut reader, &mut io::sink()).map_err(|e| DataError::from_io(path, e, None))?;
    if extra > 0 {
        return Err(DataError::TrailingBytes {
            path: path.to_path_buf(),
            declared,
            extra,
        });
    }
    let dims = dims.into_iter().map(|d| d as usize).collect();
    Ok((dims, data))
}

/// The magic number, checked against `magic`, and the dimensions it announces.
fn read_header(reader: &mut dyn Read, path: &Path, magic: u32) -> Result<Vec<u32>, DataError> {
    let ndim = (magic & 0xff) as usize;
    let header_len = 4 + 4 * ndim;
    let short = |e: io::Error| match e.kind() {
        io::ErrorKind::UnexpectedEof => DataError::Truncated {
            path: path.to_path_buf(),
            detail: format!("the file ends inside its {header_len}-byte header"),
        },
        _ => DataError::from_io(path, e, None),
    };
    let mut word = [0u8; 4];
    reader.read_exact(&mut word).map_err(short)?;
    let found = u32::from_be_bytes(word);
    if found != magic {
        return Err(DataError::BadMagic {
            path: path.to_path_buf(),
            found,
            expected: magic,
            what: if magic == IMAGES_MAGIC {
                "images"
            } else {
                "labels"
            },
        });
    }
    (0..ndim)
        .map(|_| {
            reader.read_exact(&mut word).map_err(short)?;
            Ok(u32::from_be_bytes(word))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn idx(magic: u32, dims: &[u32], data: &[u8]) -> Vec<u8> {
        let mut out = magic.to_be_bytes().to_vec();
        for d in dims {
            out.extend(d.to_be_bytes());
        }
        out.extend(data);
        out
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn file(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(bytes).unwrap();
        f
    }

    #[test]
    fn images_plain_and_gzip_read_the_same() {
        let pixels: Vec<u8> = (0..2 * 3 * 2).map(|i| i as u8 * 20).collect();
        let raw = idx(IMAGES_MAGIC, &[2, 3, 2], &pixels);
        for bytes in [raw.clone(), gzip(&raw)] {
            let f = file(&bytes);
            let images = read_images(f.path()).unwrap();
            assert_eq!((images.count, images.rows, images.cols), (2, 3, 2));
            assert_eq!(images.image(1), &pixels[6..12]);
            assert_eq!(images.pixels, pixels);
        }
    }

    #[test]
    fn the_gzip_size_hint_is_the_trailer_length() {
        let raw = idx(LABELS_MAGIC, &[5], &[1, 2, 3, 4, 5]);
        let f = file(&gzip(&raw));
        let (mut reader, hint) = open(f.path()).unwrap();
        assert_eq!(hint, raw.len() as u64);
        let mut back = Vec::new();
        reader.read_to_end(&mut back).unwrap();
        assert_eq!(back, raw);
    }

    #[test]
    fn a_gzip_stream_cut_short_is_truncated() {
        let raw = idx(LABELS_MAGIC, &[3000], &[7; 3000]);
        let gz = gzip(&raw);
        let f = file(&gz[..gz.len() - 12]);
        let e = read_labels(f.path()).unwrap_err().to_string();
        assert!(e.contains(": truncated: "), "{e}");
    }

    #[test]
    fn a_damaged_gzip_checksum_is_corrupt_data() {
        let raw = idx(LABELS_MAGIC, &[4], &[1, 2, 3, 4]);
        let mut gz = gzip(&raw);
        let crc = gz.len() - 8;
        gz[crc] ^= 0xff;
        let f = file(&gz);
        let e = read_labels(f.path()).unwrap_err().to_string();
        assert!(e.contains(": corrupt gzip data: "), "{e}");
    }

    #[test]
    fn a_huge_declared_size_does_not_reserve_memory() {
        let f = file(&idx(
            IMAGES_MAGIC,
            &[u32::MAX, u32::MAX, u32::MAX],
            &[0; 10],
        ));
        let e = read_images(f.path()).unwrap_err().to_string();
        assert!(
            e.ends_with(&format!(
                "truncated: the header declares {} bytes of data, the file holds 10",
                u64::MAX
            )),
            "{e}"
        );
    }
}
