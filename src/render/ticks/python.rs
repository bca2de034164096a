//! The few pieces of Python's and numpy's float arithmetic that matplotlib's
//! tick code relies on, so that our ticks land where matplotlib's do even
//! where rounding decides (floor division of floats, `round`, `%g`).

/// `a // b` for floats, as CPython computes it: from `fmod`, so that
/// `a == (a // b) * b + a % b` holds as closely as floats allow.
pub fn floor_div(a: f64, b: f64) -> f64 {
    divmod(a, b).0
}

/// `divmod(a, b)` for floats (CPython's `float_divmod`).
pub fn divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// `10.0 ** e`, through the C library's `pow` as Python and numpy do.
pub fn pow10(e: f64) -> f64 {
    10f64.powf(e)
}

/// `round(x, ndigits)` for floats: correctly rounded to `ndigits` decimals.
pub fn round_to(x: f64, ndigits: usize) -> f64 {
    format!("{x:.ndigits$}").parse().unwrap_or(x)
}

/// `np.round(x, decimals)`: x·10ᵈ rounded half to even, divided by 10ᵈ.
pub fn np_round(x: f64, decimals: i32) -> f64 {
    let f = pow10(decimals as f64);
    (x * f).round_ties_even() / f
}

/// `'%1.{precision}g' % x`: `precision` significant digits, trailing zeros
/// dropped, an exponent when it is below −4 or at least `precision`.
pub fn format_g(x: f64, precision: usize) -> String {
    let p = precision.max(1);
    let sci = format!("{:.*e}", p - 1, x);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let m = strip_zeros(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{m}e{sign}{:02}", exp.unsigned_abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        strip_zeros(&format!("{x:.decimals$}")).to_string()
    }
}

fn strip_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// matplotlib's `axes.unicode_minus`: a hyphen becomes U+2212 MINUS SIGN.
pub fn fix_minus(s: &str) -> String {
    s.replace('-', "\u{2212}")
}

/// `math.isclose(x, round(x))`: relative tolerance 1e-9.
pub fn is_close_to_int(x: f64) -> bool {
    let r = x.round_ties_even();
    (x - r).abs() <= 1e-9 * x.abs().max(r.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_follows_python() {
        // Values checked in CPython 3.11.
        assert_eq!(floor_div(7.0, 2.0), 3.0);
        assert_eq!(floor_div(-7.0, 2.0), -4.0);
        assert_eq!(floor_div(1.0, 0.1), 9.0);
        assert_eq!(divmod(-0.3, 0.1).0, -3.0);
        assert_eq!(divmod(0.3, 0.1), (2.0, 0.09999999999999998));
        assert_eq!(floor_div(-0.0, 1.0).to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn g_format_and_rounding_follow_python() {
        assert_eq!(format_g(1.234, 10), "1.234");
        assert_eq!(format_g(4.0625, 10), "4.0625");
        assert_eq!(format_g(5.0, 10), "5");
        assert_eq!(format_g(1.5e-7, 3), "1.5e-07");
        assert_eq!(format_g(123456789012.0, 10), "1.23456789e+11");
        assert_eq!(round_to(2.675, 2), 2.67);
        assert_eq!(np_round(0.125, 2), 0.12);
        assert_eq!(fix_minus("1e-10"), "1e\u{2212}10");
    }
}
