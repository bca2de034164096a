//! The 3-D axes against mplot3d (matplotlib 3.11.2): every position in
//! `tests/fixtures/matplotlib/axes3d.json` (written by
//! `python/matplotlib/axes3d.py`) within a hundredth of a pixel.

use super::*;
use crate::render::{Canvas, Size};
use serde_json::Value;

const FIXTURE: &str = include_str!("../../../tests/fixtures/matplotlib/axes3d.json");

fn point(v: &Value) -> (f64, f64) {
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

fn assert_near(ours: (f64, f64), theirs: (f64, f64), what: &str) {
    let d = (ours.0 - theirs.0).hypot(ours.1 - theirs.1);
    assert!(d < 0.01, "{what}: ours {ours:?}, matplotlib's {theirs:?}");
}

fn axes_of(case: &Value) -> (Axes3d, f64) {
    let lims: Vec<(f64, f64)> = case["limits"]
        .as_array()
        .unwrap()
        .iter()
        .map(point)
        .collect();
    let canvas = Canvas::new(Size::DEFAULT);
    let k = canvas.pen().k();
    let axes = Axes3d::new(
        &canvas,
        [lims[0], lims[1], lims[2]],
        ["x0", "x1", "f(x)"],
        case["elev"].as_f64().unwrap(),
        case["azim"].as_f64().unwrap(),
    );
    (axes, k)
}

fn cases() -> Vec<Value> {
    let doc: Value = serde_json::from_str(FIXTURE).unwrap();
    assert_eq!(doc["matplotlib"], "3.11.2");
    doc["cases"].as_array().unwrap().clone()
}

#[test]
fn the_box_projects_where_mplot3d_puts_it() {
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let (axes, k) = axes_of(&case);
        let out = |(x, y): (f64, f64)| (x / k, y / k);
        let b = axes.proj.bbox();
        let bbox: Vec<f64> = case["bbox"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        assert_near(out((b.left, b.top)), (bbox[0], bbox[1]), name);
        assert_near(out((b.width(), b.height())), (bbox[2], bbox[3]), name);
        let [(x0, x1), (y0, y1), (z0, z1)] = axes.lims;
        let corners = [
            [x0, y0, z0],
            [x1, y0, z0],
            [x1, y1, z0],
            [x0, y1, z0],
            [x0, y0, z1],
            [x1, y0, z1],
            [x1, y1, z1],
            [x0, y1, z1],
        ];
        for (c, theirs) in corners.iter().zip(case["corners"].as_array().unwrap()) {
            assert_near(
                out(axes.project(*c)),
                point(theirs),
                &format!("{name}: corner {c:?}"),
            );
        }
    }
}

#[test]
fn ticks_labels_and_offset_texts_sit_where_mplot3d_puts_them() {
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let (axes, k) = axes_of(&case);
        let out = |(x, y): (f64, f64)| (x / k, y / k);
        for (i, key) in ["x", "y", "z"].iter().enumerate() {
            let theirs = &case["axes"][key];
            let what = format!("{name}, {key} axis");
            let t = &axes.ticks()[i];
            let values: Vec<f64> = theirs["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect();
            assert_eq!(t.major, values, "{what}: tick values");
            let labels: Vec<&str> = theirs["labels"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(t.labels, labels, "{what}: labels");
            assert_eq!(
                t.offset,
                theirs["offset"].as_str().unwrap(),
                "{what}: offset text"
            );
            for (j, &v) in t.major.iter().enumerate() {
                let (mark, anchor) = axes.layout.tick(i, v, TICK_PAD_POINTS);
                assert_near(
                    out(axes.project(anchor)),
                    point(&theirs["anchors"][j]),
                    &format!("{what}: label at {v}"),
                );
                for (end, theirs) in mark.iter().zip(theirs["tick_lines"][j].as_array().unwrap()) {
                    assert_near(
                        out(axes.project(*end)),
                        point(theirs),
                        &format!("{what}: tick at {v}"),
                    );
                }
            }
            let places = axes.layout.places(i, LABEL_PAD_POINTS);
            for (end, theirs) in places.line.iter().zip(theirs["line"].as_array().unwrap()) {
                assert_near(
                    out(axes.project(*end)),
                    point(theirs),
                    &format!("{what}: line"),
                );
            }
            assert_near(
                out(axes.project(places.label_anchor)),
                point(&theirs["label_anchor"]),
                &format!("{what}: label"),
            );
            assert_near(
                out(axes.project(places.offset_anchor)),
                point(&theirs["offset_anchor"]),
                &format!("{what}: offset text"),
            );
            let left = axes.layout.offset_left(&axes.proj, i);
            assert_eq!(
                left,
                theirs["offset_align"] == "left",
                "{what}: offset alignment"
            );
            let (a, b) = (axes.project(places.line[0]), axes.project(places.line[1]));
            let angle = text_angle(b.0 - a.0, a.1 - b.1).rem_euclid(360.0);
            let their_angle = theirs["offset_rotation"].as_f64().unwrap();
            assert!(
                (angle - their_angle).abs() < 1e-6,
                "{what}: offset text angle {angle} vs {their_angle}"
            );
        }
    }
}

#[test]
fn autoscaling_adds_matplotlib_s_margins() {
    // The fixture's autoscaled case: a grid of 5…9.5, z from 50 to 180.5.
    assert_eq!(autoscale(5.0, 9.5, 0.05), (4.671875, 9.828125));
    assert_eq!(autoscale(50.0, 180.5, 0.0), (47.28125, 183.21875));
    let (lo, hi) = autoscale(3.0, 3.0, 0.0);
    assert!(lo < 3.0 && hi > 3.0);
}
