#!/usr/bin/env bash
# Installs every Debian 12 package cxserver needs to build, test and run its demo.
# Safe to run again: apt-get skips what is already there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t packages < <(grep -v '^\s*#' "$here/debian-packages.txt" | grep -v '^\s*$')
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# Debian's source packages too: the ZooKeeper C client is built with SASL and TLS from
# Debian's own zookeeper source package (cmake/ZooKeeperClient.cmake, apt-get source).
sources=/etc/apt/sources.list.d/cxserver-src.sources
if [ ! -e "$sources" ]; then
    $sudo tee "$sources" >/dev/null <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
fi
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${packages[@]}"
