#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds cxserver and runs the whole test suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CX_BUILD_DIR:-$root/build}
"$root/tools/dev/install-deps.sh"
"$root/tools/dev/build.sh"
ctest --test-dir "$build" --output-on-failure -j 2 --timeout 600
