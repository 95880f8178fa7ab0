#!/bin/sh
# Install a Hopscope .deb into a clean Debian 12 (bookworm) root and run it there, to prove
# that the package's Depends pull in everything the program needs on a system that never
# had Qt or a compiler. Run as root; needs debootstrap and a reachable Debian mirror.
#
#   packaging/test-deb-in-chroot.sh build-pkg/hopscope_0.1.0_amd64.deb [ROOT_DIR]
#
# ROOT_DIR defaults to /var/tmp/hopscope-bookworm-root. The minimal root made by debootstrap
# is kept as ROOT_DIR.base and copied afresh for every run, so each run starts clean.
# MIRROR overrides the Debian mirror (default http://deb.debian.org/debian).
# GUI_SMOKE=1 also installs Xvfb in the root and opens the desktop app on it for 10 seconds.
set -eu

deb=$(realpath "${1:?usage: $0 PACKAGE.deb [ROOT_DIR]}")
root=${2:-/var/tmp/hopscope-bookworm-root}
mirror=${MIRROR:-http://deb.debian.org/debian}
suite=bookworm

if [ "$(id -u)" -ne 0 ]; then
    echo "$0: must run as root (debootstrap and chroot)" >&2
    exit 2
fi
command -v debootstrap >/dev/null || { echo "$0: apt-get install debootstrap" >&2; exit 2; }

if [ ! -x "$root.base/usr/bin/apt-get" ]; then
    rm -rf "$root.base"
    debootstrap --variant=minbase "$suite" "$root.base" "$mirror"
    cat > "$root.base/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb ${SECURITY_MIRROR:-http://deb.debian.org/debian-security} $suite-security main
SOURCES
fi

rm -rf "$root"
cp -a "$root.base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev/pts "$root/dev/pts"  # apt logs the dpkg run through a pseudo-terminal
trap 'umount "$root/dev/pts" "$root/proc"' EXIT

cp "$deb" "$root/tmp/"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

in_root apt-get update -q
in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")"

echo "--- installed files"
in_root dpkg -L hopscope
# Every shared library the program links must now be present: that is what Depends is for.
echo "--- ldd /usr/bin/hopscope"
in_root ldd /usr/bin/hopscope
if in_root ldd /usr/bin/hopscope | grep -q 'not found'; then
    echo "$0: a library is missing: Depends is incomplete" >&2
    exit 1
fi
echo "--- hopscope --version"
in_root hopscope --version
echo "--- hopscope --version exited 0 in a clean $suite root"

# The headless analysis works from the package alone: check a built-in example design.
examples=$(cd "$(dirname "$0")/../resources/examples" && pwd)
cp "$examples/classic-hub.hopscope.yaml" "$root/tmp/"
echo "--- hopscope check /tmp/classic-hub.hopscope.yaml"
in_root hopscope check /tmp/classic-hub.hopscope.yaml
echo "--- hopscope check exited 0 (no error) in a clean $suite root"

if [ "${GUI_SMOKE:-0}" = 1 ]; then
    # The xcb platform plugin, fonts and SVG plugins are loaded at run time: only starting the
    # window on a real X server shows that Depends brings them. Still running after 10 s
    # (timeout's status 124) means the window came up and stayed up.
    in_root apt-get install -y -q --no-install-recommends xvfb xauth
    status=0
    in_root timeout --kill-after=5 10 xvfb-run -a hopscope || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 124 ]; then
        echo "$0: the desktop app failed to start under Xvfb (status $status)" >&2
        exit 1
    fi
    echo "--- desktop app started under Xvfb (status $status)"
fi

# Removing the package must leave nothing of it behind.
in_root apt-get purge -y -q hopscope
for path in /usr/bin/hopscope /usr/share/doc/hopscope /usr/share/applications/io.github.hopscope.Hopscope.desktop; do
    if [ -e "$root$path" ]; then
        echo "$0: $path is still there after purge" >&2
        exit 1
    fi
done
echo "--- purged cleanly"
