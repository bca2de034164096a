//! Each subcommand run as a process: the book's numbers, the files it writes.

use crate::util::*;

#[test]
fn tangent_prints_the_book_s_slope_and_writes_a_640x480_png() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["tangent"]);
    assert!(out.contains("0.1999999999990898"), "{out}");
    assert_eq!(png_size(&dir.path().join("gradient_1d.png")), (640, 480));
}

#[test]
fn tangent_at_10_in_json_has_the_book_s_slope_bit_for_bit() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(dir.path(), &["tangent", "--x", "10", "-o", "t.png"]);
    assert_eq!(v["figure"], "tangent");
    assert_eq!(v["tangents"][0]["slope"].as_f64(), Some(0.2999999999986347));
    assert_eq!(v["x"].as_array().unwrap().len(), 200);
    assert_eq!(v["output"], "t.png");
    assert!(
        dir.path().join("t.png").exists(),
        "--json still writes the figure"
    );
}

#[test]
fn tangent_draws_one_line_per_repeated_x() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(
        dir.path(),
        &["tangent", "--x", "5", "--x", "10", "--x", "-2.5"],
    );
    let slopes: Vec<f64> = v["tangents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slope"].as_f64().unwrap())
        .collect();
    assert_eq!(slopes[..2], [0.1999999999990898, 0.2999999999986347]);
    assert_eq!(slopes.len(), 3);
}

#[test]
fn surface_writes_an_svg_of_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(
        dir.path(),
        &["surface", "--svg-text", "-o", "s.svg", "--size", "800x600"],
    );
    assert!(out.contains("60x60 grid"), "{out}");
    let svg = std::fs::read_to_string(dir.path().join("s.svg")).unwrap();
    assert!(svg.starts_with(r#"<svg width="800" height="600" viewBox="0 0 3200 2400""#));
    for title in ["x0", "x1", "f(x)"] {
        assert!(
            svg.contains(&format!(">\n{title}\n</text>")),
            "axis title {title}"
        );
    }
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn quiver_prints_the_book_s_gradient_at_3_4() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(dir.path(), &["quiver"]);
    assert_eq!(
        floats(&v["gradients"][0]["grad"]),
        [6.00000000000378, 7.999999999999119]
    );
    assert_eq!(floats(&v["gradients"][1]["x"]), [0.0, 2.0]);
    assert_eq!(v["arrows"].as_array().unwrap().len(), 324);
    let text = ok(dir.path(), &["quiver", "--at", "3,4"]);
    assert_eq!(
        text,
        "gradient at [3, 4]: [6.00000000000378, 7.999999999999119]\n"
    );
    assert_eq!(png_size(&dir.path().join("gradient_2d.png")), (640, 480));
}

#[test]
fn descent_of_100_steps_ends_where_the_book_s_does() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(
        dir.path(),
        &["descent", "--steps", "100", "--init", "-3,4", "--lr", "0.1"],
    );
    assert_eq!(
        floats(&v["x"]),
        [-6.111107928998789e-10, 8.148143905314271e-10]
    );
    let history = v["history"].as_array().unwrap();
    assert_eq!(history.len(), 100);
    assert_eq!(floats(&history[0]), [-3.0, 4.0]);
    let text = ok(dir.path(), &["descent", "--steps", "100"]);
    assert!(
        text.contains("[-6.111107928998789e-10, 8.148143905314271e-10]"),
        "{text}"
    );
}

#[test]
fn descent_takes_an_integer_looking_start_as_floats() {
    let dir = tempfile::tempdir().unwrap();
    let a = json(dir.path(), &["descent", "--init", "-3,4"]);
    let b = json(dir.path(), &["descent", "--init", "-3.0,4.0"]);
    assert_eq!(a["x"], b["x"]);
    assert_eq!(a["history"].as_array().unwrap().len(), 20);
}

#[test]
fn simplenet_with_the_book_s_w_matches_the_printed_dw() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(dir.path(), &["simplenet"]);
    let printed = [
        [0.21924763, 0.14356247, -0.36281009],
        [0.32887144, 0.2153437, -0.54421514],
    ];
    for (row, want) in v["dw"].as_array().unwrap().iter().zip(printed) {
        for (got, want) in floats(row).iter().zip(want) {
            assert!((got - want).abs() < 1e-6, "{got} vs {want}");
        }
    }
    assert_eq!(v["argmax"], 2);
    assert_eq!(floats(&v["w"][0]), [0.47355232, 0.9977393, 0.84668094]);
    let text = ok(dir.path(), &["simplenet"]);
    assert!(
        text.contains("argmax = 2") && text.contains("dW ="),
        "{text}"
    );
}

#[test]
fn simplenet_seed_gives_the_same_w_every_time_and_another_seed_another_w() {
    let dir = tempfile::tempdir().unwrap();
    let a = json(dir.path(), &["simplenet", "--seed", "42"]);
    let b = json(dir.path(), &["simplenet", "--seed", "42"]);
    let c = json(dir.path(), &["simplenet", "--seed", "43"]);
    assert_eq!(a["w"], b["w"]);
    assert_ne!(a["w"], c["w"]);
    assert_eq!(a["seed"], 42);
    // numpy 2.4: np.random.seed(42); np.random.randn(2, 3)
    assert_eq!(
        a["w"],
        serde_json::json!([
            [0.4967141530112327, -0.13826430117118466, 0.6476885381006925],
            [
                1.5230298564080254,
                -0.23415337472333597,
                -0.23413695694918055
            ]
        ])
    );
}

#[test]
fn two_runs_give_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        ["quiver", "-o", "a.png"],
        ["quiver", "-o", "b.png"],
        ["surface", "-o", "a.svg"],
        ["surface", "-o", "b.svg"],
    ] {
        ok(dir.path(), &args);
    }
    let read = |f: &str| std::fs::read(dir.path().join(f)).unwrap();
    assert_eq!(read("a.png"), read("b.png"));
    assert_eq!(read("a.svg"), read("b.svg"));
}

#[test]
fn pngs_are_at_most_twice_the_size_of_matplotlib_s() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["all", "-o", "."]);
    // Twice matplotlib's own PNG of the same figure at most.
    for (file, matplotlib) in [
        ("gradient_1d.png", 22213),
        ("multivariate_func.png", 101873),
        ("gradient_2d.png", 66681),
        ("gradient_method.png", 12817),
    ] {
        let size = std::fs::metadata(dir.path().join(file)).unwrap().len();
        assert!(size <= 2 * matplotlib, "{file}: {size} bytes");
    }
}
