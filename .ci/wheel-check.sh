#!/usr/bin/env bash
# Builds the Python wheel (pyproject.toml: maturin, bindings = "bin") and
# proves that it works where no Rust toolchain is needed:
#   - the wheel is py3-none-manylinux2014 and `auditwheel show` agrees;
#   - pip installs it, from the file alone (--no-index), into a new venv;
#   - from there `numdiff-plot --version` prints Cargo.toml's version,
#     `numdiff-plot all` writes figures/ byte for byte, `completions bash`
#     is a script bash loads, and `man` a manual page;
#   - pipx installs it too, and runs it.
# Prints the sizes of the wheel and of the binary in it, and the time from
# `pip install` to the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/tools-venv.sh

fail() {
    echo "wheel-check: $*" >&2
    exit 1
}

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || fail "no version in Cargo.toml"
target=x86_64-unknown-linux-gnu
out=target/wheels/check
rm -rf "$out"

echo "-- maturin build (manylinux2014 through zig)"
# zig links against glibc 2.17's symbols, so the binary runs on any Linux
# with glibc >= 2.17, the manylinux2014 promise; CC for the crates that
# compile C (ring) is zig too.
PATH="$TOOLS:$PATH" maturin build --release --locked --zig --target "$target" \
    --compatibility manylinux2014 --out "$out" --quiet
wheels=("$out"/*.whl)
[ "${#wheels[@]}" -eq 1 ] || fail "expected one wheel in $out, found: ${wheels[*]}"
wheel=${wheels[0]}
name=$(basename "$wheel")
# The platform tag names manylinux2014 under both its names, in either order.
case "$name" in
"numdiff_plot-$version-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl") ;;
"numdiff_plot-$version-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl") ;;
*) fail "$name: expected numdiff_plot-$version-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl" ;;
esac
echo "$name"

echo "-- auditwheel show"
audit=$("$TOOLS/auditwheel" show "$wheel")
echo "$audit"
# auditwheel wraps its sentences: read them as one line.
tr -s ' \n' '  ' <<<"$audit" | grep -q 'consistent with the following platform tag: "manylinux_2_17_x86_64"' ||
    fail "auditwheel does not accept $name as manylinux_2_17_x86_64"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "-- pip install --no-index into a new venv"
python3 -m venv "$work/venv"
start=$(date +%s%N)
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-index --no-deps "$wheel"
installed=$(date +%s%N)
bin=$work/venv/bin/numdiff-plot
[ -x "$bin" ] || fail "the wheel installed no $bin"

echo "-- numdiff-plot --version"
shown=$("$bin" --version)
[ "$shown" = "numdiff-plot $version" ] || fail "--version printed '$shown', not 'numdiff-plot $version'"
echo "$shown"

echo "-- numdiff-plot all -o DIR, compared with figures/"
"$bin" all -q -o "$work/figures"
drawn=$(date +%s%N)
count=0
for figure in "$work"/figures/*; do
    cmp "$figure" "figures/$(basename "$figure")" || fail "the wheel's binary does not draw figures/$(basename "$figure")"
    count=$((count + 1))
done
# And none is missing: all --check names each figure it draws that figures/ lacks.
"$bin" all --check -o figures
echo "$count figures, identical to figures/"

echo "-- numdiff-plot completions bash, man"
"$bin" completions bash >"$work/completion.bash"
loaded=$(bash -c ". '$work/completion.bash' && complete -p numdiff-plot")
grep -q -- '-F _numdiff__plot' <<<"$loaded" || fail "bash does not load the completion script: $loaded"
echo "$loaded"
"$bin" man >"$work/numdiff-plot.1"
grep -q "^\.TH numdiff-plot 1 .*\"numdiff-plot $version\"" "$work/numdiff-plot.1" ||
    fail "numdiff-plot man does not print a manual page for version $version"
grep -q '^\.SH "NUMDIFF-PLOT ALL"' "$work/numdiff-plot.1" || fail "the manual page has no section for all"
echo "manual page: $(wc -l <"$work/numdiff-plot.1") lines"

echo "-- pipx install"
# pipx passes --pip-args on to the upgrade of its own pip too, which needs
# PyPI: the wheel has no dependencies, and pip looks for none.
PIPX_HOME=$work/pipx PIPX_BIN_DIR=$work/pipx/bin PIPX_MAN_DIR=$work/pipx/man \
    "$TOOLS/pipx" install --quiet "$wheel" >/dev/null
shown=$("$work/pipx/bin/numdiff-plot" --version)
[ "$shown" = "numdiff-plot $version" ] || fail "pipx's numdiff-plot --version printed '$shown'"
echo "pipx: $shown"

binary_size=$(python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(sum(i.file_size for i in z.infolist() if i.filename.endswith(".data/scripts/numdiff-plot")))' "$wheel")
ms() { echo $((($2 - $1) / 1000000)); }
echo "-- sizes and times"
echo "wheel: $(stat -c %s "$wheel") bytes; binary in it: $binary_size bytes"
echo "pip install: $(ms "$start" "$installed") ms; from pip install to $count figures: $(ms "$start" "$drawn") ms"
