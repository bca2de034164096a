//! User functions, derivative methods, `diff` and `error`, run as a process.

use crate::util::*;

/// Five cases run through the binary (the book's function at 5 and 10, sin,
/// exp, x³): expression, point, exact derivative. The full accuracy table is
/// `derivative_reference.rs`'s, on mpmath's values.
const CASES: [(&str, f64, f64); 5] = [
    ("0.01*x^2 + 0.1*x", 5.0, 0.2),
    ("0.01*x^2 + 0.1*x", 10.0, 0.3),
    ("sin(x)", 1.0, 0.5403023058681398),
    ("exp(x)", 1.0, std::f64::consts::E),
    ("x^3", 2.0, 12.0),
];

fn diff_json(expr: &str, at: f64, method: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let at = at.to_string();
    json(dir.path(), &["diff", expr, "--at", &at, "--method", method])
}

fn worst_error(method: &str) -> f64 {
    CASES
        .iter()
        .map(|(expr, at, exact)| {
            let v = diff_json(expr, *at, method);
            (v["numerical"][0].as_f64().unwrap() - exact).abs()
        })
        .fold(0.0, f64::max)
}

#[test]
fn central_reproduces_the_book_s_slopes() {
    let v = diff_json("0.01*x^2 + 0.1*x", 5.0, "central");
    assert_eq!(v["numerical"][0].as_f64(), Some(0.1999999999990898));
    let v = diff_json("0.01*x^2 + 0.1*x", 10.0, "central");
    assert_eq!(v["numerical"][0].as_f64(), Some(0.2999999999986347));
    let e = diff_json("exp(x)", 1.0, "central")["absolute_error"][0]
        .as_f64()
        .unwrap();
    assert!((e - 4.5e-9).abs() < 1e-10, "{e}");
}

#[test]
fn the_finer_methods_stay_within_their_bounds_on_five_cases() {
    assert!(worst_error("central-optimal") <= 3e-10);
    assert!(worst_error("five-point") <= 1e-11);
    assert!(worst_error("complex-step") <= 1e-15);
    assert!(worst_error("exact") <= 1e-15);
}

#[test]
fn richardson_is_within_1e_13_and_its_estimate_covers_its_error() {
    for (expr, at, exact) in CASES {
        let v = diff_json(expr, at, "richardson");
        let error = (v["numerical"][0].as_f64().unwrap() - exact).abs();
        let estimate = v["error_estimate"][0].as_f64().unwrap();
        assert!(error <= 1e-13, "{expr} at {at}: {error:e}");
        assert!(
            estimate >= error,
            "{expr} at {at}: estimate {estimate:e} < error {error:e}"
        );
    }
}

#[test]
fn diff_prints_the_symbolic_derivative_like_sympy() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(ok(dir.path(), &["diff", "sin(x)"]), "cos(x)\n");
    assert_eq!(
        ok(dir.path(), &["diff", "0.01*x^2 + 0.1*x"]),
        "0.1 + 0.02*x\n"
    );
    assert_eq!(
        ok(dir.path(), &["diff", "exp(x)*sin(x)"]),
        "exp(x)*(cos(x) + sin(x))\n"
    );
    assert_eq!(ok(dir.path(), &["diff", "x0^2 + x1^2"]), "[2*x0, 2*x1]\n");
}

#[test]
fn diff_at_a_point_shows_numerical_exact_and_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = ok(dir.path(), &["diff", "x0^2 + x1^2", "--at", "3,4"]);
    assert_eq!(
        text,
        "[2*x0, 2*x1]\n\
         at [x0, x1] = [3, 4]:\n  \
         numerical (central, h = 0.0001): [6.00000000000378, 7.999999999999119]\n  \
         exact: [6, 8]\n  \
         absolute error: [3.780087354243733e-12, 8.810729923425242e-13]\n"
    );
    let v = json(dir.path(), &["diff", "sin(x)", "--at", "1"]);
    assert_eq!(v["derivative"][0], "cos(x)");
    assert_eq!(v["variables"][0], "x");
    assert_eq!(v["method"], "central");
    assert_eq!(v["exact"][0].as_f64(), Some(1f64.cos()));
}

#[test]
fn the_book_s_tiny_step_gives_zero() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(
        dir.path(),
        &[
            "diff", "exp(x)", "--at", "1", "--method", "forward", "--h", "1e-50",
        ],
    );
    assert_eq!(v["numerical"][0].as_f64(), Some(0.0));
}

#[test]
fn figure_commands_take_any_function() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(
        dir.path(),
        &[
            "tangent", "--f", "sin(x)", "--x", "1", "--method", "exact", "-o", "t.svg",
        ],
    );
    assert_eq!(v["tangents"][0]["slope"].as_f64(), Some(1f64.cos()));
    assert_eq!(v["function"], "sin(x)");
    let v = json(
        dir.path(),
        &[
            "descent",
            "--f",
            "x0^2 + 10*x1^2",
            "--lr",
            "0.05",
            "--steps",
            "100",
            "-o",
            "d.png",
        ],
    );
    assert!(v["f"].as_f64().unwrap() < 1e-4, "{}", v["f"]);
    let v = json(
        dir.path(),
        &[
            "quiver",
            "--f",
            "x0*x1",
            "--at",
            "2,3",
            "--method",
            "complex-step",
            "-o",
            "q.png",
        ],
    );
    assert_eq!(floats(&v["gradients"][0]["grad"]), [3.0, 2.0]);
    let v = json(
        dir.path(),
        &["surface", "--f", "sin(x0)*cos(x1)", "-o", "s.png"],
    );
    assert_eq!(v["z"][0][0].as_f64(), Some((-3f64).sin() * (-3f64).cos()));
    assert_eq!(png_size(&dir.path().join("s.png")), (640, 480));
}

#[test]
fn a_bad_expression_is_one_line_that_shows_where_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for (args, needle) in [
        (
            vec!["tangent", "--f", "x +* 2"],
            "'*' cannot follow '+' at column 4: x +»*« 2",
        ),
        (
            vec!["tangent", "--f", "sin(x"],
            "'(' is never closed at column 4: sin»(«x",
        ),
        (vec!["tangent", "--f", "foo(x)"], "unknown function 'foo'"),
        (
            vec!["tangent", "--f", "x0 + 1"],
            "unknown variable 'x0'; this command's variable is x at column 1",
        ),
        (
            vec!["descent", "--f", "x + x1"],
            "unknown variable 'x'; this command's variables are x0 and x1",
        ),
        (vec!["diff", "2 $ x"], "unexpected character '$'"),
        (vec!["diff", ""], "the expression is empty"),
    ] {
        let err = fails(dir.path(), &args, 2);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn methods_that_do_not_apply_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = fails(
        dir.path(),
        &["diff", "abs(x)", "--at", "1", "--method", "complex-step"],
        2,
    );
    assert!(
        err.contains("--method complex-step") && err.contains("abs() is not"),
        "{err}"
    );
    let err = fails(
        dir.path(),
        &["tangent", "--method", "richardson", "--h", "1e-3"],
        2,
    );
    assert!(
        err.contains("--h does not apply to --method richardson"),
        "{err}"
    );
    let err = fails(dir.path(), &["diff", "x", "--method", "backward"], 2);
    assert!(
        err.contains("expected one of central, forward, central-optimal"),
        "{err}"
    );
    for h in ["0", "-1", "nan"] {
        let err = fails(dir.path(), &["diff", "x", "--at", "1", "--h", h], 2);
        assert!(
            err.contains("--h") && err.contains("greater than 0"),
            "{err}"
        );
    }
    let err = fails(dir.path(), &["diff", "x0*x1", "--at", "1"], 2);
    assert!(
        err == "error: 'x0*x1' has 2 variables, x0 and x1: give 2 numbers for --at as x0,x1, \
                not 1\n",
        "{err}"
    );
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn error_command_prints_the_table_and_draws_the_v() {
    let dir = tempfile::tempdir().unwrap();
    let text = ok(dir.path(), &["error"]);
    assert!(text.starts_with(
        "f(x) = exp(x), f'(x) = exp(x); at x = 1 the exact derivative is 2.718281828459045\n"
    ));
    assert!(
        text.contains("central     h^2    4.53056570037802e-9"),
        "{text}"
    );
    assert!(text.contains("rounding"), "{text}");
    assert_eq!(png_size(&dir.path().join("numdiff_error.png")), (640, 480));
    let v = json(
        dir.path(),
        &["error", "--f", "sin(x)", "--x", "0.5", "-o", "e.svg"],
    );
    assert_eq!(v["h"].as_array().unwrap().len(), 301);
    let methods: Vec<&str> = v["curves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["method"].as_str().unwrap())
        .collect();
    assert_eq!(methods, ["forward", "central", "five-point"]);
    assert_eq!(v["exact"].as_f64(), Some(0.5f64.cos()));
}
