/* The trusted OS's own stage-1 translation at S-EL1. */
#ifndef TOS_MMU_H
#define TOS_MMU_H

#include "lib/types.h"

void tos_mmu_init(void);
/* Maps memory lent to us at its own address (ns: normal-world memory) */
int tos_mmu_map(u64 pa, u64 size, bool writable, bool ns);
void tos_mmu_unmap(u64 va, u64 size);

#endif
