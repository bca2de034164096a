//! The numerics of chapter 4 as library calls, each paired with a Python
//! counterpart in python/book/numerics_timeit.py (the book's loops, numpy)
//! that computes the same thing on the same inputs. compare/run.sh runs both
//! and puts the medians side by side in BENCHMARKS.md; the benchmark names
//! here are the keys it reads from target/criterion/.
//!
//! Run alone with `cargo bench --features bench --bench numerics`.

use criterion::{criterion_group, criterion_main, Criterion};
use ndarray::{array, Array1};
use numdiff_plot::derivative::{Differentiator, Method};
use numdiff_plot::expr::check::Vars;
use numdiff_plot::expr::Expression;
use numdiff_plot::numerics::{
    function_1, function_2, gradient_descent, numerical_diff, numerical_gradient, SimpleNet, H,
};
use std::hint::black_box;

/// The 1000 coordinates of the long gradient: xᵢ = i / 1000, as the Python
/// side's `np.arange(1000) / 1000`.
fn thousand_coordinates() -> Array1<f64> {
    Array1::from_iter((0..1000).map(|i| i as f64 / 1000.0))
}

fn gradients(c: &mut Criterion) {
    let mut g = c.benchmark_group("gradient");

    // The book's numerical_gradient(function_2, np.array([3.0, 4.0])).
    let x = array![3.0, 4.0];
    g.bench_function("function_2_at_3_4", |b| {
        b.iter(|| numerical_gradient(|p| function_2(p.view()), black_box(&x), H))
    });

    // numerical_gradient of np.sum(x**2) at 1000 coordinates.
    let x = thousand_coordinates();
    g.bench_function("sum_squares_1000", |b| {
        b.iter(|| numerical_gradient(|p| function_2(p.view()), black_box(&x), H))
    });

    // simpleNet: dW = numerical_gradient(f, net.W) with the book's W, x, t.
    let net = SimpleNet::book();
    let (x, t) = (array![0.6, 0.9], array![0.0, 0.0, 1.0]);
    g.bench_function("simplenet", |b| {
        b.iter(|| black_box(&net).numerical_gradient(x.view(), t.view(), H))
    });
    g.finish();
}

fn others(c: &mut Criterion) {
    // numerical_diff(function_1, 5): the slope of the tangent figure.
    let mut g = c.benchmark_group("diff");
    g.bench_function("function_1_at_5", |b| {
        b.iter(|| numerical_diff(function_1, black_box(5.0), H))
    });
    g.finish();

    // The book's text: gradient_descent(function_2, [-3, 4], lr=0.1, step_num=100).
    let init = array![-3.0, 4.0];
    let mut g = c.benchmark_group("descent");
    g.bench_function("function_2_100_steps", |b| {
        b.iter(|| gradient_descent(|p| function_2(p.view()), black_box(&init), 0.1, 100, H))
    });
    g.finish();

    // User expressions (`--f`), parsed once: one evaluation, and the
    // numerical gradient through the expression evaluator, next to the
    // built-in function_2 above. The Python side is a lambda, as the book
    // writes its functions.
    let f = Expression::parse("x0^2 + x1^2", Vars::Only(&["x0", "x1"])).expect("parses");
    let mut g = c.benchmark_group("expression");
    g.bench_function("eval_x0_x1", |b| b.iter(|| f.eval(black_box(&[3.0, 4.0]))));
    let d = Differentiator::new(f, Method::Central, None).expect("central applies");
    g.bench_function("gradient_at_3_4", |b| {
        b.iter(|| d.gradient(black_box(&[3.0, 4.0])))
    });
    let sin_exp = Expression::parse("exp(x)*sin(x)", Vars::Only(&["x"])).expect("parses");
    g.bench_function("eval_exp_sin", |b| {
        b.iter(|| sin_exp.eval(black_box(&[1.0])))
    });
    g.finish();
}

criterion_group!(benches, gradients, others);
criterion_main!(benches);
