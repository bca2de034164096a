#!/usr/bin/env bash
# The book's figure set the Python way: each figure script run as its own
# process, one after another, as a reader regenerating chapter 4 would.
# Usage: all.sh [OUTPUT_DIR]  (PYTHON names the interpreter; default python3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
py="${PYTHON:-python3}"
out="${1:-.}"
mkdir -p "$out"
"$py" "$here/gradient_1d.py" 5 "$out/gradient_1d.png"
"$py" "$here/gradient_1d.py" 10 "$out/gradient_1d_x10.png"
"$py" "$here/multivariate_func.py" "$out/multivariate_func.png"
"$py" "$here/gradient_2d.py" "$out/gradient_2d.png"
"$py" "$here/gradient_method.py" "$out/gradient_method.png"
"$py" "$here/gradient_simplenet.py" "$out/gradient_simplenet.png"
