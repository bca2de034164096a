"""Tick positions and labels as matplotlib draws them, for the unit tests of
src/render/ticks/: writes tests/fixtures/matplotlib/ticks.json.

Usage: ticks.py [OUTPUT]

Each case sets the limits of a real axis of a default 6.4 x 4.8 in figure
(the x or y axis of plt.subplots(), or an axis of a 3-D Axes, whose locator
narrows its step by 23/24) and records what matplotlib's AutoLocator +
ScalarFormatter (or LogLocator + LogFormatterSciNotation) chose:

    nbins    the locator's bin count (from the axis' length and font size)
    locs     every tick the locator returns, also those just outside the view
    visible  the ticks matplotlib draws (inside the view, with tolerance)
    labels   their labels, as drawn (U+2212 for minus; log labels in mathtext)
    offset   the offset text drawn at the end of the axis ("1e14", "+1e6")
    minor    minor tick positions inside the view (log axes)

Numbers are written as strings (Python's repr), which every JSON reader turns
into the same double: some parse JSON numbers to the nearest double only
approximately.
"""
import json
import random
import sys
from pathlib import Path

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

LINEAR = [
    (-0.995, 20.895),  # the book's gradient_1d x axis
    (-0.3, 6.3),
    (0.0, 1.0),
    (-2.0, 2.0),
    (-3.5, 3.5),
    (-4.5, 4.5),
    (-0.375, 18.375),  # the book's surface z axis
    (0.0, 1e-5),
    (-4.95e-7, 1.0395e-5),
    (0.0, 1e-10),
    (-5e-12, 1.05e-10),
    (0.0, 1e7),
    (-4.95e5, 1.0395e7),
    (0.0, 1e14),
    (-5e12, 1.05e14),
    (1e6, 1e6 + 1),
    (1e6 - 0.05, 1e6 + 1.05),
    (-1e6 - 1, -1e6),
    (123456.0, 123789.0),
    (1e5, 1e6),
    (0.999, 1.001),
    (1e-3, 2e-3),
    (-20.0, -10.0),
    (100.0, 10000.0),
    (0.5, 0.5000001),
    (1e9, 1e9 + 5e3),
    (-7e-6, 3e-6),
    (-1.5e8, 2.5e8),
    (12.0, 13.5),
    (-0.055, 0.055),
    (99999.5, 100000.5),
    (0.0, 0.0),
    (5.0, 5.0),
    (1e300, 1.2e300),
    (3.14159, 3.1416),
    (-1.0, 1e5),
    (-1e-6, 1e-6),
    (2.0, 2.0 + 1e-9),
]

def random_views(n, seed=9):
    """n views across magnitudes 1e-30..1e30 and spans from 1e-10 of the
    values to 30 times them, reproducibly."""
    rng = random.Random(seed)
    views = []
    for _ in range(n):
        m = rng.randint(-30, 30)
        lo = rng.uniform(-10, 10) * 10.0**m
        views.append((lo, lo + 10.0 ** (m + rng.uniform(-10, 1.5))))
    return views


LOG = [
    (1e-17, 1.0),
    (1.9e-17, 0.35),
    (1e-8, 1e-2),
    (0.5, 20.0),
    (1e-10, 1.0),
    (1.0, 1e3),
    (2.0, 80.0),
    (1e-16, 1e-1),
    (3e-5, 4e-2),
]


def axes_for(kind):
    if kind == "3d":
        fig = plt.figure()
        return fig, fig.add_subplot(projection="3d")
    fig, ax = plt.subplots()
    return fig, ax


def axis_of(ax, kind):
    return {"x": ax.xaxis, "y": ax.yaxis, "3d": ax.xaxis}[kind]


def exact(values):
    return [repr(float(v)) for v in values]


def record(kind, scale, view):
    fig, ax = axes_for(kind)
    axis = axis_of(ax, kind)
    if scale == "log":
        axis._set_axes_scale("log")
    lim = ax.set_xlim if axis is ax.xaxis else ax.set_ylim
    lim(*view)
    fig.canvas.draw()
    vmin, vmax = axis.get_view_interval()
    locs = [float(v) for v in axis.get_majorticklocs()]
    drawn = axis._update_ticks()
    major = [t for t in drawn if t in axis.majorTicks]
    visible = [float(t.get_loc()) for t in major]
    labels = [t.label1.get_text() for t in major]
    if scale == "log":
        nbins = int(np.clip(axis.get_tick_space(), 2, 9))
        minor = [
            float(v)
            for v in axis.get_minorticklocs()
            if vmin <= v <= vmax
        ]
    else:
        nbins = int(np.clip(axis.get_tick_space(), 1, 9))
        minor = []
    case = {
        "kind": kind,
        "scale": scale,
        "view": exact([vmin, vmax]),
        "nbins": nbins,
        "locs": exact(locs),
        "visible": exact(visible),
        "labels": labels,
        "offset": axis.get_major_formatter().get_offset(),
        "minor": exact(minor),
    }
    plt.close(fig)
    return case


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else (
        Path(__file__).resolve().parents[2] / "tests/fixtures/matplotlib/ticks.json")
    cases = [record(k, "linear", v) for v in LINEAR for k in ("x", "y", "3d")]
    kinds = random.Random(10)
    cases += [record(kinds.choice(["x", "y", "3d"]), "linear", v) for v in random_views(200)]
    cases += [record(k, "log", v) for v in LOG for k in ("x", "y")]
    doc = {
        "matplotlib": matplotlib.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    print(f"{out}: {len(cases)} cases")


if __name__ == "__main__":
    main()
