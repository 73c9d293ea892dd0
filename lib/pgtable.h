/* Translation tables (4 KiB granule) for stage 1 and stage 2 alike. */
#ifndef LIB_PGTABLE_H
#define LIB_PGTABLE_H

#include "lib/types.h"

/* Descriptor bits common to both stages */
#define PTE_VALID BIT(0)
#define PTE_TABLE BIT(1) /* at levels 0-2; at level 3 marks a page */
#define PTE_AF BIT(10)
#define PTE_SH_INNER (3ULL << 8)
#define PTE_ADDR_MASK 0x0000fffffffff000ULL

/* Stage 1, EL2/EL3 (one VA range) */
#define S1_ATTR_IDX(n) ((u64)(n) << 2)
#define S1_NS BIT(5)
#define S1_RO BIT(7)
#define S1_XN BIT(54)
#define S1_MAIR_DEVICE 0 /* MAIR index 0: Device-nGnRE */
#define S1_MAIR_NORMAL 1 /* MAIR index 1: Normal WB */

/* Stage 2 */
#define S2_MEMATTR_DEVICE (0x1ULL << 2)
#define S2_MEMATTR_NORMAL (0xfULL << 2)
#define S2_AP_R BIT(6)
#define S2_AP_W BIT(7)
#define S2_XN (2ULL << 53)

/*
 * Table pages come from one pool of physically contiguous pages. The pool
 * knows where it is seen (base) and where it is (base_pa), so the same
 * code runs on the host, where the two differ, and in firmware.
 */
struct pgt_pool {
	u8 *base;
	u64 base_pa;
	u32 pages;
	u32 free_count;
	u32 free_head; /* index of the first free page, or pages if none */
};

struct pgt {
	struct pgt_pool *pool;
	u64 root_pa;
	unsigned start_level;
	unsigned va_bits;
};

void pgt_pool_init(struct pgt_pool *pool, void *base, u64 base_pa, u32 pages);

/* va_bits from 25 to 48; the start level follows from it. */
int pgt_init(struct pgt *t, struct pgt_pool *pool, unsigned va_bits);

/*
 * Maps [va, va + size) to pa with the given descriptor attributes (page
 * granular, largest blocks where aligned). Fails with no change made if any
 * part is already mapped, the range is out of bounds or tables run out.
 */
int pgt_map(struct pgt *t, u64 va, u64 pa, u64 size, u64 attrs);

/* Unmaps [va, va + size), splitting blocks; a range not mapped is no error. */
int pgt_unmap(struct pgt *t, u64 va, u64 size);

/* Output address and attributes of va, or false if unmapped. */
bool pgt_lookup(const struct pgt *t, u64 va, u64 *pa, u64 *attrs);

/* Returns every table page of t to its pool. */
void pgt_destroy(struct pgt *t);

#define PGT_ERR_RANGE (-1)
#define PGT_ERR_MAPPED (-2)
#define PGT_ERR_NOMEM (-3)

#endif
