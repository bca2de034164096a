//! mplot3d's projection (matplotlib 3.11, `Axes3D.get_proj`), from data
//! coordinates to pixels.
//!
//! 1. The world transform scales the data limits to a box of sides
//!    `box_aspect` = (4, 4, 3) · 1.8294640721620434 · 25/24 / ‖(4, 4, 3)‖.
//! 2. The eye looks at the box centre R = box_aspect/2 from
//!    E = R + 10·(cos e cos a, cos e sin a, sin e) (distance 10, focal
//!    length 1), with screen axes u = ẑ × w, v = w × u, w = (E − R)/‖E − R‖.
//! 3. The perspective matrix with near/far planes ∓10 and focal length 1
//!    divides by the depth.
//! 4. The projected (x, y), in [−0.095, 0.09] on both axes
//!    (`set_top_view`), fill the axes box: the subplot shrunk to a square and
//!    centred (`apply_aspect`).

use crate::render::canvas::Rect;

type Mat = [[f64; 4]; 4];

/// The camera distance (`Axes3D._dist`).
const DIST: f64 = 10.0;
/// The projected limits shown in the axes box (`set_top_view`).
const VIEW: (f64, f64) = (-0.95 / DIST, 0.9 / DIST);

/// The box aspect at the default zoom, scaled as mplot3d scales it.
pub fn box_aspect() -> [f64; 3] {
    let aspect = [4.0f64, 4.0, 3.0];
    let norm = aspect.iter().map(|a| a * a).sum::<f64>().sqrt();
    let k = 1.8294640721620434 * 25.0 / 24.0 * 1.0 / norm;
    aspect.map(|a| a * k)
}

/// The subplot box `subplot` shrunk to a square and centred in it, as
/// mplot3d's `apply_aspect` does (in the canvas' pixels).
pub fn square_in(subplot: Rect) -> Rect {
    let side = subplot.width().min(subplot.height());
    let (cx, cy) = (
        (subplot.left + subplot.right) / 2.0,
        (subplot.top + subplot.bottom) / 2.0,
    );
    Rect {
        left: cx - side / 2.0,
        right: cx + side / 2.0,
        top: cy - side / 2.0,
        bottom: cy + side / 2.0,
    }
}

fn mul(a: &Mat, b: &Mat) -> Mat {
    let mut m = [[0.0; 4]; 4];
    for (i, row) in m.iter_mut().enumerate() {
        for (j, v) in row.iter_mut().enumerate() {
            *v = (0..4).map(|k| a[i][k] * b[k][j]).sum();
        }
    }
    m
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn unit(a: [f64; 3]) -> [f64; 3] {
    let n = a.iter().map(|v| v * v).sum::<f64>().sqrt();
    a.map(|v| v / n)
}

/// The projection of one view of one data box onto one axes box.
#[derive(Debug, Clone)]
pub struct Projection {
    m: Mat,
    bbox: Rect,
}

impl Projection {
    /// `lims` the x, y, z data limits, `elev`/`azim` in degrees, `bbox` the
    /// square axes box in canvas pixels.
    pub fn new(lims: [(f64, f64); 3], elev: f64, azim: f64, bbox: Rect) -> Self {
        let aspect = box_aspect();
        let mut world = [[0.0; 4]; 4];
        for i in 0..3 {
            let d = (lims[i].1 - lims[i].0) / aspect[i];
            world[i][i] = 1.0 / d;
            world[i][3] = -lims[i].0 / d;
        }
        world[3][3] = 1.0;
        let r = aspect.map(|a| 0.5 * a);
        let (el, az) = (elev.to_radians(), azim.to_radians());
        let ps = [el.cos() * az.cos(), el.cos() * az.sin(), el.sin()];
        let eye = [0, 1, 2].map(|i| r[i] + DIST * ps[i]);
        let w = unit([0, 1, 2].map(|i| eye[i] - r[i]));
        // Upside down past ±90° of elevation, as mplot3d turns it.
        let up = if el.abs() > std::f64::consts::FRAC_PI_2 {
            -1.0
        } else {
            1.0
        };
        let u = unit(cross([0.0, 0.0, up], w));
        let v = cross(w, u);
        // Focal length 1: the eye stays at E.
        let mut view = [[0.0; 4]; 4];
        for (row, axis) in [u, v, w].iter().enumerate() {
            view[row][..3].copy_from_slice(axis);
            view[row][3] = -(0..3).map(|k| axis[k] * eye[k]).sum::<f64>();
        }
        view[3][3] = 1.0;
        let (front, back) = (-DIST, DIST);
        let persp = [
            [1.0, 0.0, 0.0, 0.0],
            [0.0, 1.0, 0.0, 0.0],
            [
                0.0,
                0.0,
                (front + back) / (front - back),
                -2.0 * (front * back) / (front - back),
            ],
            [0.0, 0.0, -1.0, 0.0],
        ];
        Projection {
            m: mul(&persp, &mul(&view, &world)),
            bbox,
        }
    }

    /// `proj3d.proj_transform`: the projected x, y and depth of a data point.
    pub fn project(&self, p: [f64; 3]) -> [f64; 3] {
        let h = [p[0], p[1], p[2], 1.0];
        let row = |i: usize| (0..4).map(|k| self.m[i][k] * h[k]).sum::<f64>();
        let w = row(3);
        [row(0) / w, row(1) / w, row(2) / w]
    }

    /// Projected (x, y) to canvas pixels (y down).
    pub fn to_canvas(&self, x: f64, y: f64) -> (f64, f64) {
        let span = VIEW.1 - VIEW.0;
        (
            self.bbox.left + (x - VIEW.0) / span * self.bbox.width(),
            self.bbox.bottom - (y - VIEW.0) / span * self.bbox.height(),
        )
    }

    /// A data point to canvas pixels.
    pub fn pixel(&self, p: [f64; 3]) -> (f64, f64) {
        let [x, y, _] = self.project(p);
        self.to_canvas(x, y)
    }

    /// The axes box.
    pub fn bbox(&self) -> Rect {
        self.bbox
    }
}
