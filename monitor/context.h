/* Per-world state the monitor keeps, laid out for monitor/entry.S. */
#ifndef MONITOR_CONTEXT_H
#define MONITOR_CONTEXT_H

/*
 * Only what the other world's hypervisor overwrites is kept here: EL3's
 * return state and the EL2 registers the SPMC needs for its own stage 1.
 * General registers and EL1 state are not touched by the monitor; the SPMC
 * preserves them (docs/world-switch.md says why this is safe and cheaper).
 */
#define WORLD_ELR 0
#define WORLD_SPSR 8
#define WORLD_SCR 16
#define WORLD_SP_EL2 24
#define WORLD_HCR 32
#define WORLD_SCTLR 40
#define WORLD_TCR 48
#define WORLD_TTBR0 56
#define WORLD_MAIR 64
#define WORLD_VBAR 72
#define WORLD_SIZE 80

#define CPU_NS 0
#define CPU_S WORLD_SIZE
#define CPU_NS_STARTED (2 * WORLD_SIZE)
#define CPU_SIZE (2 * WORLD_SIZE + 16)

#define FRAME_SIZE 256

#ifndef __ASSEMBLER__
#include "lib/types.h"

struct world_ctx {
	u64 elr, spsr, scr, sp_el2;
	u64 hcr, sctlr, tcr, ttbr0, mair, vbar;
};

struct monitor_cpu {
	struct world_ctx ns, s;
	u64 ns_started;
	u64 pad;
};

/* General registers of the world that trapped, saved by the slow path. */
struct el3_frame {
	u64 x[31];
	u64 pad;
};

_Static_assert(sizeof(struct world_ctx) == WORLD_SIZE, "world_ctx layout");
_Static_assert(sizeof(struct monitor_cpu) == CPU_SIZE, "monitor_cpu layout");
_Static_assert(sizeof(struct el3_frame) == FRAME_SIZE, "frame layout");
#endif

#endif
