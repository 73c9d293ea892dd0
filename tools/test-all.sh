#!/usr/bin/env bash
# `make test`: host unit tests, the QEMU end-to-end tests, Linux as the normal world; one total.
set -uo pipefail
build=$1
here=$(dirname "$0")
out=$(mktemp)
"$here/run-unit-tests.sh" "$build" "$build"/unit/test_* 2>&1 | tee "$out"
unit_rc=${PIPESTATUS[0]}
"$here/../test/qemu/run.sh" "$build" 2>&1 | tee -a "$out"
qemu_rc=${PIPESTATUS[0]}
"$here/../test/qemu/linux.sh" "$build" 2>&1 | tee -a "$out"
linux_rc=${PIPESTATUS[0]}
# cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)..." per program
p=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$out" | awk '{s += $4} END {print s + 0}')
f=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$out" | awk '{s += $4} END {print s + 0}')
qp=$(grep -c '^ok - ' "$out")
qf=$(grep -c '^FAIL - ' "$out")
rm -f "$out"
echo "unit: $p passed, $f failed; qemu (with Linux): $qp passed, $qf failed"
echo "$((p + qp)) passed, $((f + qf)) failed"
[ "$unit_rc" -eq 0 ] && [ "$qemu_rc" -eq 0 ] && [ "$linux_rc" -eq 0 ]
