/* The trusted OS's own stage-1 translation at S-EL1. */
#ifndef TOS_MMU_H
#define TOS_MMU_H

void tos_mmu_init(void);

#endif
