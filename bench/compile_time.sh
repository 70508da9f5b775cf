#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What including dxframe costs a translation unit, side by side with its dependencies:
#   full           #include <dxframe/dxframe.hpp>      (the umbrella: model, JSON I/O, validate, ...)
#   full_separate  the same with DXFRAME_SEPARATE_COMPILATION (declarations only, see config.hpp)
#   model          #include <dxframe/model.hpp>        (the model headers: Boost.Describe only)
#   model_separate the same with DXFRAME_SEPARATE_COMPILATION
#   src            #include <dxframe/src.hpp>          (separate compilation: the one unit with
#                  every function body, the Vietnam dataset included; compiled once per program)
#   model_floor    just the standard and Boost headers that model_separate's dxframe headers
#                  include (found with -MM): what the model would cost with no code of its own
#   baseline       #include <nlohmann/json.hpp> + <boost/describe.hpp>  (the dependencies alone)
# Each unit is compiled to an object (-c, -O0) REPS times per compiler, the units interleaved
# round-robin so that a change in machine load hits all of them alike. Prints the medians of
# wall time and of CPU time (user + system; steadier on a shared machine) and each unit's ratio
# to the baseline, as a Markdown table (bench/README.md, "Compile time").
#
# With -m, one more unit per module header (io/dataset_json, validate, progress, index, report,
# uncertainty, data/vietnam) shows where the umbrella's cost comes from.
#
# Usage: bench/compile_time.sh [-n REPS] [-s STD] [-m] [COMPILER...]
#        defaults: 7 repetitions, -std=c++17, g++ and clang++-14 (those found)
set -euo pipefail

reps=7
std=c++17
modules=0
while getopts "n:s:m" opt; do
    case $opt in
        n) reps=$OPTARG ;;
        s) std=$OPTARG ;;
        m) modules=1 ;;
        *) echo "usage: $0 [-n REPS] [-s STD] [-m] [COMPILER...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
compilers=("$@")
if [ ${#compilers[@]} -eq 0 ]; then
    for c in g++ clang++-14; do
        if command -v "$c" >/dev/null 2>&1; then compilers+=("$c"); fi
    done
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

units=(full full_separate model model_separate src baseline)
sep='#define DXFRAME_SEPARATE_COMPILATION\n'
printf '#include <dxframe/dxframe.hpp>\nint main() { return 0; }\n' >"$work/full.cpp"
printf "$sep"'#include <dxframe/dxframe.hpp>\nint main() { return 0; }\n' >"$work/full_separate.cpp"
printf '#include <dxframe/model.hpp>\nint main() { return 0; }\n' >"$work/model.cpp"
printf "$sep"'#include <dxframe/model.hpp>\nint main() { return 0; }\n' >"$work/model_separate.cpp"
printf "$sep"'#include <dxframe/src.hpp>\nint main() { return 0; }\n' >"$work/src.cpp"
printf '#include <nlohmann/json.hpp>\n#include <boost/describe.hpp>\nint main() { return 0; }\n' >"$work/baseline.cpp"
# The model headers reached in separate mode (-MM lists the non-system headers, i.e. dxframe's),
# and every non-dxframe #include they contain.
model_headers=$(cd "$root/include" && g++ -std="$std" -I . -MM "$work/model_separate.cpp" | tr ' \\' '\n\n' | grep '^dxframe/')
(cd "$root/include" && grep -h '^#include <' $model_headers | grep -v '<dxframe/' | sort -u) >"$work/model_floor.cpp"
echo 'int main() { return 0; }' >>"$work/model_floor.cpp"
units+=(model_floor)
if [ "$modules" = 1 ]; then
    for header in io/dataset_json validate progress index report uncertainty data/vietnam; do
        unit=${header//\//_}
        if [ -f "$root/include/dxframe/$header.hpp" ]; then
            printf '#include <dxframe/%s.hpp>\nint main() { return 0; }\n' "$header" >"$work/$unit.cpp"
            units+=("$unit")
        fi
    done
fi

median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# One compilation; appends "wall cpu" seconds to the unit's sample file.
measure() {
    local cxx=$1 unit=$2 out=$3
    local TIMEFORMAT='%R %U %S'
    local t
    t=$({ time "$cxx" -std="$std" -O0 -I "$root/include" -c "$work/$unit.cpp" -o "$work/$unit.o" 2>"$work/err" >/dev/null; } 2>&1) ||
        { cat "$work/err" >&2; echo "compile_time: $cxx failed on $unit" >&2; exit 1; }
    echo "$t" | awk '{ printf "%s %.3f\n", $1, $2 + $3 }' >>"$out"
}

echo "Compile time of one translation unit, -std=$std -O0 -c, median of $reps runs"
echo "($(uname -m), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d))"
echo
echo "| compiler | unit | wall (s) | CPU (s) | CPU / baseline | preprocessed lines |"
echo "|---|---|---:|---:|---:|---:|"
for cxx in "${compilers[@]}"; do
    version=$("$cxx" --version | head -1 | sed -E 's/.*(version|\)) ([0-9]+\.[0-9.]+).*/\2/')
    for unit in "${units[@]}"; do
        : >"$work/$unit.samples"
        "$cxx" -std="$std" -I "$root/include" -E "$work/$unit.cpp" >"$work/$unit.i"
    done
    # A first, unmeasured round warms the file cache.
    for unit in "${units[@]}"; do measure "$cxx" "$unit" "$work/warmup"; done
    for ((r = 0; r < reps; r++)); do
        for unit in "${units[@]}"; do measure "$cxx" "$unit" "$work/$unit.samples"; done
    done
    base_cpu=$(cut -d' ' -f2 "$work/baseline.samples" | median)
    for unit in "${units[@]}"; do
        wall=$(cut -d' ' -f1 "$work/$unit.samples" | median)
        cpu=$(cut -d' ' -f2 "$work/$unit.samples" | median)
        ratio=$(awk -v a="$cpu" -v b="$base_cpu" 'BEGIN { printf "%.2f", a / b }')
        lines=$(wc -l <"$work/$unit.i")
        echo "| ${cxx%%-*} $version | $unit | $wall | $cpu | $ratio | $lines |"
    done
done
