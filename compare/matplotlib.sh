#!/usr/bin/env bash
# Draws every case of references.py with matplotlib and with numdiff-plot,
# pairs them (matplotlib left, ours right) for looking at, and scores them.
#
#   bash compare/matplotlib.sh [REFERENCE_DIR]
#
# REFERENCE_DIR: matplotlib's drawings of the book's figures (the same file
# names as figures/); when given, the default figures are scored against it
# too. Output goes to target/compare/ (ours/, pairs/); the matplotlib
# references are rewritten in python/matplotlib/references/. Not part of the
# tests or CI: it needs Python and matplotlib (setup.sh installs them).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="$(bash python/setup.sh)"
py="$venv/bin/python"
cargo build --release --quiet
out=target/compare
"$py" python/matplotlib/references.py draw >/dev/null
"$py" python/matplotlib/references.py ours target/release/numdiff-plot "$out/ours" >/dev/null
"$py" python/matplotlib/references.py pair python/matplotlib/references "$out/ours" "$out/pairs" >/dev/null
echo "Ranges (python/matplotlib/references/ against $out/ours/; side by side in $out/pairs/):"
"$py" python/matplotlib/score.py python/matplotlib/references "$out/ours"
if [ $# -ge 1 ]; then
    echo
    echo "Default figures (figures/ against $1):"
    "$py" python/matplotlib/score.py "$1" figures
fi
