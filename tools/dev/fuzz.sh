#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang into build-fuzz/ (or $CX_FUZZ_BUILD_DIR)
# and runs each for N seconds (default 30, what CI runs) from its committed seed corpus.
# Fails when a target crashes, leaks, trips UBSan or one of its checks, or times out on an
# input; the input is kept under <build>/fuzz-artifacts/. New corpus entries go to a
# temporary folder, never into the tree. See docs/reliability.md "Fuzzing".
#
#   tools/dev/fuzz.sh [--seconds N] [TARGET...]      TARGET: alwayson hocon serverconfig serviceinstance
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CX_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=30
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --seconds=*) seconds=${1#*=}; shift ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(alwayson hocon serverconfig serviceinstance)

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
    dict=$root/tests/fuzz/$target.dict
    args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix="$artifacts/$target-")
    if [ -f "$dict" ]; then args+=(-dict="$dict"); fi
    mkdir -p "$work/$target"
    log=$work/$target.log
    echo "== fuzz_$target: $seconds s"
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
    echo "fuzz_$target: $status, ${execs:-?} executions in $(( $(date +%s) - start )) s, $cov," \
         "corpus $(find "$work/$target" "$seeds" -type f | wc -l) inputs"
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing FAILED: ${failed[*]} (crashing inputs in $artifacts)" >&2
    exit 1
fi
echo "fuzzing passed: ${targets[*]}"
