#!/usr/bin/env bash
# `make debug`: QEMU stopped at reset with its gdb stub on :1234, and a
# gdb-multiarch script that loads every image's symbols at its address.
set -euo pipefail
build=$1
script=$build/tessera.gdb
{
	echo "target remote :1234"
	for img in boot monitor spmc tos-alpha tos-beta nwtest-demo; do
		# every image is linked at its load address
		echo "add-symbol-file $build/$img.elf"
	done
	echo "echo Tessera: stopped at reset (EL3, 0x0). 'continue' to boot.\\n"
} >"$script"
echo "debug: QEMU waits on :1234. In another terminal:"
echo "  gdb-multiarch -q -x $script"
exec "$(dirname "$0")/qemu-cmd.sh" "$build/demo.flash" -S -gdb tcp::1234 \
	-chardev stdio,id=con,mux=on,signal=off \
	-serial chardev:con -serial chardev:con -monitor none
