//! Exact derivatives (dual numbers) and the complex step are two independent
//! ways to the same number: on random analytic expressions they agree to
//! 1e-13 relative (to max(|f′|, 1)).

use numdiff_plot::derivative::{Differentiator, Method};
use numdiff_plot::expr::check::Vars;
use numdiff_plot::expr::Expression;
use proptest::prelude::*;

/// A random analytic expression in x, written as a user would, defined for
/// every real x: the functions with a restricted domain get arguments
/// inside it (ln(1 + u^2), asin(u/(2 + u^2)), …), and powers stay moderate.
/// (With h = 1e-20 the complex step's own error is h²·|f‴/f′|/6, which
/// passes 1e-13 only for inner derivatives near 1e13, as in cos(x^27) at 3.)
fn expression() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("x".to_string()),
        (-30i32..30).prop_map(|k| format!("{}", f64::from(k) / 8.0)),
    ];
    leaf.prop_recursive(4, 24, 2, |inner| {
        let unary = (0usize..12, inner.clone()).prop_map(|(k, u)| match k {
            0 => format!("sin({u})"),
            1 => format!("cos({u})"),
            2 => format!("atan({u})"),
            3 => format!("tanh({u})"),
            4 => format!("exp(sin({u}))"),
            5 => format!("ln(1 + ({u})^2)"),
            6 => format!("sqrt(2 + cos({u}))"),
            7 => format!("asin(({u})/(2 + ({u})^2))"),
            8 => format!("acos(({u})/(2 + ({u})^2))"),
            9 => format!("sinh(atan({u}))"),
            10 => format!("cosh(tanh({u}))"),
            _ => format!("tan(atan({u})/2)"),
        });
        let binary = (0usize..6, inner.clone(), inner).prop_map(|(k, a, b)| match k {
            0 => format!("({a}) + ({b})"),
            1 => format!("({a}) - ({b})"),
            2 => format!("({a})*({b})"),
            3 => format!("({a})/(1.5 + sin({b}))"),
            4 => format!("({a})^3/9 - ({b})^2/4"),
            _ => format!("(2 + sin({a}))^(atan({b}))"),
        });
        prop_oneof![unary, binary]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn exact_and_complex_step_agree(text in expression(), x in -3.0f64..3.0) {
        // Rarely, a generated constant exponent is above the cap, or a
        // power overflows: such cases are not about derivatives.
        let f = Expression::parse(&text, Vars::Only(&["x"]));
        prop_assume!(f.is_ok());
        let f = f.unwrap();
        let exact = Differentiator::new(f.clone(), Method::Exact, None).unwrap();
        let cs = Differentiator::new(f, Method::ComplexStep, None).unwrap();
        let a = exact.slope(x);
        prop_assume!(a.is_ok());
        let a = a.unwrap().value;
        let c = cs.slope(x).unwrap().value;
        prop_assert!(
            (a - c).abs() <= 1e-13 * a.abs().max(1.0),
            "{} at {}: exact {} vs complex step {}", text, x, a, c
        );
    }
}
