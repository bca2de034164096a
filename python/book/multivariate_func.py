"""Figure 4-8: x0² + x1² as a 3-D wireframe (the book's multivariate_func
figure, with fig.add_subplot(projection='3d'): the book's Axes3D(fig) draws
nothing on current matplotlib).

Usage: multivariate_func.py [OUTPUT]
"""
import sys

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import numpy as np

output = sys.argv[1] if len(sys.argv) > 1 else "multivariate_func.png"

x = np.meshgrid(np.arange(-3, 3, 0.1), np.arange(-3, 3, 0.1))
z = x[0] ** 2 + x[1] ** 2
print(f"f(x0, x1) = x0^2 + x1^2 on a {z.shape[1]}x{z.shape[0]} grid: "
      f"from {float(z.min())!r} to {float(z.max())!r}")

fig = plt.figure()
ax = fig.add_subplot(projection="3d")
ax.plot_wireframe(x[0], x[1], z)
plt.xlim(-3.5, 3.5)
plt.ylim(-4.5, 4.5)
plt.xlabel("x0")
plt.ylabel("x1")
ax.set_zlabel("f(x)")
plt.savefig(output)
