"""Writes the training section of BENCHMARKS.md from what compare/train.sh
measured.

Reads, from the raw directory the script fills:
  hyperfine.json          the three commands' times (numdiff-plot,
                          book-1-thread, book-default-threads)
  <name>.time             GNU time -v of one run of each
  numdiff-plot.json       `train --json` of that run
  book-*.out              the book script's output (its last line is JSON)
  load.tsv, meta.tsv      the load average at each step, the machine
Every number in the section comes from these files.

Usage: train_report.py RAW_DIR BENCHMARKS.md
"""
import json
import os
import re
import sys

from section import replace_section

BEGIN = "<!-- training: written by compare/train.sh -->"
END = "<!-- end of training -->"
GOAL_RATIO = 10.0
GOAL_MIB = 150
GOAL_ACC = 0.94
NAMES = {
    "numdiff-plot": "`numdiff-plot train` (every core)",
    "book-1-thread": "book's script, `OPENBLAS_NUM_THREADS=1`",
    "book-default-threads": "book's script, numpy's default threads",
}


def tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def gnu_time(path):
    """(peak RSS in MiB, user + system CPU seconds) from `time -v` output."""
    text = open(path, encoding="utf-8").read()
    field = lambda name: float(re.search(re.escape(name) + r": ([0-9.]+)", text).group(1))  # noqa: E731
    rss = field("Maximum resident set size (kbytes)") / 1024
    return rss, field("User time (seconds)") + field("System time (seconds)")


def last_json(path):
    lines = [l for l in open(path, encoding="utf-8").read().splitlines() if l.startswith("{")]
    return json.loads(lines[-1])


def verdict(ok):
    return "met" if ok else "**not met**"


def section(raw):
    meta = dict(tsv(os.path.join(raw, "meta.tsv")))
    load = tsv(os.path.join(raw, "load.tsv"))
    results = json.load(open(os.path.join(raw, "hyperfine.json"), encoding="utf-8"))["results"]
    mean = {r["command"]: (r["mean"], r["stddev"] or 0.0, len(r["times"])) for r in results}
    ours = mean["numdiff-plot"][0]
    best_name = min(("book-1-thread", "book-default-threads"), key=lambda n: mean[n][0])
    ratio = mean[best_name][0] / ours
    mem = {n: gnu_time(os.path.join(raw, n + ".time")) for n in NAMES}
    us = json.load(open(os.path.join(raw, "numdiff-plot.json"), encoding="utf-8"))
    book = {n: last_json(os.path.join(raw, n + ".out")) for n in ("book-1-thread", "book-default-threads")}
    train_acc, test_acc = us["train_acc"][-1], us["test_acc"][-1]
    same = all(b["train_acc"] == train_acc and b["test_acc"] == test_acc for b in book.values())

    w = ["## Training (`train`, figures 4-11 and 4-12)\n\n"]
    w.append(
        f"Written by `bash compare/train.sh MNIST_DIR` on {meta['nproc']} cores ({meta['cpu']}), "
        f"{meta['date']}, commit {meta['commit']}, {meta['rustc']}; numpy {meta['numpy']} in a venv, "
        f"Python {meta['python']}, hyperfine {meta['hyperfine']}. Load average (1, 5, 15 min): "
        + "; ".join(f"{step} {value}" for step, value in load)
        + ". The whole process on each side: numdiff-plot loads the gzip files, trains 10,000 "
        "iterations with 17 accuracy passes and writes both figures; the book's `train_neuralnet.py` "
        "(python/book/train_neuralnet.py, seeded with 0, no figure) loads the same files and "
        f"trains. Wall: hyperfine, mean of {mean['numdiff-plot'][2]} runs after 1 warm-up, the three "
        "commands in one hyperfine run (each command's runs in a row); CPU and peak memory: GNU time, "
        "one more run each.\n\n"
    )
    w.append("| command | wall | CPU (user + sys) | peak RSS | book ÷ ours |\n|---|--:|--:|--:|--:|\n")
    for n, label in NAMES.items():
        m, sd, _ = mean[n]
        rss, cpu = mem[n]
        w.append(f"| {label} | {m:.3f} s ± {sd:.3f} | {cpu:.1f} s | {rss:.0f} MiB | {m / ours:.1f}× |\n")
    w.append("\n| goal | target | measured | |\n|---|---|---|---|\n")
    w.append(
        f"| speed against the book at its best thread setting ({NAMES[best_name]}) | ≥ {GOAL_RATIO:.0f}× "
        f"| {ratio:.1f}× | {verdict(ratio >= GOAL_RATIO)} |\n"
    )
    w.append(
        f"| peak memory | ≤ {GOAL_MIB} MiB | {mem['numdiff-plot'][0]:.0f} MiB | "
        f"{verdict(mem['numdiff-plot'][0] <= GOAL_MIB)} |\n"
    )
    w.append(
        f"| final train and test accuracy | ≥ {GOAL_ACC} | {train_acc}, {test_acc} | "
        f"{verdict(min(train_acc, test_acc) >= GOAL_ACC)} |\n"
    )
    w.append(
        f"\nThe `--json` run's training loop (from the sparse images to the last accuracy) took "
        f"{us['seconds']:.2f} s of its wall time. "
        + (
            "Both sides end at the same accuracies "
            if same
            else "**The two sides' final accuracies differ** "
        )
        + f"(numdiff-plot: train {train_acc}, test {test_acc}; book: "
        + "; ".join(f"{n} train {b['train_acc']}, test {b['test_acc']}" for n, b in book.items())
        + ").\n\n"
    )
    return "".join(w)


def main():
    raw, bench = sys.argv[1:3]
    replace_section(bench, BEGIN, END, section(raw))


if __name__ == "__main__":
    main()
