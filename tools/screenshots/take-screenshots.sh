#!/bin/sh
# Screenshots of every page of cxconfigurator's wizard, its editor and its live status view
# (fed by a demo status socket), in English and German, for docs/configurator.md and for
# checking layout (clipping, truncation) after UI or translation changes.
#
#   tools/screenshots/take-screenshots.sh OUTDIR [BUILD_DIR] [--xvfb]
#
# OUTDIR must be outside the source tree: screenshots are build output, never committed.
# BUILD_DIR defaults to ./build. Rendering uses Qt's offscreen platform; --xvfb renders
# through a real X server instead (xvfb-run, packages xvfb and xauth).
set -eu

if [ $# -lt 1 ]; then
    echo "usage: $0 OUTDIR [BUILD_DIR] [--xvfb]" >&2
    exit 2
fi
out=$1
build=${2:-build}
mode=${3:-}
if [ "$build" = "--xvfb" ]; then
    mode=--xvfb
    build=build
fi

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
out=$(realpath -m "$out")
case "$out/" in
    "$source_dir"/*)
        echo "$0: OUTDIR $out is inside the source tree; choose a folder outside it" >&2
        exit 2
        ;;
esac
mkdir -p "$out"

binary=$build/bin/cxconfigurator
if [ ! -x "$binary" ]; then
    echo "$0: $binary not found; build the cxconfigurator target first" >&2
    exit 1
fi

for lang in en de; do
    if [ "$mode" = "--xvfb" ]; then
        xvfb-run -a -s "-screen 0 1280x1024x24" "$binary" --lang "$lang" --screenshots "$out"
    else
        QT_QPA_PLATFORM=offscreen "$binary" --lang "$lang" --screenshots "$out"
    fi
done
echo "screenshots written to $out:"
ls "$out"
