#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang into build-fuzz/ (or $CX_FUZZ_BUILD_DIR)
# and runs each for N seconds (default 30, what CI runs) from its committed seed corpus.
# Fails when a target crashes, leaks, trips UBSan or one of its checks, takes more than
# $CX_FUZZ_TIMEOUT seconds (default 5) on one input or more than $CX_FUZZ_RSS_MB MB (default
# 1024) of memory; the input is kept under <build>/fuzz-artifacts/. New corpus entries go to a
# temporary folder, never into the tree. --runs N runs N inputs per target instead of N
# seconds (the long runs done by hand). See docs/reliability.md "Fuzzing".
#
#   tools/dev/fuzz.sh [--seconds N | --runs N] [TARGET...]
#   TARGET: a tests/fuzz/fuzz_TARGET.cpp (all of them by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CX_FUZZ_BUILD_DIR:-$root/build-fuzz}
budget=(-max_total_time=30)
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) budget=(-max_total_time="$2"); shift 2 ;;
        --seconds=*) budget=(-max_total_time="${1#*=}"); shift ;;
        --runs) budget=(-runs="$2"); shift 2 ;;
        --runs=*) budget=(-runs="${1#*=}"); shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if [ ${#targets[@]} -eq 0 ]; then
    # Every target there is: a new one is fuzzed without being named twice.
    for source in "$root"/tests/fuzz/fuzz_*.cpp; do
        name=${source##*/fuzz_}
        targets+=("${name%.cpp}")
    done
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCX_FUZZ=ON >/dev/null
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for target in "${targets[@]}"; do
    seeds=$root/tests/fuzz/corpus/$target
    case $target in
        handshake|httphead) dict=$root/tests/fuzz/http.dict ;;
        *) dict=$root/tests/fuzz/$target.dict ;;
    esac
    # a slow or greedy input is a finding: the code under test bounds its time and memory
    args=("${budget[@]}" -timeout="${CX_FUZZ_TIMEOUT:-5}" -rss_limit_mb="${CX_FUZZ_RSS_MB:-1024}"
          -print_final_stats=1 -artifact_prefix="$artifacts/$target-")
    if [ -f "$dict" ]; then args+=(-dict="$dict"); fi
    mkdir -p "$work/$target"
    log=$work/$target.log
    echo "== fuzz_$target: ${budget[*]}"
    start=$(date +%s)
    if "$build/fuzz/fuzz_$target" "${args[@]}" "$work/$target" "$seeds" >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed+=("$target")
        tail -n 60 "$log"
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    echo "fuzz_$target: $status, ${execs:-?} executions (${rate:-?}/s) in $(( $(date +%s) - start )) s, $cov," \
         "corpus $(find "$work/$target" "$seeds" -type f | wc -l) inputs"
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing FAILED: ${failed[*]} (crashing inputs in $artifacts)" >&2
    exit 1
fi
echo "fuzzing passed: ${targets[*]}"
