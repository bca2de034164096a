"""Where mplot3d puts things, for the unit tests of src/render/axes3d/:
writes tests/fixtures/matplotlib/axes3d.json.

Usage: axes3d.py [OUTPUT]

For each case (a wireframe on a default 6.4 x 4.8 in figure, at a given view
and limits) it records, in pixels from the figure's top-left corner:

    bbox      the square axes box (left, top, width, height)
    limits    the x, y, z view limits (after autoscaling, if not set)
    corners   the 8 corners of the data box, projected
    ticks     per axis: drawn tick values, labels, label anchors, offset text
    labels    per axis: the axis label's anchor
"""
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from mpl_toolkits.mplot3d import proj3d  # noqa: E402

H = 480.0

CASES = [
    # name, grid (start, stop, step), f, limits or None, elev, azim
    ("book", (-3, 3, 0.1), lambda a, b: a**2 + b**2, ((-3.5, 3.5), (-4.5, 4.5)), 30, -60),
    ("autoscaled", (5, 10, 0.5), lambda a, b: a**2 + b**2, None, 30, -60),
    ("large_z", (-1, 1, 0.05), lambda a, b: 1e7 * (a**2 + b**2), None, 30, -60),
    ("view", (-3, 3, 0.1), lambda a, b: a**2 + b**2, ((-3.5, 3.5), (-4.5, 4.5)), 45, 30),
]


def px(ax, xy):
    x, y = ax.transData.transform(xy)
    return [float(x), float(H - y)]


def record(name, grid, f, limits, elev, azim):
    g = np.arange(*grid)
    x0, x1 = np.meshgrid(g, g)
    z = f(x0, x1)
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.view_init(elev, azim)
    ax.plot_wireframe(x0, x1, z)
    if limits:
        plt.xlim(*limits[0])
        plt.ylim(*limits[1])
    plt.xlabel("x0")
    plt.ylabel("x1")
    ax.set_zlabel("f(x)")
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    b = ax.bbox
    lims = [ax.get_xlim(), ax.get_ylim(), ax.get_zlim()]
    (x_lo, x_hi), (y_lo, y_hi), (z_lo, z_hi) = lims
    corners = [
        (x_lo, y_lo, z_lo), (x_hi, y_lo, z_lo), (x_hi, y_hi, z_lo), (x_lo, y_hi, z_lo),
        (x_lo, y_lo, z_hi), (x_hi, y_lo, z_hi), (x_hi, y_hi, z_hi), (x_lo, y_hi, z_hi),
    ]
    projected = []
    for c in corners:
        xs, ys, _ = proj3d.proj_transform(*c, ax.M)
        projected.append(px(ax, (xs, ys)))
    axes = {}
    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        drawn = [t for t in axis._update_ticks() if t in axis.majorTicks]
        axis.draw(r)
        axes[axis.axis_name] = {
            "values": [float(t.get_loc()) for t in drawn],
            "labels": [t.label1.get_text() for t in drawn],
            "anchors": [px(ax, t.label1.get_position()) for t in drawn],
            "tick_lines": [
                [px(ax, (t.tick1line.get_xdata()[i], t.tick1line.get_ydata()[i])) for i in (0, 1)]
                for t in drawn
            ],
            "offset": axis.offsetText.get_text(),
            "offset_anchor": px(ax, axis.offsetText.get_position()),
            "offset_align": axis.offsetText.get_ha(),
            "offset_rotation": float(axis.offsetText.get_rotation()),
            "label_anchor": px(ax, axis.label.get_position()),
            "label_rotation": float(axis.label.get_rotation()),
            "line": [px(ax, (axis.line.get_xdata()[i], axis.line.get_ydata()[i])) for i in (0, 1)],
        }
    case = {
        "name": name,
        "grid": list(grid),
        "elev": elev,
        "azim": azim,
        "bbox": [float(b.x0), float(H - b.y1), float(b.width), float(b.height)],
        "limits": [[float(v) for v in lim] for lim in lims],
        "corners": projected,
        "axes": axes,
    }
    plt.close(fig)
    return case


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else (
        Path(__file__).resolve().parents[2] / "tests/fixtures/matplotlib/axes3d.json")
    doc = {
        "matplotlib": matplotlib.__version__,
        "cases": [record(*c) for c in CASES],
    }
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    print(f"{out}: {len(doc['cases'])} cases")


if __name__ == "__main__":
    main()
