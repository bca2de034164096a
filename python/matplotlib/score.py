"""How closely each default figure reads like matplotlib's: the structural
similarity (SSIM) of the two images.

Both images are turned to grayscale (ITU-R 601 luma, a transparent
background composited on white), blurred with a Gaussian of sigma = 1 px
(so that a line one pixel off still counts as the same line), and compared
in 8x8 windows every 4 px:

    SSIM = (2 mu_a mu_b + C1)(2 cov_ab + C2) / ((mu_a^2 + mu_b^2 + C1)(var_a + var_b + C2))

with C1 = (0.01 * 255)^2 and C2 = (0.03 * 255)^2 (Wang et al., 2004); the
score is the mean over all windows, 1 for identical images.

Usage: score.py REFERENCE_DIR [FIGURES_DIR]   (FIGURES_DIR defaults to figures/)

Prints a Markdown table, one row per PNG in FIGURES_DIR that has a file of
the same name in REFERENCE_DIR. Needs numpy and pillow (python/setup.sh).
"""
import sys
from pathlib import Path

import numpy as np
from PIL import Image

SIGMA = 1.0
WINDOW = 8
STRIDE = 4
C1 = (0.01 * 255) ** 2
C2 = (0.03 * 255) ** 2


def gray(path):
    """The image as float luma in 0..255, transparency composited on white."""
    img = Image.open(path).convert("RGBA")
    white = Image.new("RGBA", img.size, (255, 255, 255, 255))
    rgb = Image.alpha_composite(white, img).convert("RGB")
    a = np.asarray(rgb, dtype=np.float64)
    return a @ np.array([0.299, 0.587, 0.114])


def blur(a, sigma=SIGMA):
    """Separable Gaussian blur, kernel to 4 sigma, edges reflected."""
    r = int(4 * sigma + 0.5)
    t = np.arange(-r, r + 1)
    k = np.exp(-(t**2) / (2 * sigma**2))
    k /= k.sum()
    p = np.pad(a, r, mode="reflect")
    rows = sum(k[i] * p[i : i + a.shape[0], :] for i in range(2 * r + 1))
    return sum(k[i] * rows[:, i : i + a.shape[1]] for i in range(2 * r + 1))


def windows(a):
    """All WINDOW x WINDOW windows every STRIDE pixels, as (n, WINDOW*WINDOW)."""
    h, w = a.shape
    ys = range(0, h - WINDOW + 1, STRIDE)
    xs = range(0, w - WINDOW + 1, STRIDE)
    return np.array([a[y : y + WINDOW, x : x + WINDOW].ravel() for y in ys for x in xs])


def ssim(a, b):
    if a.shape != b.shape:
        raise SystemExit(f"sizes differ: {a.shape[::-1]} and {b.shape[::-1]}")
    wa, wb = windows(blur(a)), windows(blur(b))
    ma, mb = wa.mean(axis=1), wb.mean(axis=1)
    va, vb = wa.var(axis=1), wb.var(axis=1)
    cov = ((wa - ma[:, None]) * (wb - mb[:, None])).mean(axis=1)
    s = ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma**2 + mb**2 + C1) * (va + vb + C2))
    return float(s.mean())


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__.split("\n\n")[2])
    refs = Path(sys.argv[1])
    figs = Path(sys.argv[2] if len(sys.argv) == 3 else "figures")
    if not refs.is_dir():
        raise SystemExit(f"error: reference directory {refs} does not exist")
    print("| figure | SSIM |\n|---|---|")
    for fig in sorted(figs.glob("*.png")):
        ref = refs / fig.name
        if ref.exists():
            print(f"| {fig.name} | {ssim(gray(fig), gray(ref)):.3f} |")
        else:
            print(f"| {fig.name} | no reference |")


if __name__ == "__main__":
    main()
