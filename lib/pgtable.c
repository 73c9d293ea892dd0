/* Translation tables (4 KiB granule) for stage 1 and stage 2 alike. */
#include "lib/pgtable.h"
#include "lib/string.h"

#define ENTRIES 512
#define LEVEL_SHIFT(l) (12 + 9 * (3 - (l)))
#define ATTR_MASK (~PTE_ADDR_MASK & ~(PTE_VALID | PTE_TABLE))

void pgt_pool_init(struct pgt_pool *pool, void *base, u64 base_pa, u32 pages)
{
	u32 i;

	pool->base = base;
	pool->base_pa = base_pa;
	pool->pages = pages;
	pool->free_count = pages;
	pool->free_head = 0;
	/* free pages form a list through their first word */
	for (i = 0; i < pages; i++)
		*(u64 *)(pool->base + (u64)i * PAGE_SIZE) = i + 1;
}

static u64 *pool_va(const struct pgt_pool *pool, u64 pa)
{
	return (u64 *)(pool->base + (pa - pool->base_pa));
}

static bool pool_alloc(struct pgt_pool *pool, u64 *pa)
{
	u32 i = pool->free_head;
	u64 *page;

	if (i >= pool->pages)
		return false;
	page = (u64 *)(pool->base + (u64)i * PAGE_SIZE);
	pool->free_head = (u32)page[0];
	pool->free_count--;
	memset(page, 0, PAGE_SIZE);
	*pa = pool->base_pa + (u64)i * PAGE_SIZE;
	return true;
}

static void pool_free(struct pgt_pool *pool, u64 pa)
{
	u32 i = (u32)((pa - pool->base_pa) / PAGE_SIZE);

	*pool_va(pool, pa) = pool->free_head;
	pool->free_head = i;
	pool->free_count++;
}

int pgt_init(struct pgt *t, struct pgt_pool *pool, unsigned va_bits)
{
	if (va_bits < 25 || va_bits > 48)
		return PGT_ERR_RANGE;
	t->pool = pool;
	t->va_bits = va_bits;
	t->start_level = va_bits > 39 ? 0 : 1;
	return pool_alloc(pool, &t->root_pa) ? 0 : PGT_ERR_NOMEM;
}

static bool is_table(u64 pte, unsigned level)
{
	return level < 3 &&
	       (pte & (PTE_VALID | PTE_TABLE)) == (PTE_VALID | PTE_TABLE);
}

static bool range_ok(const struct pgt *t, u64 va, u64 size)
{
	u64 limit = 1ULL << t->va_bits;

	return size && IS_ALIGNED(va | size, PAGE_SIZE) && va < limit &&
	       size <= limit - va;
}

/* Is any part of [va, va+size) mapped below this table? */
static bool any_mapped(const struct pgt *t, u64 table_pa, unsigned level,
		       u64 va, u64 end)
{
	const u64 *table = pool_va(t->pool, table_pa);
	u64 span = 1ULL << LEVEL_SHIFT(level);

	while (va < end) {
		u64 next = ALIGN_DOWN(va, span) + span;
		u64 pte = table[(va >> LEVEL_SHIFT(level)) & (ENTRIES - 1)];

		if (next > end || next == 0)
			next = end;
		if (is_table(pte, level)) {
			if (any_mapped(t, pte & PTE_ADDR_MASK, level + 1, va,
				       next))
				return true;
		} else if (pte & PTE_VALID) {
			return true;
		}
		va = next;
	}
	return false;
}

static bool block_fits(unsigned level, u64 va, u64 next, u64 pa, u64 span)
{
	return level >= 1 && next - va == span && IS_ALIGNED(pa, span);
}

/*
 * Table pages map_level will allocate for [va, end): the same walk, dry.
 * table_pa 0 stands for a table that does not exist yet (all invalid).
 */
static u64 tables_needed(const struct pgt *t, u64 table_pa, unsigned level,
			 u64 va, u64 end, u64 pa)
{
	const u64 *table = table_pa ? pool_va(t->pool, table_pa) : NULL;
	u64 span = 1ULL << LEVEL_SHIFT(level), n = 0;

	while (va < end) {
		u64 next = ALIGN_DOWN(va, span) + span;
		u64 pte = table ? table[(va >> LEVEL_SHIFT(level)) &
					(ENTRIES - 1)]
				: 0;

		if (next > end || next == 0)
			next = end;
		if (!(pte & PTE_VALID) && block_fits(level, va, next, pa, span))
			;
		else if (is_table(pte, level))
			n += tables_needed(t, pte & PTE_ADDR_MASK, level + 1,
					   va, next, pa);
		else
			n += 1 + tables_needed(t, 0, level + 1, va, next, pa);
		pa += next - va;
		va = next;
	}
	return n;
}

static void map_level(struct pgt *t, u64 table_pa, unsigned level, u64 va,
		      u64 end, u64 pa, u64 attrs)
{
	u64 *table = pool_va(t->pool, table_pa);
	u64 span = 1ULL << LEVEL_SHIFT(level);

	while (va < end) {
		u64 next = ALIGN_DOWN(va, span) + span;
		u64 *pte = &table[(va >> LEVEL_SHIFT(level)) & (ENTRIES - 1)];
		u64 sub = 0;

		if (next > end || next == 0)
			next = end;
		/* blocks at levels 1 and 2 where the whole span fits */
		if (!(*pte & PTE_VALID) &&
		    block_fits(level, va, next, pa, span)) {
			*pte = pa | attrs | PTE_VALID |
			       (level == 3 ? PTE_TABLE : 0);
		} else {
			if (!(*pte & PTE_VALID)) {
				/* the caller reserved enough pages */
				(void)pool_alloc(t->pool, &sub);
				*pte = sub | PTE_VALID | PTE_TABLE;
			}
			map_level(t, *pte & PTE_ADDR_MASK, level + 1, va, next,
				  pa, attrs);
		}
		pa += next - va;
		va = next;
	}
}

int pgt_map(struct pgt *t, u64 va, u64 pa, u64 size, u64 attrs)
{
	if (!range_ok(t, va, size) || !IS_ALIGNED(pa, PAGE_SIZE) ||
	    (pa + size - 1) >> 48 || pa + size - 1 < pa)
		return PGT_ERR_RANGE;
	if (any_mapped(t, t->root_pa, t->start_level, va, va + size))
		return PGT_ERR_MAPPED;
	if (tables_needed(t, t->root_pa, t->start_level, va, va + size, pa) >
	    t->pool->free_count)
		return PGT_ERR_NOMEM;
	map_level(t, t->root_pa, t->start_level, va, va + size, pa,
		  (attrs & ATTR_MASK) | PTE_AF);
	return 0;
}

static int unmap_level(struct pgt *t, u64 table_pa, unsigned level, u64 va,
		       u64 end)
{
	u64 *table = pool_va(t->pool, table_pa);
	u64 span = 1ULL << LEVEL_SHIFT(level);

	while (va < end) {
		u64 next = ALIGN_DOWN(va, span) + span;
		u64 *pte = &table[(va >> LEVEL_SHIFT(level)) & (ENTRIES - 1)];

		if (next > end || next == 0)
			next = end;
		if (is_table(*pte, level)) {
			int err = unmap_level(t, *pte & PTE_ADDR_MASK,
					      level + 1, va, next);

			if (err)
				return err;
		} else if ((*pte & PTE_VALID) && next - va != span) {
			/* part of a block: split it into the next level */
			u64 sub, base = *pte & PTE_ADDR_MASK;
			u64 attrs = *pte & ATTR_MASK, half = span / ENTRIES;
			u64 *st;
			unsigned i;

			if (!pool_alloc(t->pool, &sub))
				return PGT_ERR_NOMEM;
			st = pool_va(t->pool, sub);
			for (i = 0; i < ENTRIES; i++)
				st[i] = (base + i * half) | attrs | PTE_VALID |
					(level + 1 == 3 ? PTE_TABLE : 0);
			*pte = sub | PTE_VALID | PTE_TABLE;
			continue; /* revisit this entry as a table */
		} else {
			*pte = 0;
		}
		va = next;
	}
	return 0;
}

int pgt_unmap(struct pgt *t, u64 va, u64 size)
{
	if (!range_ok(t, va, size))
		return PGT_ERR_RANGE;
	return unmap_level(t, t->root_pa, t->start_level, va, va + size);
}

bool pgt_lookup(const struct pgt *t, u64 va, u64 *pa, u64 *attrs)
{
	u64 table_pa = t->root_pa;
	unsigned level;

	if (va >> t->va_bits)
		return false;
	for (level = t->start_level; level <= 3; level++) {
		u64 pte = pool_va(
			t->pool,
			table_pa)[(va >> LEVEL_SHIFT(level)) & (ENTRIES - 1)];
		u64 span = 1ULL << LEVEL_SHIFT(level);

		if (!(pte & PTE_VALID))
			return false;
		if (is_table(pte, level)) {
			table_pa = pte & PTE_ADDR_MASK;
			continue;
		}
		*pa = (pte & PTE_ADDR_MASK & ~(span - 1)) | (va & (span - 1));
		*attrs = pte & ATTR_MASK;
		return true;
	}
	return false;
}

static void destroy_level(struct pgt *t, u64 table_pa, unsigned level)
{
	u64 *table = pool_va(t->pool, table_pa);
	unsigned i;

	for (i = 0; i < ENTRIES; i++)
		if (is_table(table[i], level))
			destroy_level(t, table[i] & PTE_ADDR_MASK, level + 1);
	pool_free(t->pool, table_pa);
}

void pgt_destroy(struct pgt *t)
{
	destroy_level(t, t->root_pa, t->start_level);
	t->root_pa = 0;
}
