/* Turning on EL2 stage-1 translation and setting up stage 2 registers. */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#include "lib/types.h"

/* MAIR: index 0 Device-nGnRE, index 1 Normal write-back */
#define MAIR_VALUE 0xff04ULL

/* 39-bit VA/IPA, 4 KiB granule, walks start at level 1, 40-bit PA */
#define VA_BITS 39

void mmu_enable_el2(u64 root_pa);

/* VTCR_EL2 / VSTCR_EL2 for the same 39-bit layout */
u64 mmu_vtcr(void);
u64 mmu_vstcr(void);

#endif
