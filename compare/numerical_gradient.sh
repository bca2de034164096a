#!/usr/bin/env bash
# The network's numerical gradient, numdiff-plot against the book's numpy,
# side by side on this machine, on the real MNIST, and its section of
# BENCHMARKS.md rewritten from what it measured.
#
#   bash compare/numerical_gradient.sh MNIST_DIR
#
# On the first batch of 100 that `train` draws with seed 0: RUNS times
# `numdiff-plot gradcheck --json` on both cores and on one (`taskset -c 0`),
# and python/book/numerical_gradient.py (the book's
# TwoLayerNet.numerical_gradient, numpy) once with OPENBLAS_NUM_THREADS=1 and
# once with numpy's default threads. With TRAIN=1 it also runs
# `numdiff-plot train --grad numerical` with the book's settings (about 10
# to 20 minutes) under GNU time and records it.
#
# Settings (environment): RUNS (default 5), PY_RUNS (numpy runs per thread
# setting, default 1: each takes from 20 s to minutes), TRAIN (default 0),
# VENV (default target/python-venv, made by python/setup.sh). Raw results: target/compare/numgrad/.
# compare/run.sh calls this when MNIST=DIR is set.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
data="${1:?usage: compare/numerical_gradient.sh MNIST_DIR (the four MNIST files)}"
runs="${RUNS:-5}"
py_runs="${PY_RUNS:-1}"
raw="$root/target/compare/numgrad"

step() { printf '\n== %s\n' "$*" >&2; }

step "the Python virtualenv (python/setup.sh)"
venv="$(bash python/setup.sh ${VENV:+"$VENV"})"
py=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$venv/bin/python")

step "building the release binary"
cargo build --release --locked
bin="$root/target/release/numdiff-plot"

rm -rf "$raw"
mkdir -p "$raw"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
printf 'before\t%s\n' "$(loadavg)" >"$raw/load.tsv"

rust() { # ROUND: both thread settings once
    "$bin" gradcheck --data "$data" --json >"$raw/rust-2-$1.json"
    taskset -c 0 "$bin" gradcheck --data "$data" --json >"$raw/rust-1-$1.json"
}
step "numdiff-plot gradcheck, $runs rounds, and numpy's numerical_gradient between them"
round=1
for ((p = 1; p <= py_runs; p++)); do
    for threads in 1 default; do
        if ((round <= runs)); then rust "$round"; round=$((round + 1)); fi
        printf 'numpy %s\t%s\n' "$threads" "$(loadavg)" >>"$raw/load.tsv"
        if [ "$threads" = 1 ]; then
            OPENBLAS_NUM_THREADS=1 "${py[@]}" python/book/numerical_gradient.py "$data" \
                >"$raw/numpy-1-$p.json"
        else
            "${py[@]}" python/book/numerical_gradient.py "$data" >"$raw/numpy-default-$p.json"
        fi
        cat "$raw/numpy-$threads-$p.json" >&2
    done
done
for (( ; round <= runs; round++)); do rust "$round"; done

if [ "${TRAIN:-0}" = 1 ]; then
    step "numdiff-plot train --grad numerical (the book's 10,000 iterations)"
    printf 'train\t%s\n' "$(loadavg)" >>"$raw/load.tsv"
    /usr/bin/time -v -o "$raw/train.time" \
        "$bin" train --grad numerical --data "$data" -o "$raw/figures" --json >"$raw/train.json"
fi
printf 'after\t%s\n' "$(loadavg)" >>"$raw/load.tsv"

{
    printf 'cpu\t%s\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    printf 'nproc\t%s\n' "$(nproc)"
    printf 'commit\t%s\n' "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'numpy\t%s\n' "$("${py[@]}" -c 'import numpy; print(numpy.__version__)')"
} >"$raw/meta.tsv"

step "writing the numerical-gradient section of BENCHMARKS.md"
"${py[@]}" python/benchmarks/numerical_gradient_report.py "$raw" BENCHMARKS.md
