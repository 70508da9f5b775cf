#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole dxframe test suite, as CI runs it (.ci/run):
#   gcc        GCC 12, Debug: unit tests in C++17 (clang runs them in C++20), examples, the tool,
#              header self-containment (each header alone, in C++20 and in C++17), API docs
#              (doxygen, no warning allowed)
#   consumers  consumers of the GCC build: find_package (staged install and build tree),
#              pkg-config, add_subdirectory, FetchContent; packaging checks (vcpkg, Conan)
#   clang      Clang 14, Debug: unit tests in C++20 (the asan stage builds them in C++17), examples, the tool
#   asan       Clang 14 with AddressSanitizer + UndefinedBehaviorSanitizer: unit tests (C++17),
#              examples, the tool
#   lint       clang-tidy and cppcheck (ctest -L lint in the clang build); every tracked C++
#              file matches .clang-format (scripts/format.sh --check)
#   fuzz       Clang 14 libFuzzer harnesses (fuzz/) with ASan + UBSan: each runs for
#              FUZZ_SECONDS (default 20) from its seed corpus, then over its past findings
# Stages use the CMake preset of their compiler (CMakePresets.json; build dirs build/<preset>)
# and print their wall and CPU time. The script stops at the first failure. Its last line is
# "N passed, N failed", the totals over every ctest run.
#
# Usage: scripts/test-all.sh [STAGE...]      (default: all stages, in the order above)
# Environment: JOBS (default: nproc) parallel build and test jobs; FUZZ_SECONDS (default 20)
# per fuzz harness.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
jobs=${JOBS:-$(nproc)}
logdir="$root/build/test-all-logs"
mkdir -p "$logdir"

all_stages=(gcc consumers clang asan lint fuzz)
if [ $# -gt 0 ]; then
    stages=("$@")
else
    stages=("${all_stages[@]}")
fi

total_passed=0
total_failed=0
timings=()

summary() {
    echo
    echo "== stage times =="
    for t in "${timings[@]}"; do echo "  $t"; done
    echo
    echo "$total_passed passed, $total_failed failed"
}

fail() {
    echo
    echo "test-all: FAILED in stage '$1': $2" >&2
    echo "test-all: full log: $3" >&2
    summary
    exit 1
}

# run STAGE STEP LOG COMMAND...: runs a command, output to the terminal and to LOG.
run() {
    local stage=$1 step=$2 log=$3
    shift 3
    echo "-- [$stage] $step: $*"
    "$@" 2>&1 | tee "$log"
    local rc=${PIPESTATUS[0]}
    [ "$rc" -eq 0 ] || fail "$stage" "$step exited with $rc" "$log"
}

# ctest_run STAGE PRESET [ARGS...]: runs ctest and adds its counts to the totals.
ctest_run() {
    local stage=$1 preset=$2
    shift 2
    local log="$logdir/$stage-ctest.log"
    echo "-- [$stage] ctest --preset $preset -j $jobs $*"
    ctest --preset "$preset" -j "$jobs" --timeout 600 "$@" 2>&1 | tee "$log"
    local rc=${PIPESTATUS[0]}
    local line
    line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
    if [ -n "$line" ]; then
        local failed total
        failed=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
        total=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/')
        total_passed=$((total_passed + total - failed))
        total_failed=$((total_failed + failed))
        timings+=("$stage: $line")
    fi
    [ "$rc" -eq 0 ] || fail "$stage" "ctest exited with $rc (no tests, or tests failed)" "$log"
}

# configure_build STAGE PRESET: configures (first time or when the cache is stale) and builds.
configure_build() {
    local stage=$1 preset=$2
    run "$stage" configure "$logdir/$stage-configure.log" cmake --preset "$preset"
    run "$stage" build "$logdir/$stage-build.log" cmake --build --preset "$preset" -j "$jobs"
}

# Sets CPU_SECONDS to the CPU seconds (user + system) used so far by this script's finished
# child processes. `times` must run in this shell: in a pipeline or a $(...) it would report
# the subshell's own, empty, accounts.
CPU_SECONDS=0
cpu_seconds() {
    times >"$logdir/.times"
    CPU_SECONDS=$(tail -1 "$logdir/.times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
}

timed() {
    local stage=$1
    shift
    local start=$SECONDS cpu0
    cpu_seconds
    cpu0=$CPU_SECONDS
    "$@"
    cpu_seconds
    local secs=$((SECONDS - start)) cpu=$((CPU_SECONDS - cpu0))
    timings+=("$stage: $((secs / 60))m$((secs % 60))s wall, $((cpu / 60))m$((cpu % 60))s CPU")
    echo "-- [$stage] done in $((secs / 60))m$((secs % 60))s wall, $((cpu / 60))m$((cpu % 60))s CPU"
}

stage_gcc() {
    configure_build gcc gcc
    ctest_run gcc gcc -LE "consumer|packaging"
}

stage_consumers() {
    [ -f build/gcc/CMakeCache.txt ] || configure_build consumers gcc
    # The staged install must contain what was just built.
    run consumers build "$logdir/consumers-build.log" cmake --build --preset gcc -j "$jobs"
    ctest_run consumers gcc -L "consumer|packaging"
}

stage_clang() {
    configure_build clang clang
    ctest_run clang clang -LE "consumer|packaging|docs|lint"
}

stage_asan() {
    configure_build asan asan
    ctest_run asan asan
}

stage_lint() {
    [ -f build/clang/CMakeCache.txt ] || run lint configure "$logdir/lint-configure.log" cmake --preset clang
    ctest_run lint clang -L lint
    local log="$logdir/lint-format.log"
    if bash scripts/format.sh --check >"$log" 2>&1; then
        tail -1 "$log"
    else
        cat "$log"
        fail lint "files differ from .clang-format (scripts/format.sh reformats them)" "$log"
    fi
}

stage_fuzz() {
    run fuzz configure "$logdir/fuzz-configure.log" cmake --preset fuzz -DDXFRAME_FUZZ_SECONDS="${FUZZ_SECONDS:-20}"
    run fuzz build "$logdir/fuzz-build.log" cmake --build --preset fuzz -j "$jobs"
    ctest_run fuzz fuzz
}

# The whole run is one function, parsed before it starts, so that editing this file while it
# runs (a long suite, several people) cannot change what the running instance does.
main() {
    echo "test-all: $(date -u +%Y-%m-%dT%H:%M:%SZ), $jobs jobs, stages: ${stages[*]}"
    local suite_start=$SECONDS cpu0 secs cpu
    cpu_seconds
    cpu0=$CPU_SECONDS
    for s in "${stages[@]}"; do
        case "$s" in
            gcc | consumers | clang | asan | lint | fuzz) timed "$s" "stage_$s" ;;
            *) fail "$s" "unknown stage (known: ${all_stages[*]})" "-" ;;
        esac
    done
    secs=$((SECONDS - suite_start))
    cpu_seconds
    cpu=$((CPU_SECONDS - cpu0))
    timings+=("total: $((secs / 60))m$((secs % 60))s wall, $((cpu / 60))m$((cpu % 60))s CPU")
    summary
    if [ "$total_passed" -eq 0 ]; then
        echo "test-all: no test ran" >&2
        exit 1
    fi
}

main "$@"; exit $?
