#!/usr/bin/env bash
# Size of what runs at EL3 and S-EL2: image bytes and lines of C/assembly.
set -euo pipefail
build=$1
cd "$(dirname "$0")/.."
lines() { # lines IMAGE: source lines (no blanks/comments-only) the image is built from
	local dir=$build/$1
	find "$dir" -name '*.d' -exec cat {} + 2>/dev/null |
		tr ' \\' '\n\n' | grep -E '\.(c|h|S)$' | sort -u |
		xargs cat | grep -cvE '^\s*$|^\s*(/\*|\*|//)'
}
printf '%-10s %10s %12s\n' image bytes "code lines"
for img in boot monitor spmc; do
	printf '%-10s %10s %12s\n' "$img" "$(stat -c %s "$build/$img.bin")" "$(lines "$img")"
done
