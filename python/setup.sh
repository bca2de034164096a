#!/usr/bin/env bash
# The one virtualenv every script of python/ runs in, with the pinned
# versions of python/requirements.txt from PyPI. Prints the venv's path.
#
#   bash python/setup.sh [VENV]        (default: target/python-venv)
#
# Installs only when requirements.txt changed since the last install, so the
# scripts of compare/ call it on every run. PYTHON names the interpreter that
# creates the venv (default python3). Then, for instance:
#
#   target/python-venv/bin/python python/matplotlib/ticks.py
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${1:-$here/../target/python-venv}"
if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv" >&2
fi
if ! cmp -s "$here/requirements.txt" "$venv/requirements.txt"; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
    cp "$here/requirements.txt" "$venv/requirements.txt"
fi
(cd "$venv" && pwd)
