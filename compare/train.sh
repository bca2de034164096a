#!/usr/bin/env bash
# `numdiff-plot train` against the book's ch04/train_neuralnet.py (numpy),
# side by side on this machine, on the real MNIST, as whole processes, and
# the training section of BENCHMARKS.md written from what was measured.
#
#   bash compare/train.sh MNIST_DIR
#
# One hyperfine run times three commands: numdiff-plot (both cores), the
# book's script with OPENBLAS_NUM_THREADS=1, and the book's script with
# numpy's default threads; the goal is measured against the faster of the
# two numpy settings. GNU time then runs each once for peak memory and CPU
# time. Raw results go to target/compare/train/ (hyperfine's JSON, time -v
# output, each side's JSON, the load average at each step, the machine);
# python/benchmarks/train_report.py turns them into the section between the training
# markers of BENCHMARKS.md.
#
# Settings (environment): RUNS (default 3), VENV (default target/python-venv,
# made by python/setup.sh with the pinned packages of python/requirements.txt).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
data="${1:?usage: compare/train.sh MNIST_DIR (the four MNIST files)}"
runs="${RUNS:-3}"
out="$root/target/compare/train"

command -v hyperfine >/dev/null || { echo "compare/train.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "compare/train.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
venv="$(bash python/setup.sh ${VENV:+"$VENV"})"
cargo build --release --locked
bin="$root/target/release/numdiff-plot"
py="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $venv/bin/python python/book/train_neuralnet.py $data"
ours="$bin train --data $data -o $out/figures -q"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
rm -rf "$out"
mkdir -p "$out/figures"
printf 'before\t%s\n' "$(loadavg)" >"$out/load.tsv"
hyperfine --runs "$runs" --warmup 1 --export-json "$out/hyperfine.json" \
    -n "numdiff-plot" "$ours" \
    -n "book-1-thread" "OPENBLAS_NUM_THREADS=1 $py" \
    -n "book-default-threads" "$py"
printf 'hyperfine\t%s\n' "$(loadavg)" >>"$out/load.tsv"
/usr/bin/time -v -o "$out/numdiff-plot.time" \
    "$bin" train --data "$data" -o "$out/figures" --json >"$out/numdiff-plot.json"
/usr/bin/time -v -o "$out/book-1-thread.time" env OPENBLAS_NUM_THREADS=1 $py >"$out/book-1-thread.out"
/usr/bin/time -v -o "$out/book-default-threads.time" $py >"$out/book-default-threads.out"
printf 'after\t%s\n' "$(loadavg)" >>"$out/load.tsv"
{
    printf 'cpu\t%s\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    printf 'nproc\t%s\n' "$(nproc)"
    printf 'commit\t%s\n' "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'numpy\t%s\n' "$("$venv/bin/python" -c 'import numpy; print(numpy.__version__)')"
    printf 'python\t%s\n' "$("$venv/bin/python" -c 'import platform; print(platform.python_version())')"
    printf 'hyperfine\t%s\n' "$(hyperfine --version | cut -d' ' -f2)"
    printf 'rustc\t%s\n' "$(rustc --version)"
} >"$out/meta.tsv"
"$venv/bin/python" python/benchmarks/train_report.py "$out" BENCHMARKS.md
