/* Memory moving between the normal world and partitions, end to end. */
#include "lib/ffa_mem_desc.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "plat/qemu-virt/platform.h"
#include "tos/tos.h"

/* What we share; the normal world runs with its MMU off, so no caches to
 * clean on QEMU (on hardware the buffers would be cleaned first) */
static u8 pages[4][4096] __attribute__((aligned(4096)));

static u64 page_word(unsigned i)
{
	return *(volatile u64 *)pages[i];
}

static void set_words(u64 base)
{
	unsigned i;

	for (i = 0; i < 4; i++)
		*(volatile u64 *)pages[i] = base + i;
}

/* Writes a send descriptor in our TX in the layout of version. */
u32 nw_mem_desc(u32 version, u16 receiver, u64 addr, u32 npages, u8 perms)
{
	struct ffa_mem_desc d;

	memset(&d, 0, sizeof(d));
	d.attributes = FFA_MEM_NORMAL_WB_INNER;
	d.receiver_count = 1;
	d.receiver_ids[0] = receiver;
	d.receiver_perms[0] = perms;
	d.total_pages = npages;
	d.range_count = 1;
	d.ranges[0].base = pa_init(addr);
	d.ranges[0].pages = npages;
	return ffa_mem_desc_write(nw_tx, sizeof(nw_tx), version, &d);
}

static struct ffa_value send(u32 fid, u32 version, u16 receiver, u64 addr,
			     u32 npages)
{
	u32 len = nw_mem_desc(version, receiver, addr, npages,
			      FFA_DATA_ACCESS_RW);

	return nw_call(fid, len, len, 0, 0, 0);
}

static u64 handle_of(struct ffa_value r)
{
	return (u32)r.x[2] | (u64)(u32)r.x[3] << 32;
}

u64 nw_mem_share(u16 receiver, u64 addr, u32 npages)
{
	struct ffa_value r;

	/* the descriptor's layout is the one of the version we asked for */
	nw_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0);
	r = send(FFA_MEM_SHARE_32, FFA_VERSION_1_1, receiver, addr, npages);

	return r.x[0] == FFA_SUCCESS_32 ? handle_of(r) : 0;
}

static struct ffa_value reclaim(u64 handle)
{
	return nw_call(FFA_MEM_RECLAIM, (u32)handle, handle >> 32, 0, 0, 0);
}

/* The whole life of one transaction, checked at every step. */
static void round_trip(const char *what, u32 fid, u32 version, u16 sp)
{
	char msg[96];
	struct ffa_value r;
	u64 h;

	CHECK_EQ(nw_call(FFA_VERSION, version, 0, 0, 0, 0).x[0],
		 FFA_VERSION_1_2, "memory: version negotiated");
	set_words(1000);
	r = send(fid, version, sp, (u64)pages, 3);
	fmt_snprintf(msg, sizeof(msg), "%s: accepted with a handle", what);
	check_success(r, msg);
	h = handle_of(r);
	r = nw_tos(sp, TOS_CMD_MEM_USE, (u32)h, h >> 32, 0);
	fmt_snprintf(msg, sizeof(msg),
		     "%s: the partition retrieved and read our data", what);
	CHECK_EQ(r.x[3], TOS_OK, msg);
	CHECK_EQ(r.x[4], 1000 + 1001 + 1002, msg);
	CHECK_EQ(r.x[5], 3, msg);
	fmt_snprintf(msg, sizeof(msg), "%s: we see what the partition wrote",
		     what);
	CHECK_EQ(page_word(0) + page_word(1) + page_word(2), 3006, msg);
	CHECK_EQ(page_word(3), 1003, "memory: the page not given is untouched");
	fmt_snprintf(msg, sizeof(msg), "%s: reclaim while borrowed is DENIED",
		     what);
	check_error(reclaim(h), FFA_DENIED, msg);
	r = nw_tos(sp, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0);
	fmt_snprintf(msg, sizeof(msg), "%s: the partition relinquished", what);
	CHECK_EQ(r.x[3], TOS_OK, msg);
	fmt_snprintf(msg, sizeof(msg), "%s: reclaimed", what);
	check_success(reclaim(h), msg);
	fmt_snprintf(msg, sizeof(msg), "%s: the handle is gone", what);
	check_error(reclaim(h), FFA_INVALID_PARAMETERS, msg);
}

static void refusals(void)
{
	struct ffa_value r;
	u64 h;

	check_error(send(FFA_MEM_SHARE_32, FFA_VERSION_1_1, ALPHA_ID,
			 PLAT_SP_RAM_BASE + 0x200000, 1),
		    FFA_DENIED, "memory: secure RAM claimed as ours is DENIED");
	check_error(
		send(FFA_MEM_SHARE_32, FFA_VERSION_1_1, 0x8009, (u64)pages, 1),
		FFA_INVALID_PARAMETERS,
		"memory: a receiver that does not exist");
	check_error(
		send(FFA_MEM_LEND_32, FFA_VERSION_1_1, ALPHA_ID, (u64)nw_tx, 1),
		FFA_DENIED, "memory: lending our own TX buffer");
	check_error(send(FFA_MEM_SHARE_32, FFA_VERSION_1_1, ALPHA_ID,
			 (u64)pages, 0),
		    FFA_INVALID_PARAMETERS, "memory: zero pages");
	{
		struct ffa_mem_desc d;
		u32 len;

		memset(&d, 0, offsetof(struct ffa_mem_desc, ranges));
		d.attributes = FFA_MEM_NORMAL_WB_INNER;
		d.receiver_count = 1;
		d.receiver_ids[0] = ALPHA_ID;
		d.receiver_perms[0] = FFA_DATA_ACCESS_RW;
		d.total_pages = 3;
		d.range_count = 2;
		d.ranges[0].base = pa_init((u64)pages);
		d.ranges[0].pages = 2;
		d.ranges[1].base = pa_init((u64)pages[1]);
		d.ranges[1].pages = 1;
		len = ffa_mem_desc_write(nw_tx, sizeof(nw_tx), FFA_VERSION_1_1,
					 &d);
		check_error(nw_call(FFA_MEM_SHARE_32, len, len, 0, 0, 0),
			    FFA_INVALID_PARAMETERS,
			    "memory: overlapping ranges");
		check_error(
			nw_call(FFA_MEM_SHARE_32, len - 16, len - 16, 0, 0, 0),
			FFA_INVALID_PARAMETERS,
			"memory: a descriptor running past its length");
	}
	r = send(FFA_MEM_SHARE_32, FFA_VERSION_1_1, ALPHA_ID, (u64)pages, 1);
	check_success(r, "memory: share for the refusals below");
	h = handle_of(r);
	check_error(
		send(FFA_MEM_LEND_32, FFA_VERSION_1_1, BETA_ID, (u64)pages, 2),
		FFA_DENIED, "memory: a page already shared cannot be lent");
	r = nw_tos(BETA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, 0);
	CHECK_EQ(r.x[3], TOS_ERR_MEM, "memory: retrieve by a non-receiver");
	CHECK_EQ((s32)r.x[4], FFA_INVALID_PARAMETERS,
		 "memory: ... gets INVALID_PARAMETERS");
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0);
	CHECK_EQ((s32)r.x[4], FFA_DENIED,
		 "memory: relinquish of a handle never retrieved: DENIED");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, 0).x[3],
		 TOS_OK, "memory: retrieve");
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, 0);
	CHECK_EQ((s32)r.x[4], FFA_DENIED, "memory: retrieve twice: DENIED");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0).x[3],
		 TOS_OK, "memory: relinquish");
	check_success(reclaim(h), "memory: reclaim after the refusals");
}

/* The descriptor in two fragments: 40 bytes, then the rest by FRAG_TX. */
static void fragments(void)
{
	static u8 whole[256];
	struct ffa_value r;
	u32 len;
	u64 h;

	set_words(500);
	len = nw_mem_desc(FFA_VERSION_1_1, ALPHA_ID, (u64)pages, 1,
			  FFA_DATA_ACCESS_RW);
	memcpy(whole, nw_tx, len);
	r = nw_call(FFA_MEM_SHARE_32, len, 40, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_MEM_FRAG_RX, "fragments: the SPMC asks for more");
	CHECK_EQ(r.x[3], 40, "fragments: ... after 40 bytes");
	h = (u32)r.x[1] | (u64)(u32)r.x[2] << 32;
	check_error(nw_call(FFA_MEM_FRAG_TX, (u32)h + 1, h >> 32, 8, 0, 0),
		    FFA_INVALID_PARAMETERS,
		    "fragments: a fragment out of order is refused");
	memcpy(nw_tx, whole + 40, len - 40);
	r = nw_call(FFA_MEM_FRAG_TX, (u32)h, h >> 32, len - 40, 0, 0);
	check_success(r, "fragments: the last fragment completes it");
	CHECK_EQ(handle_of(r), h, "fragments: with the handle given at first");
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, 0);
	CHECK_EQ(r.x[4], 500, "fragments: alpha reads what we shared");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0).x[3],
		 TOS_OK, "fragments: alpha relinquishes");
	check_success(reclaim(h), "fragments: reclaimed");
}

/* Beta gives alpha a page of its own secure memory, in all three ways. */
/* One page to alpha and beta at once; lend with zeroing first. */
static void two_receivers_and_zeroing(void)
{
	struct ffa_mem_desc d;
	struct ffa_value r;
	u32 len;
	u64 h;

	set_words(300);
	memset(&d, 0, offsetof(struct ffa_mem_desc, ranges));
	d.attributes = FFA_MEM_NORMAL_WB_INNER;
	d.receiver_count = 2;
	d.receiver_ids[0] = ALPHA_ID;
	d.receiver_ids[1] = BETA_ID;
	d.receiver_perms[0] = FFA_DATA_ACCESS_RW;
	d.receiver_perms[1] = FFA_DATA_ACCESS_RW;
	d.total_pages = 1;
	d.range_count = 1;
	d.ranges[0].base = pa_init((u64)pages);
	d.ranges[0].pages = 1;
	len = ffa_mem_desc_write(nw_tx, sizeof(nw_tx), FFA_VERSION_1_1, &d);
	r = nw_call(FFA_MEM_SHARE_32, len, len, 0, 0, 0);
	check_success(r, "two receivers: shared with alpha and beta");
	h = handle_of(r);
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, 0).x[4],
		 300, "two receivers: alpha reads it");
	CHECK_EQ(nw_tos(BETA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, 0).x[4], 301,
		 "two receivers: beta reads it, with alpha's write");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0).x[3],
		 TOS_OK, "two receivers: alpha relinquishes");
	check_error(reclaim(h), FFA_DENIED,
		    "two receivers: no reclaim while beta holds it");
	CHECK_EQ(nw_tos(BETA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0).x[3],
		 TOS_OK, "two receivers: beta relinquishes");
	check_success(reclaim(h), "two receivers: reclaimed");

	set_words(900);
	len = nw_mem_desc(FFA_VERSION_1_1, ALPHA_ID, (u64)pages, 1,
			  FFA_DATA_ACCESS_RW);
	nw_tx[4] = 1; /* zero the memory before the receiver sees it */
	r = nw_call(FFA_MEM_LEND_32, len, len, 0, 0, 0);
	check_success(r, "zeroing: lent with 'zero before retrieval'");
	h = handle_of(r);
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, 0).x[4], 0,
		 "zeroing: alpha finds the page cleared");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0).x[3],
		 TOS_OK, "zeroing: alpha relinquishes");
	check_success(reclaim(h), "zeroing: reclaimed");
	len = nw_mem_desc(FFA_VERSION_1_1, ALPHA_ID, (u64)pages, 1,
			  FFA_DATA_ACCESS_RW);
	nw_tx[4] = 1;
	check_error(nw_call(FFA_MEM_SHARE_32, len, len, 0, 0, 0),
		    FFA_INVALID_PARAMETERS,
		    "zeroing: not for memory its owner keeps using (share)");
}

static void partition_senders(void)
{
	struct ffa_value r;
	u64 h;

	r = nw_tos(BETA_ID, TOS_CMD_MEM_GIVE, ALPHA_ID, FFA_MEM_SHARE_32, 77);
	CHECK_EQ(r.x[3], TOS_OK, "partition share: beta shares a page");
	h = r.x[4];
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, BETA_ID);
	CHECK_EQ(r.x[4], 77, "partition share: alpha reads beta's page");
	CHECK_EQ(nw_tos(BETA_ID, TOS_CMD_MEM_TOUCH, 0, 0, 0).x[4], 78,
		 "partition share: beta still has it and sees alpha's write");
	r = nw_tos(BETA_ID, TOS_CMD_MEM_TAKE_BACK, h, 0, 0);
	CHECK_EQ((s32)r.x[4], FFA_DENIED,
		 "partition share: beta cannot reclaim while alpha holds it");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0).x[3],
		 TOS_OK, "partition share: alpha relinquishes");
	CHECK_EQ(nw_tos(BETA_ID, TOS_CMD_MEM_TAKE_BACK, h, 0, 0).x[3], TOS_OK,
		 "partition share: beta reclaims");

	r = nw_tos(BETA_ID, TOS_CMD_MEM_GIVE, ALPHA_ID, FFA_MEM_LEND_32, 100);
	h = r.x[4];
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, BETA_ID);
	CHECK_EQ(r.x[4], 100, "partition lend: alpha reads the lent page");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0).x[3],
		 TOS_OK, "partition lend: alpha relinquishes");
	CHECK_EQ(nw_tos(BETA_ID, TOS_CMD_MEM_TAKE_BACK, h, 0, 0).x[3], TOS_OK,
		 "partition lend: beta reclaims");
	CHECK_EQ(nw_tos(BETA_ID, TOS_CMD_MEM_TOUCH, 0, 0, 0).x[4], 101,
		 "partition lend: beta has its page back, with alpha's write");

	r = nw_tos(BETA_ID, TOS_CMD_MEM_GIVE, ALPHA_ID, FFA_MEM_DONATE_32, 200);
	h = r.x[4];
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, BETA_ID);
	CHECK_EQ(r.x[4], 200, "partition donate: alpha reads the page");
	r = nw_tos(BETA_ID, TOS_CMD_MEM_TAKE_BACK, h, 0, 0);
	CHECK_EQ((s32)r.x[4], FFA_INVALID_PARAMETERS,
		 "partition donate: the donor cannot take it back");
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0);
	CHECK_EQ(
		(s32)r.x[4], FFA_INVALID_PARAMETERS,
		"partition donate: nothing to relinquish, the page is alpha's");
	r = nw_tos(BETA_ID, TOS_CMD_MEM_GIVE, 0, FFA_MEM_SHARE_32, 1);
	CHECK_EQ((s32)r.x[4], FFA_INVALID_PARAMETERS,
		 "partition share to the normal world: no one retrieves it");
}

/* Thousands of cycles: every call succeeds, nothing runs out. */
static void many_cycles(void)
{
	unsigned i, bad = 0;

	for (i = 0; i < 1000; i++) {
		struct ffa_value r =
			send(i & 1 ? FFA_MEM_LEND_64 : FFA_MEM_SHARE_32,
			     FFA_VERSION_1_1, i & 2 ? BETA_ID : ALPHA_ID,
			     (u64)pages[i % 4], 1);
		u64 h = handle_of(r);

		if (r.x[0] != FFA_SUCCESS_32 ||
		    nw_tos(i & 2 ? BETA_ID : ALPHA_ID, TOS_CMD_MEM_USE, (u32)h,
			   h >> 32, 0)
				    .x[3] != TOS_OK ||
		    nw_tos(i & 2 ? BETA_ID : ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h,
			   h >> 32, 0)
				    .x[3] != TOS_OK ||
		    reclaim(h).x[0] != FFA_SUCCESS_32)
			bad++;
	}
	CHECK_EQ(bad, 0, "memory: 1000 share/lend cycles all complete");
}

void test_memory(void)
{
	round_trip("MEM_SHARE v1.0 (as Linux 6.1) to alpha", FFA_MEM_SHARE_32,
		   FFA_VERSION_1_0, ALPHA_ID);
	round_trip("MEM_LEND_64 v1.1 to beta", FFA_MEM_LEND_64, FFA_VERSION_1_1,
		   BETA_ID);
	round_trip("MEM_SHARE_64 v1.1 to beta", FFA_MEM_SHARE_64,
		   FFA_VERSION_1_1, BETA_ID);
	refusals();
	fragments();
	two_receivers_and_zeroing();
	partition_senders();
	many_cycles();
}
