#!/usr/bin/env bash
# Runs every host unit test binary; prints one closing count.
set -uo pipefail
build=$1
shift
export TEST_DATA_DIR=$build/test-data MANIFEST_DIR=$build/manifests
pass=0
fail=0
for t in "$@"; do
	if "$t"; then
		pass=$((pass + 1))
	else
		echo "unit test program FAILED: $t"
		fail=$((fail + 1))
	fi
done
echo "unit test programs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
