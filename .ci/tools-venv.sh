# shellcheck shell=bash
# Sourced by .ci/run and .ci/wheel-check.sh: makes sure target/ci-venv holds
# the pinned tools of .ci/requirements.txt, and sets TOOLS to its bin/.
# Installs only when the requirements changed since the last install.
tools_venv=target/ci-venv
if ! cmp -s .ci/requirements.txt "$tools_venv/requirements.txt"; then
    rm -rf "$tools_venv"
    python3 -m venv "$tools_venv"
    "$tools_venv/bin/pip" install --quiet --disable-pip-version-check -r .ci/requirements.txt
    cp .ci/requirements.txt "$tools_venv/requirements.txt"
fi
export TOOLS=$PWD/$tools_venv/bin
