"""Writes the numerical-gradient section of BENCHMARKS.md from what
compare/numerical_gradient.sh measured.

Reads, from the raw directory the script fills:
  rust-2-<round>.json   `numdiff-plot gradcheck --json` on both cores
  rust-1-<round>.json   the same under `taskset -c 0`
  numpy-1-<n>.json      python/book/numerical_gradient.py, OPENBLAS_NUM_THREADS=1
  numpy-default-<n>.json  the same with numpy's default threads
  load.tsv, meta.tsv    the load average at each step, the machine
  train.json, train.time  `train --grad numerical --json` and GNU time -v (TRAIN=1)
Every number in the section comes from these files. The section replaces
the one between the markers in BENCHMARKS.md, or goes before "## Notes".

Usage: numerical_gradient_report.py RAW_DIR BENCHMARKS.md
"""
import glob
import json
import os
import statistics
import sys

from section import replace_section

BEGIN = "<!-- numerical-gradient: written by compare/numerical_gradient.sh -->"
END = "<!-- end of numerical-gradient -->"
KEYS = ("W1", "b1", "W2", "b2")
GOAL_SECONDS = 0.1
GOAL_RATIO = 200.0
GOAL_TRAIN_SECONDS = 20 * 60
GOAL_TEST_ACC = 0.94
GOAL_DIFF = 1e-6


def runs(raw, pattern):
    out = []
    for path in sorted(glob.glob(os.path.join(raw, pattern))):
        with open(path, encoding="utf-8") as f:
            out.append(json.load(f))
    return out


def tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def fmt_s(s):
    return f"{s * 1e3:.1f} ms" if s < 1 else f"{s:.1f} s"


def verdict(ok):
    return "met" if ok else "**not met**"


def section(raw):
    meta = dict(tsv(os.path.join(raw, "meta.tsv")))
    rust2, rust1 = runs(raw, "rust-2-*.json"), runs(raw, "rust-1-*.json")
    numpy1, numpyd = runs(raw, "numpy-1-*.json"), runs(raw, "numpy-default-*.json")
    med = lambda rs: statistics.median(r["numerical_seconds"] for r in rs)  # noqa: E731
    w = []
    w.append("## The network's numerical gradient (`gradcheck`, `train --grad numerical`)\n\n")
    w.append(
        "Written by `bash compare/numerical_gradient.sh MNIST_DIR` (raw results in "
        "target/compare/numgrad/). One numerical gradient of the book's 784–50–10 "
        "TwoLayerNet, all 39,760 central differences with h = 1e-4, on the first batch "
        "of 100 that `train` draws with seed 0, on the real MNIST: numdiff-plot's "
        "`gradcheck` and the book's `numerical_gradient` with numpy "
        "(python/book/numerical_gradient.py), on the same batch and weights. "
        "The numpy runs are single and long, so the load during each matters: "
        "rerun on a quiet machine for steadier numbers; with `TRAIN=1` the script "
        "also runs `train --grad numerical` with the book's settings.\n\n"
    )
    w.append(
        f"Machine: {meta.get('nproc', '?')} cores, {meta.get('cpu', '?')}; commit "
        f"{meta.get('commit', '?')}; numpy {meta.get('numpy', '?')}; {meta.get('date', '?')}. "
        "Load average (1, 5, 15 min) at each step, other builds included: "
        + "; ".join(f"{k} {v}" for k, v in tsv(os.path.join(raw, "load.tsv")))
        + ".\n\n"
    )
    rows = [
        ("numdiff-plot gradcheck, 2 threads", rust2),
        ("numdiff-plot gradcheck, 1 thread (`taskset -c 0`)", rust1),
        ("numpy, OPENBLAS_NUM_THREADS=1", numpy1),
        ("numpy, default threads", numpyd),
    ]
    numpy_best = min((med(rs) for _, rs in rows[2:] if rs), default=None)
    w.append("| numerical gradient, batch of 100 | runs | median | vs numpy at its best |\n|---|--:|--:|--:|\n")
    for name, rs in rows:
        if not rs:
            w.append(f"| {name} | 0 | not measured | |\n")
            continue
        r = numpy_best / med(rs) if numpy_best else None
        ratio = "" if r is None else f"{r:.0f}×" if r >= 10 else f"{r:.2f}×"
        w.append(f"| {name} | {len(rs)} | {fmt_s(med(rs))} | {ratio} |\n")
    w.append("\n| goal | target | measured | |\n|---|---|---|---|\n")
    if rust2:
        best = med(rust2)
        w.append(f"| one numerical gradient, 2 cores | ≤ {GOAL_SECONDS} s | {fmt_s(best)} | {verdict(best <= GOAL_SECONDS)} |\n")
        if numpy_best:
            r = numpy_best / best
            w.append(f"| against numpy at its best thread setting | ≥ {GOAL_RATIO:.0f}× | {r:.0f}× | {verdict(r >= GOAL_RATIO)} |\n")
        worst = max(max(r["max_abs_diff"][k] for k in KEYS) for r in rust2)
        w.append(f"| `gradcheck`: every max \\|backprop − numerical\\| | ≤ {GOAL_DIFF:g} | {worst:.2g} | {verdict(worst <= GOAL_DIFF)} |\n")
    train = os.path.join(raw, "train.json")
    if os.path.exists(train):
        with open(train, encoding="utf-8") as f:
            t = json.load(f)
        times = dict(
            (k.strip(), v.strip())
            for k, _, v in (line.rpartition(": ") for line in open(os.path.join(raw, "train.time"), encoding="utf-8"))
        ) if os.path.exists(os.path.join(raw, "train.time")) else {}
        rss = times.get("Maximum resident set size (kbytes)")
        cpu = times.get("Percent of CPU this job got")
        commit_file = os.path.join(raw, "train-commit.txt")
        commit = open(commit_file).read().strip() if os.path.exists(commit_file) else meta.get("commit", "?")
        w.append(
            f"| `train --grad numerical`, 10,000 iterations | < 20 min | {t['seconds'] / 60:.1f} min "
            f"| {verdict(t['seconds'] < GOAL_TRAIN_SECONDS)} |\n"
        )
        w.append(
            f"| its final test accuracy | ≥ {GOAL_TEST_ACC} | {t['test_acc'][-1]:.4f} "
            f"(train {t['train_acc'][-1]:.4f}) | {verdict(t['test_acc'][-1] >= GOAL_TEST_ACC)} |\n"
        )
        if rss:
            w.append(f"| its peak memory (GNU time) | | {int(rss) / 1024:.1f} MiB | |\n")
        w.append(
            f"\nThe training ran at commit {commit} with the book's settings (seed 0) and got "
            f"{cpu or 'an unknown share'} of one CPU's time (GNU time) from the busy machine; "
            "its accuracies at every epoch: "
            + ", ".join(f"{a:.4f}" for a in t["test_acc"])
            + " (test).\n"
        )
    w.append("\nThe differences, per parameter (the same on every run of each side):\n\n")
    w.append("| | W1 | b1 | W2 | b2 |\n|---|--:|--:|--:|--:|\n")
    for name, rs in (("numdiff-plot", rust2), ("numpy", numpy1 or numpyd)):
        if rs:
            for what in ("mean_abs_diff", "max_abs_diff"):
                cells = " | ".join(f"{rs[0][what][k]:.2g}" for k in KEYS)
                w.append(f"| {name}, {what.split('_')[0]} \\|backprop − numerical\\| | {cells} |\n")
    return "".join(w)


def main():
    raw, bench = sys.argv[1:3]
    replace_section(bench, BEGIN, END, section(raw))


if __name__ == "__main__":
    main()
