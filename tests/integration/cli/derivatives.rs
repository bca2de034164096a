//! Derivatives where a method could print a confident wrong number, run as
//! a user runs them (one test per case), and "undefined" as a result in
//! every command.

use crate::util::*;
use std::path::Path;

/// `diff EXPR --at X --method M --json`, with its stderr.
fn diff(dir: &Path, expr: &str, at: &str, method: &str) -> (serde_json::Value, String) {
    let at = format!("--at={at}");
    let (out, err) = succeeds(dir, &["diff", expr, &at, "--method", method, "--json"]);
    (serde_json::from_str(&out).expect("one JSON object"), err)
}

fn first(v: &serde_json::Value, key: &str) -> Option<f64> {
    v[key][0].as_f64()
}

#[test]
fn complex_step_of_atan_asin_acos_is_their_derivative_not_0() {
    let dir = tempfile::tempdir().unwrap();
    let close = |a: f64, b: f64| (a - b).abs() <= 4e-16 * b.abs();
    let (v, _) = diff(dir.path(), "atan(x)", "1", "complex-step");
    assert_eq!(first(&v, "numerical"), Some(0.5));
    for (expr, at, want) in [
        ("asin(x)", 0.5, 1.0 / 0.75f64.sqrt()),
        ("acos(x)", 0.5, -1.0 / 0.75f64.sqrt()),
        ("asin(x)", -0.9, 1.0 / 0.19f64.sqrt()),
        ("acos(x)", 0.3, -1.0 / 0.91f64.sqrt()),
        ("atan(x)", -7.0, 1.0 / 50.0),
    ] {
        let (v, _) = diff(dir.path(), expr, &at.to_string(), "complex-step");
        let got = first(&v, "numerical").unwrap();
        assert!(close(got, want), "{expr} at {at}: {got} vs {want}");
    }
    let v = json(
        dir.path(),
        &[
            "tangent",
            "--f",
            "atan(x)",
            "--x",
            "1",
            "--method",
            "complex-step",
            "-o",
            "t.svg",
        ],
    );
    assert_eq!(v["tangents"][0]["slope"].as_f64(), Some(0.5));
    // descent moves along atan's slope (1/(1 + 9) at x0 = -3).
    let v = json(
        dir.path(),
        &[
            "descent",
            "--f",
            "atan(x0) + x1^2",
            "--method",
            "complex-step",
            "--steps",
            "2",
            "-o",
            "d.svg",
        ],
    );
    assert_eq!(v["history"][1], serde_json::json!([-3.01, 3.2]));
}

#[test]
fn complex_step_outside_the_domain_is_undefined_not_a_huge_number() {
    let dir = tempfile::tempdir().unwrap();
    for (expr, at, warning) in [
        (
            "sqrt(x)",
            "-1",
            "f is not defined at x = -1: sqrt needs an argument ≥ 0",
        ),
        (
            "ln(x)",
            "-1",
            "f is not defined at x = -1: ln needs an argument > 0",
        ),
        (
            "asin(x)",
            "3",
            "f is not defined at x = 3: asin needs an argument in [-1, 1]",
        ),
        ("1/x", "0", "f is not defined at x = 0: division by 0"),
    ] {
        let (v, err) = diff(dir.path(), expr, at, "complex-step");
        assert_eq!(v["numerical"][0], serde_json::Value::Null, "{expr}");
        assert_eq!(v["exact"][0], serde_json::Value::Null, "{expr}");
        assert_eq!(err, format!("warning: {warning}\n"));
        assert_eq!(v["warnings"][0], warning);
    }
}

#[test]
fn exact_ln_at_minus_1_is_undefined_not_minus_1() {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = succeeds(
        dir.path(),
        &["diff", "ln(x)", "--at=-1", "--method", "exact"],
    );
    assert_eq!(
        out,
        "1/x\nat x = -1:\n  numerical (exact): undefined\n  exact: undefined\n  \
         absolute error: undefined\n"
    );
    assert_eq!(
        err,
        "warning: f is not defined at x = -1: ln needs an argument > 0\n"
    );
}

#[test]
fn richardson_on_sin_10x_at_30_is_right_and_its_estimate_covers_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = diff(dir.path(), "sin(10*x)", "30", "richardson");
    let truth = -0.22096619278683943; // 10·cos(300), mpmath
    let error = (first(&v, "numerical").unwrap() - truth).abs();
    assert!(error < 1e-11, "{error:e}");
    let estimate = first(&v, "error_estimate").unwrap();
    assert!(estimate >= error && estimate < 1e-10, "{estimate:e}");
}

#[test]
fn sign_is_a_function_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = succeeds(dir.path(), &["diff", "sign(x)*x"]);
    assert_eq!(out, "sign(x)\n");
    let (v, _) = diff(dir.path(), "sign(x)*x", "-2", "exact");
    assert_eq!(v["variables"], serde_json::json!(["x"]));
    assert_eq!(first(&v, "numerical"), Some(-1.0));
    let v = json(
        dir.path(),
        &["tangent", "--f", "sign(x)", "--x", "3", "-o", "s.svg"],
    );
    assert_eq!(v["tangents"][0]["slope"].as_f64(), Some(0.0));
}

#[test]
fn tanh_differentiates_with_every_method() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = succeeds(dir.path(), &["diff", "tanh(x)"]);
    assert_eq!(out, "sech(x)^2\n");
    let truth = 0.4199743416140261; // sech(1)², mpmath
    for method in [
        "central",
        "forward",
        "central-optimal",
        "five-point",
        "richardson",
        "complex-step",
        "exact",
    ] {
        let (v, err) = diff(dir.path(), "tanh(x)", "1", method);
        let got = first(&v, "numerical").unwrap();
        assert!((got - truth).abs() < 1e-4, "{method}: {got}");
        // serde_json reads floats to within an ulp.
        let exact = first(&v, "exact").unwrap();
        assert!(
            (exact - truth).abs() <= 2.0 * f64::EPSILON * truth,
            "{method}: {exact}"
        );
        assert_eq!(err, "", "{method}");
    }
    let (out, _) = succeeds(dir.path(), &["error", "--f", "tanh(x)", "-o", "e.svg"]);
    assert!(
        out.starts_with("f(x) = tanh(x), f'(x) = sech(x)^2; at x = 1 the exact derivative is 0.4199743416140261\n"),
        "{out}"
    );
}

#[test]
fn exact_exp_at_50_is_correctly_rounded_and_complex_step_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let exp50 = 5.184705528587072e21; // exp(50), correctly rounded
    for expr in ["exp(x)", "e^x"] {
        let (v, _) = diff(dir.path(), expr, "50", "exact");
        assert_eq!(first(&v, "numerical"), Some(exp50), "{expr}");
        let (v, _) = diff(dir.path(), expr, "50", "complex-step");
        assert_eq!(first(&v, "numerical"), Some(exp50), "{expr}");
        assert_eq!(first(&v, "absolute_error"), Some(0.0), "{expr}");
    }
}

#[test]
fn five_point_at_100_uses_a_step_that_fits_sin_not_100() {
    let dir = tempfile::tempdir().unwrap();
    let truth = 0.8623188722876839; // cos(100)
    let relative = |method: &str| {
        let (v, _) = diff(dir.path(), "sin(x)", "100", method);
        (first(&v, "numerical").unwrap() - truth).abs() / truth
    };
    assert!(
        relative("five-point") < 1e-11,
        "{:e}",
        relative("five-point")
    );
    assert!(relative("central-optimal") < 1e-9);
    // Both better than the book's h = 1e-4 (1.6e-9 here).
    assert!(relative("central-optimal") < relative("central"));
    // The step: 2⁻¹²·log1p(100), not 7.4e-4·100.
    let (v, _) = diff(dir.path(), "sin(x)", "100", "five-point");
    let h = first(&v, "h").unwrap();
    assert!((h - 101f64.ln() / 4096.0).abs() < 1e-14, "{h}");
}

#[test]
fn a_missing_operator_is_an_error_at_its_column() {
    let dir = tempfile::tempdir().unwrap();
    for (expr, message) in [
        (
            "x 2",
            "missing operator between 'x' and '2'; write * for a product at column 3: x »2«",
        ),
        (
            "sin(x) 2",
            "missing operator between ')' and '2'; write * for a product at column 8: sin(x) »2«",
        ),
        (
            "2e x",
            "missing operator between 'e' and 'x'; write * for a product at column 4: 2e »x«",
        ),
    ] {
        let err = fails(dir.path(), &["diff", expr], 2);
        assert_eq!(
            err,
            format!("error: invalid value '{expr}' for '<EXPR>': {message}\n")
        );
    }
    // One rule for numbers: an exponent needs its digits, so 2e is 2·e.
    let (out, _) = succeeds(dir.path(), &["diff", "2e*x"]);
    assert_eq!(out, "2*e\n");
    let (out, _) = succeeds(dir.path(), &["diff", "2pi*x + 1e-4x"]);
    assert_eq!(out, "0.0001 + 2*pi\n");
}

#[test]
fn abs_at_0_is_not_differentiable_by_any_method() {
    let dir = tempfile::tempdir().unwrap();
    for method in [
        "central",
        "forward",
        "central-optimal",
        "five-point",
        "richardson",
        "exact",
    ] {
        let (v, err) = diff(dir.path(), "abs(x)", "0", method);
        assert_eq!(v["numerical"][0], serde_json::Value::Null, "{method}");
        assert_eq!(
            err,
            "warning: f is not differentiable at x = 0: abs has no derivative where its argument is 0\n",
            "{method}"
        );
    }
}

#[test]
fn figures_and_error_say_undefined_and_still_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = succeeds(
        dir.path(),
        &[
            "tangent", "--f", "sqrt(x)", "--x", "-1", "--x", "4", "-o", "t.png",
        ],
    );
    assert_eq!(out.lines().next(), Some("slope at x = -1: undefined"));
    assert_eq!(
        err,
        "warning: f is not defined at x = -1: sqrt needs an argument ≥ 0\n"
    );
    assert_eq!(png_size(&dir.path().join("t.png")), (640, 480));

    let (out, err) = succeeds(
        dir.path(),
        &[
            "quiver",
            "--f",
            "ln(x0) + x1",
            "--at",
            "-1,0",
            "-o",
            "q.png",
        ],
    );
    assert_eq!(out, "gradient at [-1, 0]: undefined\n");
    assert!(
        err.starts_with(
            "warning: f is not defined at [x0, x1] = [-2, -2]: ln needs an argument > 0 (and at "
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    let v = json(
        dir.path(),
        &[
            "quiver",
            "--f",
            "ln(x0) + x1",
            "--at",
            "-1,0",
            "-o",
            "q.svg",
        ],
    );
    // Grid −2 … 2.25 by 0.25: x0 ≤ 0 in 9 of 18 columns, 18 rows, and --at.
    assert_eq!(v["undefined"]["points"], 9 * 18 + 1);
    assert_eq!(v["gradients"][0]["grad"], serde_json::json!([null, null]));

    let (out, err) = succeeds(
        dir.path(),
        &["error", "--f", "abs(x)", "--x", "0", "-o", "e.png"],
    );
    assert_eq!(
        out,
        "f(x) = abs(x), f'(x) = sign(x); at x = 0 the exact derivative is undefined, \
         so there are no errors to show\n"
    );
    assert_eq!(
        err,
        "warning: f is not differentiable at x = 0: abs has no derivative where its argument is 0\n"
    );
    let v = json(
        dir.path(),
        &["error", "--f", "abs(x)", "--x", "0", "-o", "e.svg"],
    );
    assert_eq!(v["exact"], serde_json::Value::Null);
}

#[test]
fn descent_stops_and_names_the_step_where_f_left_its_domain() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "descent",
        "--f",
        "ln(x0) + x1^2",
        "--init",
        "0.5,1",
        "--lr",
        "1",
        "--method",
        "exact",
        "-o",
        "d.png",
    ];
    let (out, err) = succeeds(dir.path(), &args);
    // x0 ← 0.5 − 1·(1/0.5) = −1.5, outside ln's domain, after step 1.
    assert_eq!(
        err,
        "warning: gradient descent stopped at step 2 of 20: f is not defined at \
         [x0, x1] = [-1.5, -1]: ln needs an argument > 0\n"
    );
    assert!(
        out.starts_with("final point after 1 step of lr 1: [-1.5, -1]\n"),
        "{out}"
    );
    let v = json(dir.path(), &args);
    assert_eq!(v["history"].as_array().unwrap().len(), 1);
    assert_eq!(v["diverged"], false);
    assert!(v["stopped"].as_str().unwrap().contains("step 2 of 20"));
}

#[test]
fn diff_at_several_points_gives_one_block_each_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let f = "x^3*exp(-x)";
    assert_eq!(
        ok(dir.path(), &["diff", f, "--at", "1", "--at", "2"]),
        "(3*x^2 - x^3)/exp(x)\n\
         at x = 1:\n  numerical (central, h = 0.0001): 0.7357588798900805\n  \
         exact: 0.7357588823428847\n  absolute error: 2.4528041819849022e-9\n\
         at x = 2:\n  numerical (central, h = 0.0001): 0.5413411324961537\n  \
         exact: 0.5413411329464508\n  absolute error: 4.5029713291455664e-10\n"
    );
    // Once: one object, as before; repeated: an array of them, in order.
    let one = json(dir.path(), &["diff", f, "--at", "2"]);
    let two = json(dir.path(), &["diff", f, "--at", "1", "--at", "2"]);
    assert_eq!(two.as_array().map(Vec::len), Some(2));
    assert_eq!(two[1], one);
    assert_eq!(two[0]["at"], serde_json::json!([1.0]));
    let err = fails(dir.path(), &["diff", f, "--at", "1,2"], 2);
    assert_eq!(
        err,
        "error: 'x^3*exp(-x)' has 1 variable, x: give 1 number for --at, not 1,2\n"
    );
}
