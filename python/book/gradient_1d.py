"""Figure 4-5: function_1 and its tangent (the book's gradient_1d.py).

Usage: gradient_1d.py [X [OUTPUT]]   (defaults: 5, gradient_1d.png)
"""
import sys

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import numpy as np

from ch04 import function_1, tangent_line

at = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
output = sys.argv[2] if len(sys.argv) > 2 else "gradient_1d.png"

x = np.arange(0.0, 20.0, 0.1)
y = function_1(x)
plt.xlabel("x")
plt.ylabel("f(x)")

d, tf = tangent_line(function_1, at)
print(f"slope at x = {at!r}: {d!r}")
y2 = tf(x)

plt.plot(x, y)
plt.plot(x, y2)
plt.savefig(output)  # 6.4 x 4.8 in at 100 dpi: 640 x 480
