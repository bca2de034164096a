//! Every method against mpmath's 50-digit derivatives
//! (`tests/reference/derivatives.tsv`, written by `make_reference.py`
//! in python/fixtures/): each method's error, relative to max(|f′|, 1), stays within
//! its bound on every function/point pair, and Richardson's error estimate
//! is never below its true error. The complex functions are checked against
//! mpmath too (`complex.tsv`).
//!
//! `cargo test --test integration derivative_reference -- --nocapture`
//! prints the measured table (the README's accuracy table).

use num_complex::Complex64;
use numdiff_plot::derivative::{Differentiator, Method};
use numdiff_plot::expr::check::Vars;
use numdiff_plot::expr::funcs::{lookup, Scalar};
use numdiff_plot::expr::Expression;

/// One row of derivatives.tsv.
struct Pair {
    expression: String,
    point: Vec<f64>,
    value: f64,
    gradient: Vec<f64>,
}

fn numbers(s: &str) -> Vec<f64> {
    s.split(',').map(|v| v.parse().expect("a number")).collect()
}

fn pairs() -> Vec<Pair> {
    include_str!("../../reference/derivatives.tsv")
        .lines()
        .skip(1)
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            Pair {
                expression: cols[0].to_string(),
                point: numbers(cols[2]),
                value: cols[3].parse().expect("a number"),
                gradient: numbers(cols[4]),
            }
        })
        .collect()
}

fn vars(n: usize) -> Vars {
    if n == 1 {
        Vars::Only(&["x"])
    } else {
        Vars::Only(&["x0", "x1"])
    }
}

/// The bound on |error| / max(|f′|, 1) of each method.
fn bound(m: Method) -> f64 {
    match m {
        Method::Exact | Method::ComplexStep => 4e-15,
        Method::Richardson => 1e-11,
        Method::FivePoint => 1e-9,
        Method::CentralOptimal => 1e-8,
        Method::Central | Method::Forward => f64::INFINITY,
    }
}

/// The worst relative error of `method` over all pairs, and where.
fn worst(method: Method) -> (f64, String) {
    let mut worst = (0.0, String::new());
    // Richardson's estimate over its true error, where that is not 0.
    let mut ratios = Vec::new();
    for p in pairs() {
        let f = Expression::parse(&p.expression, vars(p.point.len())).unwrap();
        let Ok(d) = Differentiator::new(f, method, None) else {
            // Only the complex step refuses, and only abs and sign.
            assert_eq!(method, Method::ComplexStep);
            assert!(p.expression.contains("abs") || p.expression.contains("sign"));
            continue;
        };
        for (i, &truth) in p.gradient.iter().enumerate() {
            let where_ = format!("{} at {:?}, ∂{i}", p.expression, p.point);
            let e = d
                .partial(&p.point, i)
                .unwrap_or_else(|u| panic!("{method}: {where_}: {u}"));
            let error = (e.value - truth).abs();
            let relative = error / truth.abs().max(1.0);
            assert!(
                relative <= bound(method),
                "{method}: {where_}: {} vs {truth}, relative error {relative:e}",
                e.value
            );
            if method == Method::Richardson {
                let estimate = e.error_estimate.expect("richardson estimates");
                assert!(
                    estimate >= error,
                    "{where_}: estimate {estimate:e} below the true error {error:e}"
                );
                if error > 0.0 {
                    ratios.push(estimate / error);
                }
            }
            if relative >= worst.0 {
                worst = (relative, where_);
            }
        }
    }
    println!(
        "{method:16} worst relative error {:9.1e}  ({})",
        worst.0, worst.1
    );
    if !ratios.is_empty() {
        ratios.sort_by(f64::total_cmp);
        println!(
            "{method:16} estimate / true error: least {:.0}, median {:.0}, most {:.0}",
            ratios[0],
            ratios[ratios.len() / 2],
            ratios[ratios.len() - 1]
        );
    }
    worst
}

#[test]
fn the_reference_table_covers_what_it_should() {
    let pairs = pairs();
    assert!(pairs.len() >= 60, "{} pairs", pairs.len());
    let text: String = pairs.iter().map(|p| p.expression.clone() + " ").collect();
    for name in numdiff_plot::expr::funcs::NAMES {
        assert!(text.contains(&format!("{name}(")), "no {name}");
    }
    assert!(pairs.iter().any(|p| p.point.len() == 2));
    assert!(pairs.iter().any(|p| p.point[0].abs() == 1000.0));
    assert!(pairs.iter().any(|p| p.point[0].abs() < 1e-3));
}

#[test]
fn values_agree_with_mpmath() {
    for p in pairs() {
        let f = Expression::parse(&p.expression, vars(p.point.len())).unwrap();
        let v = f.eval(&p.point);
        assert!(
            (v - p.value).abs() <= 4e-15 * p.value.abs().max(1.0),
            "{} at {:?}: {v} vs {}",
            p.expression,
            p.point,
            p.value
        );
    }
}

#[test]
fn exact_is_exact_to_rounding() {
    worst(Method::Exact);
}

#[test]
fn complex_step_is_exact_to_rounding() {
    worst(Method::ComplexStep);
}

#[test]
fn richardson_is_within_1e_11_and_its_estimate_is_never_below_the_error() {
    worst(Method::Richardson);
}

#[test]
fn five_point_is_within_1e_9() {
    worst(Method::FivePoint);
}

#[test]
fn central_optimal_is_within_1e_8() {
    worst(Method::CentralOptimal);
}

#[test]
fn the_book_s_central_difference_is_unchanged() {
    // Bit for bit the book's numbers, and on the table what h = 1e-4 gives.
    let f = Expression::parse("0.01*x^2 + 0.1*x", vars(1)).unwrap();
    let d = Differentiator::new(f, Method::Central, None).unwrap();
    assert_eq!(d.slope(5.0).unwrap().value, 0.1999999999990898);
    assert_eq!(d.slope(10.0).unwrap().value, 0.2999999999986347);
    // No bound for the book's steps (forward's error is O(h)); measured only.
    for method in [Method::Central, Method::Forward] {
        let mut worst = 0.0f64;
        for p in pairs() {
            let f = Expression::parse(&p.expression, vars(p.point.len())).unwrap();
            let d = Differentiator::new(f, method, None).unwrap();
            for (i, &truth) in p.gradient.iter().enumerate() {
                let e = d.partial(&p.point, i).unwrap();
                assert_eq!(e.h, Some(1e-4));
                worst = worst.max((e.value - truth).abs() / truth.abs().max(1.0));
            }
        }
        println!("{method:16} worst relative error {worst:9.1e}  (h = 1e-4)");
    }
}

/// One row of complex.tsv: the function, z, and f(z).
fn complex_rows() -> Vec<(String, Complex64, Complex64)> {
    include_str!("../../reference/complex.tsv")
        .lines()
        .skip(1)
        .map(|line| {
            let c: Vec<f64> = line
                .split('\t')
                .skip(1)
                .map(|v| v.parse().unwrap())
                .collect();
            let name = line.split('\t').next().unwrap().to_string();
            (name, Complex64::new(c[0], c[1]), Complex64::new(c[2], c[3]))
        })
        .collect()
}

#[test]
fn complex_functions_agree_with_mpmath() {
    let rows = complex_rows();
    assert!(rows.len() >= 90);
    for (name, z, want) in rows {
        let got = z.apply(lookup(&name).unwrap());
        // Near the real axis each part on its own scale (the imaginary part
        // is the complex step's derivative); off it, relative to |f(z)|.
        let (re_scale, im_scale) = if z.im.abs() < 1e-10 {
            (want.re.abs(), want.im.abs())
        } else {
            (want.norm(), want.norm())
        };
        assert!(
            (got.re - want.re).abs() <= 4e-15 * re_scale
                && (got.im - want.im).abs() <= 4e-15 * im_scale,
            "{name}({z}): {got} vs {want}"
        );
    }
}
