"""The numerics of chapter 4 written the book's way (numpy, Python loops).

Our own code for the side-by-side benchmark (compare/run.sh): the same
algorithms and the same order of operations as the book's ch04/*.py and
common/*.py, so both sides compute the same numbers.
"""
import numpy as np

H = 1e-4  # the book's h


def numerical_diff(f, x):
    h = H
    return (f(x + h) - f(x - h)) / (2 * h)


def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def function_2(x):
    """x0² + x1², as the book's section 4.3.3 writes it."""
    return x[0] ** 2 + x[1] ** 2


def sum_of_squares(x):
    """The book's other function_2: np.sum(x**2), for any length."""
    return np.sum(x**2)


def tangent_line(f, x):
    d = numerical_diff(f, x)
    y = f(x) - d * x
    return d, (lambda t: d * t + y)


def numerical_gradient_1d(f, x):
    """Section 4.4's loop: perturb one element in place, evaluate, restore."""
    h = H
    grad = np.zeros_like(x)
    for idx in range(x.size):
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
    return grad


def numerical_gradient_batch(f, X):
    """gradient_2d.py's version: one gradient per row of a 2-D array."""
    if X.ndim == 1:
        return numerical_gradient_1d(f, X)
    grad = np.zeros_like(X)
    for idx, x in enumerate(X):
        grad[idx] = numerical_gradient_1d(f, x)
    return grad


def batch_sum_of_squares(x):
    """gradient_2d.py's function_2: row sums of squares for a 2-D array."""
    if x.ndim == 1:
        return np.sum(x**2)
    return np.sum(x**2, axis=1)


def numerical_gradient(f, x):
    """common/gradient.py: any shape, walked with np.nditer."""
    h = H
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=[["readwrite"]])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
        it.iternext()
    return grad


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    x_history = []
    for _ in range(step_num):
        x_history.append(x.copy())
        grad = numerical_gradient_1d(f, x)
        x -= lr * grad
    return x, np.array(x_history)


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


# The W the book prints (it came from np.random.randn(2, 3)).
BOOK_W = [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]


class SimpleNet:
    def __init__(self):
        self.W = np.array(BOOK_W)

    def predict(self, x):
        return np.dot(x, self.W)

    def loss(self, x, t):
        z = self.predict(x)
        y = softmax(z)
        return cross_entropy_error(y, t)
