#!/bin/sh
# Build hopscope_VERSION_ARCH.deb from a Hopscope source tree, such as a fresh `git clone`.
#
#   packaging/build-deb.sh [BUILD_DIR]        BUILD_DIR defaults to SOURCE/build-pkg
#
# Builds only the `hopscope` program (not tests or benchmarks) with Debian's hardening flags,
# packs it with CPack, and runs lintian on the result when lintian is installed.
# JOBS sets the build parallelism (default 2).
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-pkg}

# Debian 12 packages needed to build; dpkg-dev provides dpkg-shlibdeps and dpkg-buildflags;
# qt6-tools-dev and qt6-l10n-tools compile the translations the program embeds.
build_depends="cmake g++ make dpkg-dev file qt6-base-dev qt6-svg-dev libboost-graph-dev libyaml-cpp-dev \
qt6-tools-dev qt6-l10n-tools"
missing=""
for package in $build_depends; do
    dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$' \
        || missing="$missing $package"
done
if [ -n "$missing" ]; then
    echo "$0: missing build dependencies; run: apt-get install$missing" >&2
    exit 2
fi

# Files in the package get their mode from the build tree; make it 0644/0755 whatever the
# caller's umask.
umask 022

# Compile and link the way Debian builds its own packages (hardening=+all adds bindnow).
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)

# CMAKE_SKIP_INSTALL_ALL_DEPENDENCY: cpack runs the `preinstall` target, which would otherwise
# build every target, tests and benchmarks included; the package needs only `hopscope`.
cmake -S "$src" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX=/usr \
    -DCMAKE_CXX_FLAGS="$cxxflags" \
    -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
    -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON
cmake --build "$build" -j"${JOBS:-2}" --target hopscope
rm -f "$build"/hopscope_*.deb
(cd "$build" && cpack -G DEB)

deb=$(ls "$build"/hopscope_*.deb)
if command -v lintian >/dev/null; then
    lintian --info "$deb"
fi
echo "$deb"
