//! The documented functions on complex numbers, for the complex-step method.
//!
//! The complex step reads f′(x) from Im f(x + ih)/h with h as small as 1e-20,
//! so every function must keep an imaginary part 1e-20 times smaller than its
//! real part. Textbook formulas do not: num-complex's asin(z) is
//! −i·ln(iz + √(1 − z²)), whose iz + √(1 − z²) adds 0.5i to a number 1e-20
//! away and loses it, so asin, acos and atan had a derivative of 0. Here each
//! function uses a formula without such cancellation, gives the principal
//! branch (the real function on its real domain), and is checked against
//! mpmath off the real axis too
//! (`tests/integration/library/derivative_reference.rs`).

use super::funcs::{Func, Scalar};
use num_complex::Complex64 as C;

impl Scalar for C {
    fn from_f64(v: f64) -> Self {
        C::new(v, 0.0)
    }
    fn quot(self, b: Self) -> Self {
        div(self, b)
    }
    fn powi(self, n: i32) -> Self {
        powi(self, n)
    }
    fn pow(self, e: Self) -> Self {
        pow(self, e)
    }
    fn apply(self, f: Func) -> Self {
        match f {
            Func::Sin => self.sin(),
            Func::Cos => self.cos(),
            Func::Tan => tan(self),
            Func::Asin => asin(self),
            Func::Acos => acos(self),
            Func::Atan => atan(self),
            Func::Sinh => self.sinh(),
            Func::Cosh => self.cosh(),
            Func::Tanh => tanh(self),
            Func::Exp => self.exp(),
            Func::Ln => ln(self),
            Func::Sqrt => sqrt(self),
            // Not analytic: the complex step refuses expressions with them
            // before evaluating, so this value never becomes a derivative.
            Func::Abs | Func::Signum => C::new(f64::NAN, f64::NAN),
        }
    }
    fn real(self) -> f64 {
        self.re
    }
    fn varies(self) -> bool {
        self.im != 0.0
    }
}

/// a / b by Smith's algorithm, which never squares |b| (num-complex's
/// division overflows for |b| > 1e154 and underflows for |b| < 1e-154).
pub fn div(a: C, b: C) -> C {
    if b.re.abs() >= b.im.abs() {
        let r = b.im / b.re;
        let den = b.re + b.im * r;
        C::new((a.re + a.im * r) / den, (a.im - a.re * r) / den)
    } else {
        let r = b.re / b.im;
        let den = b.re * r + b.im;
        C::new((a.re * r + a.im) / den, (a.im * r - a.re) / den)
    }
}

/// zⁿ by repeated squaring (as f64's `powi`), 1/z⁻ⁿ for negative n.
pub fn powi(z: C, n: i32) -> C {
    let mut result = C::new(1.0, 0.0);
    let mut base = z;
    let mut k = n.unsigned_abs();
    while k > 0 {
        if k & 1 == 1 {
            result *= base;
        }
        base = base * base;
        k >>= 1;
    }
    if n < 0 {
        div(C::new(1.0, 0.0), result)
    } else {
        result
    }
}

/// The principal √z: with t = √((|x| + |z|)/2), √z = t + iy/(2t) for x ≥ 0
/// and |y|/(2t) ± it for x < 0 (Kahan), free of cancellation.
pub fn sqrt(z: C) -> C {
    if z.re == 0.0 && z.im == 0.0 {
        return C::new(0.0, z.im);
    }
    let t = ((z.re.abs() + z.re.hypot(z.im)) / 2.0).sqrt();
    if z.re >= 0.0 {
        C::new(t, z.im / (2.0 * t))
    } else {
        C::new(z.im.abs() / (2.0 * t), t.copysign(z.im))
    }
}

/// The principal ln z = ln|z| + i·arg z; near |z| = 1, ln|z| is
/// ½·ln1p((x − 1)(x + 1) + y²), which keeps ln(1 + iy) = y²/2 + iy.
pub fn ln(z: C) -> C {
    let r = z.re.hypot(z.im);
    let re = if (0.5..2.0).contains(&r) {
        0.5 * ((z.re - 1.0) * (z.re + 1.0) + z.im * z.im).ln_1p()
    } else {
        r.ln()
    };
    C::new(re, z.im.atan2(z.re))
}

/// tan z = (tan x + i·sinh y cosh y / cos²x) / (1 + (sinh y / cos x)²): the
/// usual denominator cos 2x + cosh 2y cancels near x = π/2, and this form
/// gives tan x itself, to the last bit, for small y.
pub fn tan(z: C) -> C {
    if z.im.abs() > 20.0 {
        // |sinh y| > 2e8: the real part is below 1e-17·|tan x|.
        let (s, c) = z.re.sin_cos();
        let e = (-2.0 * z.im.abs()).exp();
        return C::new(4.0 * s * c * e, 1f64.copysign(z.im));
    }
    let c = z.re.cos();
    let (sh, ch) = (z.im.sinh(), z.im.cosh());
    let ratio = sh / c;
    let den = 1.0 + ratio * ratio;
    C::new(z.re.tan() / den, ratio * (ch / c) / den)
}

/// tanh z = (tanh x + i·sin y cos y / cosh²x) / (1 − (sin y / cosh x)²),
/// tan's twin, again exact for small y; cosh x overflowing gives ±1 + 0i.
pub fn tanh(z: C) -> C {
    let ch = z.re.cosh();
    let (s, c) = z.im.sin_cos();
    let ratio = s / ch;
    let den = 1.0 - ratio * ratio;
    C::new(z.re.tanh() / den, ratio * (c / ch) / den)
}

/// asin z = atan2(x, Re(√(1−z)·√(1+z))) + i·asinh(Im(conj(√(1−z))·√(1+z)))
/// (Kahan, "Branch cuts for complex elementary functions", 1987).
pub fn asin(z: C) -> C {
    let (a, b) = (
        sqrt(C::new(1.0 - z.re, -z.im)),
        sqrt(C::new(1.0 + z.re, z.im)),
    );
    C::new(
        z.re.atan2(a.re * b.re - a.im * b.im),
        (a.re * b.im - a.im * b.re).asinh(),
    )
}

/// acos z = 2·atan2(Re √(1−z), Re √(1+z)) + i·asinh(Im(conj(√(1+z))·√(1−z)))
/// (Kahan).
pub fn acos(z: C) -> C {
    let (a, b) = (
        sqrt(C::new(1.0 - z.re, -z.im)),
        sqrt(C::new(1.0 + z.re, z.im)),
    );
    C::new(2.0 * a.re.atan2(b.re), (b.re * a.im - b.im * a.re).asinh())
}

/// atan z = ½·atan2(2x, (1 − y)(1 + y) − x²) + i·¼·ln(1 + 4y / (x² + (1 − y)²)),
/// the real and imaginary parts of (i/2)·ln((i + z)/(i − z)) written so
/// that neither cancels for small y.
pub fn atan(z: C) -> C {
    let (x, y) = (z.re, z.im);
    let re = 0.5 * (2.0 * x).atan2((1.0 - y) * (1.0 + y) - x * x);
    let im = 0.25 * (4.0 * y / (x * x + (1.0 - y) * (1.0 - y))).ln_1p();
    C::new(re, im)
}

/// z^w, principal value. With r = |z|, θ = arg z and w = a + ib:
/// z^w = r^a·e^(−bθ)·(cos φ + i sin φ), φ = aθ + b·ln r, where r^a is f64's
/// `powf` (exact to an ulp, unlike exp(a·ln r)). A negative base with an
/// integer exponent is (−1)^a·(−z)^a, so that (−2 + iε)^3 keeps its tiny
/// imaginary part instead of sin(3π)'s rounding.
pub fn pow(z: C, w: C) -> C {
    if w.im == 0.0 && z.re < 0.0 && w.re.fract() == 0.0 {
        let odd = w.re % 2.0 != 0.0;
        let p = pow(-z, w);
        return if odd { -p } else { p };
    }
    if z.re == 0.0 && z.im == 0.0 {
        return C::new(0f64.powf(w.re), 0.0);
    }
    let r = z.re.hypot(z.im);
    let theta = z.im.atan2(z.re);
    let modulus = r.powf(w.re) * (-w.im * theta).exp();
    let phi = w.re * theta + if w.im == 0.0 { 0.0 } else { w.im * r.ln() };
    C::new(modulus * phi.cos(), modulus * phi.sin())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Im f(x + ih)/h for h = 1e-20: the complex step.
    fn step(f: fn(C) -> C, x: f64) -> f64 {
        f(C::new(x, 1e-20)).im / 1e-20
    }

    #[test]
    fn inverse_functions_keep_the_tiny_imaginary_part() {
        // The case: atan at 1 gave 0 instead of 1/2.
        assert_eq!(step(atan, 1.0), 0.5);
        let close = |a: f64, b: f64| (a - b).abs() <= 4e-16 * b.abs().max(1.0);
        for x in [-0.9f64, -0.5, 0.0, 0.3, 0.99] {
            let d = 1.0 / ((1.0 - x) * (1.0 + x)).sqrt();
            assert!(close(step(asin, x), d), "asin at {x}: {}", step(asin, x));
            assert!(close(step(acos, x), -d), "acos at {x}: {}", step(acos, x));
        }
        for x in [-1e3, -3.0, 0.5, 7.0] {
            assert!(close(step(atan, x), 1.0 / (1.0 + x * x)), "atan at {x}");
        }
    }

    #[test]
    fn real_arguments_give_the_real_functions() {
        for x in [-0.75, 0.0, 0.25, 0.5] {
            assert_eq!(asin(C::new(x, 0.0)).re, x.asin());
            assert!((acos(C::new(x, 0.0)).re - x.acos()).abs() < 1e-16);
        }
        for x in [-5.0, 0.5, 2.0] {
            assert!((atan(C::new(x, 0.0)).re - f64::atan(x)).abs() <= 2e-16 * f64::atan(x).abs());
            assert_eq!(tanh(C::new(x, 0.0)).re, f64::tanh(x));
        }
        assert_eq!(sqrt(C::new(4.0, 0.0)), C::new(2.0, 0.0));
        assert_eq!(sqrt(C::new(-4.0, 0.0)), C::new(0.0, 2.0));
        assert_eq!(pow(C::new(-2.0, 0.0), C::new(3.0, 0.0)), C::new(-8.0, 0.0));
        assert_eq!(powi(C::new(2.0, 0.0), -2), C::new(0.25, 0.0));
    }

    #[test]
    fn division_does_not_overflow() {
        let big = C::new(1e200, 1e-20);
        let q = div(big, big);
        assert_eq!(q.re, 1.0);
        assert!(q.im.abs() < 1e-300);
    }
}
