//! Fuzzes expressions: any text, checked and parsed in any variables, then
//! evaluated on real, complex and dual points (exact derivatives, with every
//! operation's domain checked) and differentiated symbolically in each
//! variable for printing. None of it may panic; an error is a fine answer.

#![no_main]

use libfuzzer_sys::fuzz_target;
use num_complex::Complex64;
use numdiff_plot::derivative::dual;
use numdiff_plot::expr::check::Vars;
use numdiff_plot::expr::Expression;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for vars in [Vars::Any, Vars::Only(&["x"]), Vars::Only(&["x0", "x1"])] {
        let Ok(f) = Expression::parse(&text, vars) else {
            continue;
        };
        let n = f.vars().len();
        for i in 0..n {
            let _ = f.derivative_text(i);
        }
        for v in [0.0, 1.5, -2.0, 1e300, f64::NAN] {
            let point = vec![v; n];
            let _ = f.eval(&point);
            let _ = f.eval_checked(&point);
            let _ = f.eval_complex(&vec![Complex64::new(v, 1e-20); n]);
            for i in 0..n {
                let _ = dual::partial(&f, &point, i);
            }
        }
    }
});
