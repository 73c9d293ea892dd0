/* The SPMC's own stage-1 translation at S-EL2, and its table pool. */
#ifndef SPMC_STAGE1_H
#define SPMC_STAGE1_H

#include "lib/pgtable.h"
#include "plat/qemu-virt/platform.h"

/* Pool that every translation table of the SPMC comes from. */
extern struct pgt_pool spmc_pgt_pool;

int stage1_init(void);

/* Is [pa, pa+size) normal-world RAM the SPMC sees through its stage 1? */
static inline bool stage1_is_ns_ram(u64 pa, u64 size)
{
	return pa >= PLAT_NS_DRAM_BASE &&
	       pa - PLAT_NS_DRAM_BASE <= PLAT_NS_DRAM_SIZE &&
	       size <= PLAT_NS_DRAM_SIZE - (pa - PLAT_NS_DRAM_BASE);
}

/* Where the SPMC sees physical address pa (RAM of either world). */
void *stage1_va(u64 pa);

/* Page index of ours that partition index may read its FF-A boot
 * information from, and its physical address in *pa. */
u8 *stage1_boot_info_page(unsigned index, u64 *pa);

#endif
