/* Host tests of the memory-ownership state machine (lib/mem_txn.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lib/ffa.h"
#include "lib/mem_txn.h"

#define NS 0x0000
#define ALPHA 0x8001
#define BETA 0x8002
#define GAMMA 0x8003
#define RAM 0x40000000ULL

static struct mem_txn_table table;

static int reset(void **state)
{
	(void)state;
	mem_txn_init(&table);
	return 0;
}

static struct mem_txn_req one(enum mem_txn_type type, u16 sender, u16 to,
			      u64 base, u32 pages)
{
	struct mem_txn_req r;

	memset(&r, 0, sizeof(r));
	r.type = type;
	r.sender = sender;
	r.receiver_count = 1;
	r.receivers[0].id = to;
	r.receivers[0].access = MEM_ACCESS_R | MEM_ACCESS_W;
	r.range_count = 1;
	r.ranges[0].base = pa_init(base);
	r.ranges[0].pages = pages;
	return r;
}

/* The table as bytes, to prove a refused call changed nothing. */
static struct mem_txn_table snapshot;
static void take(void)
{
	memcpy(&snapshot, &table, sizeof(table));
}
static void unchanged(void)
{
	assert_memory_equal(&snapshot, &table, sizeof(table));
}

static void refuse_send(struct mem_txn_req r, s32 code)
{
	u64 h = 0xdead;

	take();
	assert_int_equal(mem_txn_send(&table, &r, &h), code);
	assert_int_equal(h, 0xdead);
	unchanged();
}

static void share_cycle(void **state)
{
	struct mem_txn_req r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 4);
	struct mem_txn got;
	u64 h;

	(void)state;
	assert_int_equal(mem_txn_send(&table, &r, &h), FFA_OK);
	assert_true(h != 0);
	assert_int_equal(h & BIT(63), 0); /* allocated by the SPMC */
	assert_int_equal(table.live, 1);
	assert_true(
		mem_txn_pages_busy(&table, pa_init(RAM + 3 * PAGE_SIZE), 1));
	assert_false(
		mem_txn_pages_busy(&table, pa_init(RAM + 4 * PAGE_SIZE), 1));
	assert_int_equal(mem_txn_retrieve(&table, h, ALPHA, &got), FFA_OK);
	assert_int_equal(got.handle, h);
	assert_int_equal(got.pages, 4);
	assert_int_equal(got.req.ranges[0].base.pa, RAM);
	assert_int_equal(mem_txn_relinquish(&table, h, ALPHA), FFA_OK);
	/* retrieving again after relinquish is allowed */
	assert_int_equal(mem_txn_retrieve(&table, h, ALPHA, &got), FFA_OK);
	assert_int_equal(mem_txn_relinquish(&table, h, ALPHA), FFA_OK);
	assert_int_equal(mem_txn_reclaim(&table, h, NS, &got), FFA_OK);
	assert_int_equal(got.handle, h);
	assert_int_equal(table.live, 0);
	assert_null(mem_txn_find(&table, h));
	assert_false(mem_txn_pages_busy(&table, pa_init(RAM), 4));
}

static void donate_ends_at_retrieve(void **state)
{
	struct mem_txn_req r = one(MEM_TXN_DONATE, ALPHA, BETA, RAM, 2);
	struct mem_txn got;
	u64 h;

	(void)state;
	assert_int_equal(mem_txn_send(&table, &r, &h), FFA_OK);
	/* before retrieval the donor may still take it back */
	assert_int_equal(mem_txn_reclaim(&table, h, ALPHA, &got), FFA_OK);
	assert_int_equal(mem_txn_send(&table, &r, &h), FFA_OK);
	assert_int_equal(mem_txn_retrieve(&table, h, BETA, &got), FFA_OK);
	assert_int_equal(got.req.type, MEM_TXN_DONATE);
	assert_int_equal(table.live, 0);
	/* the handle is gone: nothing to relinquish or reclaim */
	assert_int_equal(mem_txn_relinquish(&table, h, BETA),
			 FFA_INVALID_PARAMETERS);
	assert_int_equal(mem_txn_reclaim(&table, h, ALPHA, &got),
			 FFA_INVALID_PARAMETERS);
	/* donation to several receivers is not a thing */
	r.receiver_count = 2;
	r.receivers[1].id = GAMMA;
	r.receivers[1].access = MEM_ACCESS_R;
	refuse_send(r, FFA_INVALID_PARAMETERS);
}

static void lend_to_several(void **state)
{
	struct mem_txn_req r = one(MEM_TXN_LEND, NS, ALPHA, RAM, 1);
	struct mem_txn got;
	u64 h;

	(void)state;
	r.receiver_count = 2;
	r.receivers[1].id = BETA;
	r.receivers[1].access = MEM_ACCESS_R;
	assert_int_equal(mem_txn_send(&table, &r, &h), FFA_OK);
	assert_int_equal(mem_txn_retrieve(&table, h, ALPHA, &got), FFA_OK);
	assert_int_equal(mem_txn_retrieve(&table, h, BETA, &got), FFA_OK);
	assert_int_equal(mem_txn_relinquish(&table, h, ALPHA), FFA_OK);
	/* beta still holds it */
	take();
	assert_int_equal(mem_txn_reclaim(&table, h, NS, &got), FFA_DENIED);
	unchanged();
	assert_int_equal(mem_txn_relinquish(&table, h, BETA), FFA_OK);
	assert_int_equal(mem_txn_reclaim(&table, h, NS, &got), FFA_OK);
}

static void bad_shapes(void **state)
{
	struct mem_txn_req r;

	(void)state;
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 0);
	refuse_send(r, FFA_INVALID_PARAMETERS); /* zero pages */
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM + 8, 1);
	refuse_send(r, FFA_INVALID_PARAMETERS); /* unaligned */
	r = one(MEM_TXN_SHARE, NS, ALPHA, 0xfffffffffffff000ULL, 2);
	refuse_send(r, FFA_INVALID_PARAMETERS); /* wraps */
	r = one(MEM_TXN_SHARE, NS, NS, RAM, 1);
	refuse_send(r, FFA_INVALID_PARAMETERS); /* to itself */
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 1);
	r.receiver_count = 0;
	refuse_send(r, FFA_INVALID_PARAMETERS);
	r.receiver_count = MEM_TXN_MAX_RECEIVERS + 1;
	refuse_send(r, FFA_INVALID_PARAMETERS);
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 1);
	r.range_count = 0;
	refuse_send(r, FFA_INVALID_PARAMETERS);
	r.range_count = MEM_TXN_MAX_RANGES + 1;
	refuse_send(r, FFA_INVALID_PARAMETERS);
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 1);
	r.receiver_count = 2;
	r.receivers[1] = r.receivers[0];
	refuse_send(r, FFA_INVALID_PARAMETERS); /* same receiver twice */
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 4);
	r.range_count = 2;
	r.ranges[1].base = pa_init(RAM + 3 * PAGE_SIZE);
	r.ranges[1].pages = 1;
	refuse_send(r, FFA_INVALID_PARAMETERS); /* ranges overlap */
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 1);
	r.receivers[0].access = MEM_ACCESS_W;
	refuse_send(r, FFA_INVALID_PARAMETERS); /* write without read */
	r.receivers[0].access = 0x80;
	refuse_send(r, FFA_INVALID_PARAMETERS);
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 1);
	r.receivers[0].retrieved = true;
	refuse_send(r, FFA_INVALID_PARAMETERS);
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 1);
	r.type = (enum mem_txn_type)7;
	refuse_send(r, FFA_INVALID_PARAMETERS);
	assert_int_equal(table.live, 0);
}

static void pages_in_one_transaction_only(void **state)
{
	struct mem_txn_req r = one(MEM_TXN_LEND, NS, ALPHA, RAM, 4);
	u64 h;

	(void)state;
	assert_int_equal(mem_txn_send(&table, &r, &h), FFA_OK);
	/* the same, a part, or an overlapping range: all refused */
	refuse_send(r, FFA_DENIED);
	refuse_send(one(MEM_TXN_SHARE, NS, BETA, RAM + PAGE_SIZE, 1),
		    FFA_DENIED);
	refuse_send(one(MEM_TXN_DONATE, NS, BETA, RAM - PAGE_SIZE, 2),
		    FFA_DENIED);
	r = one(MEM_TXN_SHARE, NS, BETA, RAM + 4 * PAGE_SIZE, 1);
	assert_int_equal(mem_txn_send(&table, &r, &h), FFA_OK);
	assert_int_equal(table.live, 2);
}

static void refused_transitions(void **state)
{
	struct mem_txn_req r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 1);
	struct mem_txn got;
	u64 h;

	(void)state;
	assert_int_equal(mem_txn_send(&table, &r, &h), FFA_OK);
	take();
	assert_int_equal(mem_txn_retrieve(&table, h + 1, ALPHA, &got),
			 FFA_INVALID_PARAMETERS); /* unknown handle */
	assert_int_equal(mem_txn_retrieve(&table, 0, ALPHA, &got),
			 FFA_INVALID_PARAMETERS);
	assert_int_equal(mem_txn_retrieve(&table, h, BETA, &got),
			 FFA_INVALID_PARAMETERS); /* not a receiver */
	assert_int_equal(mem_txn_relinquish(&table, h, ALPHA),
			 FFA_DENIED); /* never retrieved */
	assert_int_equal(mem_txn_relinquish(&table, h, BETA),
			 FFA_INVALID_PARAMETERS);
	assert_int_equal(mem_txn_reclaim(&table, h, ALPHA, &got),
			 FFA_INVALID_PARAMETERS); /* not the owner */
	unchanged();
	assert_int_equal(mem_txn_retrieve(&table, h, ALPHA, &got), FFA_OK);
	take();
	assert_int_equal(mem_txn_retrieve(&table, h, ALPHA, &got),
			 FFA_DENIED); /* twice */
	assert_int_equal(mem_txn_reclaim(&table, h, NS, &got),
			 FFA_DENIED); /* still borrowed */
	unchanged();
}

static void stopped_borrower_releases(void **state)
{
	struct mem_txn_req r = one(MEM_TXN_LEND, NS, ALPHA, RAM, 1);
	struct mem_txn got;
	u64 h1, h2;

	(void)state;
	assert_int_equal(mem_txn_send(&table, &r, &h1), FFA_OK);
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM + PAGE_SIZE, 1);
	assert_int_equal(mem_txn_send(&table, &r, &h2), FFA_OK);
	assert_int_equal(mem_txn_retrieve(&table, h1, ALPHA, &got), FFA_OK);
	assert_int_equal(mem_txn_retrieve(&table, h2, ALPHA, &got), FFA_OK);
	assert_int_equal(mem_txn_endpoint_stopped(&table, BETA), 0);
	assert_int_equal(mem_txn_endpoint_stopped(&table, ALPHA), 2);
	assert_int_equal(mem_txn_reclaim(&table, h1, NS, &got), FFA_OK);
	assert_int_equal(mem_txn_reclaim(&table, h2, NS, &got), FFA_OK);
	assert_int_equal(table.live, 0);
}

static void table_full(void **state)
{
	struct mem_txn_req r;
	struct mem_txn got;
	u64 h[MEM_TXN_MAX], extra;
	unsigned i, j;

	(void)state;
	for (i = 0; i < MEM_TXN_MAX; i++) {
		r = one(MEM_TXN_SHARE, NS, ALPHA, RAM + i * PAGE_SIZE, 1);
		assert_int_equal(mem_txn_send(&table, &r, &h[i]), FFA_OK);
		for (j = 0; j < i; j++)
			assert_true(h[j] != h[i]);
	}
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM + MEM_TXN_MAX * PAGE_SIZE, 1);
	refuse_send(r, FFA_NO_MEMORY);
	assert_int_equal(mem_txn_reclaim(&table, h[5], NS, &got), FFA_OK);
	assert_int_equal(mem_txn_send(&table, &r, &extra), FFA_OK);
	/* a freed slot does not bring its handle back */
	for (i = 0; i < MEM_TXN_MAX; i++)
		assert_true(extra != h[i]);
}

static void handles_skip_live_ones_at_wrap(void **state)
{
	struct mem_txn_req r = one(MEM_TXN_SHARE, NS, ALPHA, RAM, 1);
	u64 h1, h2;

	(void)state;
	assert_int_equal(mem_txn_send(&table, &r, &h1), FFA_OK);
	assert_int_equal(h1, 1);
	/* the counter is about to wrap onto the live handle 1 */
	table.next_handle = BIT(63) - 1;
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM + PAGE_SIZE, 1);
	assert_int_equal(mem_txn_send(&table, &r, &h2), FFA_OK);
	assert_int_equal(h2, BIT(63) - 1);
	r = one(MEM_TXN_SHARE, NS, ALPHA, RAM + 2 * PAGE_SIZE, 1);
	assert_int_equal(mem_txn_send(&table, &r, &h2), FFA_OK);
	assert_int_equal(h2, 2); /* neither 0 nor the live 1 */
}

/*
 * Random operations against a simple model of who holds what. After each
 * step: every page is in at most one live transaction, a refused call left
 * the table byte for byte as it was, and the live count is right.
 */
static u64 rng = 0x9e3779b97f4a7c15ULL;
static u64 next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void check_invariants(void)
{
	unsigned i, j, live = 0;

	for (i = 0; i < MEM_TXN_MAX; i++) {
		const struct mem_txn *a = &table.txn[i];

		if (!a->handle)
			continue;
		live++;
		assert_int_equal(a->handle & BIT(63), 0);
		for (j = i + 1; j < MEM_TXN_MAX; j++) {
			const struct mem_txn *b = &table.txn[j];
			unsigned x, y;

			if (!b->handle)
				continue;
			assert_true(a->handle != b->handle);
			for (x = 0; x < a->req.range_count; x++)
				for (y = 0; y < b->req.range_count; y++) {
					u64 as = a->req.ranges[x].base.pa;
					u64 ae = as + a->req.ranges[x].pages *
							      PAGE_SIZE;
					u64 bs = b->req.ranges[y].base.pa;
					u64 be = bs + b->req.ranges[y].pages *
							      PAGE_SIZE;

					assert_false(as < be && bs < ae);
				}
		}
	}
	assert_int_equal(live, table.live);
}

static void random_walk(void **state)
{
	static const u16 ids[] = { NS, ALPHA, BETA, GAMMA };
	u64 handles[256];
	unsigned nh = 0, step;

	(void)state;
	for (step = 0; step < 20000; step++) {
		u64 v = next_rand();
		u16 who = ids[v % 4], other = ids[(v >> 2) % 4];
		u64 h = nh ? handles[(v >> 8) % nh] : 1;
		struct mem_txn got;
		s32 rc;

		take();
		switch ((v >> 16) % 5) {
		case 0: {
			struct mem_txn_req r =
				one((enum mem_txn_type)((v >> 20) % 3), who,
				    other, RAM + ((v >> 24) % 64) * PAGE_SIZE,
				    (u32)((v >> 32) % 4));
			u64 nhd;

			if ((v >> 40) & 1) {
				r.receiver_count = 2;
				r.receivers[1].id = ids[(v >> 41) % 4];
				r.receivers[1].access = MEM_ACCESS_R;
			}
			rc = mem_txn_send(&table, &r, &nhd);
			if (rc == FFA_OK && nh < 256)
				handles[nh++] = nhd;
			break;
		}
		case 1:
			rc = mem_txn_retrieve(&table, h, who, &got);
			break;
		case 2:
			rc = mem_txn_relinquish(&table, h, who);
			break;
		case 3:
			rc = mem_txn_reclaim(&table, h, who, &got);
			break;
		default:
			rc = mem_txn_endpoint_stopped(&table, who) ? FFA_OK
								   : FFA_DENIED;
			break;
		}
		if (rc != FFA_OK)
			unchanged();
		check_invariants();
		if (nh == 256)
			nh = 0;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(share_cycle, reset),
		cmocka_unit_test_setup(donate_ends_at_retrieve, reset),
		cmocka_unit_test_setup(lend_to_several, reset),
		cmocka_unit_test_setup(bad_shapes, reset),
		cmocka_unit_test_setup(pages_in_one_transaction_only, reset),
		cmocka_unit_test_setup(refused_transitions, reset),
		cmocka_unit_test_setup(stopped_borrower_releases, reset),
		cmocka_unit_test_setup(table_full, reset),
		cmocka_unit_test_setup(handles_skip_live_ones_at_wrap, reset),
		cmocka_unit_test_setup(random_walk, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
