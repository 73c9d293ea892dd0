#!/usr/bin/env bash
# Builds OUTDIR/Image-MODE: Debian's linux-source-6.1, tinyconfig + kernel.config, initramfs embedded.
# MODE (check: run the checks and power off; shell: a shell on the console) goes on the command line.
set -euo pipefail
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
[ $# -eq 2 ] || { echo "usage: $0 OUTDIR check|shell" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
mode=$2
frags=("$here/kernel.config" "$out/cmdline-$mode.config")
cross=aarch64-linux-gnu-
printf 'CONFIG_CMDLINE="console=ttyAMA0 earlycon=pl011,0x09000000 rdinit=/init norandmaps tessera.mode=%s"\n' \
	"$mode" >"$out/cmdline-$mode.config"

need=()
for p in linux-source-6.1 flex bison bc libssl-dev libelf-dev cpio xz-utils \
	make gcc gcc-aarch64-linux-gnu; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
	echo "installing: ${need[*]}"
	$SUDO apt-get update -q
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "${need[@]}"
fi

# The source, unpacked once per package version.
ver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
src=$out/src/linux-source-6.1
if [ "$(cat "$out/src/.version" 2>/dev/null)" != "$ver" ]; then
	echo "unpacking linux-source-6.1 $ver"
	rm -rf "$out/src"
	mkdir -p "$out/src"
	tar -C "$out/src" -xJf /usr/src/linux-source-6.1.tar.xz
	echo "$ver" >"$out/src/.version"
fi

"$here/build-initramfs.sh" "$out"

# Skip everything when neither the fragment, the initramfs, the source
# version nor this script changed since the last successful build.
stamp=$( (cat "${frags[@]}" "$0" "$out/src/.version" "$out/initramfs.list"
	awk '$1 == "file" { print $3 }' "$out/initramfs.list" | sort |
		xargs cat) | sha256sum | cut -d' ' -f1)
if [ -f "$out/Image-$mode" ] && [ "$(cat "$out/.stamp-$mode" 2>/dev/null)" = "$stamp" ]; then
	echo "kernel up to date: $out/Image-$mode ($(stat -c %s "$out/Image-$mode") bytes)"
	exit 0
fi

obj=$out/obj
kmake=(make -C "$src" O="$obj" ARCH=arm64 CROSS_COMPILE=$cross -j"$(nproc)")
mkdir -p "$obj"
printf 'CONFIG_INITRAMFS_SOURCE="%s"\n' "$out/initramfs.list" >"$out/initramfs.config"
"${kmake[@]}" -s tinyconfig
(cd "$src" && ARCH=arm64 CROSS_COMPILE=$cross scripts/kconfig/merge_config.sh \
	-m -O "$obj" "$obj/.config" "${frags[@]}" "$out/initramfs.config" >/dev/null)
"${kmake[@]}" -s olddefconfig

missing=0
while IFS= read -r line; do
	case $line in CONFIG_*=*) ;; *) continue ;; esac
	grep -qxF "$line" "$obj/.config" ||
		{ echo "error: $line did not survive into .config" >&2; missing=1; }
done < <(awk -F= '/^CONFIG_/ { v[$1] = $0 } END { for (k in v) print v[k] }' "${frags[@]}")
grep -qxF "$(cat "$out/initramfs.config")" "$obj/.config" ||
	{ echo "error: CONFIG_INITRAMFS_SOURCE did not survive" >&2; missing=1; }
[ $missing -eq 0 ] || exit 1

"${kmake[@]}" -s Image
cp "$obj/arch/arm64/boot/Image" "$out/Image-$mode.tmp"
mv "$out/Image-$mode.tmp" "$out/Image-$mode"
echo "$stamp" >"$out/.stamp-$mode"
echo "built $out/Image-$mode ($(stat -c %s "$out/Image-$mode") bytes)"
