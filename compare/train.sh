#!/usr/bin/env bash
# `numdiff-plot train` against the book's ch04/train_neuralnet.py (numpy),
# side by side on this machine, on the real MNIST, as whole processes.
#
#   bash compare/train.sh MNIST_DIR
#
# hyperfine times numdiff-plot (both cores) and the book's script with
# OPENBLAS_NUM_THREADS=1, numpy's best setting on a 2-core machine; the
# script with numpy's default threads (several times slower, over a minute)
# runs once under GNU time. Peak memory is measured by GNU time for each. The results go to
# target/compare/train/ (hyperfine's JSON and markdown, time -v output);
# copy the table into BENCHMARKS.md by hand, with the load average printed.
#
# Settings (environment): RUNS (default 3), VENV (default
# target/compare/venv; numpy is installed into it from PyPI).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
data="${1:?usage: compare/train.sh MNIST_DIR (the four MNIST files)}"
runs="${RUNS:-3}"
venv="${VENV:-$root/target/compare/venv}"
out="$root/target/compare/train"

command -v hyperfine >/dev/null || { echo "compare/train.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
if [ ! -x "$venv/bin/python" ]; then "${PYTHON:-python3}" -m venv "$venv"; fi
"$venv/bin/python" -m pip install --quiet numpy
cargo build --release --locked
bin="$root/target/release/numdiff-plot"
py="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $venv/bin/python compare/python/train_neuralnet.py $data"

rm -rf "$out"
mkdir -p "$out/figures"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --runs "$runs" --warmup 1 \
    --export-json "$out/hyperfine.json" --export-markdown "$out/hyperfine.md" \
    -n "numdiff-plot train" "$bin train --data $data -o $out/figures -q" \
    -n "book, 1 BLAS thread" "OPENBLAS_NUM_THREADS=1 $py"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in "numdiff-plot:$bin train --data $data -o $out/figures -q" \
    "book-1-thread:env OPENBLAS_NUM_THREADS=1 $py" "book-default-threads:$py"; do
    name="${run%%:*}"
    /usr/bin/time -v -o "$out/$name.time" ${run#*:} >/dev/null
    printf '%s: %s wall, peak RSS %s kB\n' "$name" \
        "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/$name.time")" \
        "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/$name.time")"
done
cat "$out/hyperfine.md"
