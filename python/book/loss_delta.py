"""Why `gradcheck`'s differences are what they are: the book's loss is
-ln(y_t + 1e-7), and backprop differentiates -ln(y_t). On the first batch of
the seeded loop (as python/book/numerical_gradient.py draws it), prints
per parameter the largest |backprop gradient| and the largest difference
between backprop and the exact gradient of the loss with the 1e-7, whose
per-sample factor is y_t / (y_t + 1e-7).

    python3 python/book/loss_delta.py DIR [--seed 0] [--batch 100]
"""

import argparse
import os
import sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "fixtures"))
from make_numpy_fixtures import TwoLayerNet, sigmoid, sigmoid_grad, softmax  # noqa: E402
from train_neuralnet import load  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("data")
parser.add_argument("--seed", type=int, default=0)
parser.add_argument("--batch", type=int, default=100)
args = parser.parse_args()

x_train, t_train, _, _ = load(args.data)
np.random.seed(args.seed)
net = TwoLayerNet(784, 50, 10)
mask = np.random.choice(x_train.shape[0], args.batch)
x, t = x_train[mask], t_train[mask]
backprop = net.gradient(x, t)

p = net.params
a1 = x @ p["W1"] + p["b1"]
z1 = sigmoid(a1)
y = softmax(z1 @ p["W2"] + p["b2"])
yt = (y * t).sum(axis=1)
print("y_t from %.4f to %.4f, loss %r" % (yt.min(), yt.max(), float(-np.log(yt + 1e-7).mean())))
dy = (y - t) / args.batch * (yt / (yt + 1e-7))[:, None]
exact = {"W2": z1.T @ dy, "b2": dy.sum(axis=0)}
dz1 = sigmoid_grad(a1) * (dy @ p["W2"].T)
exact["W1"] = x.T @ dz1
exact["b1"] = dz1.sum(axis=0)
for key in ("W1", "b1", "W2", "b2"):
    print(
        "%s: max |backprop| %.3g, max |backprop - gradient of the loss with 1e-7| %.4g"
        % (key, np.abs(backprop[key]).max(), np.abs(backprop[key] - exact[key]).max())
    )
