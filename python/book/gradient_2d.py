"""Figure 4-9: the field of -grad f for f = x0² + x1² (the book's
gradient_2d.py, without its empty legend).

Usage: gradient_2d.py [OUTPUT]
"""
import sys

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import numpy as np

from ch04 import batch_sum_of_squares, numerical_gradient_batch

output = sys.argv[1] if len(sys.argv) > 1 else "gradient_2d.png"

for p in ([3.0, 4.0], [0.0, 2.0], [3.0, 0.0]):
    g = numerical_gradient_batch(batch_sum_of_squares, np.array(p))
    print(f"gradient at {p}: {g.tolist()}")

x0 = np.arange(-2, 2.5, 0.25)
x1 = np.arange(-2, 2.5, 0.25)
X, Y = np.meshgrid(x0, x1)
X = X.flatten()
Y = Y.flatten()

# As the book: the 2 x 324 grid goes in as two "points" of 324 coordinates.
grad = numerical_gradient_batch(batch_sum_of_squares, np.array([X, Y]))

plt.figure()
plt.quiver(X, Y, -grad[0], -grad[1], angles="xy", color="#666666")
plt.xlim([-2, 2])
plt.ylim([-2, 2])
plt.xlabel("x0")
plt.ylabel("x1")
plt.grid()
plt.draw()
plt.savefig(output)
