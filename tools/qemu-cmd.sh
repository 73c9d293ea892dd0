#!/usr/bin/env bash
# The one QEMU command line every run, test and benchmark uses.
# usage: qemu-cmd.sh FLASH [extra QEMU args...]  (prints nothing, execs QEMU)
flash=$1
shift
exec qemu-system-aarch64 \
	-machine virt,secure=on,virtualization=on,gic-version=3,dtb-randomness=off \
	-cpu max,pauth-impdef=on -smp 1 -m 1G -nographic \
	-bios "$flash" -semihosting-config enable=on,target=native \
	-nic none -no-reboot "$@"
