#!/usr/bin/env bash
# Writes OUTDIR/initramfs.list (gen_init_cpio format): busybox, glibc, Debian's libteec, /init, the checks.
set -euo pipefail
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
cross=aarch64-linux-gnu-
sysroot=/usr/aarch64-linux-gnu/lib
pkgs=(busybox-static:arm64 libteec1:arm64 optee-client-dev:arm64)

need=()
for p in gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
	$SUDO apt-get update -q
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "${need[@]}"
fi

# arm64 packages are downloaded and unpacked under OUTDIR, never installed.
mkdir -p "$out/debs"
if [ "$(ls "$out/debs"/*.deb 2>/dev/null | wc -l)" -ne ${#pkgs[@]} ]; then
	dpkg --print-foreign-architectures | grep -qx arm64 ||
		$SUDO dpkg --add-architecture arm64
	$SUDO apt-get update -q
	rm -f "$out/debs"/*.deb
	(cd "$out/debs" && apt-get download "${pkgs[@]}")
fi
root=$out/arm64
if [ ! -f "$root/.done" ] || [ -n "$(find "$out/debs" -newer "$root/.done")" ]; then
	rm -rf "$root"
	mkdir -p "$root"
	for d in "$out/debs"/*.deb; do dpkg-deb -x "$d" "$root"; done
	touch "$root/.done"
fi
multi=$root/usr/lib/aarch64-linux-gnu

# The checks, against Debian's tee_client_api.h and libteec; Ed25519 to
# verify the key store's signatures is ours (lib/), built for Linux here.
client=$out/tessera-check
${cross}gcc -std=gnu11 -O2 -Wall -Wextra -Werror -I"$root/usr/include" -I"$top" \
	-o "$client.tmp" "$here/client/tessera_check.c" "$top/lib/ed25519.c" \
	"$top/lib/sha512.c" -L"$multi" -lteec
if cmp -s "$client.tmp" "$client"; then rm "$client.tmp"; else mv "$client.tmp" "$client"; fi

# Every shared library the client needs, transitively, from libteec's
# package or the cross toolchain's glibc.
find_lib() {
	local f
	for f in "$multi/$1" "$sysroot/$1"; do
		[ -e "$f" ] && { readlink -f "$f"; return; }
	done
	echo "error: no arm64 $1 for the initramfs" >&2
	exit 1
}
needed() { ${cross}readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
libs=(ld-linux-aarch64.so.1)
todo=("$client")
while [ ${#todo[@]} -gt 0 ]; do
	f=${todo[0]}
	todo=("${todo[@]:1}")
	for n in $(needed "$f"); do
		case " ${libs[*]} " in *" $n "*) continue ;; esac
		libs+=("$n")
		todo+=("$(find_lib "$n")")
	done
done

applets="sh mount umount uname ls cat dmesg grep poweroff mkdir echo sleep wc tail head
	readlink setsid cttyhack sed tr cut"
{
	for d in /dev /proc /sys /tmp /bin /sbin /lib /usr /usr/bin /usr/sbin; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /init $here/init 0755 0 0"
	echo "file /bin/busybox $root/bin/busybox 0755 0 0"
	for a in $applets; do echo "slink /bin/$a busybox 0777 0 0"; done
	echo "file /bin/tessera-check $client 0755 0 0"
	for l in "${libs[@]}"; do echo "file /lib/$l $(find_lib "$l") 0755 0 0"; done
} >"$out/initramfs.list.tmp"
mv "$out/initramfs.list.tmp" "$out/initramfs.list"
echo "initramfs list: $out/initramfs.list (libraries: ${libs[*]})"
