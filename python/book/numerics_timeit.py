"""The Python counterparts of benches/numerics.rs, timed with timeit.

Each entry computes what the Rust benchmark of the same name computes, with
the book's loops and numpy, and is checked against the book's numbers first.
Prints one JSON object: name -> {"median_s": seconds per call, "loops": n,
"repeats": r}.

Usage: numerics_timeit.py [REPEATS]   (default 9)
"""
import json
import statistics
import sys
import timeit

import numpy as np

import ch04

REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 9

x_point = np.array([3.0, 4.0])
x_1000 = np.arange(1000) / 1000.0  # the Rust side's i / 1000
net = ch04.SimpleNet()
x_net = np.array([0.6, 0.9])
t_net = np.array([0, 0, 1])
user_f = lambda x: x[0] ** 2 + x[1] ** 2  # noqa: E731 (a user's function)
x_one = np.float64(1.0)
loss_of_w = lambda w: net.loss(x_net, t_net)  # noqa: E731 (the book's lambda)

CASES = {
    # numerical_gradient(function_2, np.array([3.0, 4.0])), section 4.4
    "gradient/function_2_at_3_4": lambda: ch04.numerical_gradient_1d(ch04.function_2, x_point),
    # the same loop over np.sum(x**2) at 1000 coordinates
    "gradient/sum_squares_1000": lambda: ch04.numerical_gradient_1d(ch04.sum_of_squares, x_1000),
    # dW = numerical_gradient(f, net.W), common/gradient.py (np.nditer)
    "gradient/simplenet": lambda: ch04.numerical_gradient(loss_of_w, net.W),
    # numerical_diff(function_1, 5)
    "diff/function_1_at_5": lambda: ch04.numerical_diff(ch04.function_1, 5.0),
    # gradient_descent(function_2, init_x=np.array([-3.0, 4.0]), lr=0.1, step_num=100);
    # the book's version overwrites its start point, so each call gets a new one.
    "descent/function_2_100_steps": lambda: ch04.gradient_descent(
        ch04.function_2, np.array([-3.0, 4.0]), lr=0.1, step_num=100
    ),
    # a user's function as the book writes one: a lambda, evaluated once...
    "expression/eval_x0_x1": lambda: user_f(x_point),
    # ...and its numerical gradient with the book's loop
    "expression/gradient_at_3_4": lambda: ch04.numerical_gradient_1d(user_f, x_point),
    # exp(x)*sin(x) at 1, with numpy's functions
    "expression/eval_exp_sin": lambda: np.exp(x_one) * np.sin(x_one),
}


def check():
    """The same numbers as the Rust side (and the book) before timing."""
    g = ch04.numerical_gradient_1d(ch04.function_2, x_point.copy())
    assert g.tolist() == [6.00000000000378, 7.999999999999119], g
    assert ch04.numerical_diff(ch04.function_1, 5.0) == 0.1999999999990898
    x, _ = ch04.gradient_descent(ch04.function_2, np.array([-3.0, 4.0]), lr=0.1, step_num=100)
    assert x.tolist() == [-6.111107928998789e-10, 8.148143905314271e-10], x
    dw = ch04.numerical_gradient(loss_of_w, net.W)
    assert abs(dw[1, 2] - (-0.544215)) < 1e-6, dw
    assert float(np.sum(x_1000**2)) == 332.83349999999996


def main():
    check()
    results = {}
    for name, fn in CASES.items():
        timer = timeit.Timer(fn)
        loops, _ = timer.autorange()  # at least 0.2 s per repeat
        times = timer.repeat(repeat=REPEATS, number=loops)
        results[name] = {
            "median_s": statistics.median(t / loops for t in times),
            "loops": loops,
            "repeats": REPEATS,
        }
    json.dump(results, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
