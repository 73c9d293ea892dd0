/* The trusted OS's side of memory transactions: retrieve, use, relinquish. */
#include "arch/aarch64/ffa_smc.h"
#include "lib/ffa.h"
#include "lib/ffa_mem_desc.h"
#include "lib/log.h"
#include "lib/string.h"
#include "tos/mem.h"
#include "tos/mmu.h"
#include "tos/tos.h"

u8 tos_tx[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
u8 tos_rx[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/* What we hold, to unmap it again on relinquish. */
#define HELD_MAX 16
/* A guest of a normal-world hypervisor holds at most this many at once */
#define GUEST_HELD_MAX (HELD_MAX / 4)
static struct {
	u64 handle;
	struct ffa_mem_desc d;
} held[HELD_MAX];

int tos_mem_init(void)
{
	/* identity stage 1 and stage 2: our addresses are physical ones */
	struct ffa_value r = ffa_smc(ffa_value8(FFA_RXTX_MAP_64, (u64)tos_tx,
						(u64)tos_rx, 1, 0, 0, 0, 0));

	return r.x[0] == FFA_SUCCESS_32 ? 0 : -1;
}

static void fail(struct ffa_value *out, struct ffa_value r, u64 step)
{
	out->x[3] = TOS_ERR_MEM;
	out->x[4] = r.x[0] == FFA_ERROR ? (u64)(s64)(s32)r.x[2] : r.x[0];
	out->x[5] = step;
}

const struct ffa_mem_desc *tos_mem_map_in(struct ffa_value *out, u64 handle,
					  u16 sender, u16 self)
{
	struct ffa_mem_desc want, *d = NULL;
	struct ffa_value r;
	unsigned i, slot;
	u32 len;

	for (slot = 0; slot < HELD_MAX && held[slot].handle; slot++)
		;
	if (slot == HELD_MAX || (sender != 0 && !ffa_id_is_secure(sender) &&
				 tos_mem_count(sender) >= GUEST_HELD_MAX)) {
		fail(out, ffa_error(FFA_NO_MEMORY), 0);
		return NULL;
	}
	/* a v1.1 retrieve request: this trusted OS asked for v1.1 */
	memset(&want, 0, offsetof(struct ffa_mem_desc, ranges));
	want.sender = sender;
	want.attributes = FFA_MEM_NORMAL_WB_INNER;
	want.handle = handle;
	want.receiver_count = 1;
	want.receiver_ids[0] = self;
	want.receiver_perms[0] = FFA_DATA_ACCESS_RW;
	len = ffa_mem_desc_write(tos_tx, sizeof(tos_tx), FFA_VERSION_1_1,
				 &want);
	r = ffa_smc(
		ffa_value8(FFA_MEM_RETRIEVE_REQ_32, len, len, 0, 0, 0, 0, 0));
	if (r.x[0] != FFA_MEM_RETRIEVE_RESP) {
		fail(out, r, 1);
		return NULL;
	}
	d = &held[slot].d;
	if (ffa_mem_desc_read(tos_rx, (u32)r.x[1], FFA_VERSION_1_1,
			      FFA_MEM_DESC_RETRIEVE, d) ||
	    d->handle != handle || !d->range_count) {
		ffa_smc(ffa_value8(FFA_RX_RELEASE, 0, 0, 0, 0, 0, 0, 0));
		fail(out, ffa_error(FFA_INVALID_PARAMETERS), 2);
		return NULL;
	}
	ffa_smc(ffa_value8(FFA_RX_RELEASE, 0, 0, 0, 0, 0, 0, 0));
	held[slot].handle = handle;
#ifndef TOS_PROBE /* a probe build has all normal-world RAM mapped */
	for (i = 0; i < d->range_count; i++)
		if (tos_mmu_map(d->ranges[i].base.pa,
				(u64)d->ranges[i].pages << PAGE_SHIFT, true,
				d->attributes & FFA_MEM_NS_BIT)) {
			fail(out, ffa_error(FFA_NO_MEMORY), 3);
			return NULL;
		}
#else
	(void)i;
#endif
	return d;
}

void tos_mem_use(struct ffa_value *out, u64 handle, u16 sender, u16 self,
		 bool touch)
{
	const struct ffa_mem_desc *d =
		tos_mem_map_in(out, handle, sender, self);
	u64 sum = 0, pages = 0;
	unsigned i;

	if (!d)
		return;
	for (i = 0; i < d->range_count; i++) {
		u64 base = d->ranges[i].base.pa, k;
		u64 size = (u64)d->ranges[i].pages << PAGE_SHIFT;

		for (k = 0; touch && k < size; k += PAGE_SIZE) {
			volatile u64 *p = (volatile u64 *)(base + k);

			sum += *p;
			*p = *p + 1;
			pages++;
		}
	}
	out->x[4] = sum;
	out->x[5] = pages;
}

/*
 * Pages of our own we give away in tests: [0] shared or lent and taken
 * back, [1] donated for good.
 */
static u8 lendable[2][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void tos_mem_give(struct ffa_value *out, u32 fid, u16 to, u64 value, u16 self)
{
	struct ffa_mem_desc d;
	unsigned page = (fid & ~BIT(30)) == FFA_MEM_DONATE_32;
	struct ffa_value r;
	u32 len;

	*(volatile u64 *)lendable[page] = value;
	memset(&d, 0, offsetof(struct ffa_mem_desc, ranges));
	d.sender = self;
	d.attributes = FFA_MEM_NORMAL_WB_INNER;
	d.receiver_count = 1;
	d.receiver_ids[0] = to;
	d.receiver_perms[0] = FFA_DATA_ACCESS_RW;
	d.total_pages = 1;
	d.range_count = 1;
	d.ranges[0].base = pa_init((u64)lendable[page]);
	d.ranges[0].pages = 1;
	len = ffa_mem_desc_write(tos_tx, sizeof(tos_tx), FFA_VERSION_1_1, &d);
	r = ffa_smc(ffa_value8(fid, len, len, 0, 0, 0, 0, 0));
	if (r.x[0] != FFA_SUCCESS_32) {
		fail(out, r, 5);
		return;
	}
	out->x[4] = (u32)r.x[2] | (u64)(u32)r.x[3] << 32;
}

void tos_mem_take_back(struct ffa_value *out, u64 handle)
{
	struct ffa_value r = ffa_smc(ffa_value8(FFA_MEM_RECLAIM, (u32)handle,
						handle >> 32, 0, 0, 0, 0, 0));

	if (r.x[0] != FFA_SUCCESS_32)
		fail(out, r, 6);
}

u64 tos_mem_touch(void)
{
	return *(volatile u64 *)lendable[0];
}

const struct ffa_mem_desc *tos_mem_held(u64 handle)
{
	unsigned slot;

	/* a free slot holds handle 0: 0 names nothing we hold */
	for (slot = 0; slot < HELD_MAX && handle; slot++)
		if (held[slot].handle == handle)
			return &held[slot].d;
	return NULL;
}

void tos_mem_done(struct ffa_value *out, u64 handle, u16 self)
{
	struct ffa_value r;
	unsigned slot, i;

	for (slot = 0; slot < HELD_MAX && held[slot].handle != handle; slot++)
		;
	if (slot < HELD_MAX && handle) {
#ifndef TOS_PROBE
		const struct ffa_mem_desc *d = &held[slot].d;

		for (i = 0; i < d->range_count; i++)
			tos_mmu_unmap(d->ranges[i].base.pa,
				      (u64)d->ranges[i].pages << PAGE_SHIFT);
#endif
		held[slot].handle = 0;
		/* nothing of it is left to use, even by mistake */
		held[slot].d.range_count = 0;
		held[slot].d.sender = 0;
	}
	/* relinquish even what we do not know: the SPMC has the last word */
	memset(tos_tx, 0, 32);
	for (i = 0; i < 8; i++)
		tos_tx[i] = (u8)(handle >> (8 * i));
	tos_tx[12] = 1;
	tos_tx[16] = (u8)self;
	tos_tx[17] = (u8)(self >> 8);
	r = ffa_smc(ffa_value8(FFA_MEM_RELINQUISH, 0, 0, 0, 0, 0, 0, 0));
	if (r.x[0] != FFA_SUCCESS_32)
		fail(out, r, 4);
}

unsigned tos_mem_count(u16 owner)
{
	unsigned slot, n = 0;

	for (slot = 0; slot < HELD_MAX; slot++)
		n += held[slot].handle && held[slot].d.sender == owner;
	return n;
}

unsigned tos_mem_release_owner(u16 owner, u16 self)
{
	unsigned slot, n = 0;

	for (slot = 0; slot < HELD_MAX; slot++) {
		struct ffa_value r = { { 0 } };

		if (!held[slot].handle || held[slot].d.sender != owner)
			continue;
		tos_mem_done(&r, held[slot].handle, self);
		if (r.x[3] == TOS_ERR_MEM)
			log_printf("relinquishing 0x%llx of endpoint 0x%04x "
				   "failed: %d\n",
				   (unsigned long long)held[slot].handle, owner,
				   (int)(s64)r.x[4]);
		n++;
	}
	return n;
}
