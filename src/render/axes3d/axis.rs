//! Where mplot3d draws each axis of the box (matplotlib 3.11's `axis3d`):
//! which panes are at the back, along which edge each axis line runs, where
//! its ticks, tick labels, offset text and label go. All in data
//! coordinates, projected by the caller.

use super::projection::Projection;

/// The box's corners in mplot3d's order (`_transformed_cube`): bit 0 of the
/// index is x, bits 1 and 2 follow the order of `_PLANES` below.
fn cube(mins: [f64; 3], maxs: [f64; 3]) -> [[f64; 3]; 8] {
    let ([x0, y0, z0], [x1, y1, z1]) = (mins, maxs);
    [
        [x0, y0, z0],
        [x1, y0, z0],
        [x1, y1, z0],
        [x0, y1, z0],
        [x0, y0, z1],
        [x1, y0, z1],
        [x1, y1, z1],
        [x0, y1, z1],
    ]
}

/// The corners of the low and high plane of each axis (`Axis._PLANES`).
const PLANES: [[usize; 4]; 6] = [
    [0, 3, 7, 4],
    [1, 2, 6, 5],
    [0, 1, 5, 4],
    [3, 2, 6, 7],
    [0, 1, 2, 3],
    [4, 5, 6, 7],
];

/// For each axis, the two other coordinates in the order mplot3d walks the
/// edges (`_AXINFO[...]["juggled"]`).
const JUGGLED: [[usize; 3]; 3] = [[1, 0, 2], [0, 1, 2], [0, 2, 1]];
/// For each axis, the coordinate along which its ticks point (`tickdir`).
const TICKDIR: [usize; 3] = [1, 0, 0];

/// Tick marks reach 0.1 of a delta outwards and 0.2 inwards of the edge.
const TICK_OUT: f64 = 0.1;
const TICK_IN: f64 = 0.2;

/// The box seen from the camera: which side of each axis is at the back.
#[derive(Debug, Clone)]
pub struct Layout {
    pub mins: [f64; 3],
    pub maxs: [f64; 3],
    /// `highs[i]`: the high side of axis i is farther from the eye, so the
    /// pane of axis i is drawn there and the axis runs along the low side.
    pub highs: [bool; 3],
    centers: [f64; 3],
    deltas: [f64; 3],
    /// Data units per point of text offset (`deltas_per_point`).
    per_point: f64,
}

/// One axis' edge and the places of its parts.
#[derive(Debug, Clone)]
pub struct AxisPlaces {
    /// The axis line's ends.
    pub line: [[f64; 3]; 2],
    /// The end the offset text sits by, moved out like the label.
    pub offset_anchor: [f64; 3],
    /// The axis label's anchor.
    pub label_anchor: [f64; 3],
}

impl Layout {
    /// `lims` the data limits; `axes_points` the axes box's width plus height
    /// in points (mplot3d's `ax_points_estimate`).
    pub fn new(proj: &Projection, lims: [(f64, f64); 3], axes_points: f64) -> Self {
        let mins = lims.map(|l| l.0.min(l.1));
        let maxs = lims.map(|l| l.0.max(l.1));
        let depth: Vec<f64> = cube(mins, maxs)
            .iter()
            .map(|&p| proj.project(p)[2])
            .collect();
        let mean = |plane: &[usize; 4]| plane.iter().map(|&c| depth[c]).sum::<f64>() / 4.0;
        let mut highs = [0, 1, 2].map(|i| mean(&PLANES[2 * i]) < mean(&PLANES[2 * i + 1]));
        let equal = [0, 1, 2]
            .map(|i| (mean(&PLANES[2 * i]) - mean(&PLANES[2 * i + 1])).abs() <= f64::EPSILON);
        // Looking straight along an axis: mplot3d's fixed choice.
        if equal.iter().filter(|e| **e).count() == 2 {
            match equal.iter().position(|e| !e) {
                Some(2) => highs = [true, true, highs[2]],
                Some(1) => highs = [true, highs[1], false],
                Some(0) => highs = [highs[0], false, false],
                _ => {}
            }
        }
        Layout {
            mins,
            maxs,
            highs,
            centers: [0, 1, 2].map(|i| 0.5 * (maxs[i] + mins[i])),
            deltas: [0, 1, 2].map(|i| (maxs[i] - mins[i]) * 0.08),
            per_point: 48.0 / axes_points,
        }
    }

    /// The corner nearest the back on every axis (`minmax`) and its opposite.
    fn corners(&self) -> ([f64; 3], [f64; 3]) {
        let pick = |high: bool, i: usize| if high { self.maxs[i] } else { self.mins[i] };
        (
            [0, 1, 2].map(|i| pick(self.highs[i], i)),
            [0, 1, 2].map(|i| pick(!self.highs[i], i)),
        )
    }

    /// The back pane of `axis`: four corners.
    pub fn pane(&self, axis: usize) -> [[f64; 3]; 4] {
        let corners = cube(self.mins, self.maxs);
        PLANES[2 * axis + self.highs[axis] as usize].map(|c| corners[c])
    }

    /// The grid line of `axis` at `value`: across the two back panes it
    /// touches, as three points.
    pub fn grid_line(&self, axis: usize, value: f64) -> [[f64; 3]; 3] {
        let (minmax, maxmin) = self.corners();
        let mut mid = minmax;
        mid[axis] = value;
        let (a, b) = ((axis + 1) % 3, (axis + 2) % 3);
        let mut first = mid;
        first[a] = maxmin[a];
        let mut last = mid;
        last[b] = maxmin[b];
        [first, mid, last]
    }

    /// `_move_from_center`: `p` pushed away from the box centre by `k` times
    /// the deltas, on every coordinate but `axis`.
    fn out_from_center(&self, mut p: [f64; 3], axis: usize, k: f64) -> [f64; 3] {
        for i in (0..3).filter(|&i| i != axis) {
            p[i] += 1f64.copysign(p[i] - self.centers[i]) * k * self.deltas[i];
        }
        p
    }

    /// The tick of `axis` at `value`: its mark's two ends and the anchor of
    /// its label, which is `pad` points (tick pad + 8) out from the edge.
    pub fn tick(&self, axis: usize, value: f64, pad_points: f64) -> ([[f64; 3]; 2], [f64; 3]) {
        let [edge, _] = self.places(axis, 0.0).line;
        let dir = TICKDIR[axis];
        let delta = if self.highs[dir] {
            self.deltas[dir]
        } else {
            -self.deltas[dir]
        };
        let mut p = edge;
        p[axis] = value;
        let (mut out, mut inward) = (p, p);
        out[dir] = edge[dir] + TICK_OUT * delta;
        inward[dir] = edge[dir] - TICK_IN * delta;
        let label = self.out_from_center(p, axis, (pad_points + 8.0) * self.per_point);
        ([out, inward], label)
    }

    /// The edge of `axis` and where its offset text and label go
    /// (`labelpad` points beyond mplot3d's default 21).
    pub fn places(&self, axis: usize, labelpad: f64) -> AxisPlaces {
        let (minmax, maxmin) = self.corners();
        let j = JUGGLED[axis];
        let mut p0 = minmax;
        p0[j[0]] = maxmin[j[0]];
        let mut p1 = p0;
        p1[j[1]] = maxmin[j[1]];
        let k = (labelpad + 21.0) * self.per_point;
        let outer = if j[2] == 2 { p0 } else { p1 };
        let mid = [0, 1, 2].map(|i| 0.5 * (p0[i] + p1[i]));
        AxisPlaces {
            line: [p0, p1],
            offset_anchor: self.out_from_center(outer, axis, k),
            label_anchor: self.out_from_center(mid, axis, k),
        }
    }

    /// Whether the offset text of `axis` starts at its anchor (else it ends
    /// there): `_update_offset_text`'s choice of alignment, from the projected box
    /// centre and the projected outer end of the axis line.
    pub fn offset_left(&self, proj: &Projection, axis: usize) -> bool {
        let places = self.places(axis, 0.0);
        let j = JUGGLED[axis];
        let outer = proj.project(if j[2] == 2 {
            places.line[0]
        } else {
            places.line[1]
        });
        let centre = proj.project(self.centers);
        let tickdir = TICKDIR[axis];
        let even = self.highs.iter().filter(|h| **h).count() % 2 == 0;
        if centre[tickdir] > outer[tickdir] {
            if centre[axis] <= outer[axis] && even {
                self.highs == [false, true, true] && (axis == 1 || axis == 2)
            } else {
                true
            }
        } else {
            centre[axis] > outer[axis] && even && axis != 2
        }
    }
}
