#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds cxserver and runs it.
# Today this validates the shipped sample configuration; the local HA cluster demo
# (ZooKeeper, platform simulators, two cxservers behind HAProxy) replaces it as it lands.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CX_BUILD_DIR:-$root/build}
"$root/tools/dev/install-deps.sh"
"$root/tools/dev/build.sh"
"$build/bin/cxserver" --config "$root/installer/conf/cxserver-sample.conf" --check-config
echo "cxserver: installer/conf/cxserver-sample.conf is valid"
