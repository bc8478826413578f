#!/usr/bin/env bash
# Sanitizer runs (docs/reliability.md "Sanitizers"):
#   asan  the whole build (cxserver, plugins, tools, tests) with AddressSanitizer,
#         LeakSanitizer and UndefinedBehaviorSanitizer (CX_SANITIZE=ON), and the whole suite;
#   tsan  cxserver, its plugins, the simulators and tst_dataplane with ThreadSanitizer
#         (CX_TSAN=ON), and the data-plane integration tests.
# Every sanitized process the tests start (cxserver above all) inherits *SAN_OPTIONS: a
# report goes to a file in a temporary folder instead of stderr, the process stops at the
# first error, and the stage fails when any report file appears, whatever the tests said.
#
#   tools/dev/sanitize.sh [asan] [tsan]      (both by default)
# Build folders: $CX_ASAN_BUILD_DIR (default build-asan), $CX_TSAN_BUILD_DIR (build-tsan).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(asan tsan)
jobs=$(nproc)
# -O1 as the sanitizers' manuals advise, and line tables only (-g1): enough for the reports'
# file:line frames, and the sanitized builds compile about a third faster than at -O2 -g.
sanitized_flags="-O1 -g1 -DNDEBUG"

# Prints a report written with symbolize=0, its frames resolved with addr2line. Symbolizing in
# the failing process takes seconds, and a test that stops or kills that process meanwhile
# leaves a report cut after its first line: reports are symbolized here, after the run.
print_symbolized() {
    local line prefix module offset where
    while IFS= read -r line; do
        if [[ $line =~ ^(\ *#[0-9]+\ 0x[0-9a-f]+)\ +\((.+)\+(0x[0-9a-f]+)\)$ ]]; then
            prefix=${BASH_REMATCH[1]} module=${BASH_REMATCH[2]} offset=${BASH_REMATCH[3]}
            if [ -r "$module" ] && where=$(addr2line -p -f -C -i -e "$module" "$offset" 2>/dev/null); then
                line="$prefix in ${where//$'\n'/ / } ($module+$offset)"
            fi
        fi
        printf '%s\n' "$line"
    done <"$1"
}

# Runs a command (ctest or a test); fails when it fails or on any sanitizer report.
run_checked() {
    local name=$1
    shift
    local logs output status=0
    logs=$(mktemp -d)
    output=$(mktemp)
    (
        # GCC's UBSan, linked with ASan, ignores log_path and prints to stderr: the test harness
        # keeps the output of any child that printed a UBSan report in this folder, and the
        # tests' own output is searched for one below.
        export CX_SANITIZER_REPORT_DIR=$logs
        # A small quarantine: the chaos and hostile-edge tests bound RSS growth, and ASan keeps
        # freed memory in quarantine (256 MB by default) before reusing it.
        export ASAN_OPTIONS="log_path=$logs/asan:symbolize=0:halt_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1:quarantine_size_mb=16"
        export LSAN_OPTIONS="suppressions=$root/tools/dev/lsan.supp:print_suppressions=0"
        export UBSAN_OPTIONS="log_path=$logs/ubsan:halt_on_error=1:print_stacktrace=1"
        export TSAN_OPTIONS="log_path=$logs/tsan:halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$root/tools/dev/tsan.supp"
        "$@" 2>&1 | tee "$output"
    ) || status=$?
    if grep -q 'runtime error: ' "$output"; then
        echo "== $name: UBSan reports in the test output:" >&2
        grep -B2 -A10 'runtime error: ' "$output" >&2
        status=1
    fi
    rm -f "$output"
    local reports
    reports=$(find "$logs" -type f | sort)
    if [ -n "$reports" ]; then
        echo "== $name: sanitizer reports:" >&2
        for report in $reports; do
            echo "---- $(basename "$report")" >&2
            print_symbolized "$report" >&2
        done
        status=1
    fi
    rm -rf "$logs"
    if [ "$status" -ne 0 ]; then
        echo "== $name: FAILED" >&2
        return 1
    fi
    echo "== $name: passed, no sanitizer report"
}

# tst_dataplane, without the test functions named in $CX_SANITIZE_SKIP (space-separated;
# CX_SANITIZE_SKIP="" runs them all): tests whose timing does not hold on a build several
# times slower (docs/reliability.md "Sanitizers").
run_dataplane() {
    local name=$1 build=$2 skip=${CX_SANITIZE_SKIP-highWatermarkSkipsAndLowWatermarkRestores}
    local functions=() function
    for function in $("$build/tests/tst_dataplane" -functions | sed 's/()$//'); do
        case " $skip " in
            *" $function "*) echo "== tst_dataplane::$function skipped ($name)" ;;
            *) functions+=("$function") ;;
        esac
    done
    run_checked "$name" timeout 900 "$build/tests/tst_dataplane" "${functions[@]}"
}

for stage in "${stages[@]}"; do
    start=$(date +%s)
    case "$stage" in
        asan)
            build=${CX_ASAN_BUILD_DIR:-$root/build-asan}
            cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCX_SANITIZE=ON \
                -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$sanitized_flags" >/dev/null
            cmake --build "$build" -j "$jobs"
            # ASan's instrumented frames are several times larger: the HOCON resolver's
            # 2048-level limit needs ~2 MB of stack in a normal build, over 8 MB here.
            ulimit -s 65536 || true
            # The packaging tests check the packages' files and metadata, not cxserver's
            # memory: the plain suite runs them, this one does not (CI time).
            run_checked "ASan+UBSan suite" ctest --test-dir "$build" --output-on-failure -j 2 --timeout 900 \
                -E '^tst_dataplane$' -LE packaging
            run_dataplane "ASan+UBSan data plane" "$build"
            ;;
        tsan)
            build=${CX_TSAN_BUILD_DIR:-$root/build-tsan}
            cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCX_TSAN=ON \
                -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$sanitized_flags" >/dev/null
            cmake --build "$build" -j "$jobs" --target tst_dataplane
            run_dataplane "TSan data plane" "$build"
            ;;
        *)
            echo "unknown stage $stage (asan, tsan)" >&2
            exit 2
            ;;
    esac
    echo "== stage $stage: $(( $(date +%s) - start )) s"
done
