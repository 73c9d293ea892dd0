#!/usr/bin/env bash
# End-to-end: stock Linux 6.1 and Debian's libteec as the normal world; checks what Linux and the SPMC logged.
set -uo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
logs=$build/qemu-logs
mkdir -p "$logs"
ns=$logs/linux.ns.log
s=$logs/linux.s.log
pass=0
fail=0

ok() { echo "ok - $1"; pass=$((pass + 1)); }
bad() { echo "FAIL - $1"; fail=$((fail + 1)); }
expect() { # expect LOG PATTERN DESCRIPTION
	if grep -qE -- "$2" "$1"; then ok "linux: $3"; else bad "linux: $3 (no /$2/)"; fi
}

# -icount: one instruction is one nanosecond, so the client's timing of
# its calls is an instruction count, and the run is the same every time
start=$(date +%s)
timeout 900 "$here/../../tools/qemu-cmd.sh" "$build/linux-check.flash" \
	-icount shift=0,sleep=off -display none -monitor none \
	-serial "file:$ns" -serial "file:$s" </dev/null >"$logs/linux.qemu.log" 2>&1
status=$?
echo "linux: boot, checks and power-off took $(($(date +%s) - start)) s"
if [ "$status" -eq 0 ] && grep -q '^\[monitor\] PSCI SYSTEM_OFF from the normal world' "$s"; then
	ok "linux: run ended by PSCI SYSTEM_OFF"
else
	bad "linux: QEMU exit status $status, no SYSTEM_OFF in the secure log"
fi

# what Linux found, in its own words
expect "$ns" 'psci: PSCIv1\.1 detected in firmware' "PSCI 1.1 found through the /psci node"
expect "$ns" 'psci: SMC Calling Convention v1\.2' "SMCCC v1.2 found"
expect "$ns" 'ARM FF-A: Driver version 1\.0' "Linux's FF-A driver started"
expect "$ns" 'ARM FF-A: Firmware version 1\.2 found' "... it found FF-A v1.2"
expect "$ns" 'Firmware version higher than driver version, downgrading' "... and asked for v1.0, which it was given"
for id in 0x8001 0x8002 0x8003; do
	expect "$ns" "^arm-ffa-[0-9]+: partition $id driver optee" "partition $id on the FF-A bus, bound by the OP-TEE driver"
done
n=$(grep -c '^/dev/tee[0-9]' "$ns")
[ "$n" -eq 3 ] && ok "linux: three TEE devices (/dev/tee0-2)" || bad "linux: $n TEE devices, want 3"
grep -E '^== linux: (partitions|TEE)|^arm-ffa|^/dev/tee' "$ns" | sed 's/^/  /'

# the client's own checks, through Debian's libteec
grep '^FAIL - ' "$ns" | sed 's/^/  client: /'
c_ok=$(grep -c '^ok - ' "$ns")
c_fail=$(grep -c '^FAIL - ' "$ns")
# two runs (checks, bench), each closing with its own count
c_sum=$(sed -n 's/^\([0-9]*\) passed, 0 failed.*/\1/p' "$ns" | awk '{ s += $1; n++ } END { print (n == 2) ? s : -1 }')
if [ "$c_fail" -eq 0 ] && [ "$c_ok" -gt 0 ] && [ "$c_sum" -eq "$c_ok" ]; then
	ok "linux: $c_ok checks by the client in Linux user space"
else
	bad "linux: client: $c_ok passed, $c_fail failed"
fi
for tee in alpha beta keystore; do
	expect "$ns" "^ok - $tee: context" "client reached TEE '$tee' through libteec"
done
expect "$ns" '^ok - keystore: Linux verifies the signature' "Linux checked the key store's Ed25519 signature"
expect "$ns" '^ok - crash: alpha.s TA dies: TARGET_DEAD' "a TA crash is TEEC_ERROR_TARGET_DEAD to Linux"
expect "$ns" '^ok - 1000 calls across the three TEEs' "1000 calls across the TEEs, memory shared and reclaimed, all answered"
expect "$ns" "^ok - \.\.\. and Linux's free memory is where it was" "... Linux's free memory back where it was"
expect "$s" "\[alpha\] TA 'hello' killed" "... alpha killed the TA alone"
for tee in alpha beta; do
	expect "$s" "\[$tee\] TA 'hello' loaded at S-EL0" "TEE '$tee' ran the TA Linux asked for"
done
expect "$s" "\[keystore\] TA 'keystore' loaded at S-EL0" "TEE 'keystore' ran the key-store TA"
if [ ! -s "$s" ] || grep -q 'stopped:' "$s"; then bad "linux: a partition was stopped (or no secure log)"; else ok "linux: no partition was stopped"; fi

# no shared memory leaked: the SPMC says when the number of live
# transactions reaches a new high; over 1000+ shares it must stay small
most=$(sed -n 's/.*memory: \([0-9]*\) transaction(s) live, the most so far.*/\1/p' "$s" | tail -1 | tr -dc 0-9)
if [ -n "$most" ] && [ "$most" -le 16 ]; then
	ok "linux: at most $most memory transactions live at once: nothing leaked"
else
	bad "linux: ${most:-no} memory transactions live at most (a leak?)"
fi
sed -n 's/^bench: /  bench: /p' "$ns"
expect "$ns" '^bench: TEEC_InvokeCommand from Linux user space' "the invoke cost was measured"
echo "linux tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
