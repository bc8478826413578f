#!/usr/bin/env bash
# Packaging checks run by CTest (tests/packaging/CMakeLists.txt):
#   packaging.sh deb       BUILD SOURCE   cpack -G DEB into BUILD/tests/packaging/deb
#   packaging.sh lintian   BUILD SOURCE   lintian on that .deb: no errors
#   packaging.sh unit      BUILD SOURCE   systemd-analyze verify the unit as installed
#   packaging.sh installed BUILD SOURCE   dpkg -x the .deb; the installed cxserver checks the
#                                         installed samples and runs with its installed plugins
#   packaging.sh configurator BUILD SOURCE dpkg -x both .debs: the desktop entry validates
#                                         and names the installed program and icon; the
#                                         service package does not depend on Qt Widgets
#   packaging.sh mingw     BUILD SOURCE   the Qt-free Windows service code with MinGW
#   packaging.sh nsis      BUILD SOURCE   cpack -G NSIS: makensis compiles the installer
set -euo pipefail
check=$1
build=$(cd "$2" && pwd)
source=$(cd "$3" && pwd)
debdir=$build/tests/packaging/deb
scratch=$(mktemp -d -t cxpackaging.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT

need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || {
            echo "FAIL: $tool is missing (tools/dev/install-deps.sh installs it)" >&2
            exit 1
        }
    done
}

the_deb() {
    local debs=("$debdir"/cxserver_*.deb)
    [ -f "${debs[0]}" ] || { echo "FAIL: no .deb in $debdir (test packaging_deb)" >&2; exit 1; }
    echo "${debs[0]}"
}

the_configurator_deb() {
    local debs=("$debdir"/cxserver-configurator_*.deb)
    [ -f "${debs[0]}" ] || { echo "FAIL: no configurator .deb in $debdir (test packaging_deb)" >&2; exit 1; }
    echo "${debs[0]}"
}

# Extracts the package into $scratch/root, as dpkg would install it (no maintainer scripts).
extract() {
    need dpkg
    dpkg -x "$(the_deb)" "$scratch/root"
}

# wait_for FILE REGEX SECONDS: the first matching line, or failure with the file.
wait_for() {
    local deadline=$((SECONDS + $3))
    while [ $SECONDS -lt $deadline ]; do
        if grep -m1 -E "$2" "$1" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "FAIL: no line matching '$2' in $1 within $3 s:" >&2
    cat "$1" >&2
    return 1
}

case $check in
deb)
    need cpack dpkg-deb dpkg-shlibdeps fakeroot
    rm -rf "$debdir"
    cpack -G DEB --config "$build/CPackConfig.cmake" -B "$debdir"
    deb=$(the_deb)
    dpkg-deb --info "$deb"
    dpkg-deb --contents "$deb"
    # Nothing but the shipped programs: no simulators, no tests.
    if dpkg-deb --contents "$deb" | grep -E 'cxplatformsim|cxedgesim|/tst_|tests/'; then
        echo "FAIL: the package holds test programs" >&2
        exit 1
    fi
    ;;
lintian)
    need lintian
    for deb in "$(the_deb)" "$(the_configurator_deb)"; do
        # --fail-on error: warnings are reported, errors fail the test.
        lintian --fail-on error --tag-display-limit 0 "$deb"
        echo "lintian: no errors in $(basename "$deb")"
    done
    ;;
configurator)
    need desktop-file-validate
    deb=$(the_deb)
    if dpkg-deb -f "$deb" Depends | grep -E 'libqt6widgets|libqt6gui'; then
        echo "FAIL: the service package depends on the Qt GUI" >&2
        exit 1
    fi
    # The ZooKeeper client links Cyrus SASL, whose mechanisms are modules of their own.
    for module in libsasl2-modules libsasl2-modules-gssapi-mit; do
        dpkg-deb -f "$deb" Recommends | grep -qw "$module" || {
            echo "FAIL: the service package does not recommend $module" >&2
            exit 1
        }
    done
    configurator=$(the_configurator_deb)
    dpkg-deb -f "$configurator" Depends | grep -q "cxserver (= $(dpkg-deb -f "$deb" Version))" || {
        echo "FAIL: the configurator does not depend on this very cxserver package" >&2
        exit 1
    }
    extract
    dpkg -x "$configurator" "$scratch/root"
    root=$scratch/root
    entry=$root/usr/share/applications/cxconfigurator.desktop
    desktop-file-validate "$entry"
    echo "desktop-file-validate: $(basename "$entry") is valid"
    exec_line=$(sed -n 's/^Exec=//p' "$entry")
    icon=$(sed -n 's/^Icon=//p' "$entry")
    [ -x "$root/usr/bin/${exec_line%% *}" ] || {
        echo "FAIL: Exec=$exec_line is not an installed program" >&2
        exit 1
    }
    [ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || {
        echo "FAIL: Icon=$icon is not installed" >&2
        exit 1
    }
    # The installed configurator loads libcxcore from the service package's private folder
    # and starts.
    unset LD_LIBRARY_PATH
    bin=$root/usr/bin/cxconfigurator
    cxcore=$(ldd "$bin" | sed -nE 's/.*libcxcore\.so => (\S+) .*/\1/p')
    [ "$(realpath "$cxcore")" = "$(realpath "$root/usr/lib/cxserver/libcxcore.so")" ] || {
        echo "FAIL: cxconfigurator does not load libcxcore from $root/usr/lib/cxserver" >&2
        exit 1
    }
    version=$(QT_QPA_PLATFORM=offscreen "$bin" --version)
    echo "installed: $version"
    case $version in "cxconfigurator "*) ;; *) echo "FAIL: cxconfigurator --version: $version" >&2; exit 1 ;; esac
    ;;
unit)
    need systemd-analyze
    extract
    unit=$scratch/root/usr/lib/systemd/system/cxserver.service
    cmp "$unit" "$source/installer/systemd/cxserver.service"
    # Inside the extracted root, where ExecStart=/usr/bin/cxserver exists, completed with the
    # host's system units (sysinit.target, ...) and kill (ExecReload) as a Debian system has
    # them; any message (unknown setting, bad value, missing binary) is a failure.
    cp -a --no-clobber /lib/systemd/system/. "$scratch/root/usr/lib/systemd/system/"
    cp "$(type -P kill)" "$scratch/root/usr/bin/kill"
    ln -s usr/bin "$scratch/root/bin"
    out=$(systemd-analyze verify --root="$scratch/root" /usr/lib/systemd/system/cxserver.service 2>&1) || {
        echo "$out" >&2
        echo "FAIL: systemd-analyze verify" >&2
        exit 1
    }
    if [ -n "$out" ]; then
        echo "$out" >&2
        echo "FAIL: systemd-analyze verify reported the above" >&2
        exit 1
    fi
    echo "systemd-analyze verify: cxserver.service is clean"
    ;;
installed)
    extract
    root=$scratch/root
    bin=$root/usr/bin/cxserver
    # The RPATH finds libcxcore in the extracted tree: no LD_LIBRARY_PATH.
    unset LD_LIBRARY_PATH
    cxcore=$(ldd "$bin" | sed -nE 's/.*libcxcore\.so => (\S+) .*/\1/p')
    echo "libcxcore: $cxcore"
    [ "$(realpath "$cxcore")" = "$(realpath "$root/usr/lib/cxserver/libcxcore.so")" ] || {
        echo "FAIL: cxserver does not load libcxcore from $root/usr/lib/cxserver" >&2
        exit 1
    }
    if ldd "$bin" | grep 'not found'; then exit 1; fi
    "$bin" --version
    for sample in cxserver-sample.conf cxserver-ha-sample.conf; do
        "$bin" --config "$root/usr/share/cxserver/$sample" --check-config
        echo "check-config: $sample is valid"
    done
    # What postinst does to the sample on a first install.
    cp "$root/usr/share/cxserver/cxserver-sample.conf" "$scratch/cxserver.conf"
    "$bin" config set "$scratch/cxserver.conf" admin.socket /run/cxserver/cxserver.sock
    "$bin" --config "$scratch/cxserver.conf" --check-config
    grep -n 'admin.socket' "$scratch/cxserver.conf"
    "$bin" --config "$scratch/cxserver.conf" --dump-config | grep -q '"socket":"/run/cxserver/cxserver.sock"' || {
        echo "FAIL: admin.socket is not /run/cxserver/cxserver.sock after config set" >&2
        exit 1
    }
    "$bin" config new-key --key-file "$scratch/cxserver.key"
    [ "$(stat -c %a "$scratch/cxserver.key")" = 400 ]
    # The installed binary runs with no plugin-path key: it finds the routing and
    # discovery plugins in <root>/usr/lib/cxserver/plugins (CX_INSTALLED_PLUGIN_DIR).
    cat >"$scratch/run.conf" <<CONF
cx-server {
  transport.websockets.app-key = "packaging-test"
  transport.websockets.platforms = ["ws://127.0.0.1:9/Thingworx/WS"]
  protocol { host = "127.0.0.1", port = 0, ssl.enabled = false }
  health.port = 0
  admin.socket = "$scratch/admin.sock"
}
CONF
    "$bin" --config "$scratch/run.conf" >"$scratch/run.log" 2>&1 &
    pids+=($!)
    wait_for "$scratch/run.log" 'ready: edges on' 20
    kill -TERM "${pids[0]}"
    wait "${pids[0]}"
    echo "the installed cxserver ran with its installed plugins"
    # What postinst does on a first install: a self-signed edge keystore and TLS on, then a
    # TLS handshake with the installed cxserver (group root here: no cxserver account).
    keystore=$scratch/edge.p12
    password=$("$root/usr/lib/cxserver/make-edge-keystore" "$keystore" root)
    [ "$(stat -c %a "$keystore")" = 640 ]
    if "$root/usr/lib/cxserver/make-edge-keystore" "$keystore" root 2>/dev/null; then
        echo "FAIL: make-edge-keystore overwrote $keystore" >&2
        exit 1
    fi
    sed -i 's/ssl.enabled = false/ssl.enabled = true/' "$scratch/run.conf"
    "$bin" config set "$scratch/run.conf" protocol.http-server.ssl.key-store.file "$keystore"
    "$bin" config set "$scratch/run.conf" protocol.http-server.ssl.key-store.password "$password"
    "$bin" --config "$scratch/run.conf" --check-config
    "$bin" --config "$scratch/run.conf" >"$scratch/tls.log" 2>&1 &
    pids+=($!)
    port=$(wait_for "$scratch/tls.log" 'ready: edges on' 20 | sed -nE 's/.*edges on [^ ]+:([0-9]+) .*/\1/p')
    subject=$(openssl s_client -connect "127.0.0.1:$port" </dev/null 2>/dev/null | grep -m1 '^subject=')
    echo "edge certificate: $subject"
    case $subject in *"CN = $(hostname -f 2>/dev/null || hostname)"*) ;; *)
        echo "FAIL: the edge certificate is not the host's self-signed one" >&2
        exit 1 ;;
    esac
    kill -TERM "${pids[1]}"
    wait "${pids[1]}"
    echo "the installed cxserver served TLS with the postinst keystore"
    ;;
mingw)
    need x86_64-w64-mingw32-g++
    pure=(eventlog scmcontrol scmservice win32error)
    for name in "${pure[@]}"; do
        if grep -nE '#\s*include\s*[<"]Q' "$source/service/windows/$name".{h,cpp}; then
            echo "FAIL: service/windows/$name includes Qt" >&2
            exit 1
        fi
    done
    sources=()
    for name in "${pure[@]}"; do sources+=("$source/service/windows/$name.cpp"); done
    x86_64-w64-mingw32-g++ -std=c++20 -Wall -Wextra -Werror -municode -DUNICODE -D_UNICODE \
        -I"$source/service/windows" "${sources[@]}" "$source/tests/packaging/win32smoke.cpp" \
        -static -ladvapi32 -o "$scratch/win32smoke.exe"
    file "$scratch/win32smoke.exe"
    # The Qt glue needs Qt for Windows to build; a syntax check against this machine's Qt
    # headers (the same Qt version) at least catches typos and API misuse.
    qt=$(dirname "$(find /usr/include -path '*/qt6/QtCore/qglobal.h' -print -quit)")/..
    if ! x86_64-w64-mingw32-g++ -std=c++20 -fsyntax-only -DUNICODE -D_UNICODE -DQT_NO_KEYWORDS \
        -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_USE_QSTRINGBUILDER \
        -I"$qt" -I"$qt/QtCore" "$source/service/windows/windowsservice.cpp" \
        >"$scratch/glue.txt" 2>&1; then
        grep -E -A3 'error:' "$scratch/glue.txt" >&2
        echo "FAIL: service/windows/windowsservice.cpp does not compile against Qt's headers" >&2
        exit 1
    fi
    echo "windowsservice.cpp: syntax check against $(realpath "$qt") passed"
    ;;
nsis)
    need cpack makensis
    cpack -G NSIS --config "$build/CPackConfig.cmake" -B "$scratch/nsis"
    ls -l "$scratch"/nsis/cxserver-*.exe
    file "$scratch"/nsis/cxserver-*.exe
    # Our macros are in the script, and none of makensis's warnings (the CPack template has
    # a few of its own) is about them.
    script=$(find "$scratch/nsis/_CPack_Packages" -name project.nsi)
    for macro in CxServiceBeforeInstall CxServiceAfterInstall CxServiceBeforeUninstall; do
        grep -q "insertmacro $macro" "$script" || { echo "FAIL: $macro is not called" >&2; exit 1; }
    done
    warnings=$(makensis -V2 "$script" 2>&1 | grep -iE 'warning [0-9]+:' || true)
    echo "$warnings"
    if grep -iE 'cx|cxserver-service' <<<"$warnings"; then
        echo "FAIL: makensis warns about cxserver-service.nsh" >&2
        exit 1
    fi
    ;;
*)
    echo "usage: packaging.sh deb|lintian|unit|installed|mingw|nsis BUILD SOURCE" >&2
    exit 2
    ;;
esac
