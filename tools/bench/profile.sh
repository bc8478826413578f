#!/usr/bin/env bash
# Where cxserver's CPU goes (docs/performance.md, "Profile"): runs cxserver under
# valgrind --tool=callgrind (instruction counts, so the figures do not depend on what else
# the machine runs) while a few edges send a closed-loop load through it to three platform
# simulators, with instrumentation on only during the load, then prints the top functions by
# inclusive and by self cost. Everything it starts is stopped by PID on exit and on Ctrl-C.
#
# With --connect, profiles instead the set-up of --edges idle edges (accept, WebSocket
# handshake, AUTH, BIND; --tls: with a TLS handshake) arriving at --connect-rate per second.
# Usage: tools/bench/profile.sh [--build DIR] [--edges N] [--seconds N] [--body-size BYTES]
#            [--connect [--tls] [--connect-rate R]] [--top N] [--out FILE]  (FILE: callgrind.out)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source-path=SCRIPTDIR source=../dev/proc.sh
. "$root/tools/dev/proc.sh"
proc_prefix=profile
build=${CX_BUILD_DIR:-$root/build}
edges=20
seconds=20
body=200
top=25
out=""
connect=0
tls=0
connect_rate=20
while [ $# -gt 0 ]; do
    case $1 in
    --build) build=$2; shift ;;
    --edges) edges=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --body-size) body=$2; shift ;;
    --top) top=$2; shift ;;
    --out) out=$2; shift ;;
    --connect) connect=1 ;;
    --tls) tls=1 ;;
    --connect-rate) connect_rate=$2; shift ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "profile: unknown option $1" >&2; exit 1 ;;
    esac
    shift
done
bin=$build/bin
for tool in valgrind callgrind_annotate callgrind_control; do
    command -v "$tool" >/dev/null || { echo "profile: $tool is missing (apt-get install valgrind)" >&2; exit 1; }
done

run=$(mktemp -d -t cxprofile.XXXXXX)
cleanup() {
    local status=$?
    trap - INT TERM HUP EXIT
    stop_all 20
    if [ "$status" = 0 ]; then rm -rf "$run"; else echo "profile: logs in $run" >&2; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

app_key="profile-app-key-$RANDOM$RANDOM"
platforms=""
for i in 1 2 3; do
    start "platform-$i" "$bin/cxplatformsim" --app-key "$app_key" --port 0 --echo
    port=$(wait_for "platform-$i" 'listening on' 20 | sed 's/.*://')
    platforms+="${platforms:+, }\"ws://127.0.0.1:$port/Thingworx/WS\""
done
health=$(free_port)
ssl="ssl.enabled = false"
scheme=ws
if [ "$tls" = 1 ]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$run/server.key" \
        -out "$run/server.pem" -days 2 -subj "/CN=127.0.0.1" 2>/dev/null
    openssl pkcs12 -export -in "$run/server.pem" -inkey "$run/server.key" -out "$run/server.p12" \
        -passout pass:profile
    ssl="ssl.enabled = true, http-server.ssl.key-store { file = \"$run/server.p12\", password = \"profile\" }"
    scheme=wss
fi
cat >"$run/cxserver.conf" <<CONF
cx-server {
  transport.websockets.app-key = "$app_key"
  transport.websockets.platforms = [$platforms]
  protocol { host = "127.0.0.1", port = 0, $ssl }
  health.port = $health
  admin.socket = "$run/cxserver.sock"
  worker-threads = 1
}
CONF
start cxserver valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$run/callgrind.out" \
    "$bin/cxserver" --config "$run/cxserver.conf"
cx_pid=$started_pid
ready=$(wait_for cxserver 'ready: edges on' 120)
edge_port=$(sed -E 's/.*edges on [^ ]+:([0-9]+).*/\1/' <<<"$ready")
deadline=$((SECONDS + 60))
until http_get "$health" /health | grep -q '"connectedInstances":3'; do
    [ $SECONDS -lt $deadline ] || { echo "profile: cxserver did not connect to the simulators" >&2; exit 1; }
    sleep 0.2
done

if [ "$connect" = 1 ]; then
    echo "profile: set-up of $edges idle $scheme edges at $connect_rate/s by cxserver under callgrind" >&2
    callgrind_control -i on "$cx_pid" >/dev/null
    start edgesim "$bin/cxedgesim" --url "$scheme://127.0.0.1:$edge_port/Thingworx/WS" --app-key "$app_key" \
        --edges "$edges" --things 1 --idle --duration 1 --connect-rate "$connect_rate" --insecure \
        --connect-timeout-ms 60000
    wait_for edgesim '^edgesim ready' 600 >&2
    callgrind_control -i off "$cx_pid" >/dev/null
    wait_for edgesim '^\{' 120 >/dev/null
    answered=$(grep -E '^\{' "$run/edgesim.log" | grep -oE '"ready":[0-9]+' | head -n 1 | cut -d: -f2)
    unit="edges set up"
else
    echo "profile: $edges edges, closed loop, $body-byte bodies, ${seconds}s through cxserver under callgrind" >&2
    start edgesim "$bin/cxedgesim" --url "ws://127.0.0.1:$edge_port/Thingworx/WS" --app-key "$app_key" \
        --edges "$edges" --closed-loop 1 --body-size "$body" --duration "$seconds" --connect-timeout-ms 60000 \
        --timeout-ms 60000
    wait_for edgesim 'load started' 120 >/dev/null
    callgrind_control -i on "$cx_pid" >/dev/null
    wait_for edgesim '^edgesim: sent' $((seconds + 120)) >/dev/null
    callgrind_control -i off "$cx_pid" >/dev/null
    wait_for edgesim '^\{' 120 >/dev/null
    grep -E '^edgesim: (sent|[0-9.]+ msg/s)' "$run/edgesim.log" >&2
    answered=$(grep -E '^\{' "$run/edgesim.log" | grep -oE '"answered":[0-9]+' | head -n 1 | cut -d: -f2)
    unit="messages"
fi
stop "$cx_pid" 30 # callgrind writes its output as cxserver exits

# annotate INCLUSIVE(yes|no): "Ir (percent) function [object]" lines, the longest names cut.
annotate() {
    callgrind_annotate --inclusive="$1" --threshold=100 "$run/callgrind.out" 2>/dev/null \
        | grep -E '^ *[0-9,]+ \( *[0-9.]+%\) ' | grep -v 'PROGRAM TOTALS' \
        | sed -E 's#\(((QFlags|QtPrivate|std::)[^()]*|[^()]{60,})\)#(...)#g; s#/usr/lib/x86_64-linux-gnu/##; s#'"$root"'/##' \
        | cut -c1-200 | head -n "$top" || true
}
total=$(callgrind_annotate "$run/callgrind.out" 2>/dev/null | grep 'PROGRAM TOTALS' | awk '{ gsub(",", "", $1); print $1 }' || true)
echo "profile: $total instructions (user space; system calls not counted) for $answered $unit:" \
    "$((total / (answered > 0 ? answered : 1))) per $( [ "$connect" = 1 ] && echo "edge (accept, handshake, AUTH, BIND)" || echo "message (request in and out, response in and out)")"
echo
echo "== top $top by inclusive cost =="
annotate yes
echo
echo "== top $top by self cost =="
annotate no
if [ -n "$out" ]; then
    cp "$run/callgrind.out" "$out"
    echo "profile: callgrind output in $out (callgrind_annotate or kcachegrind)" >&2
fi
