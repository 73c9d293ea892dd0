/* Host tests of the SPMC's memory transactions: every step and refusal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lib/ffa_mem_desc.h"
#include "plat/qemu-virt/platform.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"
#include "test/unit/spmc_host.h"

void spmc_handle_ns_call(struct ffa_value *a);

#define NS_TX (PLAT_NS_DRAM_BASE + 0x10000)
#define NS_RX (PLAT_NS_DRAM_BASE + 0x11000)
#define NS_BUF (PLAT_NS_DRAM_BASE + 0x20000)
#define A_TX 0x0e5f0000ULL
#define A_RX 0x0e5f1000ULL
#define B_TX 0x0e7f0000ULL
#define B_RX 0x0e7f1000ULL

static struct partition *alpha, *beta;

static struct ffa_value ns(u64 x0, u64 x1, u64 x2, u64 x3)
{
	struct ffa_value a = ffa_value8(x0, x1, x2, x3, 0, 0, 0, 0);

	spmc_handle_ns_call(&a);
	return a;
}

static struct ffa_value sp(struct partition *p, u64 x0, u64 x1, u64 x2)
{
	struct caller c = { p, p->m.id };
	struct ffa_value a = ffa_value8(x0, x1, x2, 0, 0, 0, 0, 0), r;

	assert_true(ffa_answer_simple(c, &a, &r));
	return r;
}

static void is_error(struct ffa_value r, s32 code)
{
	assert_int_equal(r.x[0], FFA_ERROR);
	assert_int_equal((s32)r.x[2], code);
}

static int setup(void **state)
{
	(void)state;
	if (host_spmc_boot())
		return -1;
	alpha = spmc_find_partition(0x8001);
	beta = spmc_find_partition(0x8002);
	if (ns(FFA_RXTX_MAP_64, NS_TX, NS_RX, 1).x[0] != FFA_SUCCESS_32)
		return -1;
	return 0;
}

/* RXTX_MAP's page count is in w3, which sp() leaves 0: map by hand. */
static void map_sp_buffers(struct partition *p, u64 tx, u64 rx)
{
	struct caller c = { p, p->m.id };
	struct ffa_value a = ffa_value8(FFA_RXTX_MAP_64, tx, rx, 1, 0, 0, 0, 0),
			 r;

	assert_true(ffa_answer_simple(c, &a, &r));
	assert_int_equal(r.x[0], FFA_SUCCESS_32);
}

static void put(u8 *p, unsigned n, u64 v)
{
	while (n--) {
		*p++ = (u8)v;
		v >>= 8;
	}
}

/* A v1.0 send descriptor (Linux's layout) in the normal world's TX. */
static u32 ns_send_desc(u16 receiver, u64 addr, u32 pages, u8 perms)
{
	u8 *b = stage1_va(NS_TX);

	memset(b, 0, 4096);
	b[2] = FFA_MEM_NORMAL_WB_INNER;
	put(b + 28, 4, 1);
	put(b + 32, 2, receiver);
	b[34] = perms;
	put(b + 36, 4, 48);
	put(b + 48, 4, pages);
	put(b + 52, 4, 1);
	put(b + 64, 8, addr);
	put(b + 72, 4, pages);
	return 80;
}

/* A v1.0 retrieve request by p for handle, in p's TX. */
static u32 retrieve_desc(struct partition *p, u64 tx, u64 handle, u16 sender)
{
	u8 *b = stage1_va(tx);

	memset(b, 0, 4096);
	put(b, 2, sender);
	b[2] = FFA_MEM_NORMAL_WB_INNER;
	put(b + 8, 8, handle);
	put(b + 28, 4, 1);
	put(b + 32, 2, p->m.id);
	b[34] = FFA_DATA_ACCESS_RW;
	return 48;
}

static void relinquish_desc(u64 tx, u64 handle, u16 id)
{
	u8 *b = stage1_va(tx);

	memset(b, 0, 32);
	put(b, 8, handle);
	put(b + 12, 4, 1);
	put(b + 16, 2, id);
}

static u64 share(u16 receiver, u64 addr, u32 pages)
{
	u32 len = ns_send_desc(receiver, addr, pages, FFA_DATA_ACCESS_RW);
	struct ffa_value r = ns(FFA_MEM_SHARE_32, len, len, 0);

	assert_int_equal(r.x[0], FFA_SUCCESS_32);
	return (u32)r.x[2] | (u64)(u32)r.x[3] << 32;
}

static bool mapped_ns(struct partition *p, u64 addr, u64 *attrs)
{
	u64 pa;

	return pgt_lookup(&p->s2_ns, addr, &pa, attrs) && pa == addr;
}

/* alpha retrieves h whole (v1.0 request): the response's length in RX */
static u32 retrieve(u64 h)
{
	u32 len = retrieve_desc(alpha, A_TX, h, 0);
	struct ffa_value r = sp(alpha, FFA_MEM_RETRIEVE_REQ_32, len, len);

	assert_int_equal(r.x[0], FFA_MEM_RETRIEVE_RESP);
	return (u32)r.x[1];
}

/* alpha releases RX and relinquishes h; the normal world reclaims it */
static void give_back(u64 h)
{
	assert_int_equal(sp(alpha, FFA_RX_RELEASE, 0, 0).x[0], FFA_SUCCESS_32);
	relinquish_desc(A_TX, h, 0x8001);
	assert_int_equal(sp(alpha, FFA_MEM_RELINQUISH, 0, 0).x[0],
			 FFA_SUCCESS_32);
	assert_int_equal(ns(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0).x[0],
			 FFA_SUCCESS_32);
}

static void share_retrieve_relinquish_reclaim(void **state)
{
	u64 h, attrs;
	u32 len;
	struct ffa_value r;
	struct ffa_mem_desc d;

	(void)state;
	map_sp_buffers(alpha, A_TX, A_RX);
	h = share(0x8001, NS_BUF, 2);
	assert_false(mapped_ns(alpha, NS_BUF, &attrs));
	len = retrieve_desc(alpha, A_TX, h, 0);
	r = sp(alpha, FFA_MEM_RETRIEVE_REQ_32, len, len);
	assert_int_equal(r.x[0], FFA_MEM_RETRIEVE_RESP);
	assert_int_equal(ffa_mem_desc_read(stage1_va(A_RX), (u32)r.x[1],
					   FFA_VERSION_1_0,
					   FFA_MEM_DESC_RETRIEVE, &d),
			 FFA_OK);
	assert_int_equal(d.handle, h);
	assert_int_equal(d.range_count, 1);
	assert_int_equal(d.ranges[0].base.pa, NS_BUF);
	assert_int_equal(d.total_pages, 2);
	assert_int_equal(d.flags >> FFA_RETRIEVE_TYPE_SHIFT, 1); /* share */
	assert_true(mapped_ns(alpha, NS_BUF + 0x1000, &attrs));
	assert_true((attrs & (S2_AP_R | S2_AP_W)) == (S2_AP_R | S2_AP_W));
	assert_true(alpha->mb.rx_full);
	/* RX still full: a second retrieve of anything is BUSY */
	is_error(sp(alpha, FFA_MEM_RETRIEVE_REQ_32, len, len), FFA_BUSY);
	assert_int_equal(sp(alpha, FFA_RX_RELEASE, 0, 0).x[0], FFA_SUCCESS_32);
	is_error(sp(alpha, FFA_MEM_RETRIEVE_REQ_32, len, len), FFA_DENIED);
	is_error(ns(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0), FFA_DENIED);
	relinquish_desc(A_TX, h, 0x8001);
	assert_int_equal(sp(alpha, FFA_MEM_RELINQUISH, 0, 0).x[0],
			 FFA_SUCCESS_32);
	assert_false(mapped_ns(alpha, NS_BUF, &attrs));
	is_error(sp(alpha, FFA_MEM_RELINQUISH, 0, 0), FFA_DENIED);
	assert_int_equal(ns(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0).x[0],
			 FFA_SUCCESS_32);
	is_error(ns(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0),
		 FFA_INVALID_PARAMETERS);
	assert_int_equal(spmc_mem.live, 0);
}

/*
 * A loan or donation whose sender leaves the memory type (Linux lends so)
 * and, donating, the access to the receiver, as FF-A has it: taken, and
 * the receiver gets normal memory, read-write. A share must still say.
 */
static void lend_and_donate_left_to_the_receiver(void **state)
{
	struct ffa_mem_desc d;
	struct ffa_value r;
	u64 h, attrs;
	u32 len;

	(void)state;
	map_sp_buffers(alpha, A_TX, A_RX);
	len = ns_send_desc(0x8001, NS_BUF, 1, FFA_DATA_ACCESS_RW);
	((u8 *)stage1_va(NS_TX))[2] = 0;
	is_error(ns(FFA_MEM_SHARE_32, len, len, 0), FFA_INVALID_PARAMETERS);
	r = ns(FFA_MEM_LEND_32, len, len, 0);
	assert_int_equal(r.x[0], FFA_SUCCESS_32);
	h = (u32)r.x[2] | (u64)(u32)r.x[3] << 32;
	assert_int_equal(ffa_mem_desc_read(stage1_va(A_RX), retrieve(h),
					   FFA_VERSION_1_0,
					   FFA_MEM_DESC_RETRIEVE, &d),
			 FFA_OK);
	assert_int_equal(d.attributes & FFA_MEM_TYPE_MASK, FFA_MEM_TYPE_NORMAL);
	assert_true(mapped_ns(alpha, NS_BUF, &attrs));
	give_back(h);

	/* a loan must still say what the borrower may do */
	len = ns_send_desc(0x8001, NS_BUF, 1, FFA_DATA_ACCESS_NONE);
	((u8 *)stage1_va(NS_TX))[2] = 0;
	is_error(ns(FFA_MEM_LEND_32, len, len, 0), FFA_INVALID_PARAMETERS);
	r = ns(FFA_MEM_DONATE_32, len, len, 0);
	assert_int_equal(r.x[0], FFA_SUCCESS_32);
	h = (u32)r.x[2] | (u64)(u32)r.x[3] << 32;
	retrieve(h);
	assert_true(mapped_ns(alpha, NS_BUF, &attrs));
	assert_true((attrs & (S2_AP_R | S2_AP_W)) == (S2_AP_R | S2_AP_W));
	assert_int_equal(sp(alpha, FFA_RX_RELEASE, 0, 0).x[0], FFA_SUCCESS_32);
	/* retrieved, the donation is over: the handle names nothing */
	is_error(ns(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0),
		 FFA_INVALID_PARAMETERS);
	assert_int_equal(spmc_mem.live, 0);
}

static void bad_sends_change_nothing(void **state)
{
	struct mem_txn_table before;
	u32 len;

	(void)state;
	memcpy(&before, &spmc_mem, sizeof(before));
	/* secure memory claimed by the normal world */
	len = ns_send_desc(0x8001, 0x0e600000, 1, FFA_DATA_ACCESS_RW);
	is_error(ns(FFA_MEM_SHARE_32, len, len, 0), FFA_DENIED);
	/* outside any RAM, and its own RX/TX buffers */
	len = ns_send_desc(0x8001, 0x20000000, 1, FFA_DATA_ACCESS_RW);
	is_error(ns(FFA_MEM_SHARE_32, len, len, 0), FFA_DENIED);
	len = ns_send_desc(0x8001, NS_TX, 1, FFA_DATA_ACCESS_RW);
	is_error(ns(FFA_MEM_LEND_32, len, len, 0), FFA_DENIED);
	/* a receiver that does not exist, or the normal world itself */
	len = ns_send_desc(0x8009, NS_BUF, 1, FFA_DATA_ACCESS_RW);
	is_error(ns(FFA_MEM_SHARE_32, len, len, 0), FFA_INVALID_PARAMETERS);
	len = ns_send_desc(0x0000, NS_BUF, 1, FFA_DATA_ACCESS_RW);
	is_error(ns(FFA_MEM_SHARE_32, len, len, 0), FFA_INVALID_PARAMETERS);
	/* zero pages; no access given */
	len = ns_send_desc(0x8001, NS_BUF, 0, FFA_DATA_ACCESS_RW);
	is_error(ns(FFA_MEM_SHARE_32, len, len, 0), FFA_INVALID_PARAMETERS);
	len = ns_send_desc(0x8001, NS_BUF, 1, 0);
	is_error(ns(FFA_MEM_SHARE_32, len, len, 0), FFA_INVALID_PARAMETERS);
	/* lengths: past TX, zero, fragments, another buffer */
	len = ns_send_desc(0x8001, NS_BUF, 1, FFA_DATA_ACCESS_RW);
	is_error(ns(FFA_MEM_SHARE_32, 4097, 4097, 0), FFA_INVALID_PARAMETERS);
	is_error(ns(FFA_MEM_SHARE_32, 0, 0, 0), FFA_INVALID_PARAMETERS);
	is_error(ns(FFA_MEM_SHARE_32, len, len + 1, 0),
		 FFA_INVALID_PARAMETERS); /* a fragment longer than the whole */
	is_error(ns(FFA_MEM_SHARE_32, len, 0, 0), FFA_INVALID_PARAMETERS);
	is_error(ns(FFA_MEM_SHARE_32, len, len, NS_BUF),
		 FFA_INVALID_PARAMETERS);
	/* the descriptor says it runs further than the length given */
	is_error(ns(FFA_MEM_SHARE_32, len - 8, len - 8, 0),
		 FFA_INVALID_PARAMETERS);
	/* zero-before-retrieval makes no sense for a share */
	put((u8 *)stage1_va(NS_TX) + 4, 4, 1);
	is_error(ns(FFA_MEM_SHARE_32, len, len, 0), FFA_INVALID_PARAMETERS);
	assert_memory_equal(&before, &spmc_mem, sizeof(before));
}

static void bad_retrieves_change_nothing(void **state)
{
	u64 h, attrs;
	u32 len;

	(void)state;
	map_sp_buffers(alpha, A_TX, A_RX);
	map_sp_buffers(beta, B_TX, B_RX);
	h = share(0x8001, NS_BUF, 1);
	/* beta is not a receiver */
	len = retrieve_desc(beta, B_TX, h, 0);
	is_error(sp(beta, FFA_MEM_RETRIEVE_REQ_32, len, len),
		 FFA_INVALID_PARAMETERS);
	assert_false(mapped_ns(beta, NS_BUF, &attrs));
	/* wrong handle, wrong sender, wrong tag */
	len = retrieve_desc(alpha, A_TX, h + 1, 0);
	is_error(sp(alpha, FFA_MEM_RETRIEVE_REQ_32, len, len),
		 FFA_INVALID_PARAMETERS);
	len = retrieve_desc(alpha, A_TX, h, 0x8002);
	is_error(sp(alpha, FFA_MEM_RETRIEVE_REQ_32, len, len),
		 FFA_INVALID_PARAMETERS);
	len = retrieve_desc(alpha, A_TX, h, 0);
	put((u8 *)stage1_va(A_TX) + 16, 8, 99);
	is_error(sp(alpha, FFA_MEM_RETRIEVE_REQ_32, len, len),
		 FFA_INVALID_PARAMETERS);
	/* as a lend, while it is a share */
	len = retrieve_desc(alpha, A_TX, h, 0);
	put((u8 *)stage1_va(A_TX) + 4, 4, 2 << FFA_RETRIEVE_TYPE_SHIFT);
	is_error(sp(alpha, FFA_MEM_RETRIEVE_REQ_32, len, len),
		 FFA_INVALID_PARAMETERS);
	assert_false(mapped_ns(alpha, NS_BUF, &attrs));
	/* the normal world cannot retrieve here; relinquish never done */
	is_error(ns(FFA_MEM_RETRIEVE_REQ_32, len, len, 0), FFA_NOT_SUPPORTED);
	relinquish_desc(A_TX, h, 0x8001);
	is_error(sp(alpha, FFA_MEM_RELINQUISH, 0, 0), FFA_DENIED);
	relinquish_desc(A_TX, h, 0x8002);
	is_error(sp(alpha, FFA_MEM_RELINQUISH, 0, 0), FFA_INVALID_PARAMETERS);
	/* reclaim by someone else than the owner */
	is_error(sp(alpha, FFA_MEM_RECLAIM, (u32)h, h >> 32),
		 FFA_INVALID_PARAMETERS);
	assert_int_equal(ns(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0).x[0],
			 FFA_SUCCESS_32);
}

static struct ffa_value frag_tx(u64 h, u32 len)
{
	struct ffa_value a =
		ffa_value8(FFA_MEM_FRAG_TX, (u32)h, h >> 32, len, 0, 0, 0, 0);

	spmc_handle_ns_call(&a);
	return a;
}

/* A descriptor in three fragments, and every way to get that wrong. */
static void fragments(void **state)
{
	static u8 whole[4096];
	u8 *tx = stage1_va(NS_TX);
	struct ffa_value r;
	u32 len;
	u64 h;

	(void)state;
	map_sp_buffers(alpha, A_TX, A_RX);
	len = ns_send_desc(0x8001, NS_BUF, 2, FFA_DATA_ACCESS_RW);
	memcpy(whole, tx, len);
	/* fragment 1: 32 bytes */
	r = ns(FFA_MEM_SHARE_32, len, 32, 0);
	assert_int_equal(r.x[0], FFA_MEM_FRAG_RX);
	assert_int_equal(r.x[3], 32);
	h = (u32)r.x[1] | (u64)(u32)r.x[2] << 32;
	assert_null(mem_txn_find(&spmc_mem, h)); /* not a transaction yet */
	/* a second transaction while this one is assembled: BUSY */
	is_error(ns(FFA_MEM_SHARE_32, len, 32, 0), FFA_BUSY);
	/* out of order: wrong handle; the sequence goes on unharmed */
	is_error(frag_tx(h + 1, 16), FFA_INVALID_PARAMETERS);
	memcpy(tx, whole + 32, 16);
	r = frag_tx(h, 16);
	assert_int_equal(r.x[0], FFA_MEM_FRAG_RX);
	assert_int_equal(r.x[3], 48);
	memcpy(tx, whole + 48, len - 48);
	r = frag_tx(h, len - 48);
	assert_int_equal(r.x[0], FFA_SUCCESS_32);
	assert_int_equal((u32)r.x[2] | (u64)(u32)r.x[3] << 32, h);
	assert_non_null(mem_txn_find(&spmc_mem, h));
	is_error(frag_tx(h, 16), FFA_INVALID_PARAMETERS); /* it is over */
	assert_int_equal(ns(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0).x[0],
			 FFA_SUCCESS_32);

	/* a fragment past the announced total ends the sequence */
	memcpy(tx, whole, len);
	r = ns(FFA_MEM_SHARE_32, len, 32, 0);
	h = (u32)r.x[1] | (u64)(u32)r.x[2] << 32;
	is_error(frag_tx(h, len), FFA_INVALID_PARAMETERS);
	is_error(frag_tx(h, len - 32), FFA_INVALID_PARAMETERS);
	assert_int_equal(spmc_mem.live, 0);
	/* FRAG_RX: our responses always fit, there is nothing to fetch */
	is_error(sp(alpha, FFA_MEM_FRAG_RX, h, 0), FFA_INVALID_PARAMETERS);
}

static void stopped_borrower_and_no_leaks(void **state)
{
	u32 free_before, len, i;
	u64 h, attrs;

	(void)state;
	map_sp_buffers(alpha, A_TX, A_RX);
	free_before = spmc_pgt_pool.free_count;
	for (i = 0; i < 2000; i++) {
		h = share(0x8001, NS_BUF + (i % 8) * 0x1000, 1 + i % 4);
		retrieve(h);
		give_back(h);
	}
	assert_int_equal(spmc_mem.live, 0);
	/* unmapping leaves empty tables in place: the pool settles at the
	 * first cycle's high-water mark and never grows after it */
	assert_true(free_before - spmc_pgt_pool.free_count <= 2);
	/* a borrower that is stopped lets its lender reclaim */
	h = share(0x8001, NS_BUF, 1);
	len = retrieve_desc(alpha, A_TX, h, 0);
	assert_int_equal(sp(alpha, FFA_MEM_RETRIEVE_REQ_32, len, len).x[0],
			 FFA_MEM_RETRIEVE_RESP);
	assert_true(mapped_ns(alpha, NS_BUF, &attrs));
	is_error(ns(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0), FFA_DENIED);
	{
		struct partition *next;
		struct ffa_value out;

		alpha->state = SP_RUNNING;
		sp_fault(alpha, &next, &out, "test");
	}
	assert_int_equal(ns(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0).x[0],
			 FFA_SUCCESS_32);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(share_retrieve_relinquish_reclaim,
				       setup),
		cmocka_unit_test_setup(lend_and_donate_left_to_the_receiver,
				       setup),
		cmocka_unit_test_setup(bad_sends_change_nothing, setup),
		cmocka_unit_test_setup(bad_retrieves_change_nothing, setup),
		cmocka_unit_test_setup(fragments, setup),
		cmocka_unit_test_setup(stopped_borrower_and_no_leaks, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
