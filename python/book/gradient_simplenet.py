"""Section 4.4.2: simpleNet's W and dW = dL/dW (the book's
gradient_simplenet.py), drawn as two annotated heatmaps (imshow + text).

Usage: gradient_simplenet.py [OUTPUT]
"""
import sys

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt
import numpy as np

from ch04 import SimpleNet, numerical_gradient

output = sys.argv[1] if len(sys.argv) > 1 else "gradient_simplenet.png"

x = np.array([0.6, 0.9])
t = np.array([0, 0, 1])
net = SimpleNet()
p = net.predict(x)
loss = float(net.loss(x, t))

f = lambda w: net.loss(x, t)  # noqa: E731 (the book's lambda)
dW = numerical_gradient(f, net.W)
print(f"W =\n{net.W}\nprediction = {p}\nargmax = {np.argmax(p)}\nloss = {loss!r}\ndW =\n{dW}")

fig, axes = plt.subplots(2, 1)
fig.subplots_adjust(top=0.9, bottom=0.2, hspace=0.45)
for ax, m, title in ((axes[0], net.W, "W"), (axes[1], dW, "dW = \u2202L/\u2202W")):
    limit = np.max(np.abs(m))
    image = ax.imshow(m, cmap="coolwarm", vmin=-limit, vmax=limit, aspect="auto")
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            r, g, b, _ = image.cmap(image.norm(m[i, j]))
            ink = "white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.5 else "black"
            ax.text(j, i, f"{m[i, j]:.8f}", ha="center", va="center", color=ink)
    ax.set_xticks(range(m.shape[1]))
    ax.set_yticks(range(m.shape[0]))
    ax.set_title(title)
fig.text(0.5, 0.07, f"x = [0.6, 0.9], t = [0, 0, 1], loss = {loss:.6f}, "
         f"argmax(x\u00b7W) = {np.argmax(p)}", ha="center")
plt.savefig(output)
