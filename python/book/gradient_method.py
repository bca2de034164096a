"""Figure 4-10: the path of gradient descent (the book's gradient_method.py).

Usage: gradient_method.py [OUTPUT]
"""
import sys

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import numpy as np

from ch04 import function_2, gradient_descent

output = sys.argv[1] if len(sys.argv) > 1 else "gradient_method.png"

init_x = np.array([-3.0, 4.0])
lr = 0.1
step_num = 20
x, x_history = gradient_descent(function_2, init_x, lr=lr, step_num=step_num)
print(f"final point after {step_num} steps of lr {lr}: {x.tolist()}")

plt.plot([-5, 5], [0, 0], "--b")
plt.plot([0, 0], [-5, 5], "--b")
plt.plot(x_history[:, 0], x_history[:, 1], "o")
plt.xlim(-3.5, 3.5)
plt.ylim(-4.5, 4.5)
plt.xlabel("X0")
plt.ylabel("X1")
plt.savefig(output)
