#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds cxserver and runs a local cluster on
# 127.0.0.1: three platform simulators, one cxserver routing between them, and 200 edge
# devices sending a steady load, with a progress line every second, until Ctrl-C.
# Everything it starts is stopped on exit. (The ZooKeeper + HAProxy HA demo extends this.)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CX_BUILD_DIR:-$root/build}
if [ "${CX_DEMO_SKIP_SETUP:-}" != 1 ]; then
    "$root/tools/dev/install-deps.sh"
    "$root/tools/dev/build.sh"
fi
bin=$build/bin
run=$(mktemp -d -t cxdemo.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    echo "demo stopped; logs were in $run"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for FILE REGEX: prints the first match, fails after 15 s.
wait_for() {
    for _ in $(seq 150); do
        if line=$(grep -m1 -E "$2" "$1" 2>/dev/null); then echo "$line"; return 0; fi
        sleep 0.1
    done
    echo "timed out waiting for '$2' in $1" >&2; cat "$1" >&2; return 1
}

app_key="demo-app-key-$RANDOM$RANDOM"
platforms=""
for i in 1 2 3; do
    "$bin/cxplatformsim" --app-key "$app_key" --id "platform-$i" --port 0 >"$run/platform-$i.log" 2>&1 &
    pids+=($!)
    port=$(wait_for "$run/platform-$i.log" 'listening on' | sed 's/.*://')
    platforms+="${platforms:+, }\"ws://127.0.0.1:$port/Thingworx/WS\""
    echo "platform simulator $i on 127.0.0.1:$port"
done

cat >"$run/cxserver.conf" <<CONF
cx-server {
  transport.websockets.app-key = "$app_key"
  transport.websockets.platforms = [$platforms]
  protocol { host = "127.0.0.1", port = 0, ssl.enabled = false }
  health.port = 0
}
CONF
"$bin/cxserver" --config "$run/cxserver.conf" >"$run/cxserver.log" 2>&1 &
pids+=($!)
edge_port=$(wait_for "$run/cxserver.log" 'ready: edges on' | sed -E 's/.*edges on [^:]+:([0-9]+).*/\1/')
echo "cxserver on 127.0.0.1:$edge_port (log: $run/cxserver.log)"
echo "200 edges, 2000 requests/s; Ctrl-C to stop. Kill a simulator (kill <pid>) to see failover:"
echo "  simulator pids: ${pids[*]:0:3}"
"$bin/cxedgesim" --url "ws://127.0.0.1:$edge_port/Thingworx/WS" --app-key "$app_key" \
    --edges 200 --things 2 --rate 2000 --duration 86400 --progress &
pids+=($!)
wait "${pids[-1]}"
