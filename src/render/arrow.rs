//! Quiver arrows, shaped as matplotlib's `quiver` draws them (plotters has
//! no arrow element).
//!
//! An arrow is a polygon measured in shaft widths: the shaft is 1 wide, the
//! head 3 wide (`headwidth`) and 5 long (`headlength`), and its back edges
//! meet the shaft 4.5 from the tip (`headaxislength`). An arrow shorter than
//! its head keeps the head's shape and shrinks (`minshaft = 1`); one shorter
//! than a shaft width becomes a small hexagon (`minlength = 1`).

const HEAD_WIDTH: f64 = 3.0;
const HEAD_LENGTH: f64 = 5.0;
const HEAD_AXIS_LENGTH: f64 = 4.5;
const MIN_LENGTH: f64 = 1.0;

/// The outline of an arrow with its tail at `tail`, pointing along
/// `direction`, `length` long with a shaft `width` wide (all in pixels).
pub fn arrow_polygon(
    tail: (f64, f64),
    direction: (f64, f64),
    length: f64,
    width: f64,
) -> Vec<(f64, f64)> {
    let l = length / width;
    let outline: Vec<(f64, f64)> = if l < MIN_LENGTH {
        // A tiny vector: a hexagon of diameter `minlength`.
        (0..6)
            .map(|i| {
                let a = std::f64::consts::PI / 3.0 * i as f64;
                (0.5 * MIN_LENGTH * a.cos(), 0.5 * MIN_LENGTH * a.sin())
            })
            .collect()
    } else {
        let (x, shrink) = if l < HEAD_LENGTH {
            // All head, scaled down to the arrow's length.
            (
                [0.0, HEAD_LENGTH - HEAD_AXIS_LENGTH, 0.0, HEAD_LENGTH],
                l / HEAD_LENGTH,
            )
        } else {
            ([0.0, l - HEAD_AXIS_LENGTH, l - HEAD_LENGTH, l], 1.0)
        };
        let half = [0.5, 0.5, 0.5 * HEAD_WIDTH, 0.0];
        let upper = (0..4).map(|i| (x[i] * shrink, half[i] * shrink));
        let lower = (0..3).rev().map(|i| (x[i] * shrink, -half[i] * shrink));
        upper.chain(lower).collect()
    };
    let norm = direction.0.hypot(direction.1);
    let (c, s) = if norm > 0.0 {
        (direction.0 / norm, direction.1 / norm)
    } else {
        (1.0, 0.0)
    };
    outline
        .into_iter()
        .map(|(u, v)| {
            (
                tail.0 + width * (u * c - v * s),
                tail.1 + width * (u * s + v * c),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_arrow_ends_at_its_length_with_a_three_wide_head() {
        let p = arrow_polygon((10.0, 20.0), (1.0, 0.0), 50.0, 2.0);
        assert_eq!(p.len(), 7);
        assert_eq!(p[3], (60.0, 20.0), "the tip");
        assert_eq!(
            p[2],
            (50.0, 23.0),
            "the head's back corner, 5 widths from the tip"
        );
        assert_eq!(p[0], (10.0, 21.0));
    }

    #[test]
    fn a_short_arrow_is_a_shrunken_head_and_a_tiny_one_a_hexagon() {
        let p = arrow_polygon((0.0, 0.0), (0.0, 1.0), 5.0, 2.0);
        assert!((p[3].1 - 5.0).abs() < 1e-12 && p[3].0.abs() < 1e-12);
        assert_eq!(arrow_polygon((0.0, 0.0), (1.0, 0.0), 0.5, 2.0).len(), 6);
        assert_eq!(arrow_polygon((0.0, 0.0), (0.0, 0.0), 0.0, 2.0).len(), 6);
    }
}
