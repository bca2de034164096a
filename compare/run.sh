#!/usr/bin/env bash
# numdiff-plot against the book's Python, side by side on this machine, in
# one run, and the figures section of BENCHMARKS.md rewritten from what it
# measured.
#
#   bash compare/run.sh
#
# From a fresh clone it: installs hyperfine and GNU time if missing (Debian
# packages; needs root), creates the virtualenv of python/setup.sh (target/python-venv:
# the pinned numpy, matplotlib and threadpoolctl of python/requirements.txt), builds the release binary, runs the criterion
# benches and their Python timeit counterparts, then times every figure
# command and its Python script as whole processes, alternately, and writes
# the figures section of BENCHMARKS.md. Raw data is kept in target/compare/raw/.
#
# Settings (environment): RUNS (measured rounds, default 5), WARMUP (rounds
# run first and not counted, default 1), TIMEIT_REPEATS (default 9),
# CRITERION_ARGS (default "--warm-up-time 1 --measurement-time 3"),
# VENV (default target/python-venv), PYTHON (the python3 that makes the venv),
# WAIT_QUIET (seconds to wait, at most, for other processes to leave the
# CPUs under 10 % busy before the timed rounds; default 0), REDO (how many
# rounds, at most, to run again because other processes were busy; 10),
# MNIST (a directory of MNIST's files: also run compare/numerical_gradient.sh).
#
# Not part of CI: it takes several minutes and measures this machine.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

runs="${RUNS:-5}"
warmup="${WARMUP:-1}"
timeit_repeats="${TIMEIT_REPEATS:-9}"
read -r -a criterion_args <<<"${CRITERION_ARGS:---warm-up-time 1 --measurement-time 3}"
work_root="$root/target/compare"
raw="$work_root/raw"
work="$work_root/work"

step() { printf '\n== %s\n' "$*" >&2; }

# --- tools --------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        step "installing ${missing[*]} (Debian packages)"
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "compare/run.sh needs ${missing[*]}: apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi

# --- Python -------------------------------------------------------------------
step "the Python virtualenv (python/setup.sh)"
venv="$(bash python/setup.sh ${VENV:+"$VENV"})"

# Some processors get OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE set for older
# OpenBLAS builds; they slow a current numpy. Every Python command runs with
# both unset; the Rust commands run in the environment as it is.
described() { # NAME: how the variable NAME stood in the environment
    if [ -n "${!1+x}" ]; then printf '%s=%s' "$1" "${!1}"; else printf '%s was not set' "$1"; fi
}
openblas_env="$(described OPENBLAS_CORETYPE), $(described OPENBLAS_L2_SIZE)"
py=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$venv/bin/python")

# Builds matplotlib's font cache, so that no timed run pays for it.
(cd "$work_root" && "${py[@]}" -c 'import matplotlib; matplotlib.use("agg"); import matplotlib.pyplot')

# --- Rust ---------------------------------------------------------------------
step "building the release binary"
cargo build --release --locked
bin="$root/target/release/numdiff-plot"
figures_check=passed
"$bin" all --check -o figures || figures_check=failed

rm -rf "$raw" "$work"
mkdir -p "$raw" "$work/rust/all" "$work/python/all"

# --- numerics and rendering in process ---------------------------------------
step "criterion: benches/numerics.rs and benches/render.rs"
rm -rf "$root/target/criterion"
cargo bench --locked --features bench --bench numerics --bench render -- "${criterion_args[@]}" |
    tee "$raw/criterion.txt" >&2

step "timeit: python/book/numerics_timeit.py"
(cd "$root/python/book" && "${py[@]}" numerics_timeit.py "$timeit_repeats") >"$raw/timeit.json"

# --- whole processes ----------------------------------------------------------
# One line per pair: figure, numdiff-plot arguments, Python script and arguments.
pairs=(
    "gradient_1d.png|tangent|gradient_1d.py 5"
    "gradient_1d_x10.png|tangent --x 10|gradient_1d.py 10"
    "multivariate_func.png|surface|multivariate_func.py"
    "gradient_2d.png|quiver|gradient_2d.py"
    "gradient_method.png|descent|gradient_method.py"
    "gradient_simplenet.png|simplenet|gradient_simplenet.py"
)

q() { printf '%q ' "$@"; }
names=() commands=() figure_of=() side_of=()
: >"$raw/commands.tsv"
add() { # figure side shown command...
    local figure="$1" side="$2" shown="$3"
    shift 3
    names+=("$side $figure")
    figure_of+=("$figure")
    side_of+=("$side")
    commands+=("$(q "$@")")
    printf '%s\t%s\t%s\t%s\n' "$figure" "$side" "$side $figure" "$shown" >>"$raw/commands.tsv"
}
for pair in "${pairs[@]}"; do
    IFS='|' read -r figure rust_args python_args <<<"$pair"
    read -r -a ra <<<"$rust_args"
    read -r -a pa <<<"$python_args"
    add "$figure" rust "numdiff-plot $rust_args" \
        "$bin" "${ra[@]}" -o "$work/rust/$figure"
    add "$figure" python "python $python_args" \
        "${py[@]}" "$root/python/book/${pa[0]}" "${pa[@]:1}" "$work/python/$figure"
done
add all rust "numdiff-plot all" "$bin" all -o "$work/rust/all"
add all python "bash all.sh" \
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE PYTHON="$venv/bin/python" \
    bash "$root/python/book/all.sh" "$work/python/all"

# How busy other processes keep the machine: CPU time the kernel counts as
# busy (all CPUs, /proc/stat), less what this script's own children used
# (bash's `times`), as a share of all the CPUs' time.
busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
children_cpu() { # NAME: sets NAME to this shell's children's CPU seconds so far
    times >"$raw/times.tmp" # not in a subshell: it would count its own children
    printf -v "$1" '%s' "$(tail -n 1 "$raw/times.tmp" |
        awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } print s }')"
}
others_share() { # busy0 total0 children0 busy1 total1 children1
    awk -v hz="$(getconf CLK_TCK)" -v b0="$1" -v t0="$2" -v c0="$3" -v b1="$4" -v t1="$5" -v c1="$6" \
        'BEGIN { s = ((b1 - b0) / hz - (c1 - c0)) / ((t1 - t0) / hz); if (s < 0) s = 0; printf "%.0f %%", 100 * s }'
}
waited=0
while :; do
    read -r b0 t0 <<<"$(busy_jiffies)"
    children_cpu c0
    sleep 3
    read -r b1 t1 <<<"$(busy_jiffies)"
    children_cpu c1
    idle_load="$(others_share "$b0" "$t0" "$c0" "$b1" "$t1" "$c1")"
    echo "other processes used $idle_load of the CPUs in the last 3 s" >&2
    # WAIT_QUIET=SECONDS: wait up to that long for them to use under 10 %.
    if ((${idle_load% %} < 10 || waited >= ${WAIT_QUIET:-0})); then break; fi
    waited=$((waited + 3))
done

# Each round runs every command once, the Rust and the Python command of a
# pair one right after the other (which goes first alternates by round), for
# wall time with hyperfine; then again under GNU time for peak RSS. A counted
# round during which other processes kept more than 10 % of the CPUs busy is
# thrown away and run again, at most REDO times in all (default 10); the
# report gives the share of every counted round and how many were redone.
redo_left="${REDO:-10}"
redone=0
shares=()
round=1
while ((round <= warmup + runs)); do
    if ((round <= warmup)); then
        step "round $round of $((warmup + runs)) (warm-up, not counted)"
    else
        step "round $round of $((warmup + runs))"
    fi
    read -r b0 t0 <<<"$(busy_jiffies)"
    children_cpu c0
    args=()
    for ((i = 0; i < ${#names[@]}; i += 2)); do
        if ((round % 2)); then order=("$i" "$((i + 1))"); else order=("$((i + 1))" "$i"); fi
        for j in "${order[@]}"; do args+=(-n "${names[$j]}" "${commands[$j]}"); done
    done
    hyperfine -N --runs 1 --style basic --export-json "$raw/wall.tmp" "${args[@]}" >&2
    if ((round <= warmup)); then
        round=$((round + 1))
        continue
    fi
    : >"$raw/rss.tmp.tsv"
    for ((j = 0; j < ${#names[@]}; j++)); do
        eval "cmd=(${commands[$j]})"
        /usr/bin/time -f %M -o "$raw/rss.tmp" "${cmd[@]}" >/dev/null
        printf '%s\t%s\t%s\n' "${figure_of[$j]}" "${side_of[$j]}" "$(tail -n 1 "$raw/rss.tmp")" \
            >>"$raw/rss.tmp.tsv"
    done
    read -r b1 t1 <<<"$(busy_jiffies)"
    children_cpu c1
    share="$(others_share "$b0" "$t0" "$c0" "$b1" "$t1" "$c1")"
    if ((${share% %} > 10 && redo_left > 0)); then
        echo "other processes used $share of the CPUs during this round: running it again" >&2
        redo_left=$((redo_left - 1))
        redone=$((redone + 1))
        continue
    fi
    echo "other processes used $share of the CPUs during this round" >&2
    shares+=("$share")
    mv "$raw/wall.tmp" "$raw/wall-$(printf %03d "$round").json"
    mv "$raw/rss.tmp.tsv" "$raw/rss-$(printf %03d "$round").tsv"
    round=$((round + 1))
done
rm -f "$raw/rss.tmp" "$raw/wall.tmp" "$raw/times.tmp"
rounds_load="$(IFS=,; echo "${shares[*]}" | sed 's/,/, /g') in the counted rounds"
if ((redone)); then rounds_load="$rounds_load; $redone round(s) above 10 % run again"; fi

# --- the report ---------------------------------------------------------------
step "writing BENCHMARKS.md"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no -- . ':!BENCHMARKS.md' 2>/dev/null)" ]; then
    commit="$commit with uncommitted changes"
fi
blas="$("${py[@]}" -c '
from threadpoolctl import threadpool_info
print("; ".join(f"{i.get(\"internal_api\")} {i.get(\"version\")}, kernel {i.get(\"architecture\")}, {i.get(\"num_threads\")} threads" for i in threadpool_info() if i.get("user_api") == "blas"))
' 2>/dev/null || true)"
{
    printf 'nproc\t%s\n' "$(nproc)"
    printf 'cpu\t%s\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    printf 'memory\t%s\n' "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    printf 'system\t%s\n' "$(uname -srm)"
    printf 'commit\t%s\n' "$commit"
    printf 'rustc\t%s\n' "$(rustc --version)"
    printf 'hyperfine\t%s\n' "$(hyperfine --version | awk '{ print $NF }')"
    printf 'gnu_time\t%s\n' "$(dpkg-query -W -f '${Version}' time 2>/dev/null ||
        /usr/bin/time --version 2>&1 | head -n 1)"
    printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'venv\t%s\n' "${venv#"$root"/}"
    printf 'blas\t%s\n' "$blas"
    printf 'openblas_env\t%s\n' "$openblas_env"
    printf 'warmup\t%s\n' "$warmup"
    printf 'load\t%s\n' "$idle_load in the 3 s before the rounds; $rounds_load"
    printf 'figures_check\t%s\n' "$figures_check"
    printf 'all_figures\t%s\n' "$(find "$work/rust/all" -name '*.png' | wc -l)"
} >"$raw/meta.tsv"
# Only the section between the figures markers is rewritten; the sections
# other scripts write and the notes written by hand stay as they are.
"${py[@]}" python/benchmarks/report.py "$raw" "$root/target/criterion" BENCHMARKS.md >/dev/null
# The network's numerical gradient beside numpy's, on MNIST (MNIST=DIR).
if [ -n "${MNIST:-}" ]; then bash "$root/compare/numerical_gradient.sh" "$MNIST"; fi
step "done: BENCHMARKS.md"
sed -n '/^### Goals/,/^### The figures/p' BENCHMARKS.md | head -n -1 >&2
