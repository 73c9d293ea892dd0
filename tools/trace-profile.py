#!/usr/bin/env python3
"""Instruction profile of one call, from a QEMU trace (-d in_asm,exec,nochain).

usage: trace-profile.py TRACE START_PC END_PC NTH ELF...
Counts the instructions executed after the NTH run of the block holding
START_PC (an SMC)
and the next time END_PC's block runs, per function (symbols from the ELFs).
"""
import bisect, re, subprocess, sys

trace, start, end, nth = sys.argv[1], int(sys.argv[2], 16), int(sys.argv[3], 16), int(sys.argv[4])
syms = []
for elf in sys.argv[5:]:
    out = subprocess.run(["aarch64-linux-gnu-nm", "-n", elf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) < 3:
            continue
        a, t, n = f[:3]
        if t.lower() in "tw":
            syms.append((int(a, 16), n))
syms.sort()
addrs = [a for a, _ in syms]

def sym(pc):
    i = bisect.bisect_right(addrs, pc) - 1
    return syms[i][1] if i >= 0 else "?"

blocks = {}  # pc -> list of instruction pcs
cur = None
counts = {}
seen = 0
active = False
for line in open(trace, errors="replace"):
    if line.startswith("IN:"):
        cur = []
        continue
    m = re.match(r"0x([0-9a-f]+):", line)
    if m and cur is not None:
        cur.append(int(m.group(1), 16))
        continue
    if cur:
        blocks[cur[0]] = cur
        cur = None
    m = re.match(r"Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/", line)
    if not m:
        continue
    pc = int(m.group(1), 16)
    if active and pc == end:
        break
    if active:
        for ipc in blocks.get(pc, [pc]):
            f = sym(ipc)
            counts[f] = counts.get(f, 0) + 1
    elif start in blocks.get(pc, []):
        seen += 1
        active = seen == nth
total = sum(counts.values())
for f, n in sorted(counts.items(), key=lambda kv: -kv[1]):
    print(f"{n:6d}  {f}")
print(f"{total:6d}  total")
