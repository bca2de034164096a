"""matplotlib's drawing of the ranges where tick formatting matters, beside
numdiff-plot's, to look at side by side.

Usage:
  references.py draw [DIR]         matplotlib's figures (default: python/matplotlib/references/)
  references.py ours BIN DIR       numdiff-plot BIN draws the same cases into DIR
  references.py pair REFS OURS OUT one image per case: matplotlib left, ours right

Each case is drawn as the numdiff-plot command beside it would: the same
function, samples, tangents (central difference, h = 1e-4), grid and labels,
on a default 6.4 x 4.8 in figure at 100 dpi. The error figure's notes, which
numdiff-plot places where no curve runs, have no matplotlib counterpart and
are left out of matplotlib's version.
"""
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

H = 1e-4

CASES = {
    # name: (numdiff-plot arguments, how matplotlib draws it)
    "tiny": (["tangent", "--f", "x^2", "--x", "5e-6", "--range", "0,1e-5,1e-7"],
             ("tangent", lambda x: x**2, [5e-6], (0, 1e-5, 1e-7))),
    "huge": (["tangent", "--f", "x^2", "--x", "5e6", "--range", "0,1e7,1e5"],
             ("tangent", lambda x: x**2, [5e6], (0, 1e7, 1e5))),
    "offset": (["tangent", "--f", "x", "--x", "1000000.5", "--range", "1e6,1000001,0.01"],
               ("tangent", lambda x: x, [1000000.5], (1e6, 1000001, 0.01))),
    "negative": (["tangent", "--f", "x^3", "--x", "-15", "--range=-20,-10,0.1"],
                 ("tangent", lambda x: x**3, [-15.0], (-20, -10, 0.1))),
    "log": (["error"], ("error", np.exp, 1.0)),
    "surface_large_z": (["surface", "--f", "1e7*(x0^2 + x1^2)", "--grid=-1,1,0.05"],
                        ("surface", lambda a, b: 1e7 * (a**2 + b**2), (-1, 1, 0.05))),
    "surface_pole": (["surface", "--f", "1/(x0^2 + x1^2)"],
                     ("surface", lambda a, b: 1 / (a**2 + b**2), (-3, 3, 0.1))),
}


def tangent(f, at, rng):
    x = np.arange(*rng)
    plt.figure()
    plt.plot(x, f(x))
    for a in at:
        d = (f(a + H) - f(a - H)) / (2 * H)
        plt.plot(x, d * x + (f(a) - d * a))
    plt.xlabel("x")
    plt.ylabel("f(x)")


def error(f, x):
    h = 10.0 ** (-np.arange(20, 321) / 20)
    exact = f(x)  # exp: f' = f
    quotients = {
        "forward": lambda h: (f(x + h) - f(x)) / h,
        "central": lambda h: (f(x + h) - f(x - h)) / (2 * h),
        "five-point": lambda h: (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h),
    }
    plt.figure()
    plt.axvline(H, color="0.5", linestyle="--", linewidth=1.0)
    best = []
    for name, q in quotients.items():
        err = np.abs(q(h) - exact)
        i = int(np.argmin(err))
        best.append((h[i], err[i]))
        plt.loglog(h, err, label=f"{name} (min {err[i]:.1e} at h = {h[i]:.0e})")
    for n, (bh, be) in enumerate(best):
        plt.plot([bh], [be], "o", color=f"C{n}")
    plt.xlabel("h")
    plt.ylabel("absolute error of f\u2032(x)")
    plt.title(f"error of f\u2032({x:g}) for f(x) = exp(x)")
    plt.legend(loc="lower left")


def surface(f, grid):
    g = np.arange(*grid)
    x0, x1 = np.meshgrid(g, g)
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.plot_wireframe(x0, x1, f(x0, x1))
    if grid == (-3, 3, 0.1):
        # The book's grid, with the book's limits (numdiff-plot keeps them).
        ax.set_xlim(-3.5, 3.5)
        ax.set_ylim(-4.5, 4.5)
    ax.set_xlabel("x0")
    ax.set_ylabel("x1")
    ax.set_zlabel("f(x)")


def draw(out):
    out.mkdir(parents=True, exist_ok=True)
    for name, (_, (kind, *args)) in CASES.items():
        {"tangent": tangent, "error": error, "surface": surface}[kind](*args)
        plt.savefig(out / f"{name}.png")
        plt.close("all")
        print(out / f"{name}.png")


def ours(binary, out):
    out.mkdir(parents=True, exist_ok=True)
    for name, (argv, _) in CASES.items():
        subprocess.run([binary, *argv, "-q", "-o", str(out / f"{name}.png")], check=True)
        print(out / f"{name}.png")


def pair(refs, mine, out):
    out.mkdir(parents=True, exist_ok=True)
    for name in CASES:
        a = Image.open(refs / f"{name}.png").convert("RGB")
        b = Image.open(mine / f"{name}.png").convert("RGB")
        both = Image.new("RGB", (a.width + b.width, max(a.height, b.height)), "white")
        both.paste(a, (0, 0))
        both.paste(b, (a.width, 0))
        both.save(out / f"{name}.png")
        print(out / f"{name}.png")


def main():
    here = Path(__file__).resolve().parent
    args = sys.argv[1:]
    if args[:1] == ["draw"] and len(args) <= 2:
        draw(Path(args[1]) if len(args) == 2 else here / "references")
    elif args[:1] == ["ours"] and len(args) == 3:
        ours(args[1], Path(args[2]))
    elif args[:1] == ["pair"] and len(args) == 4:
        pair(Path(args[1]), Path(args[2]), Path(args[3]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
