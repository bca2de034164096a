"""The book's ch04/train_neuralnet.py, seeded, for the side-by-side timing
of `numdiff-plot train` and for comparing its numbers.

    python3 python/book/train_neuralnet.py DIR [--iters 10000] [--seed 0]
        [--losses N]

DIR holds the four MNIST files as distributed (train-images-idx3-ubyte.gz
and so on). The network and the loop are the book's (two_layer_net.py and
train_neuralnet.py, in python/fixtures/make_numpy_fixtures.py), the data is
what `load_mnist(normalize=True, one_hot_label=True)` returns, and the
script draws no figure. It prints the book's per-epoch line, then one JSON
line: the seconds of the training loop, the final accuracies and, with
--losses N, the first N losses. Set OPENBLAS_NUM_THREADS=1 for numpy's best
time on a loaded 2-core machine.
"""

import argparse
import gzip
import json
import os
import sys
import time

import numpy as np

sys.path.insert(
    0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
)
from make_numpy_fixtures import TwoLayerNet, load_like_mnist  # noqa: E402


def read_idx(path, offset):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def load(directory):
    def find(stem):
        for name in (stem + ".gz", stem):
            if os.path.exists(os.path.join(directory, name)):
                return os.path.join(directory, name)
        sys.exit("no %s in %s" % (stem, directory))

    images = lambda stem: read_idx(find(stem), 16).reshape(-1, 784)  # noqa: E731
    labels = lambda stem: read_idx(find(stem), 8)  # noqa: E731
    x_train, t_train = load_like_mnist(images("train-images-idx3-ubyte"), labels("train-labels-idx1-ubyte"))
    x_test, t_test = load_like_mnist(images("t10k-images-idx3-ubyte"), labels("t10k-labels-idx1-ubyte"))
    return x_train, t_train, x_test, t_test


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--iters", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--losses", type=int, default=0)
    args = parser.parse_args()

    x_train, t_train, x_test, t_test = load(args.data)
    start = time.perf_counter()
    np.random.seed(args.seed)
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    iters_num = args.iters
    train_size = x_train.shape[0]
    batch_size = 100
    learning_rate = 0.1
    train_loss_list, train_acc_list, test_acc_list = [], [], []
    iter_per_epoch = max(train_size / batch_size, 1)
    for i in range(iters_num):
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ("W1", "b1", "W2", "b2"):
            network.params[key] -= learning_rate * grad[key]
        loss = network.loss(x_batch, t_batch)
        train_loss_list.append(loss)
        if i % iter_per_epoch == 0:
            train_acc = network.accuracy(x_train, t_train)
            test_acc = network.accuracy(x_test, t_test)
            train_acc_list.append(train_acc)
            test_acc_list.append(test_acc)
            print("train acc, test acc | " + str(train_acc) + ", " + str(test_acc), flush=True)
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "seconds": seconds,
                "train_acc": float(train_acc_list[-1]),
                "test_acc": float(test_acc_list[-1]),
                "losses": [float(v) for v in train_loss_list[: args.losses]],
            }
        )
    )


if __name__ == "__main__":
    main()
