"""Reference values for tests/derivative_reference.rs, computed with mpmath.

Writes, beside this script:

- derivatives.tsv: expression, variables, point, f there, and each partial
  derivative, to 50 significant digits. The points are doubles (written as
  Python's shortest repr, which Rust reads back to the same double), and
  mpmath evaluates at exactly those doubles.
- complex.tsv: each documented function at complex points, for the complex
  versions the complex-step method uses.

Run it with mpmath installed (any Python 3.9+):

    python3 -m venv /tmp/venv-ref
    /tmp/venv-ref/bin/pip install mpmath==1.3.0
    /tmp/venv-ref/bin/python tests/reference/make_reference.py

Each derivative is taken twice, with mpmath's numerical differentiation at
60 and at 90 digits, and the two must agree to 55 digits, so that every
printed digit is right.
"""

import os

import mpmath as mp

DIGITS = 50
HERE = os.path.dirname(os.path.abspath(__file__))


def sign(v):
    return mp.sign(v)


# One variable: (expression as numdiff-plot reads it, the same in mpmath,
# points). Small, ordinary and large |x| (up to 1e3), and points near the
# edge of a domain (ln near 0, asin near 1, sqrt near 0, a pole near 0).
ONE = [
    ("sin(x)", lambda x: mp.sin(x), ["1e-08", "0.5", "-7.0", "1000.0"]),
    ("cos(x)", lambda x: mp.cos(x), ["0.001", "2.0", "-1000.0"]),
    ("tan(x)", lambda x: mp.tan(x), ["0.1", "1.5", "-1000.0"]),
    ("asin(x)", lambda x: mp.asin(x), ["0.0", "0.5", "-0.9"]),
    ("acos(x)", lambda x: mp.acos(x), ["-0.5", "0.9"]),
    ("atan(x)", lambda x: mp.atan(x), ["1e-06", "1.0", "-3.0", "1000.0"]),
    ("sinh(x)", lambda x: mp.sinh(x), ["0.1", "5.0", "-20.0"]),
    ("cosh(x)", lambda x: mp.cosh(x), ["1.0", "-10.0"]),
    ("tanh(x)", lambda x: mp.tanh(x), ["0.5", "-3.0", "20.0"]),
    ("exp(x)", lambda x: mp.exp(x), ["1.0", "-30.0", "50.0", "500.0"]),
    ("ln(x)", lambda x: mp.log(x), ["0.1", "2.0", "1000.0"]),
    ("log(x)", lambda x: mp.log(x), ["0.3", "7.5"]),
    ("sqrt(x)", lambda x: mp.sqrt(x), ["0.1", "4.0", "1000.0"]),
    ("abs(x)", lambda x: abs(x), ["-2.5", "3.0"]),
    ("abs(sin(x))", lambda x: abs(mp.sin(x)), ["4.0"]),
    ("sign(x)*x^2", lambda x: sign(x) * x**2, ["-2.0", "0.75"]),
    ("sign(x) + x", lambda x: sign(x) + x, ["0.5"]),
    ("x^3", lambda x: x**3, ["2.0", "-1000.0"]),
    ("x^2.5", lambda x: x ** mp.mpf(2.5), ["3.0"]),
    ("x^-2", lambda x: x**-2, ["0.5"]),
    ("x^x", lambda x: x**x, ["2.0"]),
    ("2^x", lambda x: mp.mpf(2) ** x, ["10.0"]),
    ("x^(1/3)", lambda x: mp.cbrt(x), ["8.0"]),
    ("x^10", lambda x: x**10, ["1.5"]),
    ("1/x", lambda x: 1 / x, ["0.1", "-1000.0"]),
    ("(x^2 + 1)/(x - 1)", lambda x: (x**2 + 1) / (x - 1), ["3.0"]),
    ("sin(x)/x", lambda x: mp.sin(x) / x, ["0.5", "10.0"]),
    ("x/(1 + exp(-x))", lambda x: x / (1 + mp.exp(-x)), ["2.0"]),
    ("1/(1 + x^2)", lambda x: 1 / (1 + x**2), ["1000.0"]),
    ("exp(sin(x))", lambda x: mp.exp(mp.sin(x)), ["1.0"]),
    ("ln(1 + x^2)", lambda x: mp.log(1 + x**2), ["-3.0"]),
    ("sqrt(1 - x^2)", lambda x: mp.sqrt(1 - x**2), ["0.6"]),
    ("atan(1/x)", lambda x: mp.atan(1 / x), ["2.0"]),
    ("tanh(sinh(x))", lambda x: mp.tanh(mp.sinh(x)), ["1.0"]),
    ("sin(10*x)", lambda x: mp.sin(10 * x), ["30.0"]),
    ("e^x", lambda x: mp.exp(x), ["50.0"]),
    ("0.01*x^2 + 0.1*x", lambda x: mp.mpf(0.01) * x**2 + mp.mpf(0.1) * x, ["5.0", "10.0"]),
    ("exp(-x^2/2)", lambda x: mp.exp(-(x**2) / 2), ["1.0"]),
    ("acos(x/2) + asin(x/3)", lambda x: mp.acos(x / 2) + mp.asin(x / 3), ["1.0"]),
    ("cosh(x)^2 - sinh(x)^2", lambda x: mp.cosh(x) ** 2 - mp.sinh(x) ** 2, ["0.5"]),
]

# Two variables: gradients.
TWO = [
    ("x0^2 + x1^2", lambda a, b: a**2 + b**2, [("3.0", "4.0"), ("-3.0", "4.0")]),
    ("sin(x0)*exp(x1)", lambda a, b: mp.sin(a) * mp.exp(b), [("0.3", "1.7")]),
    ("x0*x1/(x0^2 + x1^2)", lambda a, b: a * b / (a**2 + b**2), [("1.0", "2.0")]),
    ("ln(x0) + sqrt(x1)", lambda a, b: mp.log(a) + mp.sqrt(b), [("0.5", "9.0")]),
    ("atan(x1/x0)", lambda a, b: mp.atan(b / a), [("1.0", "1000.0")]),
    ("x0^x1", lambda a, b: a**b, [("2.0", "3.0")]),
    ("sqrt(x0^2 + x1^2)", lambda a, b: mp.sqrt(a**2 + b**2), [("-3.0", "4.0")]),
    ("exp(x0*x1)", lambda a, b: mp.exp(a * b), [("-1.0", "2.0")]),
    ("x0^2 + 10*x1^2", lambda a, b: a**2 + 10 * b**2, [("-3.0", "4.0")]),
    ("tanh(x0 - x1)*cos(x1)", lambda a, b: mp.tanh(a - b) * mp.cos(b), [("0.25", "-0.5")]),
]

# Complex points for the complex versions of the functions: near the real
# axis (the complex step's case) and well off it, on both sides.
COMPLEX_FUNCTIONS = [
    ("sin", mp.sin),
    ("cos", mp.cos),
    ("tan", mp.tan),
    ("asin", mp.asin),
    ("acos", mp.acos),
    ("atan", mp.atan),
    ("sinh", mp.sinh),
    ("cosh", mp.cosh),
    ("tanh", mp.tanh),
    ("exp", mp.exp),
    ("ln", mp.log),
    ("sqrt", mp.sqrt),
]
COMPLEX_POINTS = [
    ("0.5", "1e-20"),
    ("1.0", "1e-20"),
    ("-0.75", "1e-20"),
    ("3.0", "1e-20"),
    ("0.5", "0.25"),
    ("-2.0", "1.0"),
    ("3.0", "-0.5"),
    ("0.25", "-2.0"),
]


def s(v):
    """v to DIGITS significant digits."""
    return mp.nstr(v, DIGITS, min_fixed=1, max_fixed=0, strip_zeros=False)


def derivative(f, point, k):
    """∂f/∂x_k at point, checked at two precisions."""
    results = []
    for dps in (60, 90):
        with mp.workdps(dps):
            p = [mp.mpf(float(v)) for v in point]
            orders = tuple(1 if i == k else 0 for i in range(len(p)))
            if len(p) == 1:
                results.append(mp.diff(f, p[0]))
            else:
                results.append(mp.diff(f, p, orders))
    with mp.workdps(90):
        a, b = results
        assert abs(a - b) <= mp.mpf(10) ** -55 * max(1, abs(b)), (point, a, b)
    return results[1]


def main():
    mp.mp.dps = 90
    rows = ["expression\tvariables\tpoint\tvalue\tderivative"]
    pairs = 0
    for expr, f, points in ONE:
        for x in points:
            value = f(mp.mpf(float(x)))
            d = derivative(f, [x], 0)
            rows.append(f"{expr}\tx\t{repr(float(x))}\t{s(value)}\t{s(d)}")
            pairs += 1
    for expr, f, points in TWO:
        for p in points:
            value = f(*[mp.mpf(float(v)) for v in p])
            ds = [s(derivative(f, p, k)) for k in range(2)]
            point = ",".join(repr(float(v)) for v in p)
            rows.append(f"{expr}\tx0,x1\t{point}\t{s(value)}\t{','.join(ds)}")
            pairs += 1
    with open(os.path.join(HERE, "derivatives.tsv"), "w") as out:
        out.write("\n".join(rows) + "\n")

    rows = ["function\tre\tim\tvalue re\tvalue im"]
    for name, f in COMPLEX_FUNCTIONS:
        for re, im in COMPLEX_POINTS:
            z = mp.mpc(float(re), float(im))
            v = f(z)
            rows.append(
                f"{name}\t{repr(float(re))}\t{repr(float(im))}\t{s(v.real)}\t{s(v.imag)}"
            )
    with open(os.path.join(HERE, "complex.tsv"), "w") as out:
        out.write("\n".join(rows) + "\n")
    print(f"{pairs} function/point pairs, {len(rows) - 1} complex values")


if __name__ == "__main__":
    main()
