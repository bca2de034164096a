//! Images and their labels as the training loop takes them: one byte per
//! pixel, as the IDX files store them.

use std::fmt;

/// The number of classes (the digits 0 to 9).
pub const CLASSES: usize = 10;

/// `count` images of `rows` × `cols` pixels, one byte each (0 white to 255
/// black, row by row, image after image), and one label per image.
#[derive(Clone, PartialEq, Eq)]
pub struct Dataset {
    images: Vec<u8>,
    labels: Vec<u8>,
    rows: usize,
    cols: usize,
}

/// Why bytes do not make a [`Dataset`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatasetError {
    #[error("{pixels} pixel bytes are not a whole number of {rows}×{cols} images")]
    Ragged {
        pixels: usize,
        rows: usize,
        cols: usize,
    },
    #[error("{images} images but {labels} labels")]
    CountMismatch { images: usize, labels: usize },
    #[error("label {label} of image {index} is not a digit 0 to 9")]
    BadLabel { index: usize, label: u8 },
    #[error("images of {rows}×{cols} pixels have none")]
    Empty { rows: usize, cols: usize },
}

impl Dataset {
    /// Checks that the pixels are a whole number of `rows` × `cols` images,
    /// one per label, and that every label is a digit.
    pub fn new(
        images: Vec<u8>,
        labels: Vec<u8>,
        rows: usize,
        cols: usize,
    ) -> Result<Self, DatasetError> {
        let size = rows * cols;
        if size == 0 {
            return Err(DatasetError::Empty { rows, cols });
        }
        if !images.len().is_multiple_of(size) {
            return Err(DatasetError::Ragged {
                pixels: images.len(),
                rows,
                cols,
            });
        }
        if images.len() / size != labels.len() {
            return Err(DatasetError::CountMismatch {
                images: images.len() / size,
                labels: labels.len(),
            });
        }
        if let Some(index) = labels.iter().position(|&l| l as usize >= CLASSES) {
            return Err(DatasetError::BadLabel {
                index,
                label: labels[index],
            });
        }
        Ok(Dataset {
            images,
            labels,
            rows,
            cols,
        })
    }

    /// How many images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no images.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Pixels per image, rows × cols (784 for MNIST): the network's input size.
    pub fn pixels(&self) -> usize {
        self.rows * self.cols
    }

    /// (rows, cols) of each image.
    pub fn shape(&self) -> (usize, usize) {
        (self.rows, self.cols)
    }

    /// The pixels of image `index`.
    pub fn image(&self, index: usize) -> &[u8] {
        let size = self.pixels();
        &self.images[index * size..(index + 1) * size]
    }

    /// All pixels, image after image.
    pub fn images(&self) -> &[u8] {
        &self.images
    }

    /// The labels, one per image.
    pub fn labels(&self) -> &[u8] {
        &self.labels
    }
}

impl fmt::Debug for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Dataset({} images of {}×{})",
            self.len(),
            self.rows,
            self.cols
        )
    }
}

/// A pixel as `load_mnist(normalize=True)` gives it: byte / 255 computed in
/// single precision (numpy divides the float32 array in place), then used
/// as a double (as it is in `np.dot` with the double weights).
pub fn normalize(pixel: u8) -> f64 {
    (pixel as f32 / 255.0f32) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_a_dataset_are_refused() {
        assert_eq!(
            Dataset::new(vec![0; 7], vec![0], 2, 2),
            Err(DatasetError::Ragged {
                pixels: 7,
                rows: 2,
                cols: 2
            })
        );
        assert_eq!(
            Dataset::new(vec![0; 8], vec![0], 2, 2),
            Err(DatasetError::CountMismatch {
                images: 2,
                labels: 1
            })
        );
        assert_eq!(
            Dataset::new(vec![0; 8], vec![3, 10], 2, 2),
            Err(DatasetError::BadLabel {
                index: 1,
                label: 10
            })
        );
        assert!(Dataset::new(vec![], vec![], 0, 28).is_err());
        let d = Dataset::new(vec![1, 2, 3, 4, 5, 6, 7, 8], vec![3, 9], 2, 2).unwrap();
        assert_eq!(
            (d.len(), d.pixels(), d.image(1)),
            (2, 4, &[5u8, 6, 7, 8][..])
        );
        assert_eq!(
            Dataset::new(vec![0; 8], vec![3, 10], 2, 2)
                .unwrap_err()
                .to_string(),
            "label 10 of image 1 is not a digit 0 to 9"
        );
    }

    #[test]
    fn pixels_are_normalized_in_single_precision() {
        assert_eq!(normalize(0), 0.0);
        assert_eq!(normalize(255), 1.0);
        // np.float32(128) / np.float32(255), as a double: not 128/255.
        assert_eq!(normalize(128), 0.501960813999176);
        assert_ne!(normalize(128), 128.0 / 255.0);
    }
}
