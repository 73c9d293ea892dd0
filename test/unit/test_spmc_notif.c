/* Host tests of notifications and indirect messages at the SPMC. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lib/bootpkg.h"
#include "plat/qemu-virt/platform.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"
#include "test/unit/spmc_host.h"

void spmc_handle_ns_call(struct ffa_value *a);

#define NS_TX (PLAT_NS_DRAM_BASE + 0x10000)
#define NS_RX (PLAT_NS_DRAM_BASE + 0x11000)
#define A_TX 0x0e5f0000ULL
#define A_RX 0x0e5f1000ULL
#define ALPHA 0x8001
#define BETA 0x8002

static struct partition *alpha, *beta;

static struct ffa_value ns(u64 x0, u64 x1, u64 x2, u64 x3, u64 x4)
{
	struct ffa_value a = ffa_value8(x0, x1, x2, x3, x4, 0, 0, 0);

	spmc_handle_ns_call(&a);
	return a;
}

static struct ffa_value sp(struct partition *p, u64 x0, u64 x1, u64 x2, u64 x3,
			   u64 x4)
{
	struct caller c = { p, p->m.id };
	struct ffa_value a = ffa_value8(x0, x1, x2, x3, x4, 0, 0, 0), r;

	assert_true(ffa_answer_simple(c, &a, &r));
	return r;
}

static void is_error(struct ffa_value r, s32 code)
{
	assert_int_equal(r.x[0], FFA_ERROR);
	assert_int_equal((s32)r.x[2], code);
}

static void ok(struct ffa_value r)
{
	assert_int_equal(r.x[0], FFA_SUCCESS_32);
}

static int setup(void **state)
{
	(void)state;
	if (host_spmc_boot())
		return -1;
	alpha = spmc_find_partition(ALPHA);
	beta = spmc_find_partition(BETA);
	return 0;
}

static void bitmaps(void **state)
{
	(void)state;
	/* the normal world must create its bitmap before binding */
	is_error(ns(FFA_NOTIFICATION_BIND, (u64)ALPHA << 16, 0, 1, 0),
		 FFA_DENIED);
	is_error(ns(FFA_NOTIFICATION_BITMAP_CREATE, 1, 1, 0, 0),
		 FFA_INVALID_PARAMETERS); /* VM 1: no hypervisor here */
	is_error(ns(FFA_NOTIFICATION_BITMAP_CREATE, 0, 0, 0, 0),
		 FFA_INVALID_PARAMETERS); /* no vCPU */
	ok(ns(FFA_NOTIFICATION_BITMAP_CREATE, 0, 1, 0, 0));
	is_error(ns(FFA_NOTIFICATION_BITMAP_CREATE, 0, 1, 0, 0), FFA_DENIED);
	is_error(sp(alpha, FFA_NOTIFICATION_BITMAP_CREATE, 0, 1, 0, 0),
		 FFA_NOT_SUPPORTED);
	ok(ns(FFA_NOTIFICATION_BITMAP_DESTROY, 0, 0, 0, 0));
	is_error(ns(FFA_NOTIFICATION_BITMAP_DESTROY, 0, 0, 0, 0), FFA_DENIED);
}

static void bind_set_get(void **state)
{
	struct ffa_value r;

	(void)state;
	ok(ns(FFA_NOTIFICATION_BITMAP_CREATE, 0, 1, 0, 0));
	/* alpha lets the normal world set bits 0 and 33 */
	ok(sp(alpha, FFA_NOTIFICATION_BIND, 0 << 16 | ALPHA, 0, 1, 2));
	/* beta may not set them; bits bound once only */
	is_error(sp(beta, FFA_NOTIFICATION_SET, (u64)BETA << 16 | ALPHA, 0, 1,
		    0),
		 FFA_DENIED);
	is_error(sp(alpha, FFA_NOTIFICATION_BIND, (u64)BETA << 16 | ALPHA, 0, 1,
		    0),
		 FFA_DENIED);
	ok(sp(alpha, FFA_NOTIFICATION_BIND, (u64)BETA << 16 | ALPHA, 0, 4, 0));
	/* binding for someone else, to oneself, to nobody, per vCPU */
	is_error(sp(alpha, FFA_NOTIFICATION_BIND, 0 << 16 | BETA, 0, 8, 0),
		 FFA_INVALID_PARAMETERS);
	is_error(sp(alpha, FFA_NOTIFICATION_BIND, (u64)ALPHA << 16 | ALPHA, 0,
		    8, 0),
		 FFA_INVALID_PARAMETERS);
	is_error(sp(alpha, FFA_NOTIFICATION_BIND, (u64)0x8009 << 16 | ALPHA, 0,
		    8, 0),
		 FFA_INVALID_PARAMETERS);
	is_error(sp(alpha, FFA_NOTIFICATION_BIND, 0 << 16 | ALPHA, 1, 8, 0),
		 FFA_INVALID_PARAMETERS);
	is_error(sp(alpha, FFA_NOTIFICATION_BIND, 0 << 16 | ALPHA, 0, 0, 0),
		 FFA_INVALID_PARAMETERS);

	/* the normal world sets bit 33, beta bit 2 */
	is_error(ns(FFA_NOTIFICATION_SET, (u64)1 << 16 | ALPHA, 0, 0, 2),
		 FFA_INVALID_PARAMETERS); /* sender not the caller */
	ok(ns(FFA_NOTIFICATION_SET, 0 << 16 | ALPHA, 0, 0, 2));
	ok(sp(beta, FFA_NOTIFICATION_SET, (u64)BETA << 16 | ALPHA, 0, 4, 0));
	is_error(ns(FFA_NOTIFICATION_SET, 0 << 16 | ALPHA, 0, 4, 0),
		 FFA_DENIED); /* bit 2 is beta's */

	/* the scheduler learns alpha has something, once */
	r = ns(FFA_NOTIFICATION_INFO_GET_64, 0, 0, 0, 0);
	assert_int_equal(r.x[0], FFA_SUCCESS_64);
	assert_int_equal(r.x[2], 1 << 7); /* one list, nothing more */
	assert_int_equal(r.x[3] & 0xffff, ALPHA);
	is_error(ns(FFA_NOTIFICATION_INFO_GET_64, 0, 0, 0, 0), FFA_NO_DATA);
	is_error(sp(alpha, FFA_NOTIFICATION_INFO_GET_32, 0, 0, 0, 0),
		 FFA_NOT_SUPPORTED);

	/* alpha gets only what it asks for, and each once */
	r = sp(alpha, FFA_NOTIFICATION_GET, ALPHA, 1 /* from SPs */, 0, 0);
	ok(r);
	assert_int_equal(r.x[2], 4);
	assert_int_equal(r.x[4], 0);
	r = sp(alpha, FFA_NOTIFICATION_GET, ALPHA, 3, 0, 0);
	assert_int_equal(r.x[2], 0);
	assert_int_equal(r.x[5], 2); /* bit 33 from the normal world */
	r = sp(alpha, FFA_NOTIFICATION_GET, ALPHA, 3, 0, 0);
	assert_int_equal(r.x[2] | r.x[3] | r.x[4] | r.x[5], 0);
	is_error(sp(alpha, FFA_NOTIFICATION_GET, BETA, 3, 0, 0),
		 FFA_INVALID_PARAMETERS);
	is_error(sp(alpha, FFA_NOTIFICATION_GET, 1 << 16 | ALPHA, 3, 0, 0),
		 FFA_INVALID_PARAMETERS);
	is_error(sp(alpha, FFA_NOTIFICATION_GET, ALPHA, 0x10, 0, 0),
		 FFA_INVALID_PARAMETERS);

	/* unbind only what is bound to that sender; pending bits go too */
	ok(ns(FFA_NOTIFICATION_SET, 0 << 16 | ALPHA, 0, 1, 0));
	is_error(sp(alpha, FFA_NOTIFICATION_UNBIND, (u64)BETA << 16 | ALPHA, 0,
		    1, 0),
		 FFA_DENIED);
	ok(sp(alpha, FFA_NOTIFICATION_UNBIND, 0 << 16 | ALPHA, 0, 1, 0));
	assert_int_equal(alpha->notif.pending, 0);
	is_error(ns(FFA_NOTIFICATION_SET, 0 << 16 | ALPHA, 0, 1, 0),
		 FFA_DENIED);

	/* a partition notifies the normal world */
	ok(ns(FFA_NOTIFICATION_BIND, (u64)ALPHA << 16 | 0, 0, 0x10, 0));
	ok(sp(alpha, FFA_NOTIFICATION_SET, (u64)ALPHA << 16 | 0, 0, 0x10, 0));
	r = ns(FFA_NOTIFICATION_INFO_GET_32, 0, 0, 0, 0);
	assert_int_equal(r.x[0], FFA_SUCCESS_32);
	assert_int_equal(r.x[3] & 0xffff, 0);
	is_error(ns(FFA_NOTIFICATION_BITMAP_DESTROY, 0, 0, 0, 0), FFA_DENIED);
	r = ns(FFA_NOTIFICATION_GET, 0, 1, 0, 0);
	assert_int_equal(r.x[2], 0x10);
	ok(ns(FFA_NOTIFICATION_BITMAP_DESTROY, 0, 0, 0, 0));
}

/* INFO_GET in the 32-bit form: two IDs packed in w3. */
static void info_get_two_lists(void **state)
{
	struct ffa_value r;

	(void)state;
	ok(ns(FFA_NOTIFICATION_BITMAP_CREATE, 0, 1, 0, 0));
	ok(sp(alpha, FFA_NOTIFICATION_BIND, 0 << 16 | ALPHA, 0, 1, 0));
	ok(sp(beta, FFA_NOTIFICATION_BIND, 0 << 16 | BETA, 0, 1, 0));
	ok(ns(FFA_NOTIFICATION_SET, 0 << 16 | ALPHA, 0, 1, 0));
	ok(ns(FFA_NOTIFICATION_SET, 0 << 16 | BETA, 0, 1, 0));
	r = ns(FFA_NOTIFICATION_INFO_GET_32, 0, 0, 0, 0);
	assert_int_equal(r.x[2], 2 << 7);
	assert_int_equal(r.x[3], (u64)BETA << 16 | ALPHA);
}

static void put32(u8 *p, u32 v)
{
	memcpy(p, &v, 4);
}

static u32 message(u64 tx, u16 from, u16 to, u32 size, u32 offset)
{
	u8 *b = stage1_va(tx);
	u32 i;

	memset(b, 0, 4096);
	put32(b + 8, offset);
	put32(b + 12, (u32)from << 16 | to);
	put32(b + 16, size);
	for (i = 0; i < size && offset + i < 4096; i++)
		b[offset + i] = (u8)(i + 1);
	return size;
}

static void indirect_messages(void **state)
{
	struct caller ca = { alpha, ALPHA };
	struct ffa_value a, r;
	u8 *rx;

	(void)state;
	a = ffa_value8(FFA_RXTX_MAP_64, A_TX, A_RX, 1, 0, 0, 0, 0);
	assert_true(ffa_answer_simple(ca, &a, &r));
	ok(r);
	/* no TX buffer yet */
	is_error(ns(FFA_MSG_SEND2, 0, 0, 0, 0), FFA_DENIED);
	ok(ns(FFA_RXTX_MAP_64, NS_TX, NS_RX, 1, 0));
	message(NS_TX, 0, ALPHA, 64, 32);
	ok(ns(FFA_MSG_SEND2, 0, 0, 0, 0));
	rx = stage1_va(A_RX);
	assert_int_equal(rx[8], 20); /* payload right after the header */
	assert_int_equal(rx[16], 64);
	assert_int_equal(rx[20], 1);
	assert_int_equal(rx[20 + 63], 64);
	assert_true(alpha->mb.rx_full);
	assert_int_equal(alpha->notif.framework, NOTIF_FW_RX_FULL);
	/* full RX: BUSY, not an overwrite */
	message(NS_TX, 0, ALPHA, 8, 20);
	is_error(ns(FFA_MSG_SEND2, 0, 0, 0, 0), FFA_BUSY);
	assert_int_equal(rx[16], 64);
	r = sp(alpha, FFA_NOTIFICATION_GET, ALPHA, 4, 0, 0);
	assert_int_equal(r.x[6], NOTIF_FW_RX_FULL);
	ok(sp(alpha, FFA_RX_RELEASE, 0, 0, 0, 0));
	ok(ns(FFA_MSG_SEND2, 0, 0, 0, 0));
	/* bad headers */
	message(NS_TX, 1, ALPHA, 8, 20); /* forged sender */
	is_error(ns(FFA_MSG_SEND2, 0, 0, 0, 0), FFA_INVALID_PARAMETERS);
	message(NS_TX, 0, 0x8009, 8, 20); /* nobody */
	is_error(ns(FFA_MSG_SEND2, 0, 0, 0, 0), FFA_INVALID_PARAMETERS);
	message(NS_TX, 0, ALPHA, 8, 12); /* payload inside the header */
	is_error(ns(FFA_MSG_SEND2, 0, 0, 0, 0), FFA_INVALID_PARAMETERS);
	message(NS_TX, 0, ALPHA, 4090, 20); /* past TX */
	is_error(ns(FFA_MSG_SEND2, 0, 0, 0, 0), FFA_INVALID_PARAMETERS);
	message(NS_TX, 0, ALPHA, 8, 20);
	put32((u8 *)stage1_va(NS_TX), 1); /* flags MBZ */
	is_error(ns(FFA_MSG_SEND2, 0, 0, 0, 0), FFA_INVALID_PARAMETERS);
	message(NS_TX, 0, BETA, 8, 20); /* beta has no RX buffer */
	is_error(ns(FFA_MSG_SEND2, 0, 0, 0, 0), FFA_DENIED);
	is_error(ns(FFA_MSG_SEND2, 1 << 16, 0, 0, 0), FFA_INVALID_PARAMETERS);

	/* a partition writes to the normal world; RX_ACQUIRE blocks it */
	ok(ns(FFA_RX_ACQUIRE, 0, 0, 0, 0));
	is_error(ns(FFA_RX_ACQUIRE, 0, 0, 0, 0), FFA_BUSY);
	message(A_TX, ALPHA, 0, 16, 20);
	is_error(sp(alpha, FFA_MSG_SEND2, 0, 0, 0, 0), FFA_BUSY);
	ok(ns(FFA_RX_RELEASE, 0, 0, 0, 0));
	ok(sp(alpha, FFA_MSG_SEND2, 0, 0, 0, 0));
	assert_int_equal(((u8 *)stage1_va(NS_RX))[14], ALPHA & 0xff);
	is_error(sp(alpha, FFA_RX_ACQUIRE, 0, 0, 0, 0), FFA_NOT_SUPPORTED);
}

/*
 * A hypervisor forwards its VMs' messages: w1[31:16] names the VM, which
 * must be one of the system manifest's, be the header's sender and be
 * allowed to call the receiver.
 */
static void indirect_messages_for_vms(void **state)
{
	static struct bootinfo bi;
	struct caller ca = { alpha, ALPHA };
	struct ffa_value a, r;
	u32 size;
	u8 *m = host_load_manifest("system.dtb", &size);

	(void)state;
	assert_non_null(m);
	bi.count = 1;
	bi.image[0].type = BOOTPKG_SYSTEM;
	bi.image[0].size = size;
	bi.image[0].addr = (u64)(uintptr_t)m;
	ns_policy_load(&bi); /* VM 1 may call alpha, VM 2 beta */
	a = ffa_value8(FFA_RXTX_MAP_64, A_TX, A_RX, 1, 0, 0, 0, 0);
	assert_true(ffa_answer_simple(ca, &a, &r));
	ok(r);
	ok(ns(FFA_RXTX_MAP_64, NS_TX, NS_RX, 1, 0));
	message(NS_TX, 1, ALPHA, 8, 20);
	ok(ns(FFA_MSG_SEND2, 1 << 16, 0, 0, 0));
	assert_int_equal(((u8 *)stage1_va(A_RX))[14], 1); /* from VM 1 */
	ok(sp(alpha, FFA_RX_RELEASE, 0, 0, 0, 0));
	message(NS_TX, 2, ALPHA, 8, 20); /* VM 2 may not call alpha */
	is_error(ns(FFA_MSG_SEND2, 2 << 16, 0, 0, 0), FFA_DENIED);
	message(NS_TX, 9, ALPHA, 8, 20); /* no such VM */
	is_error(ns(FFA_MSG_SEND2, 9 << 16, 0, 0, 0), FFA_INVALID_PARAMETERS);
	message(NS_TX, 2, ALPHA, 8, 20); /* header and w1 disagree */
	is_error(ns(FFA_MSG_SEND2, 1 << 16, 0, 0, 0), FFA_INVALID_PARAMETERS);
	message(NS_TX, 1, 0, 8, 20); /* to the normal world itself */
	is_error(ns(FFA_MSG_SEND2, 1 << 16, 0, 0, 0), FFA_INVALID_PARAMETERS);
	message(NS_TX, 1, ALPHA, 8, 20);
	is_error(ns(FFA_MSG_SEND2, 1 << 16 | 1, 0, 0, 0),
		 FFA_INVALID_PARAMETERS); /* w1[15:0] MBZ */
	assert_false(alpha->mb.rx_full);
	/* a partition names no VM */
	message(A_TX, ALPHA, 0, 8, 20);
	is_error(sp(alpha, FFA_MSG_SEND2, 1 << 16, 0, 0, 0),
		 FFA_INVALID_PARAMETERS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(bitmaps, setup),
		cmocka_unit_test_setup(bind_set_get, setup),
		cmocka_unit_test_setup(info_get_two_lists, setup),
		cmocka_unit_test_setup(indirect_messages, setup),
		cmocka_unit_test_setup(indirect_messages_for_vms, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
