/* Host tests of the translation-table builder (lib/pgtable.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "lib/pgtable.h"

#define POOL_PAGES 64
#define POOL_PA 0x0e200000ULL

struct fixture {
	struct pgt_pool pool;
	struct pgt t;
	void *mem;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->mem = aligned_alloc(4096, POOL_PAGES * 4096);
	pgt_pool_init(&f->pool, f->mem, POOL_PA, POOL_PAGES);
	assert_int_equal(pgt_init(&f->t, &f->pool, 39), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	free(f->mem);
	free(f);
	return 0;
}

static void maps_pages_and_blocks(void **state)
{
	struct fixture *f = *state;
	u64 pa, attrs;

	assert_int_equal(pgt_map(&f->t, 0x0e100000, 0x0e100000, 0x7000, S1_RO),
			 0);
	assert_true(pgt_lookup(&f->t, 0x0e106ff8, &pa, &attrs));
	assert_int_equal(pa, 0x0e106ff8);
	assert_true(attrs & S1_RO);
	assert_false(pgt_lookup(&f->t, 0x0e107000, &pa, &attrs));
	/* a 1 GiB block: no new tables */
	{
		u32 before = f->pool.free_count;

		assert_int_equal(pgt_map(&f->t, 0x40000000, 0x40000000,
					 0x40000000, S1_NS),
				 0);
		assert_int_equal(f->pool.free_count, before);
	}
	assert_true(pgt_lookup(&f->t, 0x7fffffff, &pa, &attrs));
	assert_int_equal(pa, 0x7fffffff);
}

static void refuses_overlap_and_bad_ranges(void **state)
{
	struct fixture *f = *state;
	u32 before;

	assert_int_equal(pgt_map(&f->t, 0x1000, 0x1000, 0x2000, 0), 0);
	before = f->pool.free_count;
	assert_int_equal(pgt_map(&f->t, 0x0, 0x0, 0x2000, 0), PGT_ERR_MAPPED);
	assert_int_equal(pgt_map(&f->t, 0x10000, 0x10000, 0, 0), PGT_ERR_RANGE);
	assert_int_equal(pgt_map(&f->t, 0x10800, 0x10000, 0x1000, 0),
			 PGT_ERR_RANGE);
	assert_int_equal(pgt_map(&f->t, 1ULL << 39, 0, 0x1000, 0),
			 PGT_ERR_RANGE);
	assert_int_equal(pgt_map(&f->t, (1ULL << 39) - 0x1000, 0, 0x2000, 0),
			 PGT_ERR_RANGE);
	assert_int_equal(f->pool.free_count, before);
}

static void unmap_splits_blocks(void **state)
{
	struct fixture *f = *state;
	u64 pa, attrs;

	assert_int_equal(pgt_map(&f->t, 0x200000, 0x800000, 0x200000, S1_RO),
			 0);
	assert_int_equal(pgt_unmap(&f->t, 0x201000, 0x1000), 0);
	assert_false(pgt_lookup(&f->t, 0x201000, &pa, &attrs));
	assert_true(pgt_lookup(&f->t, 0x202000, &pa, &attrs));
	assert_int_equal(pa, 0x802000);
	assert_true(attrs & S1_RO);
}

static void runs_out_cleanly(void **state)
{
	struct fixture *f = *state;
	u64 va;
	int err = 0;

	/* scattered pages need a table each until the pool is empty */
	for (va = 0; !err; va += 0x200000)
		err = pgt_map(&f->t, va, va, 0x1000, 0);
	assert_int_equal(err, PGT_ERR_NOMEM);
	pgt_destroy(&f->t);
	assert_int_equal(f->pool.free_count, POOL_PAGES);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(maps_pages_and_blocks, setup,
						teardown),
		cmocka_unit_test_setup_teardown(refuses_overlap_and_bad_ranges,
						setup, teardown),
		cmocka_unit_test_setup_teardown(unmap_splits_blocks, setup,
						teardown),
		cmocka_unit_test_setup_teardown(runs_out_cleanly, setup,
						teardown),
	};

	return cmocka_run_group_tests_name("pgtable", tests, NULL, NULL);
}
