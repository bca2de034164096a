//! Fuzzes expressions: any text, checked and parsed in any variables, then
//! evaluated on real and complex points and differentiated symbolically in
//! each variable, with the derivative evaluated too. None of it may panic;
//! an error is a fine answer.

#![no_main]

use libfuzzer_sys::fuzz_target;
use num_complex::Complex64;
use numdiff_plot::expr::check::Vars;
use numdiff_plot::expr::Expression;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for vars in [Vars::Any, Vars::Only(&["x"]), Vars::Only(&["x0", "x1"])] {
        let Ok(f) = Expression::parse(&text, vars) else {
            continue;
        };
        let n = f.vars().len();
        let derivatives: Vec<_> = (0..n).filter_map(|i| f.derivative(i).ok()).collect();
        for d in &derivatives {
            let _ = d.to_string();
        }
        for v in [0.0, 1.5, -2.0, 1e300, f64::NAN] {
            let point = vec![v; n];
            let _ = f.eval(&point);
            let _ = f.eval_complex(&vec![Complex64::new(v, 1e-20); n]);
            for d in &derivatives {
                let _ = d.eval(&point);
            }
        }
    }
});
