"""matplotlib's drawing of the figures numdiff-plot adds to the book's
scripts (Figures 4-3 to 4-6), with the same data, labels and marks, under
the same file names as figures/, to score with score.py:

    target/python-venv/bin/python python/matplotlib/chapter.py target/chapter-refs
    target/python-venv/bin/python python/matplotlib/score.py target/chapter-refs

The book draws these figures in its text but ships no script for them; each
function below is what such a script would be, written as the book writes
its others (default figure, 6.4 x 4.8 in at 100 dpi).
"""
import sys
from pathlib import Path

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def natural_log():
    """Figure 4-3: log x on (0, 1], the book's two outputs marked."""
    x = np.arange(1, 201) / 200
    plt.figure()
    plt.plot(x, np.log(x))
    # A marker's radius (3.5 pt) twice over, to the right of the dot.
    offset = 2 * 3.5 * 100 / 72
    for n, y in enumerate([0.6, 0.1]):
        colour = f"C{n + 1}"
        plt.plot([y], [np.log(y)], "o", color=colour)
        plt.annotate(f"\u2212log {y:g} = {-np.log(y):.2f}", (y, np.log(y)),
                     xytext=(offset, 0), textcoords="offset pixels",
                     va="center", color=colour)
    plt.xlabel("x")
    plt.ylabel("y")


def step_sigmoid():
    """Figure 4-4: chapter 3's step function and sigmoid, side by side."""
    x = np.arange(-5.0, 5.0, 0.1)
    plt.figure()
    plt.subplot(1, 2, 1)
    plt.plot(x, np.array(x > 0, dtype=int))
    plt.ylim(-0.1, 1.1)
    plt.xlabel("x")
    plt.ylabel("y")
    plt.title("step_function")
    plt.subplot(1, 2, 2)
    sigmoid = lambda t: 1 / (1 + np.exp(-t))  # noqa: E731
    h = 1e-4
    d = (sigmoid(h) - sigmoid(-h)) / (2 * h)
    plt.plot(x, sigmoid(x))
    plt.plot(x, d * x + sigmoid(0.0))
    plt.ylim(-0.1, 1.1)
    plt.xlabel("x")
    plt.title("sigmoid, tangent at x = 0")


def tangent_secant():
    """Figure 4-5: the true tangent at 5 and the forward difference's
    secant with h = 5."""
    x = np.arange(0.0, 20.0, 0.1)
    a, h = 5.0, 5.0
    slope = (function_1(a + h) - function_1(a)) / h
    plt.figure()
    plt.plot(x, function_1(x), label="f(x)")
    plt.plot(x, 0.2 * x + function_1(a) - 0.2 * a, label="true tangent")
    plt.plot(x, slope * x + function_1(a) - slope * a,
             label=f"forward difference, h = {h:g}")
    plt.plot([a, a + h], [function_1(a), function_1(a + h)], "o", color="C2")
    plt.xlabel("x")
    plt.ylabel("f(x)")
    plt.legend(loc="upper left")


def function_1_alone():
    """Figure 4-6: function_1 on arange(0, 20, 0.1)."""
    x = np.arange(0.0, 20.0, 0.1)
    plt.figure()
    plt.plot(x, function_1(x))
    plt.xlabel("x")
    plt.ylabel("f(x)")


FIGURES = {
    "natural_log.png": natural_log,
    "step_sigmoid.png": step_sigmoid,
    "tangent_secant.png": tangent_secant,
    "function_1.png": function_1_alone,
}


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "target/chapter-refs")
    out.mkdir(parents=True, exist_ok=True)
    for name, draw in FIGURES.items():
        draw()
        plt.savefig(out / name)
        plt.close("all")
        print(out / name)


if __name__ == "__main__":
    main()
