/* The SPMC's own stage-1 translation at S-EL2, and its table pool. */
#ifndef SPMC_STAGE1_H
#define SPMC_STAGE1_H

#include "lib/pgtable.h"

/* Pool that every translation table of the SPMC comes from. */
extern struct pgt_pool spmc_pgt_pool;

int stage1_init(void);

/* Is [pa, pa+size) normal-world RAM the SPMC sees through its stage 1? */
bool stage1_is_ns_ram(u64 pa, u64 size);

#endif
