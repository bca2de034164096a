//! Lines cut at the edges of a plot area, since plotters cannot clip.

/// Internal pixels are clamped to this far outside the image, so that a huge
/// or infinite-looking value still draws a line in the right direction.
pub const FAR: f64 = 1.0e6;

/// The part of the segment from `a` to `b` inside `[0, w] × [0, h]`, as
/// parameters `t0 ≤ t1` in [0, 1] along it (Liang–Barsky); `None` if it
/// misses the box.
pub fn clip_segment(a: (f64, f64), b: (f64, f64), w: f64, h: f64) -> Option<(f64, f64)> {
    let (du, dv) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [(-du, a.0), (du, w - a.0), (-dv, a.1), (dv, h - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    (t0 <= t1).then_some((t0, t1))
}

/// The pieces of a polyline through `points` (plot-area pixels; `None` for
/// a point that is not finite) that lie inside `[0, w] × [0, h]`, rounded
/// for plotters: a missing point breaks the line, as in matplotlib, and the
/// line is cut where it leaves the area. (plotters would pin every point
/// outside its area to the nearest edge, drawing lines along the edges.)
pub fn polyline(
    points: impl IntoIterator<Item = Option<(f64, f64)>>,
    w: f64,
    h: f64,
) -> Vec<Vec<(i32, i32)>> {
    let round = |(u, v): (f64, f64)| (u.round() as i32, v.round() as i32);
    let mut pieces: Vec<Vec<(i32, i32)>> = vec![Vec::new()];
    let mut prev: Option<(f64, f64)> = None;
    for point in points {
        let Some((u, v)) = point else {
            pieces.push(Vec::new());
            prev = None;
            continue;
        };
        let p = (u.clamp(-FAR, FAR), v.clamp(-FAR, FAR));
        let Some(a) = prev.replace(p) else {
            if (0.0..=w).contains(&p.0) && (0.0..=h).contains(&p.1) {
                pieces.push(vec![round(p)]);
            }
            continue;
        };
        let Some((t0, t1)) = clip_segment(a, p, w, h) else {
            pieces.push(Vec::new());
            continue;
        };
        let at = |t: f64| (a.0 + t * (p.0 - a.0), a.1 + t * (p.1 - a.1));
        let current = pieces.last_mut().expect("never empty");
        if t0 > 0.0 || current.is_empty() {
            pieces.push(vec![round(at(t0))]);
        }
        let current = pieces.last_mut().expect("never empty");
        if t1 < 1.0 {
            current.push(round(at(t1)));
            pieces.push(Vec::new());
        } else {
            current.push(round(p));
        }
    }
    pieces.retain(|p| p.len() > 1);
    pieces
}
