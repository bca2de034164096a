//! Tests of the error figure: its numbers, the exact zeros, the notes'
//! places and the limits.

use super::*;

#[test]
fn exp_at_1_shows_the_v_with_the_book_s_central_error() {
    let d = compute(&Params::book()).unwrap();
    assert_eq!(d.h.len(), 301);
    assert_eq!((d.h[0], d.h[300]), (0.1, 1e-16));
    let central = &d.curves[1];
    assert!(
        (central.at_book_h - 4.5e-9).abs() < 1e-10,
        "{}",
        central.at_book_h
    );
    // The V: the best step is inside, not at either end.
    for c in &d.curves {
        assert!(
            c.best_h < 1e-2 && c.best_h > 1e-14,
            "{:?} best at {}",
            c.method,
            c.best_h
        );
        assert!(c.error[300] > 1e-3, "rounding wins at h = 1e-16");
    }
    assert!(d.curves[2].best_error < d.curves[1].best_error);
    assert!(d.curves[1].best_error < d.curves[0].best_error);
}

fn of(f: &str, x: f64) -> Data {
    let f = Expression::parse(f, super::super::book::X).unwrap();
    compute(&Params { f, x }).unwrap()
}

#[test]
fn exact_zeros_are_counted_left_out_and_said_so() {
    // x² at 0: the central and five-point quotients are exactly 0 = f′(0).
    let d = of("x^2", 0.0);
    let [forward, central, five] = &d.curves[..] else {
        panic!("three curves")
    };
    assert_eq!((central.zeros, five.zeros), (301, 301));
    assert!(central.best_error.is_nan() && central.best_h.is_nan());
    assert_eq!(forward.zeros, 0);
    assert!(forward.best_error > 0.0);
    assert!(d.report().contains(
        "301 of the 301 errors of central are exactly 0 and are left out of the log plot"
    ));
    let labels: Vec<String> = d.legend_entries().into_iter().map(|e| e.label).collect();
    assert_eq!(labels[1], "central (no error above 0; 301 zeros not shown)");
    // sin at 0: some zeros, and the minimum over the others.
    let d = of("sin(x)", 0.0);
    assert!(d.curves.iter().all(|c| c.zeros > 0 && c.best_error > 0.0));
    assert_eq!(
        d.legend_entries()[0].label,
        format!(
            "forward (min {:.1e} at h = {:.0e}; {} zeros not shown)",
            d.curves[0].best_error, d.curves[0].best_h, d.curves[0].zeros
        )
    );
}

#[test]
fn notes_sit_where_no_curve_runs_and_the_legend_is_not() {
    for d in [
        compute(&Params::book()).unwrap(),
        of("sin(x)", 0.0),
        of("x^2", 0.0),
    ] {
        let canvas = Canvas::new(crate::render::Size::DEFAULT);
        let layout = d.layout(&canvas).unwrap();
        let curves = d.curve_pixels(&layout.axes);
        let legend = legend::bounds(
            canvas.pen(),
            layout.axes.rect,
            &layout.entries,
            layout.corner,
        );
        assert!(
            layout.notes.len() >= 2,
            "{}: {:?}",
            d.function,
            layout.notes
        );
        for n in &layout.notes {
            assert!(
                !place::overlaps(&n.rect, &legend),
                "{}: {} on the legend",
                d.function,
                n.text
            );
            for line in &curves {
                for w in line.windows(2) {
                    assert!(
                        !place::crosses(&n.rect, w[0], w[1]),
                        "{}: {} on a curve",
                        d.function,
                        n.text
                    );
                }
            }
        }
    }
    // The default figure has all three, the book's h in full.
    let d = compute(&Params::book()).unwrap();
    let layout = d
        .layout(&Canvas::new(crate::render::Size::DEFAULT))
        .unwrap();
    let texts: Vec<&str> = layout.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "book's h = 10\u{207b}\u{2074}",
            "\u{2190} rounding \u{221d} \u{03b5}/h",
            "truncation \u{221d} h\u{1d56} \u{2192}"
        ]
    );
}

#[test]
fn limits_are_applied_and_must_be_positive_on_log_axes() {
    use crate::render::View;
    let d = compute(&Params::book()).unwrap();
    let view = View {
        xlim: Some((1e-8, 1e-2)),
        ylim: Some((1e-10, 1.0)),
        ..View::default()
    };
    let layout = d
        .layout(&Canvas::with_view(crate::render::Size::DEFAULT, view))
        .unwrap();
    assert_eq!(
        (layout.axes.xlim, layout.axes.ylim),
        ((1e-8, 1e-2), (1e-10, 1.0))
    );
    let bad = View {
        ylim: Some((-1.0, 1.0)),
        ..View::default()
    };
    let err = d
        .layout(&Canvas::with_view(crate::render::Size::DEFAULT, bad))
        .err()
        .unwrap();
    assert_eq!(
        err.to_string(),
        "--ylim -1,1 cannot be shown on the error figure's logarithmic axes: give two positive limits, e.g. 1e-8,1e-2"
    );
}
