#!/usr/bin/env bash
# Installs, from Debian's packages, whatever the build and tests need and
# this machine lacks. Does nothing when everything is there.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have aarch64-linux-gnu-gcc || need+=(gcc-aarch64-linux-gnu)
have qemu-system-aarch64 || need+=(qemu-system-arm)
have dtc || need+=(device-tree-compiler)
have gdb-multiarch || need+=(gdb-multiarch)
have cpp || need+=(cpp)
have gcc || need+=(gcc)
have make || need+=(make)
[ -f /usr/include/cmocka.h ] || need+=(libcmocka-dev)

[ ${#need[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${need[*]}"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
