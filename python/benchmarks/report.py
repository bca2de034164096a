"""Writes the figures section of BENCHMARKS.md (machine and versions, goals,
the figures as whole processes, the numerics, the rendering) from what
compare/run.sh measured.

Reads, from the raw directory run.sh fills:
  commands.tsv          figure, side (rust|python), command name, shown command
  wall-<round>.json     hyperfine's export of one round (each command run once)
  rss-<round>.tsv       figure, side, peak RSS in KiB (GNU time's %M)
  timeit.json           python/book/numerics_timeit.py's medians
  meta.tsv              key, value: what run.sh recorded about the run
and criterion's estimates under target/criterion/. Nothing is typed in by
hand: every number in the section comes from these files. The section
replaces the one between the markers in BENCHMARKS.md.

Usage: report.py RAW_DIR CRITERION_DIR BENCHMARKS.md
"""
import glob
import io
import json
import os
import platform
import statistics
import sys

from section import replace_section

BEGIN = "<!-- figures: written by compare/run.sh -->"
END = "<!-- end of figures -->"

GOALS = {
    "all": 40.0,  # numdiff-plot all vs the Python scripts one after another
    "figure": 20.0,  # each figure command vs its script
    "rss_mib": 25.0,  # peak memory of every numdiff-plot command
    "gradient/simplenet": 50.0,
    "gradient/function_2_at_3_4": 100.0,
    "gradient/sum_squares_1000": 5.0,
}

NUMERICS = [
    ("gradient/function_2_at_3_4", "numerical gradient of x0² + x1² at (3, 4)"),
    ("gradient/sum_squares_1000", "numerical gradient of sum(x²), 1000 coordinates"),
    ("gradient/simplenet", "numerical gradient of simpleNet's loss (W is 2×3)"),
    ("diff/function_1_at_5", "numerical_diff(function_1, 5)"),
    ("descent/function_2_100_steps", "gradient descent, 100 steps from (−3, 4)"),
    ("expression/eval_x0_x1", "a user expression `x0^2 + x1^2`, one evaluation"),
    ("expression/gradient_at_3_4", "its numerical gradient at (3, 4), through the expression evaluator"),
    ("expression/eval_exp_sin", "`exp(x)*sin(x)` at 1, one evaluation"),
]


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def fmt_time(seconds):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if seconds >= scale or unit == "ns":
            v = seconds / scale
            return f"{v:.3g} {unit}" if v < 100 else f"{v:.0f} {unit}"
    raise AssertionError


def fmt_ratio(r):
    # One decimal below 100, so that a ratio just under a goal never shows
    # as the goal itself.
    return f"{r:.0f}×" if r >= 100 else f"{r:.1f}×"


def fmt_mib(kib):
    return f"{kib / 1024:.1f} MiB"


def verdict(ok):
    return "met" if ok else "**not met**"


def criterion_medians(root):
    """full_id -> median seconds, from criterion's new/ estimates."""
    out = {}
    for bench in glob.glob(os.path.join(root, "**", "new", "benchmark.json"), recursive=True):
        with open(bench, encoding="utf-8") as f:
            full_id = json.load(f)["full_id"]
        with open(os.path.join(os.path.dirname(bench), "estimates.json"), encoding="utf-8") as f:
            out[full_id] = json.load(f)["median"]["point_estimate"] * 1e-9
    return out


def main():
    raw, criterion_dir, bench = sys.argv[1:4]
    replace_section(bench, BEGIN, END, section(raw, criterion_dir))


def section(raw, criterion_dir):
    meta = dict(read_tsv(os.path.join(raw, "meta.tsv")))
    commands = read_tsv(os.path.join(raw, "commands.tsv"))
    figures = []  # in run order, each once
    shown = {}
    for figure, side, name, text in commands:
        if figure not in figures:
            figures.append(figure)
        shown[(figure, side)] = (name, text)
    name_of = {name: (figure, side) for figure, side, name, _ in commands}

    wall = {key: [] for key in shown}
    rounds = sorted(glob.glob(os.path.join(raw, "wall-*.json")))
    for path in rounds:
        with open(path, encoding="utf-8") as f:
            for result in json.load(f)["results"]:
                wall[name_of[result["command"]]].extend(result["times"])
    rss = {key: [] for key in shown}
    for path in sorted(glob.glob(os.path.join(raw, "rss-*.tsv"))):
        for figure, side, kib in read_tsv(path):
            rss[(figure, side)].append(int(kib))
    median = {key: statistics.median(v) for key, v in wall.items()}
    peak = {key: max(v) for key, v in rss.items()}
    n_runs = min(len(v) for v in wall.values())

    with open(os.path.join(raw, "timeit.json"), encoding="utf-8") as f:
        timeit = json.load(f)
    crit = criterion_medians(criterion_dir)

    singles = [f for f in figures if f != "all"]
    ratio = {f: median[(f, "python")] / median[(f, "rust")] for f in figures}
    python_sum = sum(median[(f, "python")] for f in singles)
    all_vs_sum = python_sum / median[("all", "rust")]
    worst = min(singles, key=lambda f: ratio[f])
    rust_rss = max(peak[(f, "rust")] for f in figures)
    rust_rss_at = max(figures, key=lambda f: peak[(f, "rust")])

    out = io.StringIO()
    w = out.write
    w("## The figures, the numerics and the rendering (`compare/run.sh`)\n\n")
    w(
        "Written by `bash compare/run.sh` from what it measured in one run on the machine "
        "below; rerun it rather than editing this section.\n\n"
    )

    w("### Machine and versions\n\n| | |\n|---|---|\n")
    w(f"| machine | {meta['nproc']} cores (`nproc`), {meta['cpu']}, {meta['memory']} memory |\n")
    w(f"| system | {meta['system']} |\n")
    w(f"| numdiff-plot | commit {meta['commit']}, `cargo build --release` |\n")
    w(f"| Rust | {meta['rustc']} |\n")
    import matplotlib
    import numpy

    blas = meta.get("blas", "")
    w(f"| Python | {platform.python_version()} (venv in {meta['venv']}) |\n")
    w(f"| numpy | {numpy.__version__}{' — ' + blas if blas else ''} |\n")
    w(f"| matplotlib | {matplotlib.__version__}, agg backend |\n")
    w(f"| hyperfine | {meta['hyperfine']} |\n")
    w(f"| GNU time | {meta['gnu_time']} |\n")
    w(f"| measured | {meta['date']} |\n")
    w(
        f"| other processes' share of the CPUs | {meta['load']} (busy CPU time from "
        "/proc/stat less this run's own, as a share of both CPUs' time) |\n"
    )
    w(
        f"| OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE | {meta['openblas_env']}; "
        "every Python command ran with both unset (`env -u OPENBLAS_CORETYPE -u "
        "OPENBLAS_L2_SIZE`), since they slow a current numpy; the Rust commands "
        "ran in the environment as it was |\n"
    )
    if meta.get("figures_check") != "passed":
        w(
            f"| figures/ | **`numdiff-plot all --check` {meta.get('figures_check')}**: "
            "the measured binary does not draw the committed figures |\n"
        )
    w("\n")

    w("### Goals\n\n| goal | target | measured | |\n|---|---|---|---|\n")
    w(
        f"| `numdiff-plot all` ({meta.get('all_figures', '?')} figures; the Python side draws the book's six) "
        f"vs the six Python scripts run one after another | ≥ "
        f"{GOALS['all']:.0f}× | {fmt_ratio(ratio['all'])} "
        f"({fmt_time(median[('all', 'rust')])} vs {fmt_time(median[('all', 'python')])}) "
        f"| {verdict(ratio['all'] >= GOALS['all'])} |\n"
    )
    below = [f for f in singles if ratio[f] < GOALS["figure"]]
    w(
        f"| each figure command vs its script | ≥ {GOALS['figure']:.0f}× each | lowest "
        f"{fmt_ratio(ratio[worst])} ({worst})"
        + (f"; below the goal: {', '.join(below)}" if below else "")
        + f" | {verdict(not below)} |\n"
    )
    w(
        f"| peak memory of each numdiff-plot command | ≤ {GOALS['rss_mib']:.0f} MiB | largest "
        f"{fmt_mib(rust_rss)} ({rust_rss_at}) | "
        f"{verdict(rust_rss / 1024 <= GOALS['rss_mib'])} |\n"
    )
    for key, label in NUMERICS:
        if key in GOALS and key in crit and key in timeit:
            r = timeit[key]["median_s"] / crit[key]
            w(
                f"| {label}, library call vs the Python loop | ≥ {GOALS[key]:.0f}× | "
                f"{fmt_ratio(r)} | {verdict(r >= GOALS[key])} |\n"
            )
        elif key in GOALS:
            w(f"| {label} | ≥ {GOALS[key]:.0f}× | not measured | **not met** |\n")
    w("\nWhere a goal is not met, the notes below say what limits it.\n\n")

    w("### The figures, as whole processes\n\n")
    w(
        f"Each row is one numdiff-plot command and the Python script that draws the same "
        f"figure (python/book/), both writing a 640×480 PNG. Wall time is hyperfine's "
        f"(`-N`, no shell), median of {n_runs} runs after {meta['warmup']} warm-up "
        f"round(s); the two sides were run alternately, one run of each command per round, "
        f"the order of the two sides swapping every round, so that a busy moment on the "
        f"machine falls on both. Peak RSS is GNU time's maximum resident set size, the "
        f"largest over the same rounds, measured in separate runs. Ratio = Python ÷ Rust.\n\n"
    )
    w(
        "| figure | numdiff-plot | Python | Rust wall | Python wall | ratio | Rust peak RSS "
        "| Python peak RSS |\n|---|---|---|--:|--:|--:|--:|--:|\n"
    )
    for f in figures:
        label = "**all**" if f == "all" else f
        w(
            f"| {label} | `{shown[(f, 'rust')][1]}` | `{shown[(f, 'python')][1]}` | "
            f"{fmt_time(median[(f, 'rust')])} | {fmt_time(median[(f, 'python')])} | "
            f"{fmt_ratio(ratio[f])} | {fmt_mib(peak[(f, 'rust')])} | "
            f"{fmt_mib(peak[(f, 'python')])} |\n"
        )
    w(
        f"| all, against the sum of the six scripts' medians | `numdiff-plot all` | "
        f"six scripts | {fmt_time(median[('all', 'rust')])} | {fmt_time(python_sum)} | "
        f"{fmt_ratio(all_vs_sum)} | | |\n\n"
    )

    w("### The numerics, as library calls\n\n")
    w(
        "criterion (benches/numerics.rs) against timeit "
        "(python/book/numerics_timeit.py: the book's loops with numpy, checked against the "
        "book's numbers before timing): the median time of one call on each side. "
        f"timeit: {next(iter(timeit.values()))['repeats']} repeats of as many calls as fill "
        "0.2 s.\n\n"
    )
    w("| computation | benchmark | Rust | Python | ratio |\n|---|---|--:|--:|--:|\n")
    for key, label in NUMERICS:
        rust = crit.get(key)
        py = timeit.get(key, {}).get("median_s")
        r = fmt_ratio(py / rust) if rust and py else "—"
        w(
            f"| {label} | `{key}` | {fmt_time(rust) if rust else '—'} | "
            f"{fmt_time(py) if py else '—'} | {r} |\n"
        )
    w(
        "\nThe expression rows time `--f` functions: parsed once, then evaluated through "
        "numdiff-plot's own evaluation tree; the Python side is a lambda, as the book writes "
        "its functions.\n\n"
    )

    w("### Rendering, in process\n\n")
    w(
        "criterion (benches/render.rs), one figure on one thread: drawing the SVG, then "
        "rasterizing it and encoding the PNG, and the two together. The figure's data is "
        "computed beforehand.\n\n"
    )
    w("| figure | draw SVG | rasterize + encode PNG | whole PNG |\n|---|--:|--:|--:|\n")
    for f in singles:
        cells = [crit.get(f"{group}/{f}") for group in ("svg", "raster", "png")]
        w(f"| {f} | " + " | ".join(fmt_time(c) if c else "—" for c in cells) + " |\n")
    w("\n")
    return out.getvalue()


if __name__ == "__main__":
    main()
