#!/bin/sh
# Install (as root) the Debian packages Kestrel needs to build and test.
#   scripts/install-deps.sh          install what is missing
#   scripts/install-deps.sh --check  exit 1 if something is missing
#   scripts/install-deps.sh --reference  also Debian's QEMU, the reference
#                                        for make bench and check-tcg-long
set -e

PACKAGES="build-essential meson ninja-build pkg-config python3 \
libglib2.0-dev libpixman-1-dev libfdt-dev zlib1g-dev libcapstone-dev \
gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu device-tree-compiler"

if [ "${1:-}" = "--reference" ]; then
    # bench/boot-aarch64 builds a static aarch64 program for the guest.
    PACKAGES="$PACKAGES qemu-system-x86 qemu-system-arm libc6-dev-arm64-cross"
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done

if [ "${1:-}" = "--check" ]; then
    [ -z "$missing" ] && exit 0
    echo "missing packages:$missing" >&2
    exit 1
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "install-deps: missing packages:$missing" >&2
    echo "run as root, or: sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
