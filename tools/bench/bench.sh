#!/usr/bin/env bash
# cxserver benchmark (docs/performance.md): the same edge traffic through cxserver, through
# HAProxy 2.6 (mode http, balance roundrobin, each edge tunnelled straight to one platform
# simulator) and through nginx (Debian 12's package nginx: proxy_pass to an upstream of the
# three simulators, round robin, the WebSocket upgrade passed on, each edge tunnelled the same
# way), to the same three platform simulators, and, as a reference, straight to one simulator
# (the direct path). Prints one table at the end, and the same figures as one JSON line (also
# written to --json FILE).
#
# Run by hand on an otherwise idle machine; it is not a test. Everything it starts runs from a
# temporary directory and is stopped by PID on exit and on Ctrl-C.
#
# Workloads (--workloads, comma-separated):
#   a  --edges-a (200) edges, closed loop (1 request outstanding per edge), 200-byte bodies
#   b  --edges-b (2000) edges at a fixed --rate-b (10000) requests/s: latency at moderate load;
#      --rounds-b N repeats it N times, the paths in turn, to compare them in the same rounds
#   c  --edges-c (16) edges, closed loop, 64 KiB bodies: throughput in MB/s
#   d  idle authenticated edges (--idle-edges, e.g. 10000,50000), plain and TLS: RSS per edge
#   s  workload a through cxserver with worker-threads 1 and 2, nothing pinned: scaling
# Pinning (default on a machine with 2+ cores): the proxy (cxserver or HAProxy, one thread;
# nginx, one worker process) on CPU --proxy-cpu (0), the load generator and the simulators on
# CPU --load-cpu (1).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source-path=SCRIPTDIR source=../dev/proc.sh
. "$root/tools/dev/proc.sh"
proc_prefix=bench
build=${CX_BUILD_DIR:-$root/build}
workloads=a,b,c,d
seconds=10
idle_edges=10000,50000
idle_modes=plain,tls
paths=direct,cxserver,haproxy,nginx
edges_a=200
edges_b=2000
rate_b=10000
rounds_b=1
edges_c=16
connect_plain=800
connect_tls=150
pin=auto
proxy_cpu=0
load_cpu=1
json_out=""
keep=0

usage() {
    cat <<'USAGE'
Usage: tools/bench/bench.sh [options]
  --build DIR            binaries from DIR/bin (default: $CX_BUILD_DIR or build/)
  --workloads LIST       a,b,c,d,s (default a,b,c,d; s = worker-thread scaling 1 -> 2)
  --seconds N            load duration of workloads a, b, c and s (default 10)
  --idle-edges LIST      edge counts of workload d (default 10000,50000)
  --idle-modes LIST      plain,tls (default both)
  --paths LIST           direct,cxserver,haproxy,nginx (default all; direct is skipped in d)
  --edges-a N, --edges-b N, --rate-b R, --edges-c N   workload sizes (200, 2000, 10000, 16)
  --rounds-b N           run workload b N times (default 1), every path in each round
  --connect-rate-plain R, --connect-rate-tls R   new idle edges per second in workload d
                         (default 800 and 150, over all edge-simulator processes)
  --no-pin               do not pin processes to CPUs
  --proxy-cpu N, --load-cpu N   CPUs used when pinning (default 0 and 1)
  --json FILE            also write the JSON result line to FILE
  --keep                 keep the run directory (logs, configs) after the run
  -h, --help             this text
USAGE
}

while [ $# -gt 0 ]; do
    case $1 in
    --build) build=$2; shift ;;
    --workloads) workloads=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --idle-edges) idle_edges=$2; shift ;;
    --idle-modes) idle_modes=$2; shift ;;
    --paths) paths=$2; shift ;;
    --edges-a) edges_a=$2; shift ;;
    --edges-b) edges_b=$2; shift ;;
    --rate-b) rate_b=$2; shift ;;
    --edges-c) edges_c=$2; shift ;;
    --rounds-b) rounds_b=$2; shift ;;
    --connect-rate-plain) connect_plain=$2; shift ;;
    --connect-rate-tls) connect_tls=$2; shift ;;
    --no-pin) pin=0 ;;
    --proxy-cpu) proxy_cpu=$2; shift ;;
    --load-cpu) load_cpu=$2; shift ;;
    --json) json_out=$2; shift ;;
    --keep) keep=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; usage >&2; exit 1 ;;
    esac
    shift
done

die() { echo "bench: $*" >&2; exit 1; }
has() { [[ ",$1," == *",$2,"* ]]; }

bin=$build/bin
for program in cxserver cxplatformsim cxedgesim; do
    [ -x "$bin/$program" ] || die "$bin/$program is missing: build first (or --build DIR)"
done
for tool in haproxy taskset openssl ss; do
    command -v "$tool" >/dev/null || die "$tool is missing"
done
if has "$paths" nginx; then
    command -v nginx >/dev/null ||
        die "nginx is missing: install Debian's package nginx (apt-get install nginx), or leave nginx out of --paths"
fi
if [ "$pin" = auto ]; then
    if [ "$(nproc)" -ge 2 ]; then pin=1; else pin=0; fi
fi
ticks=$(getconf CLK_TCK)

# Idle edges need file descriptors: an edge simulator holds one per edge, cxserver one per
# edge, HAProxy and nginx two (edge side and platform side). Raise the soft limit to the hard
# one (root with CAP_SYS_RESOURCE may raise the hard one too); an idle run that needs more
# descriptors than one process may have is skipped and reported as such.
max_idle=0
if has "$workloads" d; then
    for n in ${idle_edges//,/ }; do [ "$n" -gt "$max_idle" ] && max_idle=$n; done
fi
want_files=$((2 * max_idle + 1000))
[ "$want_files" -lt 65536 ] && want_files=65536
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$want_files" ]; then
    ulimit -Hn "$want_files" 2>/dev/null || true
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
nofile=$(ulimit -n)
[ "$nofile" = unlimited ] && nofile=1048576
# HAProxy needs 2 * maxconn + a few descriptors.
haproxy_maxconn=$(((nofile - 100) / 2))
[ "$haproxy_maxconn" -gt $((max_idle + 10000)) ] && haproxy_maxconn=$((max_idle + 10000))
# nginx counts both sides of a tunnelled edge in worker_connections: the same edges as HAProxy.
nginx_connections=$((2 * haproxy_maxconn))
# Edges per edge-simulator process: its descriptors, and the ephemeral ports from one source
# address to one destination address and port (net.ipv4.ip_local_port_range, ~28,000).
ports=$(awk '{ print $2 - $1 - 1000 }' /proc/sys/net/ipv4/ip_local_port_range)
per_process=$((nofile - 500))
[ "$per_process" -gt "$ports" ] && per_process=$ports

run=$(mktemp -d -t cxbench.XXXXXX)
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
    local status=$?
    trap - INT TERM HUP EXIT
    if [ -n "${sleep_pid:-}" ]; then kill -TERM "$sleep_pid" 2>/dev/null || true; fi
    # The edge simulators first, while the proxies and simulators still answer their last
    # requests; then the rest, newest first.
    stop_all 20 'edgesim*'
    wait 2>/dev/null || true
    if [ "$keep" = 1 ] || [ "$status" != 0 ]; then
        echo "bench: logs and configs are in $run" >&2
    else
        rm -rf "$run"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# on_cpu CPU: the command prefix that pins a process to CPU ("taskset -c CPU"), or nothing
# when pinning is off or CPU is "-". Used as: start NAME $(on_cpu CPU) COMMAND...
on_cpu() { if [ "$pin" = 1 ] && [ "$1" != - ]; then echo "taskset -c $1"; fi; }

# Per-process figures from /proc: CPU ticks (user + system, all threads), RSS and peak RSS (KiB).
cpu_ticks() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || die "process $1 exited before it was measured"
    sed -E 's/^.*\) //' <<<"$stat" | awk '{ print $12 + $13 }'
}
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
now() { date +%s.%N; }
# loss_counters: "RETRANS DROPS", host-wide: TCP segments retransmitted (/proc/net/snmp) and
# packets dropped from the kernel's per-CPU input queues (/proc/net/softnet_stat, column 2).
# On loopback, a retransmission means an acknowledgement at least 10 ms late (a tail-loss
# probe) or a lost packet (200 ms or more): a latency row with either measured the host.
loss_counters() {
    local retrans drops=0 _cpu dropped _rest
    retrans=$(awk '/^Tcp:/ { if (!c) { for (i = 1; i <= NF; i++) if ($i == "RetransSegs") c = i } else print $c }' /proc/net/snmp)
    while read -r _cpu dropped _rest; do drops=$((drops + 16#$dropped)); done </proc/net/softnet_stat
    echo "$retrans $drops"
}
# cpu_times: "STEAL TOTAL", host-wide clock ticks from /proc/stat: time the hypervisor gave
# this guest's CPUs to others, and all time.
cpu_times() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print $9, t; exit }' /proc/stat; }
calc() { awk "BEGIN { printf \"%.${1}f\", $2 }"; }
# json_num FILE KEY: the first number after "KEY": in FILE's last JSON line.
json_num() { grep -E '^\{' "$1" | tail -n 1 | grep -oE "\"$2\":-?[0-9.e+]+" | head -n 1 | cut -d: -f2; }

app_key="bench-app-key-$RANDOM$RANDOM"

# ---- TLS material for workload d (EC P-256: the same certificate for all three proxies) ----
make_pki() {
    local dir=$run/pki
    mkdir -p "$dir"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$dir/ca.key" \
        -out "$dir/ca.pem" -days 2 -subj "/CN=cxserver bench CA" 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$dir/server.key" \
        -out "$dir/server.csr" -subj "/CN=127.0.0.1" 2>/dev/null
    printf 'basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n' >"$dir/server.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
        -out "$dir/server.pem" -extfile "$dir/server.ext" -days 2 2>/dev/null
    openssl pkcs12 -export -in "$dir/server.pem" -inkey "$dir/server.key" -certfile "$dir/ca.pem" \
        -out "$dir/server.p12" -passout "pass:bench"
    cat "$dir/server.pem" "$dir/server.key" "$dir/ca.pem" >"$dir/haproxy.pem"
    cat "$dir/server.pem" "$dir/ca.pem" >"$dir/chain.pem"
}

# ---- three platform simulators (they echo the request body back), on the load CPU -----------
# The simulators and the edge simulator wait with epoll (--epoll): with Qt's own event loop,
# each wake-up scans every socket, and with 2,000 edges that alone filled the load CPU.
sim_ports=()
sim_pids=()
for i in 1 2 3; do
    # shellcheck disable=SC2046 # on_cpu's words
    start "platform-$i" $(on_cpu "$load_cpu") "$bin/cxplatformsim" --app-key "$app_key" --id "platform-$i" \
        --port 0 --echo --epoll
    sim_pids+=("$started_pid")
    line=$(wait_for "platform-$i" 'listening on' 20)
    sim_ports+=("${line##*:}")
done

# ---- the proxies ------------------------------------------------------------------------------
proxy_pid=""
proxy_work_pid="" # the process measured: proxy_pid, or nginx's worker (proxy_pid is its master)
proxy_port=""
proxy_log=""
proxy_runs=0

# start_cxserver WORKERS TLS(0|1) ADDRESSES PIN(0|1)
start_cxserver() {
    local workers=$1 tls=$2 addresses=$3 pinned=$4 host=127.0.0.1 health platforms=""
    # More than one edge address: listen on all of them (0.0.0.0 is the only way to listen on
    # several addresses; the edges still only use 127.0.0.K).
    [ "$addresses" -gt 1 ] && host=0.0.0.0
    health=$(free_port)
    for port in "${sim_ports[@]}"; do
        platforms+="${platforms:+, }\"ws://127.0.0.1:$port/Thingworx/WS\""
    done
    local ssl="ssl.enabled = false"
    if [ "$tls" = 1 ]; then
        ssl="ssl.enabled = true, http-server.ssl.key-store { file = \"$run/pki/server.p12\", password = \"bench\" }"
    fi
    cat >"$run/cxserver.conf" <<CONF
cx-server {
  transport.websockets.app-key = "$app_key"
  transport.websockets.platforms = [$platforms]
  protocol { host = "$host", port = 0, $ssl }
  health.port = $health
  admin.socket = "$run/cxserver.sock"
  worker-threads = $workers
}
CONF
    proxy_log=cxserver-$((++proxy_runs))
    local cpu=-
    [ "$pinned" = 1 ] && cpu=$proxy_cpu
    # shellcheck disable=SC2046 # on_cpu's words
    start "$proxy_log" $(on_cpu "$cpu") "$bin/cxserver" --config "$run/cxserver.conf"
    proxy_pid=$started_pid
    local ready
    ready=$(wait_for "$proxy_log" 'ready: edges on' 30)
    proxy_port=$(sed -E 's/.*edges on [^ ]+:([0-9]+).*/\1/' <<<"$ready")
    # Every pipe to every simulator up before any edge comes.
    local deadline=$((SECONDS + 30))
    until http_get "$health" /health | grep -q '"connectedInstances":3'; do
        [ $SECONDS -lt $deadline ] || { tail -n 30 "$run/$proxy_log.log" >&2; die "cxserver did not connect to the 3 simulators"; }
        sleep 0.1
    done
}

# start_haproxy THREADS TLS(0|1) ADDRESSES PIN(0|1)
start_haproxy() {
    local threads=$1 tls=$2 addresses=$3 pinned=$4 k binds="" ssl=""
    proxy_port=$(free_port)
    [ "$tls" = 1 ] && ssl=" ssl crt $run/pki/haproxy.pem alpn http/1.1"
    for ((k = 1; k <= addresses; k++)); do
        binds+="    bind 127.0.0.$k:$proxy_port$ssl"$'\n'
    done
    cat >"$run/haproxy.cfg" <<CFG
global
    nbthread $threads
    maxconn $haproxy_maxconn
defaults
    mode http
    timeout connect 5s
    timeout client 2m
    timeout server 2m
    timeout http-request 10s
    timeout tunnel 2h
frontend edges
$binds    maxconn $haproxy_maxconn
    default_backend platforms
backend platforms
    balance roundrobin
    server platform-1 127.0.0.1:${sim_ports[0]}
    server platform-2 127.0.0.1:${sim_ports[1]}
    server platform-3 127.0.0.1:${sim_ports[2]}
CFG
    haproxy -q -c -f "$run/haproxy.cfg" || die "haproxy rejects $run/haproxy.cfg"
    proxy_log=haproxy-$((++proxy_runs))
    local cpu=-
    [ "$pinned" = 1 ] && cpu=$proxy_cpu
    # shellcheck disable=SC2046 # on_cpu's words
    start "$proxy_log" $(on_cpu "$cpu") haproxy -db -f "$run/haproxy.cfg"
    proxy_pid=$started_pid
    local deadline=$((SECONDS + 15))
    until (exec 3<>"/dev/tcp/127.0.0.1/$proxy_port") 2>/dev/null; do
        kill -0 "$proxy_pid" 2>/dev/null && [ $SECONDS -lt $deadline ] || { cat "$run/$proxy_log.log" >&2; die "HAProxy does not listen on $proxy_port"; }
        sleep 0.05
    done
}

# start_nginx TLS(0|1) ADDRESSES PIN(0|1): one worker process (the master only starts and stops
# it), as the current user, everything in $run (-p: no path of the package's is used).
start_nginx() {
    local tls=$1 addresses=$2 pinned=$3 k listens="" ssl="" user=""
    proxy_port=$(free_port)
    [ "$tls" = 1 ] && ssl=" ssl"
    for ((k = 1; k <= addresses; k++)); do
        listens+="        listen 127.0.0.$k:$proxy_port$ssl backlog=$haproxy_maxconn;"$'\n'
    done
    if [ "$tls" = 1 ]; then
        listens+="        ssl_certificate $run/pki/chain.pem;"$'\n'
        listens+="        ssl_certificate_key $run/pki/server.key;"$'\n'
    fi
    # As root, the worker would switch to the user nobody, who cannot enter $run.
    [ "$(id -u)" = 0 ] && user="user $(id -un) $(id -gn);"
    mkdir -p "$run/nginx"
    # proxy_buffer_size: the size of the tunnel's buffer in each direction, as HAProxy's
    # tune.bufsize (16 KiB); proxy_buffers (responses that are not upgraded) only to go with it.
    cat >"$run/nginx.conf" <<CONF
$user
daemon off;
master_process on;
worker_processes 1;
worker_rlimit_nofile $nofile;
pid $run/nginx.pid;
error_log $run/nginx-error.log warn;
events {
    worker_connections $nginx_connections;
}
http {
    access_log off;
    client_body_temp_path $run/nginx/client_body;
    proxy_temp_path $run/nginx/proxy;
    fastcgi_temp_path $run/nginx/fastcgi;
    uwsgi_temp_path $run/nginx/uwsgi;
    scgi_temp_path $run/nginx/scgi;
    client_header_timeout 10s;
    upstream platforms {
        server 127.0.0.1:${sim_ports[0]};
        server 127.0.0.1:${sim_ports[1]};
        server 127.0.0.1:${sim_ports[2]};
    }
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        '' close;
    }
    server {
$listens        location / {
            proxy_pass http://platforms;
            proxy_http_version 1.1;
            proxy_set_header Host \$http_host;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_connect_timeout 5s;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_buffer_size 16k;
            proxy_buffers 4 16k;
        }
    }
}
CONF
    local options=(-p "$run" -c "$run/nginx.conf" -e "$run/nginx-error.log")
    nginx -t -q "${options[@]}" || die "nginx rejects $run/nginx.conf"
    proxy_log=nginx-$((++proxy_runs))
    local cpu=-
    [ "$pinned" = 1 ] && cpu=$proxy_cpu
    # (The worker inherits the master's CPU affinity.)
    # shellcheck disable=SC2046 # on_cpu's words
    start "$proxy_log" $(on_cpu "$cpu") nginx "${options[@]}"
    proxy_pid=$started_pid
    local deadline=$((SECONDS + 15))
    # Listening (the master binds) and its worker forked (the master's one child).
    until (exec 3<>"/dev/tcp/127.0.0.1/$proxy_port") 2>/dev/null &&
        proxy_work_pid=$(awk '{ print $1 }' "/proc/$proxy_pid/task/$proxy_pid/children" 2>/dev/null) &&
        [ -n "$proxy_work_pid" ]; do
        if ! kill -0 "$proxy_pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
            cat "$run/$proxy_log.log" "$run/nginx-error.log" >&2
            die "nginx does not listen on $proxy_port"
        fi
        sleep 0.05
    done
}

# start_path PATH WORKERS TLS ADDRESSES PIN: the proxy for PATH; sets proxy_pid/proxy_port.
# The direct path has no proxy: its one simulator gets the proxy's CPU (when pinning), so
# that it is the best case that the proxies' figures are compared with, not a path starved by
# sharing the load core with the edge simulator.
start_path() {
    proxy_pid=""
    proxy_work_pid=""
    case $1 in
    direct)
        proxy_port=${sim_ports[0]}
        [ "$5" = 1 ] && taskset -acp "$proxy_cpu" "${sim_pids[0]}" >/dev/null
        ;;
    cxserver) start_cxserver "$2" "$3" "$4" "$5" ;;
    haproxy) start_haproxy "$2" "$3" "$4" "$5" ;;
    nginx) start_nginx "$3" "$4" "$5" ;;
    esac
    [ -n "$proxy_work_pid" ] || proxy_work_pid=$proxy_pid
}
# (nginx's master, stopped by SIGTERM, stops its worker and exits once it has gone.)
stop_path() {
    if [ -n "$proxy_pid" ]; then stop "$proxy_pid"; fi
    proxy_pid=""
    proxy_work_pid=""
    [ "$pin" = 1 ] && taskset -acp "$load_cpu" "${sim_pids[0]}" >/dev/null
    return 0
}

# ---- results ----------------------------------------------------------------------------------
load_rows=()  # workload|path|msg/s|MB/s|p50|p99|p999|cpu/100k|proxy cpu %|load cpu %|sims cpu %|peak RSS MiB|answered|missing|retransmitted|dropped|steal %
idle_rows=()  # mode|edges|path|ready|rss before KiB|rss after KiB|KiB per edge
json_items=()
declare -A fig_rate fig_cpu fig_p99 fig_loss fig_steal fig_kib # for the ratios against the targets

# load_run WORKLOAD PATH PIN EDGESIM-ARGS...: one load through the current proxy.
load_run() {
    local workload=$1 path=$2 pinned=$3
    shift 3
    local name="edgesim-$workload-$path"
    local url="ws://127.0.0.1:$proxy_port/Thingworx/WS"
    local cpu=-
    [ "$pinned" = 1 ] && cpu=$load_cpu
    echo "bench: workload $workload via $path: cxedgesim $* --duration $((seconds + 3))" >&2
    # The edge simulator runs 3 s longer than the measured window, which starts when it reports
    # that the load started: the window never includes its connecting nor its draining.
    # shellcheck disable=SC2046 # on_cpu's words
    start "$name" $(on_cpu "$cpu") "$bin/cxedgesim" --url "$url" --app-key "$app_key" --duration "$((seconds + 3))" \
        --connect-timeout-ms 30000 --epoll "$@"
    local edgesim=$started_pid
    wait_for "$name" 'load started' 120 >/dev/null
    local t0 c0 l0 g0 t1 c1 l1 g1 hwm="" p r0 d0 r1 d1 s0 a0 s1 a1
    read -r r0 d0 < <(loss_counters)
    read -r s0 a0 < <(cpu_times)
    t0=$(now)
    c0=0 l0=0
    [ -n "$proxy_work_pid" ] && c0=$(cpu_ticks "$proxy_work_pid")
    g0=$(cpu_ticks "$edgesim")
    for p in "${sim_pids[@]}"; do l0=$((l0 + $(cpu_ticks "$p"))); done
    sleep "$seconds" &
    sleep_pid=$!
    wait "$sleep_pid" # (a signal to this script interrupts wait at once, not sleep)
    sleep_pid=""
    t1=$(now)
    c1=0 l1=0
    [ -n "$proxy_work_pid" ] && { c1=$(cpu_ticks "$proxy_work_pid"); hwm=$(hwm_kib "$proxy_work_pid"); }
    g1=$(cpu_ticks "$edgesim")
    for p in "${sim_pids[@]}"; do l1=$((l1 + $(cpu_ticks "$p"))); done
    read -r r1 d1 < <(loss_counters)
    read -r s1 a1 < <(cpu_times)
    wait_gone "$edgesim" $((seconds + 60)) || die "$name did not finish"
    forget "$edgesim"
    local log=$run/$name.log
    grep -qE '^\{' "$log" || { tail -n 20 "$log" >&2; die "$name printed no JSON report"; }
    local rate mb p50 p99 p999 answered missing ready
    rate=$(json_num "$log" msgPerSec)
    mb=$(json_num "$log" mbPerSec)
    p50=$(json_num "$log" p50)
    p99=$(json_num "$log" p99)
    p999=$(json_num "$log" p999)
    answered=$(json_num "$log" answered)
    missing=$(json_num "$log" missing)
    ready=$(json_num "$log" ready)
    local wall cpu_s cpu100k="-" proxy_pct="-" sims_pct gen_pct rss="-" steal
    steal=$(calc 1 "($s1 - $s0) * 100 / ($a1 - $a0 + 1)")
    wall=$(calc 3 "$t1 - $t0")
    sims_pct=$(calc 0 "($l1 - $l0) / $ticks / $wall * 100")
    gen_pct=$(calc 0 "($g1 - $g0) / $ticks / $wall * 100")
    if [ -n "$proxy_work_pid" ]; then
        cpu_s=$(calc 4 "($c1 - $c0) / $ticks")
        cpu100k=$(calc 2 "$cpu_s / ($rate * $wall) * 100000")
        proxy_pct=$(calc 0 "$cpu_s / $wall * 100")
        rss=$(calc 1 "$hwm / 1024")
    fi
    fig_rate[$workload,$path]=$rate
    fig_cpu[$workload,$path]=$cpu100k
    fig_p99[$workload,$path]=$p99
    fig_loss[$workload,$path]=$((r1 - r0 + d1 - d0))
    fig_steal[$workload,$path]=$steal
    load_rows+=("$workload|$path|$(calc 0 "$rate")|$(calc 1 "$mb")|$p50|$p99|$p999|$cpu100k|$proxy_pct|$gen_pct|$sims_pct|$rss|$answered|$missing|$((r1 - r0))|$((d1 - d0))|$steal")
    json_items+=("{\"workload\":\"$workload\",\"path\":\"$path\",\"edges\":$ready,\"msgPerSec\":$(calc 1 "$rate"),\"mbPerSec\":$(calc 2 "$mb"),\"latencyUs\":{\"p50\":$p50,\"p99\":$p99,\"p999\":$p999},\"cpuSecPer100k\":$( [ "$cpu100k" = - ] && echo null || echo "$cpu100k"),\"proxyCpuPercent\":$( [ "$proxy_pct" = - ] && echo null || echo "$proxy_pct"),\"edgesimCpuPercent\":$gen_pct,\"simulatorsCpuPercent\":$sims_pct,\"peakRssMiB\":$( [ "$rss" = - ] && echo null || echo "$rss"),\"answered\":$answered,\"missing\":$missing,\"retransmittedSegments\":$((r1 - r0)),\"backlogDrops\":$((d1 - d0)),\"stealPercent\":$steal}")
    [ "$missing" = 0 ] || echo "bench: warning: $missing requests unanswered in workload $workload via $path" >&2
}

# idle_run MODE(plain|tls) EDGES PATH: RSS per idle authenticated edge.
idle_run() {
    local mode=$1 edges=$2 path=$3 tls=0 scheme=ws
    [ "$mode" = tls ] && { tls=1; scheme=wss; }
    # One edge-simulator process per $per_process edges, each to its own destination address
    # 127.0.0.K (see per_process above).
    local processes=$(((edges + per_process - 1) / per_process))
    local need=$((edges + 200))
    case $path in haproxy | nginx) need=$((2 * edges + 200)) ;; esac
    if [ "$need" -gt "$nofile" ]; then
        echo "bench: workload d ($mode) via $path: $edges edges need $need descriptors in one process; ulimit -n is $nofile: skipped" >&2
        idle_rows+=("$mode|$edges|$path|-|-|-|skipped: needs $need fds, ulimit -n $nofile|")
        json_items+=("{\"workload\":\"d\",\"mode\":\"$mode\",\"path\":\"$path\",\"edges\":$edges,\"skipped\":\"needs $need file descriptors, ulimit -n is $nofile\"}")
        return 0
    fi
    start_path "$path" 1 "$tls" "$processes" "$pin"
    sleep 0.5
    local before cpu_before
    before=$(rss_kib "$proxy_work_pid")
    cpu_before=$(cpu_ticks "$proxy_work_pid")
    echo "bench: workload d ($mode) via $path: $edges idle edges from $processes process(es)" >&2
    local k share rest=$edges sims=() total_rate=$connect_plain rate
    [ "$tls" = 1 ] && total_rate=$connect_tls
    rate=$(((total_rate + processes - 1) / processes))
    for ((k = 1; k <= processes; k++)); do
        share=$(((rest + processes - k) / (processes - k + 1)))
        rest=$((rest - share))
        local extra=()
        [ "$tls" = 1 ] && extra=(--insecure)
        # shellcheck disable=SC2046 # on_cpu's words
        start "edgesim-d-$mode-$edges-$path-$k" $(on_cpu "$load_cpu") "$bin/cxedgesim" \
            --url "$scheme://127.0.0.$k:$proxy_port/Thingworx/WS" --app-key "$app_key" \
            --edges "$share" --endpoint-base $(((k - 1) * per_process + 1)) --things 1 --idle \
            --duration 3600 --connect-rate "$rate" --connect-timeout-ms 60000 --epoll "${extra[@]}" \
            --ping-interval-ms 20000
        sims+=("$started_pid")
    done
    # Connecting takes edges / rate seconds; twice that, plus the edges' connect timeout (60 s).
    local ready=0 line connect_wait=$((edges * 2 / total_rate + 60))
    for ((k = 1; k <= processes; k++)); do
        line=$(wait_for "edgesim-d-$mode-$edges-$path-$k" '^edgesim ready ' "$connect_wait")
        ready=$((ready + $(sed -E 's/^edgesim ready ([0-9]+)\/.*/\1/' <<<"$line")))
    done
    sleep 2 # let the last handshakes' buffers go
    local after cpu_after held
    after=$(rss_kib "$proxy_work_pid")
    cpu_after=$(cpu_ticks "$proxy_work_pid")
    # The edges the proxy holds now: connections established to its port. Idle edges ping
    # every 20 s (cxserver closes edges silent for idleReadTimeout, 60 s by default): without
    # that, the first edges of a slow TLS ramp were gone before the last arrived.
    held=$(ss -Htn state established "( sport = :$proxy_port )" | wc -l)
    [ "$held" -lt "$ready" ] && ready=$held
    for k in "${sims[@]}"; do stop "$k"; done
    stop_path
    local per="-" setup="-"
    if [ "$ready" -gt 0 ]; then
        per=$(calc 1 "($after - $before) / $ready")
        setup=$(calc 3 "($cpu_after - $cpu_before) * 1000 / $ticks / $ready")
    fi
    fig_kib[$mode,$edges,$path]=$per
    idle_rows+=("$mode|$edges|$path|$ready|$before|$after|$per|$setup")
    json_items+=("{\"workload\":\"d\",\"mode\":\"$mode\",\"path\":\"$path\",\"edges\":$edges,\"ready\":$ready,\"rssBeforeKiB\":$before,\"rssAfterKiB\":$after,\"kibPerEdge\":$( [ "$per" = - ] && echo null || echo "$per"),\"setupCpuMsPerEdge\":$( [ "$setup" = - ] && echo null || echo "$setup")}")
    [ "$ready" = "$edges" ] || echo "bench: warning: only $ready of $edges edges ready ($mode via $path)" >&2
}

started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
if [ "$pin" = 1 ]; then
    echo "bench: proxy pinned to CPU $proxy_cpu; simulators and load generator pinned to CPU $load_cpu" >&2
fi

# ---- a, b, c: the same load via each path ---------------------------------------------------
# Workload b with --rounds-b N > 1 is labelled b.1 ... b.N.
b_labels=(b)
[ "$rounds_b" -gt 1 ] && mapfile -t b_labels < <(seq -f 'b.%g' 1 "$rounds_b")
for w in a "${b_labels[@]}" c; do
    has "$workloads" "${w%%.*}" || continue
    case $w in
    a) args=(--edges "$edges_a" --closed-loop 1 --body-size 200) ;;
    b*) args=(--edges "$edges_b" --rate "$rate_b" --body-size 200 --connect-rate 5000) ;;
    c) args=(--edges "$edges_c" --closed-loop 1 --body-size 65536) ;;
    esac
    for path in ${paths//,/ }; do
        start_path "$path" 1 0 1 "$pin"
        load_run "$w" "$path" "$pin" "${args[@]}"
        stop_path
    done
done

# ---- s: cxserver worker-threads 1 -> 2, nothing pinned ---------------------------------------
if has "$workloads" s; then
    saved_pin=$pin
    pin=0
    for p in "${sim_pids[@]}"; do taskset -acp "0-$(($(nproc) - 1))" "$p" >/dev/null; done
    for workers in 1 2; do
        start_path cxserver "$workers" 0 1 0
        load_run "s$workers" cxserver 0 --edges "$edges_a" --closed-loop 1 --body-size 200 --threads 2
        stop_path
    done
    pin=$saved_pin
    if [ "$pin" = 1 ]; then
        for p in "${sim_pids[@]}"; do taskset -acp "$load_cpu" "$p" >/dev/null; done
    fi
fi

# ---- d: idle edges ----------------------------------------------------------------------------
if has "$workloads" d; then
    has "$idle_modes" tls && make_pki
    for mode in ${idle_modes//,/ }; do
        for edges in ${idle_edges//,/ }; do
            for path in ${paths//,/ }; do
                [ "$path" = direct ] && continue
                idle_run "$mode" "$edges" "$path"
            done
        done
    done
fi

# ---- the table ------------------------------------------------------------------------------------
{
    echo
    echo "cxserver benchmark, $started_at, $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $( [ "$pin" = 1 ] && echo "proxy on CPU $proxy_cpu, load on CPU $load_cpu" || echo "not pinned")"
    echo "$("$bin/cxserver" --version 2>/dev/null | head -n 1 || true); $(haproxy -v | head -n 1 | cut -d' ' -f1-3)$(has "$paths" nginx && nginx -v 2>&1 | head -n 1 | sed -E 's|^nginx version: nginx/|; nginx version |'); load ${seconds}s per run"
    if [ ${#load_rows[@]} -gt 0 ]; then
        echo
        printf '%-3s %-9s %9s %8s %7s %7s %7s %10s %6s %6s %6s %8s %8s %6s %6s %6s\n' wl path "msg/s" "MB/s" "p50us" "p99us" "p999us" "cpu/100k" "prx%" "gen%" "sims%" "rssMiB" missing retx drop "steal%"
        for row in "${load_rows[@]}"; do
            IFS='|' read -r w p r m a b c cpu pp gp sp rss _ miss retx drop steal <<<"$row"
            printf '%-3s %-9s %9s %8s %7s %7s %7s %10s %6s %6s %6s %8s %8s %6s %6s %6s\n' "$w" "$p" "$r" "$m" "$a" "$b" "$c" "$cpu" "$pp" "$gp" "$sp" "$rss" "$miss" "$retx" "$drop" "$steal"
        done
    fi
    if [ ${#idle_rows[@]} -gt 0 ]; then
        echo
        printf '%-5s %7s %-9s %7s %11s %11s %9s %11s\n' mode edges path ready "rss0 KiB" "rss KiB" "KiB/edge" "setup ms"
        for row in "${idle_rows[@]}"; do
            IFS='|' read -r mo e p r b a per setup <<<"$row"
            printf '%-5s %7s %-9s %7s %11s %11s %9s %11s\n' "$mo" "$e" "$p" "$r" "$b" "$a" "$per" "$setup"
        done
    fi
    # The targets of the data-plane issue (docs/performance.md), from this run's figures (only
    # those this run measured); the ratios against nginx, the second peer, beside them.
    targets=()
    verdict() { awk "BEGIN { print ($1) ? \"met\" : \"NOT met\" }"; }
    for w in a "${b_labels[@]}"; do
        [ -n "${fig_cpu[$w,cxserver]:-}" ] || continue
        limit=0.7
        [ "$w" = a ] && limit=0.5
        if [ -n "${fig_cpu[$w,haproxy]:-}" ]; then
            c=$(calc 2 "${fig_cpu[$w,cxserver]} / ${fig_cpu[$w,haproxy]}")
            targets+=("($w) CPU per message cxserver/HAProxy = $c (target <= $limit: $(verdict "$c <= $limit"))")
        fi
        if [ -n "${fig_cpu[$w,nginx]:-}" ]; then
            targets+=("($w) CPU per message cxserver/nginx = $(calc 2 "${fig_cpu[$w,cxserver]} / ${fig_cpu[$w,nginx]}")")
        fi
    done
    for peer in haproxy nginx; do
        if [ -n "${fig_rate[a,cxserver]:-}" ] && [ -n "${fig_rate[a,$peer]:-}" ]; then
            targets+=("(a) throughput cxserver/${peer/haproxy/HAProxy} = $(calc 2 "${fig_rate[a,cxserver]} / ${fig_rate[a,$peer]}")")
        fi
    done
    # (b) per round; the verdict only from quiet rounds: neither the direct path nor cxserver
    # saw loopback loss (see loss_counters) or more than 1 % steal (the host's stalls).
    clean=0 worst=""
    for w in "${b_labels[@]}"; do
        for path in cxserver haproxy nginx; do
            [ -n "${fig_p99[$w,$path]:-}" ] && [ -n "${fig_p99[$w,direct]:-}" ] || continue
            d=$(calc 2 "(${fig_p99[$w,$path]} - ${fig_p99[$w,direct]}) / 1000")
            loss=$((fig_loss[$w,$path] + fig_loss[$w,direct]))
            quiet=$(awk "BEGIN { print ($loss == 0 && ${fig_steal[$w,$path]} <= 1 && ${fig_steal[$w,direct]} <= 1) }")
            note="quiet: no loopback loss, steal <= 1 %"
            [ "$quiet" = 1 ] || note="not quiet: $loss segments lost, steal ${fig_steal[$w,direct]} % / ${fig_steal[$w,$path]} %"
            targets+=("($w) p99 added by $path over the direct path = $d ms ($note)")
            if [ "$path" = cxserver ] && [ "$quiet" = 1 ]; then
                clean=$((clean + 1))
                if [ -z "$worst" ] || awk "BEGIN { exit !($d > $worst) }"; then worst=$d; fi
            fi
        done
    done
    if [ -n "${fig_p99[${b_labels[0]},direct]:-}" ] && [ -n "${fig_p99[${b_labels[0]},cxserver]:-}" ]; then
        if [ "$clean" = 0 ]; then
            targets+=("(b) p99 added by cxserver (target <= 0.5 ms): not shown, no quiet round")
        else
            targets+=("(b) p99 added by cxserver, worst of $clean quiet round(s) = $worst ms (target <= 0.5 ms: $(verdict "$worst <= 0.5"))")
        fi
    fi
    for mode in plain tls; do
        limit=2.5
        [ "$mode" = tls ] && limit=8
        for edges in ${idle_edges//,/ }; do
            k=${fig_kib[$mode,$edges,cxserver]:-}
            [ -n "$k" ] && [ "$k" != - ] || continue
            targets+=("(d) $mode: $k KiB per idle edge at $edges edges (target <= $limit KiB: $(verdict "$k <= $limit"))")
        done
    done
    if [ -n "${fig_rate[s1,cxserver]:-}" ] && [ -n "${fig_rate[s2,cxserver]:-}" ]; then
        targets+=("(s) throughput worker-threads 2 / 1 = $(calc 2 "${fig_rate[s2,cxserver]} / ${fig_rate[s1,cxserver]}")")
    fi
    if [ ${#targets[@]} -gt 0 ]; then
        echo
        printf '%s\n' "${targets[@]}"
    fi
    echo
    echo "cpu/100k: CPU seconds (user+sys) of the proxy process per 100,000 messages; prx%/gen%/sims%:"
    echo "CPU use of the proxy / the edge simulator / the three simulators; rssMiB: the proxy's"
    echo "peak RSS; KiB/edge: (RSS with the edges - RSS before) / edges held (ready); setup ms: the proxy's"
    echo "CPU milliseconds per edge to accept, handshake (TLS, WebSocket), AUTH and BIND it."
    echo "retx/drop: TCP segments retransmitted / packets dropped from the kernel's input queues,"
    echo "host-wide, during the measured window (loopback loss: the host stalled); steal%: CPU time"
    echo "the hypervisor gave to other guests, host-wide, in the same window."
}
items=$(IFS=,; echo "${json_items[*]}")
json="{\"startedAt\":\"$started_at\",\"cpus\":$(nproc),\"pinned\":$([ "$pin" = 1 ] && echo true || echo false),\"seconds\":$seconds,\"results\":[$items]}"
echo "$json"
if [ -n "$json_out" ]; then echo "$json" >"$json_out"; fi
exit 0
