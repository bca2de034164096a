#!/usr/bin/env bash
# Creates the virtualenv the scripts of tools/matplotlib run in, with the
# pinned versions of requirements.txt from PyPI.
#
#   bash tools/matplotlib/setup.sh [VENV]      (default: target/matplotlib-venv)
#
# Then, for instance: target/matplotlib-venv/bin/python tools/matplotlib/ticks.py
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${1:-$here/../../target/matplotlib-venv}"
if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"
echo "$venv"
