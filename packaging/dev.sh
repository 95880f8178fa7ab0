#!/bin/sh
# Set up, build, and then run Hopscope or its tests, on a fresh Debian 12 machine.
#
#   packaging/dev.sh run [FILE]   install what is missing, build, open the app (on the built-in
#                                 seed example when no FILE is given)
#   packaging/dev.sh test         install what is missing, build, run every test (CTest)
#   packaging/dev.sh deps         only install the Debian packages
#   packaging/dev.sh build        only build
#
# BUILD_DIR (default: build) and JOBS (default: the number of cores) can be set.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$src/build}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

# Build and test dependencies, all from Debian 12 (bookworm). qt6-qpa-plugins carries the
# `offscreen` platform the tests and `hopscope export` use; fonts-dejavu-core the face the
# diagram and its SVG export name. Translations (issue 17): qt6-tools-dev has CMake's
# LinguistTools package and qt6-l10n-tools its lupdate and lrelease, which build the app's .qm
# files; qt6-translations-l10n carries Qt's own (qtbase_ja.qm: standard dialogs and buttons);
# fonts-noto-cjk the glyphs that Japanese text needs.
packages="cmake g++ make pkg-config qt6-base-dev qt6-svg-dev libboost-graph-dev \
libyaml-cpp-dev qt6-qpa-plugins libqt6svg6 fonts-dejavu-core \
qt6-tools-dev qt6-l10n-tools qt6-translations-l10n fonts-noto-cjk"

install_deps() {
    missing=""
    for package in $packages; do
        dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$' \
            || missing="$missing $package"
    done
    [ -z "$missing" ] && return 0
    echo "Installing:$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

build() {
    cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$build" -j "$jobs"
}

case "${1:-}" in
deps)
    install_deps
    ;;
build)
    install_deps
    build
    ;;
run)
    shift
    install_deps
    build
    exec "$build/app/hopscope" "$@"
    ;;
test)
    install_deps
    build
    # Tests need no display: CTest sets QT_QPA_PLATFORM=offscreen for each of them.
    cd "$build"
    # One at a time: GUI tests share the user's settings and recovery folders.
    exec ctest --output-on-failure
    ;;
*)
    sed -n '2,12p' "$0" >&2
    exit 2
    ;;
esac
