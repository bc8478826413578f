# shellcheck shell=bash disable=SC2154 # run (and proc_prefix) are the sourcing script's
# Process helpers of the scripts that start a local cluster (tools/dev/demo.sh,
# tools/bench/bench.sh, tools/bench/profile.sh). Sourced, not run:
#     . "$root/tools/dev/proc.sh"
# The sourcing script sets, before it calls any of them:
#     run          the folder of the logs: a process started as NAME writes to $run/NAME.log
#     proc_prefix  the prefix of the messages printed here (default: the script's file name)
# and, on exit and on Ctrl-C, stops what it started, e.g.
#     cleanup() { local status=$?; trap - INT TERM HUP EXIT; stop_all 20; exit "$status"; }
#     trap cleanup EXIT; trap 'exit 130' INT TERM HUP
#
#   start NAME COMMAND...   COMMAND in the background, in a session of its own (Ctrl-C reaches
#                           only the script, which then stops everything by PID), stdin
#                           /dev/null, stdout and stderr to $run/NAME.log (created first, so it
#                           exists before anything reads it); records it; sets $started_pid
#   track NAME PID          records a process started otherwise (stopped like the others)
#   wait_for NAME REGEX [SECONDS]   prints the first line of NAME's log matching REGEX; fails,
#                           showing the log's tail, after SECONDS (default 30) or as soon as
#                           the process (the last one started as NAME) exited without it
#   wait_gone PID SECONDS   true once PID has exited (and reaps it); false after SECONDS
#   stop PID [SECONDS]      SIGTERM, wait up to SECONDS (default 20), SIGKILL; then forget
#   forget PID              no longer stopped by stop_all (it has exited)
#   stop_all SECONDS [PATTERN...]   stops every recorded process: those whose name matches one
#                           of the glob PATTERNs first, then the rest, newest first (SIGTERM to
#                           all of a round, then up to SECONDS each, then SIGKILL)
#   free_port               a TCP port on 127.0.0.1 that nothing listens on, below the
#                           ephemeral range (no outgoing connection takes it meanwhile)
#   http_get PORT PATH      the response (headers and body) of GET http://127.0.0.1:PORT/PATH,
#                           nothing if nothing listens (waits up to 10 s for the answer)
#   http_status PORT PATH   the status code of that GET, or 000
#
# State: pids and names, one entry per recorded process in start order (a stopped or forgotten
# process's pid becomes ""), and started_pid. All of it works under set -euo pipefail.

pids=()
names=()
started_pid=""

proc_say() { echo "${proc_prefix:-${0##*/}}: $*" >&2; }

track() {
    names+=("$1")
    pids+=("$2")
}

start() {
    local name=$1
    shift
    : >"$run/$name.log"
    setsid "$@" </dev/null >"$run/$name.log" 2>&1 &
    started_pid=$!
    track "$name" "$started_pid"
}

# (It is our child: bash reaps it as soon as it exits, and wait collects its status.)
wait_gone() {
    local deadline=$((SECONDS + $2))
    while kill -0 "$1" 2>/dev/null; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.05
    done
    wait "$1" 2>/dev/null || true
}

wait_for() {
    local name=$1 regex=$2 seconds=${3:-30} log=$run/$1.log pid="" i why
    local deadline=$((SECONDS + seconds))
    for ((i = ${#names[@]} - 1; i >= 0; i--)); do
        if [ "${names[i]}" = "$name" ]; then
            pid=${pids[i]}
            break
        fi
    done
    while :; do
        if grep -m1 -E "$regex" "$log" 2>/dev/null; then return 0; fi
        if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
            # It may have printed the line just before it exited.
            if grep -m1 -E "$regex" "$log" 2>/dev/null; then return 0; fi
            why="it is not running"
            [ -n "$pid" ] || why="no process of that name is running"
            break
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            why="within $seconds s"
            break
        fi
        sleep 0.05
    done
    proc_say "$name did not print '$regex' ($why); the end of $log:"
    tail -n 30 "$log" >&2 || true
    return 1
}

forget() {
    local i
    for i in "${!pids[@]}"; do
        if [ "${pids[i]}" = "$1" ]; then pids[i]=""; fi
    done
}

# proc_name PID: the name PID was recorded under.
proc_name() {
    local i
    for i in "${!pids[@]}"; do
        if [ "${pids[i]}" = "$1" ]; then
            echo "${names[i]}"
            return 0
        fi
    done
    echo process
}

stop() {
    local seconds=${2:-20}
    kill -TERM "$1" 2>/dev/null || true
    if ! wait_gone "$1" "$seconds"; then
        proc_say "$(proc_name "$1") (pid $1) did not stop within $seconds s: killing it"
        kill -KILL "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
    forget "$1"
}

# proc_first NAME PATTERN...: true if NAME matches one of the glob PATTERNs.
proc_first() {
    local name=$1 pattern
    shift
    for pattern in "$@"; do
        # shellcheck disable=SC2053 # a glob on purpose
        if [[ $name == $pattern ]]; then return 0; fi
    done
    return 1
}

stop_all() {
    local seconds=$1 round i
    shift
    for round in first rest; do
        if [ "$round" = first ] && [ $# = 0 ]; then continue; fi
        for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
            [ -n "${pids[i]}" ] || continue
            if [ "$round" = rest ] || proc_first "${names[i]}" "$@"; then
                kill -TERM "${pids[i]}" 2>/dev/null || true
            fi
        done
        for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
            [ -n "${pids[i]}" ] || continue
            if [ "$round" = rest ] || proc_first "${names[i]}" "$@"; then
                if ! wait_gone "${pids[i]}" "$seconds"; then
                    proc_say "${names[i]} (pid ${pids[i]}) did not stop within $seconds s: killing it"
                    kill -KILL "${pids[i]}" 2>/dev/null || true
                    wait "${pids[i]}" 2>/dev/null || true
                fi
                pids[i]=""
            fi
        done
    done
}

free_port() {
    # Below the kernel's ephemeral range: a port in it can be taken, between this check and
    # the bind, as the source port of an outgoing connection (the demo's cxservers open dozens),
    # and the bind then fails with "Address already in use".
    local port low=32768
    read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
    [ "$low" -gt 11024 ] || low=11024
    while :; do
        port=$((10000 + RANDOM % (low - 10000)))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || {
            echo "$port"
            return 0
        }
    done
}

# (In a subshell, so that the caller's descriptor 3 is left alone.)
http_get() (
    if { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null; then
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
        timeout 10 cat <&3 || true
        exec 3<&-
    fi
)

http_status() (
    status="000"
    if { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null; then
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
        read -r -t 5 _ status _ <&3 || true
        exec 3<&-
    fi
    echo "$status"
)
