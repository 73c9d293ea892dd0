#!/usr/bin/env bash
# Boots a flash image with both worlds' UARTs on this terminal; the log lines
# say which component wrote them. --icount counts instructions exactly.
set -euo pipefail
here=$(dirname "$0")
extra=()
if [ "${1:-}" = --icount ]; then
	extra=(-icount shift=0,sleep=off)
	shift
fi
flash=$1
exec "$here/qemu-cmd.sh" "$flash" "${extra[@]}" \
	-chardev stdio,id=con,mux=on,signal=off \
	-serial chardev:con -serial chardev:con -monitor none
