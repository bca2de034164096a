//! Properties that hold for every input, checked on random ones (proptest).

mod derivatives;

use crate::util::cmd;

use ndarray::{Array1, Array2};
use numdiff_plot::numerics::{gradient_descent, numerical_diff, numerical_gradient, H};
use proptest::prelude::*;
use std::cell::RefCell;

proptest! {
    /// The numerical gradient never changes its input, and `f` only ever
    /// sees the input with one element moved by exactly ±h.
    #[test]
    fn numerical_gradient_never_changes_its_input(
        values in prop::collection::vec(-1e6f64..1e6, 1..8),
        h in 1e-8f64..1.0,
    ) {
        let x = Array1::from(values.clone());
        let seen = RefCell::new(Vec::new());
        let f = |p: &Array1<f64>| {
            seen.borrow_mut().push(p.clone());
            p.iter().map(|v| v.sin() + v * v).sum::<f64>()
        };
        let grad = numerical_gradient(f, &x, h);
        prop_assert_eq!(x.to_vec(), values.clone());
        prop_assert_eq!(grad.len(), values.len());
        let seen = seen.into_inner();
        prop_assert_eq!(seen.len(), 2 * values.len());
        for (k, p) in seen.iter().enumerate() {
            let i = k / 2;
            let moved = if k % 2 == 0 { values[i] + h } else { values[i] - h };
            for (j, (&got, &orig)) in p.iter().zip(&values).enumerate() {
                prop_assert_eq!(got, if j == i { moved } else { orig });
            }
        }
    }

    /// The same for a matrix (simpleNet's W), in every layout.
    #[test]
    fn numerical_gradient_never_changes_a_matrix(
        values in prop::collection::vec(-10f64..10.0, 6),
        transposed in any::<bool>(),
    ) {
        let w = Array2::from_shape_vec((2, 3), values).unwrap();
        let w = if transposed { w.t().to_owned() } else { w };
        let before = w.clone();
        let grad = numerical_gradient(|p| p.iter().map(|v| v.exp()).sum(), &w, H);
        prop_assert_eq!(&w, &before);
        prop_assert_eq!(grad.dim(), w.dim());
    }

    /// On a convex quadratic f(x) = Σ aᵢxᵢ² with lr ≤ 1/(2·max aᵢ), each
    /// step multiplies xᵢ by 1 − 2·lr·aᵢ ∈ [0, 1): f never increases. The
    /// slack is rounding only: 1e-12 relative, 1e-30 absolute (the noise of
    /// a central difference with h = 1e-4 near the minimum is ~1e-20 in x).
    #[test]
    fn descent_on_a_convex_quadratic_with_a_small_rate_never_increases_f(
        terms in prop::collection::vec((0.1f64..10.0, -100f64..100.0), 1..5),
        rate in 0.001f64..=1.0,
        steps in 1usize..60,
    ) {
        let (a, x0): (Vec<f64>, Vec<f64>) = terms.into_iter().unzip();
        let lr = rate / (2.0 * a.iter().cloned().fold(0.0, f64::max));
        let f = |p: &Array1<f64>| p.iter().zip(&a).map(|(x, a)| a * x * x).sum::<f64>();
        let d = gradient_descent(f, &Array1::from(x0), lr, steps, H);
        let mut values: Vec<f64> = d.history.iter().map(f).collect();
        values.push(f(&d.x));
        for pair in values.windows(2) {
            prop_assert!(
                pair[1] <= pair[0] * (1.0 + 1e-12) + 1e-30,
                "f went from {} to {} (lr {lr})", pair[0], pair[1]
            );
        }
        prop_assert!(!d.diverged);
    }

    /// The central difference of a polynomial p of degree ≤ 6 is within the
    /// truncation bound h²/6·max|p‴| of p′, plus the rounding of evaluating
    /// p twice and dividing by 2h.
    #[test]
    fn central_difference_of_a_polynomial_is_within_the_truncation_bound(
        coeffs in prop::collection::vec(-10f64..10.0, 1..8),
        x in -10f64..10.0,
        h in 1e-5f64..0.1,
    ) {
        let p = |t: f64| coeffs.iter().rev().fold(0.0, |acc, c| acc * t + c);
        let exact: f64 = coeffs.iter().enumerate().skip(1)
            .map(|(k, c)| k as f64 * c * x.powi(k as i32 - 1)).sum();
        let got = numerical_diff(p, x, h);
        // max |p‴| on [x − h, x + h], bounded term by term.
        let r = x.abs() + h;
        let third: f64 = coeffs.iter().enumerate().skip(3)
            .map(|(k, c)| (k * (k - 1) * (k - 2)) as f64 * c.abs() * r.powi(k as i32 - 3))
            .sum();
        let truncation = h * h / 6.0 * third;
        // Horner's rule errs by at most 2n·ε·Σ|cₖ|rᵏ; twice that over 2h.
        let n = coeffs.len() as f64;
        let size: f64 = coeffs.iter().enumerate().map(|(k, c)| c.abs() * r.powi(k as i32)).sum();
        let rounding = 2.0 * (2.0 * n + 2.0) * f64::EPSILON * size / (2.0 * h)
            + 4.0 * f64::EPSILON * exact.abs();
        prop_assert!(
            (got - exact).abs() <= truncation + rounding,
            "p'({x}) = {exact}, central difference {got}, bound {truncation} + {rounding}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever the numbers, the JSON the tool prints parses, with every
    /// non-finite value as null (serde_json refuses NaN and inf).
    #[test]
    fn any_json_the_tool_prints_parses(
        which in 0usize..4,
        a in prop_oneof![-1e300f64..1e300, -10f64..10.0, Just(1e200), Just(-1e160)],
        b in prop_oneof![-1e300f64..1e300, -10f64..10.0, Just(0.0)],
        lr in prop_oneof![1e-300f64..100.0, Just(10.0), Just(1e-10), Just(1e300)],
        steps in 1usize..200,
        seed in any::<u32>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let point = format!("{a},{b}");
        let args: Vec<String> = match which {
            0 => vec!["tangent".into(), "--x".into(), a.to_string(), "--x".into(), b.to_string()],
            1 => vec![
                "descent".into(), "--lr".into(), lr.to_string(), "--steps".into(),
                steps.to_string(), "--init".into(), point,
            ],
            2 => vec!["quiver".into(), "--at".into(), point],
            _ => vec!["simplenet".into(), "--seed".into(), seed.to_string()],
        };
        let out = cmd(dir.path())
            .args(&args)
            .args(["--json", "-o", "f.svg"])
            .output()
            .unwrap();
        prop_assert_eq!(out.status.code(), Some(0), "{:?}: {}", args, String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        prop_assert!(text.ends_with('\n') && text.lines().count() == 1);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&v["figure"], args[0].as_str());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever the arguments (flags, values with control characters,
    /// bytes that are not UTF-8), a usage error is one line without a
    /// control character, and building it does not panic.
    #[test]
    fn a_usage_error_is_always_one_clean_line(
        sub in prop::sample::select(vec![
            "tangent", "surface", "quiver", "descent", "simplenet", "loss", "sigmoid",
            "diff", "error", "all", "completions", "nope",
        ]),
        args in prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec![
                    "--f", "--x", "--h", "--title", "--size", "--scale", "--t", "--y",
                    "--method", "-o", "--secant", "--no-tangent", "--lr", "-q", "--xlim=",
                ]).prop_map(|s| s.as_bytes().to_vec()),
                prop::collection::vec(any::<u8>(), 0..6),
            ],
            0..5,
        ),
    ) {
        use numdiff_plot::cli::{usage, Cli};
        use std::ffi::OsString;
        use std::os::unix::ffi::OsStringExt;
        let argv: Vec<OsString> = ["numdiff-plot", sub]
            .iter()
            .map(|s| OsString::from(*s))
            .chain(args.into_iter().map(OsString::from_vec))
            .collect();
        if let Err(e) = <Cli as clap::Parser>::try_parse_from(&argv) {
            use clap::error::ErrorKind::*;
            if !matches!(e.kind(), DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand) {
                let line = usage::one_line(&e, &argv);
                prop_assert!(line.starts_with("error: "), "{}", line);
                prop_assert!(!line.chars().any(char::is_control), "{:?}", line);
            }
        }
    }
}
