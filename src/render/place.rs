//! Finding room for a note: the first of several candidate boxes that no
//! line crosses and no other box overlaps.

use super::canvas::Rect;
use super::clip::clip_segment;

/// Whether the segment from `a` to `b` passes through `r`.
pub fn crosses(r: &Rect, a: (f64, f64), b: (f64, f64)) -> bool {
    let shift = |p: (f64, f64)| (p.0 - r.left, p.1 - r.top);
    clip_segment(shift(a), shift(b), r.width(), r.height()).is_some()
}

/// Whether two boxes overlap.
pub fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/// `r` grown by `m` on every side.
pub fn grown(r: &Rect, m: f64) -> Rect {
    Rect {
        left: r.left - m,
        top: r.top - m,
        right: r.right + m,
        bottom: r.bottom + m,
    }
}

/// The first of `candidates` that, grown by `margin`, lies inside `within`,
/// crosses none of the `lines` (polylines) and overlaps none of `taken`.
///
/// The lines are first marked on a grid of `cell`-sized squares over
/// `within`, so that trying thousands of candidates stays fast; a line is
/// taken to cover every square it passes through.
pub fn first_free(
    candidates: impl IntoIterator<Item = Rect>,
    within: &Rect,
    lines: &[Vec<(f64, f64)>],
    taken: &[Rect],
    margin: f64,
    cell: f64,
) -> Option<Rect> {
    let grid = Occupancy::new(within, lines, cell);
    candidates.into_iter().find(|c| {
        let g = grown(c, margin);
        g.left >= within.left
            && g.right <= within.right
            && g.top >= within.top
            && g.bottom <= within.bottom
            && !taken.iter().any(|t| overlaps(&g, t))
            && grid.is_free(&g)
    })
}

/// Which squares of a grid over an area some line passes through.
struct Occupancy {
    origin: (f64, f64),
    cell: f64,
    cols: usize,
    rows: usize,
    used: Vec<bool>,
}

impl Occupancy {
    fn new(within: &Rect, lines: &[Vec<(f64, f64)>], cell: f64) -> Self {
        let cols = (within.width() / cell).ceil().max(1.0) as usize;
        let rows = (within.height() / cell).ceil().max(1.0) as usize;
        let mut grid = Occupancy {
            origin: (within.left, within.top),
            cell,
            cols,
            rows,
            used: vec![false; cols * rows],
        };
        for line in lines {
            for w in line.windows(2) {
                grid.mark(w[0], w[1]);
            }
        }
        grid
    }

    /// Marks the squares along a segment, sampled every half square.
    fn mark(&mut self, a: (f64, f64), b: (f64, f64)) {
        let n = ((b.0 - a.0).hypot(b.1 - a.1) / (self.cell / 2.0)).ceil();
        if !n.is_finite() {
            return;
        }
        let n = n.clamp(1.0, 1e6) as usize;
        for i in 0..=n {
            let t = i as f64 / n as f64;
            let (x, y) = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
            let (c, r) = (
                ((x - self.origin.0) / self.cell).floor(),
                ((y - self.origin.1) / self.cell).floor(),
            );
            if c >= 0.0 && r >= 0.0 && (c as usize) < self.cols && (r as usize) < self.rows {
                self.used[r as usize * self.cols + c as usize] = true;
            }
        }
    }

    fn is_free(&self, r: &Rect) -> bool {
        let index =
            |v: f64, o: f64, n: usize| (((v - o) / self.cell).floor().max(0.0) as usize).min(n - 1);
        let (c0, c1) = (
            index(r.left, self.origin.0, self.cols),
            index(r.right, self.origin.0, self.cols),
        );
        let (r0, r1) = (
            index(r.top, self.origin.1, self.rows),
            index(r.bottom, self.origin.1, self.rows),
        );
        (r0..=r1).all(|row| (c0..=c1).all(|col| !self.used[row * self.cols + col]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(left: f64, top: f64, right: f64, bottom: f64) -> Rect {
        Rect {
            left,
            top,
            right,
            bottom,
        }
    }

    #[test]
    fn the_first_box_clear_of_lines_and_boxes_is_chosen() {
        let within = rect(0.0, 0.0, 100.0, 100.0);
        // A diagonal from the top-left to the bottom-right corner.
        let lines = vec![vec![(0.0, 0.0), (100.0, 100.0)]];
        let on_line = rect(40.0, 40.0, 60.0, 50.0);
        let taken = rect(60.0, 0.0, 100.0, 20.0);
        let under_taken = rect(70.0, 5.0, 90.0, 15.0);
        let free = rect(10.0, 70.0, 30.0, 80.0);
        let outside = rect(-10.0, 70.0, 5.0, 80.0);
        let found = first_free(
            [on_line, under_taken, outside, free],
            &within,
            &lines,
            &[taken],
            2.0,
            1.0,
        );
        assert_eq!(found, Some(free));
        assert_eq!(first_free([on_line], &within, &lines, &[], 0.0, 1.0), None);
        assert!(crosses(&on_line, (0.0, 0.0), (100.0, 100.0)));
        assert!(!crosses(&free, (0.0, 0.0), (100.0, 100.0)));
    }
}
