#!/usr/bin/env bash
# The shipped HAProxy configuration (installer/haproxy/haproxy.cfg) rewritten to run on
# 127.0.0.1 without root, for the demo and the tests: log to stderr; no chroot, user, stats
# socket, daemon or fixed maxconn; the frontend binds 127.0.0.1:PORT without TLS; every
# backend's example servers become the given cxservers. Prints it on stdout.
#
#   tools/dev/haproxy-local.sh PORT EDGE_PORT:HEALTH_PORT...
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=$1
shift
servers=""
i=0
for server in "$@"; do
    i=$((i + 1))
    servers+="    server cx$i 127.0.0.1:${server%%:*} port ${server##*:}"$'\n'
done
sed -E \
    -e 's|^(\s*)log /dev/log.*|\1log stderr format short local0 notice|' \
    -e '/^\s*(chroot|user|group|daemon|stats socket|maxconn)\b/d' \
    -e "s|^(\s*)bind .*|\1bind 127.0.0.1:$port|" \
    "$root/installer/haproxy/haproxy.cfg" |
    awk -v servers="$servers" \
        '/^backend /{done=0} /^[ \t]*server /{if(!done){printf "%s", servers; done=1}; next} {print}'
