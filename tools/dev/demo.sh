#!/usr/bin/env bash
# The local HA cluster demo (docs/demo.md). On a fresh Debian 12 machine it installs what is
# missing and builds, then starts on 127.0.0.1: ZooKeeper (private data dir), three platform
# simulators that register themselves in it, two cxservers that discover them, HAProxy in
# front of the cxservers (installer/haproxy/haproxy.cfg, rewritten for 127.0.0.1) and an
# edge simulator sending a steady load through HAProxy. It shows live status (cxctl watch,
# or the edge simulator's progress lines) until Ctrl-C, then stops everything it started.
#
# Environment:
#   CX_BUILD_DIR=DIR         binaries from DIR/bin (default: build/)
#   CX_DEMO_SKIP_SETUP=1     do not install packages nor build
#   CX_DEMO_DURATION=SECONDS unattended: run that long, stop, and exit 1 unless every
#                            request was answered (the CTest demo_cluster does this)
#   CX_DEMO_PORT=PORT        HAProxy's port for the edges (default: a free one)
#   CX_DEMO_EDGES=N, CX_DEMO_RATE=PER_SECOND   the load (default 100 edges, 1000 requests/s)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source-path=SCRIPTDIR source=proc.sh
. "$root/tools/dev/proc.sh"
proc_prefix=demo
build=${CX_BUILD_DIR:-$root/build}
duration=${CX_DEMO_DURATION:-}
edges=${CX_DEMO_EDGES:-100}
rate=${CX_DEMO_RATE:-1000}
if [ "${CX_DEMO_SKIP_SETUP:-}" != 1 ]; then
    # The Debian packages (only when one is missing), then an incremental build.
    missing=0
    while read -r package; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing=1
    done < <(grep -v -e '^\s*#' -e '^\s*$' "$root/tools/dev/debian-packages.txt")
    if [ "$missing" = 1 ]; then
        "$root/tools/dev/install-deps.sh"
    fi
    CX_BUILD_DIR=$build "$root/tools/dev/build.sh"
fi
bin=$build/bin
for program in cxserver cxplatformsim cxedgesim; do
    [ -x "$bin/$program" ] || { echo "demo: $bin/$program is missing: build first" >&2; exit 1; }
done
for tool in java haproxy; do
    command -v "$tool" >/dev/null || { echo "demo: $tool is missing: run tools/dev/install-deps.sh" >&2; exit 1; }
done

run=$(mktemp -d -t cxdemo.XXXXXX)
edgesim_pid=""
cleanup() {
    local status=$?
    trap - INT TERM HUP EXIT
    # The edge simulator first, so that it reports what it saw; then the rest, newest first.
    if [ -n "$edgesim_pid" ] && kill -0 "$edgesim_pid" 2>/dev/null; then
        stop "$edgesim_pid" 20
        grep '^edgesim: ' "$run/edgesim.log" | grep -v '^edgesim: {' || true
    fi
    stop_all 20
    wait 2>/dev/null || true
    echo "demo stopped; logs are in $run"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# wait_healthy NAME HEALTH_PORT: until GET /health answers 200 (a platform is connected).
wait_healthy() {
    local deadline=$((SECONDS + 30))
    while [ "$(http_status "$2" /health)" != 200 ]; do
        if [ $SECONDS -ge $deadline ]; then
            echo "demo: $1 is not healthy after 30 s:" >&2
            tail -n 30 "$run/$1.log" >&2
            return 1
        fi
        sleep 0.2
    done
}

app_key="demo-app-key-$RANDOM$RANDOM"

# ---- ZooKeeper (Debian's package, run as a private standalone server) ------------------
zk_port=$(free_port)
mkdir -p "$run/zookeeper/data"
cat >"$run/zookeeper/zoo.cfg" <<CFG
tickTime=500
dataDir=$run/zookeeper/data
clientPort=$zk_port
clientPortAddress=127.0.0.1
admin.enableServer=false
4lw.commands.whitelist=
CFG
start zookeeper java -Xmx256m -cp /usr/share/java/zookeeper.jar:/usr/share/java/slf4j-simple.jar \
    org.apache.zookeeper.server.quorum.QuorumPeerMain "$run/zookeeper/zoo.cfg"
wait_for zookeeper 'ZooKeeper audit is' 60 >/dev/null
echo "ZooKeeper on 127.0.0.1:$zk_port (pid $started_pid)"

# ---- three platform simulators, registered in ZooKeeper as Curator does --------------------
for i in 1 2 3; do
    start "platform-$i" "$bin/cxplatformsim" --app-key "$app_key" --id "platform-$i" --port 0 \
        --zookeeper "127.0.0.1:$zk_port" --zk-session-timeout 4000
    port=$(wait_for "platform-$i" 'listening on' | sed 's/.*://')
    wait_for "platform-$i" 'registered in ZooKeeper' >/dev/null
    echo "platform simulator $i on 127.0.0.1:$port (pid $started_pid)"
done

# ---- two cxservers discovering the platforms in ZooKeeper ---------------------------------
cx_edge_ports=()
cx_health_ports=()
for i in 1 2; do
    cat >"$run/cxserver-$i.conf" <<CONF
cx-server {
  transport.websockets.app-key = "$app_key"
  transport.websockets.service-discovery.enabled = true
  transport.websockets.service-discovery.tls-enabled = false
  discovery.connectionString = "127.0.0.1:$zk_port"
  discovery.session-timeout = 4s
  protocol { host = "127.0.0.1", port = 0, ssl.enabled = false }
  health.port = 0
  admin.socket = "$run/cxserver-$i.sock"
  worker-threads = 1
  transport.websockets.connections.pipe-count = 2
}
CONF
    start "cxserver-$i" "$bin/cxserver" --config "$run/cxserver-$i.conf"
    ready=$(wait_for "cxserver-$i" 'ready: edges on')
    cx_edge_ports+=("$(sed -E 's/.*edges on [^:]+:([0-9]+).*/\1/' <<<"$ready")")
    cx_health_ports+=("$(sed -E 's/.*health on port ([0-9]+).*/\1/' <<<"$ready")")
    wait_healthy "cxserver-$i" "${cx_health_ports[-1]}"
    echo "cxserver $i: edges on 127.0.0.1:${cx_edge_ports[-1]}, health on ${cx_health_ports[-1]}, status socket $run/cxserver-$i.sock (pid $started_pid)"
done

# ---- HAProxy: the shipped example, bound to 127.0.0.1, in the foreground ------------------
haproxy_port=${CX_DEMO_PORT:-$(free_port)}
# The shipped configuration on 127.0.0.1, its example servers become ours.
"$root/tools/dev/haproxy-local.sh" "$haproxy_port" "${cx_edge_ports[0]}:${cx_health_ports[0]}" \
    "${cx_edge_ports[1]}:${cx_health_ports[1]}" >"$run/haproxy.cfg"
haproxy -q -c -f "$run/haproxy.cfg"
start haproxy haproxy -db -f "$run/haproxy.cfg"
deadline=$((SECONDS + 15))
until [ "$(http_status "$haproxy_port" /nothing-here)" = 404 ]; do
    [ $SECONDS -lt $deadline ] || { echo "demo: HAProxy does not answer on $haproxy_port" >&2; cat "$run/haproxy.log" >&2; exit 1; }
    sleep 0.1
done
echo "HAProxy on 127.0.0.1:$haproxy_port -> cxserver 1 and 2 (config $run/haproxy.cfg, pid $started_pid)"

# ---- the edges, through HAProxy -------------------------------------------------------------
url="ws://127.0.0.1:$haproxy_port/Thingworx/WS"
# Edges whose cxserver dies connect again through HAProxy, as devices do (--reconnect).
edge_args=(--url "$url" --app-key "$app_key" --edges "$edges" --things 2 --rate "$rate" --progress
    --reconnect)
echo
echo "$edges edges send $rate requests/s to $url."
echo "To see failover, kill one platform simulator or one cxserver:"
for i in "${!names[@]}"; do
    case ${names[i]} in platform-* | cxserver-*) echo "  kill ${pids[i]}    # ${names[i]}" ;; esac
done
echo

# The edge simulator's log: its progress lines, then its report when it stops.
start edgesim "$bin/cxedgesim" "${edge_args[@]}" --duration "${duration:-86400}"
edgesim_pid=$started_pid # cleanup stops it first
show_progress() {
    tail -n +1 -f "$run/edgesim.log" --pid "$edgesim_pid" &
    track tail "$!"
}

if [ -n "$duration" ]; then
    # Unattended: the edge simulator runs for the duration, then reports.
    show_progress
    edgesim_status=0
    wait "$edgesim_pid" || edgesim_status=$?
    forget "$edgesim_pid"
    edgesim_pid=""
    report=$(grep -E '^edgesim: sent ' "$run/edgesim.log") || { echo "demo: no report from the edge simulator (exit $edgesim_status)" >&2; exit 1; }
    read -r sent answered missing < <(sed -E 's/^edgesim: sent ([0-9]+), answered ([0-9]+), missing ([0-9]+).*/\1 \2 \3/' <<<"$report")
    ready=$(grep -E '^edgesim: [0-9]+/[0-9]+ edges ready' "$run/edgesim.log")
    for i in "${!names[@]}"; do
        case ${names[i]} in
        cxserver-* | platform-* | haproxy | zookeeper)
            kill -0 "${pids[i]}" 2>/dev/null || { echo "demo: ${names[i]} died:" >&2; tail -n 20 "$run/${names[i]}.log" >&2; exit 1; } ;;
        esac
    done
    if [ "$edgesim_status" != 0 ] || [ "$missing" != 0 ] || [ "$answered" = 0 ] \
        || [ "$sent" != "$answered" ] || ! grep -q "^edgesim: $edges/$edges edges ready" <<<"$ready"; then
        echo "demo: FAILED: exit $edgesim_status; $ready; sent $sent, answered $answered, missing $missing" >&2
        exit 1
    fi
    echo "demo: OK: $edges edges through HAProxy and 2 cxservers to 3 platform simulators: sent $sent, answered $answered, missing 0"
    exit 0
fi

echo "Live status of both cxservers (cxctl watch); Ctrl-C stops the demo."
# In the background, so that a signal to this script is handled at once (bash runs traps
# only between foreground commands); the terminal still shows it.
"$bin/cxctl" --socket "$run/cxserver-1.sock" --socket "$run/cxserver-2.sock" watch &
cxctl_pid=$!
track cxctl "$cxctl_pid"
wait "$cxctl_pid" || true
