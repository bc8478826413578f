#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds cxserver, runs the whole test suite, then the
# fuzzers and the sanitizer runs (docs/reliability.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CX_BUILD_DIR:-$root/build}
# Stages run in order and stop at the first failure; each prints its wall time. Set
# CX_TEST_STAGES to run only some of them, e.g. CX_TEST_STAGES="build suite".
stages=${CX_TEST_STAGES:-deps build suite fuzz asan tsan}
times=""
stage() {
    local name=$1 start
    shift
    case " $stages " in *" $name "*) ;; *) return 0 ;; esac
    start=$(date +%s)
    "$@"
    times="$times $name=$(( $(date +%s) - start ))s"
    echo "== stage $name done in $(( $(date +%s) - start )) s"
}
stage deps "$root/tools/dev/install-deps.sh"
stage build "$root/tools/dev/build.sh"
stage suite ctest --test-dir "$build" --output-on-failure -j 2 --timeout 600
# libFuzzer targets, 30 s each (docs/reliability.md "Fuzzing")
stage fuzz "$root/tools/dev/fuzz.sh" --seconds "${CX_FUZZ_SECONDS:-30}"
# The whole suite under ASan+UBSan, the data plane under TSan ("Sanitizers")
stage asan "$root/tools/dev/sanitize.sh" asan
stage tsan "$root/tools/dev/sanitize.sh" tsan
echo "== stage times:$times"
