//! The tick functions against matplotlib 3.11: every case of
//! `tests/fixtures/matplotlib/ticks.json` (written by
//! `python/matplotlib/ticks.py`) must give the same ticks, the same label
//! strings and the same offset text.

use super::*;
use serde_json::Value;

const FIXTURE: &str = include_str!("../../../tests/fixtures/matplotlib/ticks.json");

/// The fixture's numbers are strings (Python's repr), parsed exactly here.
fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_str().and_then(|s| s.parse().ok()).expect("a number"))
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_str().expect("a string").to_string())
        .collect()
}

/// `$\mathdefault{10^{-16}}$` as we draw it: 10⁻¹⁶.
fn unicode_of_mathtext(label: &str) -> String {
    let exponent = label
        .strip_prefix("$\\mathdefault{10^{")
        .and_then(|s| s.strip_suffix("}}$"))
        .unwrap_or_else(|| panic!("not a decade label: {label}"));
    format!("10{}", superscript(exponent.parse().expect("an integer")))
}

fn cases(scale: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(FIXTURE).expect("the fixture is JSON");
    assert_eq!(doc["matplotlib"], "3.11.2");
    doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter(|c| c["scale"] == scale)
        .cloned()
        .collect()
}

fn view_of(case: &Value) -> (f64, f64) {
    let v = floats(&case["view"]);
    (v[0], v[1])
}

#[test]
fn linear_ticks_are_matplotlib_s_for_every_fixture_range() {
    let cases = cases("linear");
    assert!(cases.len() >= 100, "{} cases", cases.len());
    for case in &cases {
        let view = view_of(case);
        let nbins = case["nbins"].as_u64().expect("nbins") as usize;
        let three_d = case["kind"] == "3d";
        let what = format!("{} axis, view {view:?}", case["kind"]);
        assert_eq!(
            tick_values(view.0, view.1, nbins, three_d),
            floats(&case["locs"]),
            "locator, {what}"
        );
        let ticks = linear_ticks(view, nbins, three_d);
        assert_eq!(ticks.major, floats(&case["visible"]), "visible, {what}");
        assert_eq!(ticks.labels, strings(&case["labels"]), "labels, {what}");
        assert_eq!(
            ticks.offset,
            case["offset"].as_str().unwrap(),
            "offset, {what}"
        );
    }
}

/// Log ticks are powers of ten that numpy computes with its vectorised
/// `pow`, which may miss the nearest double by an ulp (10⁻⁵ as
/// 9.999999999999999e-6) depending on the CPU; we take the nearest.
fn assert_close(ours: &[f64], theirs: &[f64], what: &str) {
    assert_eq!(ours.len(), theirs.len(), "{what}: {ours:?} vs {theirs:?}");
    for (a, b) in ours.iter().zip(theirs) {
        assert!(
            (a - b).abs() <= 4.0 * f64::EPSILON * b.abs(),
            "{what}: {a} vs {b}"
        );
    }
}

#[test]
fn log_ticks_are_matplotlib_s_for_every_fixture_range() {
    let cases = cases("log");
    assert!(cases.len() >= 10);
    for case in &cases {
        let view = view_of(case);
        let nbins = case["nbins"].as_u64().expect("nbins") as usize;
        let what = format!("{} axis, view {view:?}", case["kind"]);
        let ticks = log_ticks(view, nbins);
        assert_close(
            &ticks.major,
            &floats(&case["visible"]),
            &format!("majors, {what}"),
        );
        let labels: Vec<String> = strings(&case["labels"])
            .iter()
            .map(|l| unicode_of_mathtext(l))
            .collect();
        assert_eq!(ticks.labels, labels, "labels, {what}");
        assert_close(
            &ticks.minor,
            &floats(&case["minor"]),
            &format!("minor, {what}"),
        );
        assert_eq!(ticks.offset, "");
    }
}

#[test]
fn the_issue_s_ranges_get_distinct_labels_and_an_offset_text() {
    // tangent --f "x^2" --range 0,1e-5,1e-7: y from 0 to 1e-10.
    let tiny = linear_ticks((-5e-12, 1.05e-10), 9, false);
    assert_eq!(tiny.labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
    assert_eq!(tiny.offset, "1e\u{2212}10");
    // --range 0,1e7,1e5: y up to 1e14.
    let huge = linear_ticks((-5e12, 1.05e14), 9, false);
    assert_eq!(huge.offset, "1e14");
    assert_eq!(huge.labels[5], "1.0");
    // Offset-dominated: 1e6 + 0…1.
    let offset = linear_ticks((1e6, 1e6 + 1.0), 9, false);
    assert_eq!(offset.offset, "+1e6");
    assert_eq!(offset.labels[1], "0.2");
}

#[test]
fn a_view_of_a_few_ulps_is_widened_as_matplotlib_widens_it() {
    // matplotlib 3.11.2: MaxNLocator(nbins=1, steps=[1, 2, 2.5, 5, 10]).
    let lo = -364958100359.8477;
    assert_eq!(
        tick_values(lo, -364958100359.84766, 1, false),
        [
            -364958100359.875,
            -364958100359.85004,
            -364958100359.825,
            -364958100359.80005
        ]
    );
}

#[test]
fn max_bins_follows_the_axis_length_and_font() {
    // The default figure: a 496 px x axis and a 369.6 px y axis at 10 pt.
    let font = crate::render::style::FONT_SIZE;
    assert_eq!(max_bins(496.0, font, 3.0), 9);
    assert_eq!(max_bins(369.6, font, 3.0), 8);
    assert_eq!(max_bins(100.0, font, 2.0), 3);
    assert_eq!(max_bins(1.0, font, 2.0), 1);
    assert_eq!(max_bins(f64::NAN, font, 2.0), 1);
}

#[test]
fn empty_or_non_finite_views_have_no_ticks() {
    assert_eq!(
        linear_ticks((f64::NAN, 1.0), 9, false),
        AxisTicks::default()
    );
    assert_eq!(log_ticks((0.0, 1.0), 9), AxisTicks::default());
    assert_eq!(log_ticks((-1.0, 1.0), 9), AxisTicks::default());
}

proptest::proptest! {
    #[test]
    fn any_finite_view_gets_a_few_ticks_with_distinct_labels(
        mantissa in -10.0f64..10.0,
        magnitude in -30i32..30,
        relative_span in -10.0f64..1.5,
        nbins in 1usize..=9,
        three_d: bool,
    ) {
        // Spans of a few ulps are widened by the locator and, as in
        // matplotlib, may show no tick at all: spans here are at least
        // 1e-11 of the values.
        let lo = mantissa * 10f64.powi(magnitude);
        let hi = lo + 10f64.powf(magnitude as f64 + relative_span);
        proptest::prop_assume!(hi > lo);
        let t = linear_ticks((lo, hi), nbins, three_d);
        proptest::prop_assert!(!t.major.is_empty() && t.major.len() <= 11, "{:?}", t);
        proptest::prop_assert_eq!(t.major.len(), t.labels.len());
        let mut labels = t.labels.clone();
        labels.dedup();
        proptest::prop_assert_eq!(labels.len(), t.labels.len(), "{:?}", t);
        proptest::prop_assert!(t.major.iter().all(|v| (lo..=hi).contains(v) || locator::in_view((lo, hi), *v)));
    }

    #[test]
    fn any_positive_log_view_gets_decade_labels(
        lo_exp in -300.0f64..300.0,
        span in 0.01f64..30.0,
        n in 2usize..=9,
    ) {
        let (lo, hi) = (10f64.powf(lo_exp), 10f64.powf(lo_exp + span));
        proptest::prop_assume!(hi.is_finite());
        let t = log_ticks((lo, hi), n);
        proptest::prop_assert!(t.major.len() <= n + 1, "{:?}", t);
        proptest::prop_assert!(t.labels.iter().all(|l| l.starts_with("10")));
    }
}
