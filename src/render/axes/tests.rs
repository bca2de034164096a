//! Limits, pixels and lines cut at the plot's edges.

use super::*;

#[test]
fn auto_limits_add_five_percent() {
    assert_eq!(auto_limits([0.0, 10.0, f64::NAN]), (-0.5, 10.5));
}

#[test]
fn pixels_map_limits_to_the_plot_area_edges() {
    let canvas = Canvas::new(crate::render::Size::DEFAULT);
    let axes = Axes::new(&canvas, (-2.0, 2.0), (-2.0, 2.0));
    assert_eq!(axes.pixel(-2.0, 2.0), Some((0, 0)));
    let (w, h) = (
        axes.rect.width().round() as i32,
        axes.rect.height().round() as i32,
    );
    assert_eq!(axes.pixel(2.0, -2.0), Some((w, h)));
    assert_eq!(axes.pixel(f64::NAN, 0.0), None);
    assert_eq!(
        axes.polyline([(0.0, 0.0), (f64::INFINITY, 1.0), (1.0, 1.0)])
            .len(),
        0
    );
}

#[test]
fn a_polyline_is_cut_at_the_edges_of_the_plot() {
    let canvas = Canvas::new(crate::render::Size::DEFAULT);
    let axes = Axes::new(&canvas, (0.0, 10.0), (0.0, 10.0));
    let (w, h) = (
        axes.rect.width().round() as i32,
        axes.rect.height().round() as i32,
    );
    let px = |x: f64, y: f64| axes.pixel(x, y).unwrap();
    // Inside: the points as they are.
    let inside = [(1.0, 1.0), (2.0, 5.0), (9.0, 9.0)];
    assert_eq!(
        axes.polyline(inside),
        [inside.map(|(x, y)| px(x, y)).to_vec()]
    );
    // Out through the top at x = 5 and back in at x = 7: two pieces,
    // ending and starting on the edge, nothing drawn along it.
    let pieces = axes.polyline([(4.0, 8.0), (6.0, 12.0), (8.0, 8.0)]);
    assert_eq!(
        pieces,
        [
            vec![px(4.0, 8.0), px(5.0, 10.0)],
            vec![px(7.0, 10.0), px(8.0, 8.0)]
        ]
    );
    assert_eq!(pieces[0][1].1, 0);
    // A segment that crosses the whole plot from outside to outside.
    assert_eq!(
        axes.polyline([(-10.0, 5.0), (20.0, 5.0)]),
        [vec![(0, px(0.0, 5.0).1), (w, px(0.0, 5.0).1)]]
    );
    // One that misses it, and a huge but finite value.
    assert!(axes.polyline([(-1.0, 11.0), (11.0, 13.0)]).is_empty());
    assert_eq!(
        axes.polyline([(5.0, 5.0), (5.0, -1e300)]),
        [vec![px(5.0, 5.0), (px(5.0, 0.0).0, h)]]
    );
}
