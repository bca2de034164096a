//! `--xlabel`, `--ylabel` and `--zlabel`: drawn in place of the figure's
//! own labels (the book's), on every panel; refused, naming the figures
//! that take them, where a figure has no such axis.

use crate::util::{invalid, json, ok, rejects, texts};
use numdiff_plot::figure::{image_with, train_loss};
use numdiff_plot::render::{Format, Size, View};

/// Each figure subcommand with axes, and its axis labels as the book
/// writes them (x, y, and z for the surface; "" where it draws none).
const BOOK_LABELS: [(&str, [&str; 3]); 7] = [
    ("tangent", ["x", "f(x)", ""]),
    ("surface", ["x0", "x1", "f(x)"]),
    ("quiver", ["x0", "x1", ""]),
    ("descent", ["X0", "X1", ""]),
    ("loss", ["x", "y", ""]),
    ("sigmoid", ["x", "y", ""]),
    ("error", ["h", "absolute error of f\u{2032}(x)", ""]),
];

/// The texts of the SVG that `args` draws.
fn svg_texts(args: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut all = args.to_vec();
    all.extend(["-q", "--svg-text", "-o", "figure.svg"]);
    ok(dir.path(), &all);
    texts(&std::fs::read_to_string(dir.path().join("figure.svg")).unwrap())
}

/// How many of `texts` are exactly `text`.
fn count(texts: &[String], text: &str) -> usize {
    texts.iter().filter(|t| *t == text).count()
}

#[test]
fn with_no_label_flag_each_figure_draws_the_book_s_labels() {
    for (sub, labels) in BOOK_LABELS {
        let drawn = svg_texts(&[sub]);
        for label in labels.into_iter().filter(|l| !l.is_empty()) {
            // Step and sigmoid: x under both panels, y left of the first.
            let panels = match (sub, label) {
                ("sigmoid", "x") => 2,
                _ => 1,
            };
            assert_eq!(count(&drawn, label), panels, "{sub}: {label} in {drawn:?}");
        }
    }
}

#[test]
fn given_labels_replace_the_figure_s_on_every_panel_japanese_included() {
    for (sub, book) in BOOK_LABELS {
        let mut args = vec![sub, "--xlabel", "横軸 (x)", "--ylabel", "縦軸 <y> & z"];
        if sub == "surface" {
            args.extend(["--zlabel", "高さ"]);
        }
        let drawn = svg_texts(&args);
        let panels = if sub == "sigmoid" { 2 } else { 1 };
        assert_eq!(count(&drawn, "横軸 (x)"), panels, "{sub}: {drawn:?}");
        assert_eq!(count(&drawn, "縦軸 <y> & z"), panels, "{sub}: {drawn:?}");
        assert_eq!(
            count(&drawn, "高さ"),
            usize::from(sub == "surface"),
            "{sub}"
        );
        for label in book.into_iter().filter(|l| !l.is_empty()) {
            assert_eq!(count(&drawn, label), 0, "{sub} still draws {label}");
        }
    }
}

#[test]
fn one_label_given_keeps_the_others_and_an_empty_one_draws_none() {
    let drawn = svg_texts(&["tangent", "--ylabel", "y = f(x)"]);
    assert_eq!(
        drawn[drawn.len() - 2..],
        ["x".to_string(), "y = f(x)".to_string()]
    );
    let drawn = svg_texts(&["surface", "--zlabel", "z"]);
    assert_eq!(
        (count(&drawn, "x0"), count(&drawn, "x1"), count(&drawn, "z")),
        (1, 1, 1)
    );
    assert_eq!(count(&drawn, "f(x)"), 0);
    let drawn = svg_texts(&["tangent", "--xlabel", ""]);
    assert_eq!(drawn.last().map(String::as_str), Some("f(x)"));
    assert_eq!(count(&drawn, "x"), 0);
}

#[test]
fn labels_change_the_drawing_not_the_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut plain = json(dir.path(), &["descent", "--svg-text", "-o", "a.svg"]);
    let mut labelled = json(
        dir.path(),
        &[
            "descent",
            "--svg-text",
            "-o",
            "b.svg",
            "--xlabel",
            "w₀",
            "--ylabel",
            "w₁",
        ],
    );
    for v in [&mut plain, &mut labelled] {
        v.as_object_mut().unwrap().remove("output");
    }
    assert_eq!(plain, labelled);
    let read = |f: &str| std::fs::read_to_string(dir.path().join(f)).unwrap();
    let [a, b] = ["a.svg", "b.svg"].map(|f| texts(&read(f)));
    assert_eq!(a[..a.len() - 2], b[..b.len() - 2]);
    assert_eq!(b[b.len() - 2..], ["w₀".to_string(), "w₁".to_string()]);
}

#[test]
fn a_label_for_an_axis_the_figure_lacks_is_refused_naming_the_figures_that_take_it() {
    let z = "error: --zlabel applies only to the figures with a z axis: surface";
    for sub in [
        "tangent",
        "quiver",
        "descent",
        "simplenet",
        "loss",
        "sigmoid",
        "error",
    ] {
        rejects(&[sub, "--zlabel", "z"], 2, z);
    }
    let axes = "the figures with axes: tangent, surface, quiver, descent, loss, sigmoid, error";
    for flag in ["--xlabel", "--ylabel"] {
        rejects(
            &["simplenet", flag, "W"],
            2,
            &format!("error: {flag} applies only to {axes}"),
        );
    }
}

#[test]
fn a_label_is_one_line_of_text() {
    for (flag, bad) in [("--xlabel", "two\nlines"), ("--zlabel", "tab\there")] {
        let escaped = bad.replace('\n', "\\n").replace('\t', "\\t");
        rejects(
            &["surface", flag, bad],
            2,
            &invalid(
                &escaped,
                &format!("{flag} <TEXT>"),
                "expected one line of text without control characters",
            ),
        );
    }
}

/// Figure 4-11 has two panels: a label given is drawn on both, as the
/// book's script labels both.
#[test]
fn the_training_loss_figure_labels_both_panels() {
    let data = train_loss::Data {
        loss: vec![2.3, 1.5, 0.9, 0.7],
    };
    let svg = |view: &View| {
        let bytes = image_with(&data, Size::DEFAULT, 1.0, view, Format::SvgText).unwrap();
        texts(&String::from_utf8(bytes).unwrap())
    };
    let book = svg(&View::default());
    assert_eq!((count(&book, "iteration"), count(&book, "loss")), (2, 2));
    let view = View {
        xlabel: Some("反復".to_string()),
        ylabel: Some("損失".to_string()),
        ..View::default()
    };
    let drawn = svg(&view);
    assert_eq!((count(&drawn, "反復"), count(&drawn, "損失")), (2, 2));
    assert_eq!((count(&drawn, "iteration"), count(&drawn, "loss")), (0, 0));
}
