/* The trusted OS's own stage-1 translation at S-EL1. */
#ifndef TOS_MMU_H
#define TOS_MMU_H

#include "lib/types.h"

void tos_mmu_init(void);
/* Maps memory lent to us at its own address (ns: normal-world memory) */
int tos_mmu_map(u64 pa, u64 size, bool writable, bool ns);
void tos_mmu_unmap(u64 va, u64 size);

/* TA address spaces: the trusted OS (EL1 only) plus the TA's own pages */
struct pgt;
int tos_mmu_space_init(struct pgt *t);
int tos_mmu_space_map(struct pgt *t, u64 va, u64 pa, u64 size, bool exec,
		      bool writable);
/* Normal-world memory lent to the TA: read-write, never executable */
int tos_mmu_space_map_ns(struct pgt *t, u64 va, u64 pa, u64 size);
void tos_mmu_space_unmap(struct pgt *t, u16 asid, u64 va, u64 size);
void tos_mmu_space_enter(const struct pgt *t, u16 asid);
void tos_mmu_space_leave(void);
void tos_mmu_space_destroy(struct pgt *t, u16 asid);

#endif
