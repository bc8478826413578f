#!/bin/sh
# Screenshots of every page of cxconfigurator's wizard, its editor and its live status view
# (fed by a demo status socket), in English and German, for docs/configurator.md and for
# checking layout (clipping, truncation) after UI or translation changes.
#
#   tools/screenshots/take-screenshots.sh OUTDIR [BUILD_DIR] [--xvfb]
#
# OUTDIR must be outside the source tree: screenshots are build output. The few shown in
# docs/configurator.md are copied by hand into docs/images/ after looking at them.
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

# At 1× into OUTDIR, at 2× (QT_SCALE_FACTOR=2, twice the pixels) into OUTDIR/2x; on a
# 3840×2160 screen, so that no window is shrunk to fit it.
screen=$(mktemp -t cxscreen.XXXXXX.json)
trap 'rm -f "$screen"' EXIT
echo '{"screens":[{"name":"shots","x":0,"y":0,"width":3840,"height":2160,"logicalDpi":96}]}' >"$screen"
for scale in 1 2; do
    dir=$out
    [ "$scale" = 1 ] || dir=$out/${scale}x
    mkdir -p "$dir"
    for lang in en de; do
        if [ "$mode" = "--xvfb" ]; then
            QT_SCALE_FACTOR=$scale xvfb-run -a -s "-screen 0 3840x2160x24" \
                "$binary" --lang "$lang" --screenshots "$dir"
        else
            QT_SCALE_FACTOR=$scale QT_QPA_PLATFORM="offscreen:configfile=$screen" \
                "$binary" --lang "$lang" --screenshots "$dir"
        fi
    done
done
echo "screenshots written to $out:"
ls "$out"
