#!/usr/bin/env bash
# End-to-end tests: boots each test configuration on QEMU and checks how the
# run ended and what each world logged.
set -uo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
qemu="$here/../../tools/qemu-cmd.sh"
logs=$build/qemu-logs
mkdir -p "$logs"
pass=0
fail=0

ok() { echo "ok - $1"; pass=$((pass + 1)); }
bad() { echo "FAIL - $1"; fail=$((fail + 1)); }

# boot NAME FLASH: runs QEMU, leaves $logs/NAME.{ns,s}.log, sets $status
boot() { # boot NAME FLASH [QEMU ARGS...]
	local name=$1 flash=$2
	shift 2
	timeout 120 "$qemu" "$flash" "$@" -display none -monitor none \
		-serial "file:$logs/$name.ns.log" \
		-serial "file:$logs/$name.s.log" </dev/null >"$logs/$name.qemu.log" 2>&1
	status=$?
}

expect_log() { # expect_log NAME WORLD PATTERN DESCRIPTION
	if grep -qE -- "$3" "$logs/$1.$2.log"; then ok "$1: $4"; else
		bad "$1: $4 (no /$3/ in $2 log)"; fi
}

# The normal world's own checks: each is one line "ok - ..." or "FAIL - ...".
nw_checks() { # nw_checks NAME
	local n_ok n_fail
	n_ok=$(grep -c '^\[nwtest\] ok - ' "$logs/$1.ns.log")
	n_fail=$(grep -c '^\[nwtest\] FAIL - ' "$logs/$1.ns.log")
	grep '^\[nwtest\] FAIL - ' "$logs/$1.ns.log" | sed "s/^/  $1: /"
	if [ "$n_fail" -eq 0 ] && [ "$n_ok" -gt 0 ] &&
		grep -q "^\[nwtest\] $n_ok passed, 0 failed" "$logs/$1.ns.log"; then
		ok "$1: $n_ok checks in the normal world"
	else
		bad "$1: $n_ok checks passed, $n_fail failed in the normal world"
	fi
}

# 1. FF-A: discovery, messaging and every refused call
# under -icount, so that the preemption check knows where the TA is when
# the normal world's timer fires
boot ffa "$build/test-ffa.flash" -icount shift=0,sleep=off
[ "$status" -eq 0 ] && ok "ffa: run ended by PSCI SYSTEM_OFF with status 0" ||
	bad "ffa: QEMU exit status $status"
nw_checks ffa
expect_log ffa s '^\[boot\] loaded spmc' "boot code verified and loaded the SPMC"
expect_log ffa s '^\[spmc\] \[alpha\] trusted OS up at S-EL1, partition 0x8001, MMU on' "alpha booted with its MMU on"
expect_log ffa s '^\[spmc\] partition 0x8002 .beta. is ready' "beta booted to FFA_MSG_WAIT"
expect_log ffa s '^\[spmc\] \[alpha\] VM 1: TA 9c3d5e7f-0a1b-4c2d-8e3f-4a5b6c7d8e9f refused by policy' "alpha itself holds VM 1 to its TAs, whatever a hypervisor lets through"
expect_log ffa s '^\[monitor\] PSCI SYSTEM_OFF from the normal world' "monitor handled SYSTEM_OFF"
if [ ! -s "$logs/ffa.s.log" ] || grep -q 'stopped:' "$logs/ffa.s.log"; then bad "ffa: no partition was stopped"; else ok "ffa: no partition was stopped"; fi
# Over a thousand transactions: the SPMC logs its free table pages each time
# the figure changes with nothing live. A leak would log once per cycle.
n=$(grep -c 'memory: no transaction live' "$logs/ffa.s.log")
[ "$n" -ge 1 ] && [ "$n" -le 16 ] && ok "ffa: SPMC table pool settles over 1000+ transactions ($n figures)" ||
	bad "ffa: SPMC table pool changed $n times with nothing live (a leak?)"

# 2. Isolation: a hostile partition is stopped, everyone else carries on
iso_pattern=([1]='stage-2 data abort at 0xe600000' [2]='stage-2 data abort at 0xe600100'
	[3]='stage-2 data abort at 0xe100000' [4]='stage-2 data abort at 0xe000000'
	[5]='forbidden PSCI call' [6]='stage-2 data abort at 0x41000000'
	[7]='gave up with FFA_ERROR -8' [8]='stage-2 data abort at 0x41000000'
	[9]='gave up with FFA_ERROR -8' [11]='stage-2 data abort at 0xe800000')
for n in 1 2 3 4 5 6 7 8 9 11; do
	boot iso$n "$build/test-iso$n.flash"
	[ "$status" -eq 0 ] && ok "iso$n: run ended cleanly" || bad "iso$n: QEMU exit status $status"
	nw_checks iso$n
	expect_log iso$n s "partition 0x8001 'alpha' stopped: ${iso_pattern[$n]}" \
		"SPMC log names the partition, the fault and the address"
	if grep -q "'beta' stopped" "$logs/iso$n.s.log"; then bad "iso$n: beta untouched"; else ok "iso$n: beta untouched"; fi
done
# The matrix of what the hostile trusted OS tried and what became of it
echo "isolation matrix, hostile trusted OS (alpha, probe build):"
printf '  %-50s %-22s %s\n' "attempt" "alpha" "beta"
for n in 1 2 3 4 5 6 7 8 9 11; do
	what=$(sed -n 's/^\[nwtest\] probe: \(.*\) (0x.*/\1/p' "$logs/iso$n.ns.log" | head -1)
	grep -q "partition 0x8001 'alpha' stopped" "$logs/iso$n.s.log" && a="stopped, caller ABORTED" || a="NOT STOPPED"
	grep -q "ok - beta's answer is intact" "$logs/iso$n.ns.log" && b="unharmed" || b="HARMED"
	printf '  %-50s %-22s %s\n' "${what:-?}" "$a" "$b"
	[ "$a" = "NOT STOPPED" ] || [ "$b" = "HARMED" ] || [ -z "$what" ] && matrix_bad=1
done
[ -z "${matrix_bad:-}" ] && ok "isolation matrix: every attempt stopped alpha alone" ||
	bad "isolation matrix: an attempt was not contained (see the table)"
boot iso10 "$build/test-iso10.flash"
[ "$status" -eq 0 ] && ok "iso10: run ended cleanly" || bad "iso10: QEMU exit status $status"
nw_checks iso10
expect_log iso10 s "partition 0x8002 'beta' stopped: stage-2 data abort" \
	"a lender touching memory it lent is stopped, named with the fault"
if grep -q "'alpha' stopped" "$logs/iso10.s.log"; then bad "iso10: alpha untouched"; else ok "iso10: alpha untouched"; fi
expect_log iso9 s "partition 0x8001: 1 borrowing\\(s\\) released" "the stopped borrower's memory went back to its lender"

# 3. A tampered package is refused, naming the bad image
for img in spmc beta; do
	off=$(awk -v n="$img" '$1 == n && $2 != "manifest" { print $NF }' "$build/test-ffa.layout" | tail -1)
	cp "$build/test-ffa.flash" "$logs/tamper-$img.flash"
	pos=$((0x40000 + ${off#+} + 64))
	printf '\xff' | dd of="$logs/tamper-$img.flash" bs=1 seek=$pos conv=notrunc status=none
	boot tamper-$img "$logs/tamper-$img.flash"
	[ "$status" -eq 1 ] && ok "tamper-$img: boot stops with status 1" || bad "tamper-$img: QEMU exit status $status"
	expect_log tamper-$img s "image '$img' \\(partition|image '$img' \\(spmc|image '$img'.*SHA-256 mismatch" "refusal names image '$img'"
	if [ -s "$logs/tamper-$img.ns.log" ]; then bad "tamper-$img: normal world never ran"; else ok "tamper-$img: normal world never ran"; fi
done

# 4. The normal-world hypervisor: two guests at NS-EL1, each bound to its TEE
boot guests "$build/guests.flash" -icount shift=0,sleep=off
[ "$status" -eq 0 ] && ok "guests: run ended by PSCI SYSTEM_OFF" || bad "guests: QEMU exit status $status"
for vm in "1 'A'" "2 'B'"; do
	n_ok=$(grep -c "^\[nwvisor\] \[VM $vm\] ok - " "$logs/guests.ns.log")
	n_fail=$(grep -c "^\[nwvisor\] \[VM $vm\] FAIL - " "$logs/guests.ns.log")
	grep "^\[nwvisor\] \[VM $vm\] FAIL - " "$logs/guests.ns.log" | sed 's/^/  /'
	# a guest that boots twice says its count once per boot
	n_said=$(tr -d '\r' <"$logs/guests.ns.log" | sed -n "s/^\[nwvisor\] \[VM $vm\] \([0-9]*\) passed, 0 failed$/\1/p" | awk '{ n += $1 } END { print n + 0 }')
	if [ "$n_fail" -eq 0 ] && [ "$n_ok" -gt 0 ] && [ "$n_said" -eq "$n_ok" ]; then
		ok "guests: VM $vm: $n_ok checks in the guest"
	else
		bad "guests: VM $vm: $n_ok checks passed, $n_fail failed"
	fi
done
expect_log guests ns "VM 1 'A' may call 0x8001$|VM 1 'A': 16 MiB at 0x48000000, may call 0x8001" "VM A from the system manifest, bound to alpha"
expect_log guests ns "\[VM 1 'A'\] TEE 0x8001 answered" "VM A is served by alpha"
expect_log guests ns "VM 1 'A': direct request to 0x8002 refused by the binding policy" "... and refused at beta, in the hypervisor's log"
expect_log guests ns "\[VM 2 'B'\] TEE 0x8002 answered" "VM B is served by beta"
expect_log guests ns "VM 2 'B': direct request to 0x8001 refused by the binding policy" "... and refused at alpha"
expect_log guests ns "VM 1 'A': direct request with sender 0x0002 refused" "a forged sender ID is refused"
expect_log guests ns "\\[VM 1 'A'\\] GP client -> TEE 'alpha', TA hello: 20 \\+ 22 = 42, \"guest\" reversed: \"tseug\"" "VM A's GP client uses alpha, with memory shared through both hypervisors"
expect_log guests ns "\\[VM 2 'B'\\] GP client -> TEE 'beta', TA hello: 20 \\+ 22 = 42" "VM B's GP client uses beta"
expect_log guests ns "\\[VM 1 'A'\\] GP client -> TEE 'beta': access denied" "VM A's GP client is denied at beta (TEEC_ERROR_ACCESS_DENIED)"
expect_log guests ns "\\[VM 2 'B'\\] GP client -> TEE 'alpha': access denied" "VM B's GP client is denied at alpha"
expect_log guests ns "VM 1 'A' may not open TA 9c3d5e7f-0a1b-4c2d-8e3f-4a5b6c7d8e9f in 0x8001: refused by the binding policy" "VM A may open TA hello only in alpha: TA counter refused by the hypervisor"
expect_log guests s "\[alpha\] TA policy: 1 grant\(s\) from the system manifest" "alpha has its TA grants from the SPMC (FF-A boot information)"
expect_log guests ns "VM 1 'A': message to 0x8002 refused by the binding policy" "VM A's indirect message to beta is refused"
expect_log guests ns "VM 2 'B': message in the name of 0x0001 refused" "an indirect message in another guest's name is refused"
expect_log guests ns "VM 2 'B': memory share of 0x48000000, not its own memory \\(or lent\\), refused" "a guest sharing memory outside its own is refused"
expect_log guests ns "VM 1 'A': memory share in the name of 0x0002 refused" "a share in another guest's name is refused"
expect_log guests ns "VM 2 'B' stopped: stage-2 abort outside its memory .*FAR 0x48000000" "VM B reading VM A's memory is stopped"
expect_log guests ns "VM 1 'A' powered off" "VM A ran to its end"
# VM lifecycle: A resets holding sessions, a TA instance and shares in
# alpha; every TEE is told, alpha frees them, the hypervisor counts zero
expect_log guests s "VM 1 'A' created: telling 0x8001" "the SPMC passes VM created to alpha"
expect_log guests s "\[alpha\] VM 1 created" "... and alpha hears of it"
expect_log guests ns "VM 1 'A' going: TEE 0x8001 holds 2 session\(s\), 1 TA instance\(s\), 2 shared buffer\(s\)" "VM A resets holding 2 sessions, 1 TA instance, 2 shares in alpha (counted by alpha)"
expect_log guests s "VM 1 'A' destroyed: telling 0x8001" "the SPMC passes VM destroyed to alpha"
expect_log guests s "\[alpha\] VM 1 gone: freed 2 ses, 1 TA, 2 shm, 0 key" "alpha frees VM A's sessions, TA instance and shares"
expect_log guests s "\[beta\] VM 1 gone: freed 0 ses, 0 TA, 0 shm" "beta, told too, had nothing of VM A"
expect_log guests ns "VM 1 'A' gone: TEE 0x8001 holds 0 session\(s\), 0 TA instance\(s\), 0 shared buffer\(s\)" "after the destroy alpha holds nothing of VM A"
expect_log guests ns "VM 1 'A' destroyed: 2 share\(s\) reclaimed, 0 kept by a partition; nothing of it is left" "the hypervisor reclaims both of VM A's shares"
if grep -q "SOMETHING OF IT IS LEFT" "$logs/guests.ns.log"; then bad "guests: every destroyed VM left nothing behind"; else ok "guests: every destroyed VM left nothing behind"; fi
expect_log guests ns "\[VM 1 'A'\] guest at NS-EL1, VM ID 1, boot 2" "VM A boots again after its reset"
expect_log guests ns "\[VM 1 'A'\] ok - restart: ... 41 \+ 1 = 42" "... and alpha serves it afresh"
expect_log guests ns "every guest is done: 1 powered off, 1 stopped" "the hypervisor outlives both guests"
expect_log guests ns "VM 1 'A': memory share of 0x40f00000, not its own memory \\(or lent\\), refused" "a lent page is out of the guest's stage 2: sharing it again is refused"
expect_log guests ns "VM 1 'A': memory share of 0x40f01000, not its own memory \\(or lent\\), refused" "a donated page is gone for good"

# Containment: while A resets, floods alpha and then loops without a call,
# B's calls to beta go on (B says every 100 answered, with the wall clock)
ticks() { tr -d '\r' <"$logs/guests.ns.log" | sed -n "s/^\[nwvisor\] $1.* tick \([0-9]*\)$/\1/p" | head -1; }
reset_at=$(ticks "VM 1 'A' restarted")
flood_at=$(ticks "\[VM 1 'A'\] hog: flooding")
loop_at=$(ticks "\[VM 1 'A'\] hog: .* calls; looping")
done_at=$(ticks "\[VM 1 'A'\] hog: done")
b_ticks=$(tr -d '\r' <"$logs/guests.ns.log" | sed -n "s/^\[nwvisor\] \[VM 2 'B'\] calling: [0-9]* answered at tick \([0-9]*\)$/\1/p")
between() { echo "$b_ticks" | awk -v a="${1:-0}" -v b="${2:-0}" '$1 > a && $1 < b { n++ } END { print (n + 0) * 100 }'; }
if [ -n "$reset_at" ] && [ -n "$done_at" ]; then
	before=$(between 0 "$reset_at"); after=$(between "$reset_at" 999999999999)
	in_flood=$(between "$flood_at" "$loop_at"); in_loop=$(between "$loop_at" "$done_at")
	echo "  fairness: VM B's calls answered while VM A flooded alpha: $in_flood; while it looped: $in_loop"
	[ "$before" -gt 0 ] && [ "$after" -gt 0 ] && ok "guests: VM B's calls go on across VM A's reset ($before before, $after after)" || bad "guests: VM B's calls go on across VM A's reset ($before before, $after after)"
	[ "$in_flood" -gt 0 ] && ok "guests: VM B is served while VM A floods its TEE ($in_flood calls)" || bad "guests: VM B is served while VM A floods its TEE"
	[ "$in_loop" -gt 0 ] && ok "guests: VM B is served while VM A loops without a call ($in_loop calls)" || bad "guests: VM B is served while VM A loops without a call"
else
	bad "guests: VM A's reset and misbehaviour were not logged"
fi
expect_log guests ns "\[VM 2 'B'\] calling: [0-9]+ calls, 0 wrong or refused" "every one of VM B's calls was answered right"
sed -n "s/^\[nwvisor\] \[VM 1 'A'\] bench: /  bench: /p" "$logs/guests.ns.log"
if [ ! -s "$logs/guests.s.log" ] || grep -q "stopped:" "$logs/guests.s.log"; then bad "guests: no partition was stopped"; else ok "guests: no partition was stopped"; fi

echo "qemu tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
