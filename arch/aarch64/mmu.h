/* Turning on EL2 stage-1 translation and setting up stage 2 registers. */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#include "lib/types.h"

/* MAIR: index 0 Device-nGnRE, index 1 Normal write-back */
#define MAIR_VALUE 0xff04ULL

/* 39-bit VA/IPA, 4 KiB granule, walks start at level 1, 40-bit PA */
#define VA_BITS 39

void mmu_enable_el2(u64 root_pa);

#define TCR_T0SZ(bits) (64ULL - (bits))
#define TCR_IRGN0_WB (1ULL << 8)
#define TCR_ORGN0_WB (1ULL << 10)
#define TCR_SH0_INNER (3ULL << 12)
#define TCR_EL2_PS_40 (2ULL << 16)
#define TCR_EL2_RES1 (BIT(31) | BIT(23))
#define VTCR_SL0_L1 (1ULL << 6)
#define VTCR_PS_40 (2ULL << 16)
#define VTCR_NSA BIT(30)
#define VTCR_RES1 BIT(31)

/* Stage 2 in the same 39-bit layout. The secure IPA space walks and
 * outputs to secure PA (SW = SA = 0); the non-secure one always lands in
 * non-secure PA (NSA). */
#define MMU_VSTCR                                                        \
	(TCR_T0SZ(VA_BITS) | VTCR_SL0_L1 | TCR_IRGN0_WB | TCR_ORGN0_WB | \
	 TCR_SH0_INNER)
#define MMU_VTCR (MMU_VSTCR | VTCR_PS_40 | VTCR_NSA | VTCR_RES1)

#endif
