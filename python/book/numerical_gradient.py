"""The book's TwoLayerNet.numerical_gradient on the first batch of the
seeded training loop, timed, beside the backprop gradient as
ch05/gradient_check.py compares them: the numpy side of
`numdiff-plot gradcheck`.

    python3 python/book/numerical_gradient.py DIR [--seed 0] [--batch 100]

DIR holds the four MNIST files (train-images-idx3-ubyte.gz and so on). After
np.random.seed(seed) the network is built and one batch drawn, as
train_neuralnet.py does before its first step; then
common/gradient.py's numerical_gradient runs over W1, b1, W2 and b2 (the
code of ch04/two_layer_net.py's numerical_gradient), and the backprop
gradient is computed for the comparison. Prints one JSON line: the seconds
of each gradient, the mean and the largest |backprop - numerical| per
parameter, and numpy's BLAS threads. Set OPENBLAS_NUM_THREADS to choose them.
"""

import argparse
import json
import os
import sys
import time

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "fixtures"))
from make_numpy_fixtures import TwoLayerNet  # noqa: E402
from train_neuralnet import load  # noqa: E402


def numerical_gradient(f, x):
    """common/gradient.py, as the book's repository has it."""
    h = 1e-4  # 0.0001
    grad = np.zeros_like(x)

    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)  # f(x+h)

        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2 * h)

        x[idx] = tmp_val  # 値を元に戻す
        it.iternext()

    return grad


def network_numerical_gradient(network, x, t):
    """ch04/two_layer_net.py's TwoLayerNet.numerical_gradient."""
    loss_W = lambda W: network.loss(x, t)  # noqa: E731
    grads = {}
    for key in ("W1", "b1", "W2", "b2"):
        grads[key] = numerical_gradient(loss_W, network.params[key])
    return grads


def blas_threads():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    return [i.get("num_threads") for i in threadpool_info() if i.get("user_api") == "blas"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()

    x_train, t_train, _, _ = load(args.data)
    np.random.seed(args.seed)
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    batch_mask = np.random.choice(x_train.shape[0], args.batch)
    x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]

    start = time.perf_counter()
    grad_numerical = network_numerical_gradient(network, x_batch, t_batch)
    numerical_seconds = time.perf_counter() - start
    start = time.perf_counter()
    grad_backprop = network.gradient(x_batch, t_batch)
    backprop_seconds = time.perf_counter() - start

    keys = ("W1", "b1", "W2", "b2")
    diff = {key: np.abs(grad_backprop[key] - grad_numerical[key]) for key in keys}
    print(
        json.dumps(
            {
                "max_abs_diff": {key: float(np.max(diff[key])) for key in keys},
                "mean_abs_diff": {key: float(np.average(diff[key])) for key in keys},
                "numerical_seconds": numerical_seconds,
                "backprop_seconds": backprop_seconds,
                "batch": args.batch,
                "seed": args.seed,
                "blas_threads": blas_threads(),
            }
        )
    )


if __name__ == "__main__":
    main()
