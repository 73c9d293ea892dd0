/* A guest's RX/TX buffers and memory transactions: checked in its stage 2, sent
 * on at physical addresses. */
#include "arch/aarch64/ffa_smc.h"
#include "arch/aarch64/mmu.h"
#include "lib/ffa_mem_desc.h"
#include "lib/log.h"
#include "lib/string.h"
#include "nwvisor/nwvisor.h"

/* The hypervisor's own buffers with the SPMC, for its guests' descriptors */
u8 nwv_tx[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
u8 nwv_rx[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/*
 * Each live transaction: whose it is (only that VM may reclaim it), and its
 * guest addresses: for a lend or a donation those taken out of its stage 2
 * (put back on reclaim; a donation's never, not even when the VM boots
 * again), for a share where to read a message the guest sends in it.
 */
#define SHARES_MAX 64
#define TAKEN_RANGES_MAX 4
enum txn_kind { TXN_SHARE, TXN_LEND, TXN_DONATE };
static struct {
	u64 handle;
	u16 vm;
	u8 kind, range_count;
	struct {
		u64 ipa;
		u32 pages;
	} ranges[TAKEN_RANGES_MAX];
} shares[SHARES_MAX];

#define S2_RAM (S2_MEMATTR_NORMAL | PTE_SH_INNER | S2_AP_R | S2_AP_W)

static struct ffa_mem_desc desc; /* one call at a time: kept off the stack */

int nwv_mem_init(void)
{
	struct ffa_value r;

	ffa_smc(ffa_value8(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0, 0, 0));
	r = ffa_smc(ffa_value8(FFA_RXTX_MAP_64, (u64)nwv_tx, (u64)nwv_rx, 1, 0,
			       0, 0, 0));
	return r.x[0] == FFA_SUCCESS_32 ? 0 : -1;
}

/* The physical address of [ipa, ipa + size) if all of it is the VM's RAM. */
static bool ram_pa(const struct vm *vm, u64 ipa, u64 size, u64 *pa)
{
	if (ipa < GUEST_RAM_IPA || size > vm->ram_size ||
	    ipa - GUEST_RAM_IPA > vm->ram_size - size)
		return false;
	*pa = vm->ram_pa + (ipa - GUEST_RAM_IPA);
	return true;
}

struct ffa_value nwv_rxtx_map(struct vm *vm, const struct ffa_value *a)
{
	u64 tx, rx;

	if (vm->rxtx_mapped)
		return ffa_error(FFA_DENIED);
	/* one page each: what our own buffers with the SPMC can carry */
	if ((u32)a->x[3] != 1 || !IS_ALIGNED(a->x[1] | a->x[2], PAGE_SIZE) ||
	    a->x[1] == a->x[2] || !ram_pa(vm, a->x[1], PAGE_SIZE, &tx) ||
	    !ram_pa(vm, a->x[2], PAGE_SIZE, &rx))
		return ffa_error(FFA_INVALID_PARAMETERS);
	vm->tx_pa = tx;
	vm->rx_pa = rx;
	vm->rxtx_mapped = true;
	return ffa_success(0);
}

struct ffa_value nwv_rxtx_unmap(struct vm *vm, const struct ffa_value *a)
{
	if (!vm->rxtx_mapped || (u32)a->x[1] >> 16 != 0)
		return ffa_error(FFA_INVALID_PARAMETERS);
	vm->rxtx_mapped = false;
	vm->rx_full = false;
	return ffa_success(0);
}

/*
 * The physical address of [ipa, ipa + size) if every page of it is mapped
 * in the VM's stage 2 (so neither lent nor donated) and in one piece.
 */
static bool mapped_pa(const struct vm *vm, u64 ipa, u64 size, u64 *pa)
{
	u64 k, first, p, attrs;

	if (!size || !ram_pa(vm, ipa, size, &first))
		return false;
	for (k = 0; k < size; k += PAGE_SIZE)
		if (!pgt_lookup(&vm->s2, ipa + k, &p, &attrs) || p != first + k)
			return false;
	*pa = first;
	return true;
}

/* Takes the ranges of slot out of the VM's stage 2, all or none. */
static int take_out(struct vm *vm, unsigned slot)
{
	unsigned i;
	u64 k, pa;

	for (i = 0; i < shares[slot].range_count; i++)
		if (pgt_unmap(&vm->s2, shares[slot].ranges[i].ipa,
			      (u64)shares[slot].ranges[i].pages << PAGE_SHIFT))
			break;
	if (i == shares[slot].range_count) {
		guest_stage2_flush();
		return 0;
	}
	/* tables ran out splitting a block: what went is put back (its
	 * tables are there now, so this needs none) */
	for (i = 0; i < shares[slot].range_count; i++)
		for (k = 0; k < (u64)shares[slot].ranges[i].pages << PAGE_SHIFT;
		     k += PAGE_SIZE) {
			u64 ipa = shares[slot].ranges[i].ipa + k, attrs;

			if (!pgt_lookup(&vm->s2, ipa, &pa, &attrs) &&
			    ram_pa(vm, ipa, PAGE_SIZE, &pa))
				pgt_map(&vm->s2, ipa, pa, PAGE_SIZE, S2_RAM);
		}
	guest_stage2_flush();
	return -1;
}

static void put_back(struct vm *vm, unsigned slot)
{
	unsigned i;

	for (i = 0; i < shares[slot].range_count; i++) {
		u64 ipa = shares[slot].ranges[i].ipa, pa;

		if (ram_pa(vm, ipa, PAGE_SIZE, &pa))
			pgt_map(&vm->s2, ipa, pa,
				(u64)shares[slot].ranges[i].pages << PAGE_SHIFT,
				S2_RAM);
	}
}

/*
 * FFA_MEM_SHARE, LEND or DONATE from a guest, the descriptor whole in its
 * TX: sent by the guest itself, every range mapped in its own stage 2,
 * rewritten with physical addresses into our TX and sent on. A lend or a
 * donation takes the pages out of the guest's stage 2 once the SPMC has
 * accepted it (and is reclaimed at once if that cannot be done).
 */
struct ffa_value nwv_mem_share(struct vm *vm, const struct ffa_value *a)
{
	u32 len = (u32)a->x[1], out_len, i, slot, fid = (u32)a->x[0];
	u32 base_fid = fid & ~BIT(30);
	u8 kind = base_fid == FFA_MEM_LEND_32	  ? TXN_LEND
		  : base_fid == FFA_MEM_DONATE_32 ? TXN_DONATE
						  : TXN_SHARE;
	struct ffa_value r;
	static u8 in[PAGE_SIZE];
	/* what a lend or donation takes: recorded only once it is made */
	struct {
		u64 ipa;
		u32 pages;
	} taken[TAKEN_RANGES_MAX];

	memset(taken, 0, sizeof(taken));

	if (!vm->rxtx_mapped)
		return ffa_error(FFA_DENIED);
	if (len == 0 || len > PAGE_SIZE || (u32)a->x[2] != len || a->x[3] ||
	    a->x[4])
		return ffa_error(FFA_INVALID_PARAMETERS);
	for (slot = 0; slot < SHARES_MAX && shares[slot].handle; slot++)
		;
	if (slot == SHARES_MAX)
		return ffa_error(FFA_NO_MEMORY);
	/* our copy: the guest cannot change what we checked */
	memcpy(in, (const void *)vm->tx_pa, len);
	if (ffa_mem_desc_read(in, len, vm->version, FFA_MEM_DESC_SEND, &desc) !=
	    FFA_OK)
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (desc.sender != vm->id) {
		log_printf("VM %u '%s': memory share in the name of 0x%04x "
			   "refused\n",
			   vm->id, vm->name, desc.sender);
		return ffa_error(FFA_INVALID_PARAMETERS);
	}
	for (i = 0; i < desc.receiver_count; i++)
		if (!vm_may_reach(vm, desc.receiver_ids[i])) {
			log_printf("VM %u '%s': memory share with 0x%04x "
				   "refused by the binding policy\n",
				   vm->id, vm->name, desc.receiver_ids[i]);
			return ffa_error(FFA_DENIED);
		}
	if (kind != TXN_SHARE && desc.range_count > TAKEN_RANGES_MAX)
		return ffa_error(FFA_NO_MEMORY);
	for (i = 0; i < desc.range_count; i++) {
		u64 pa;

		if (!mapped_pa(vm, desc.ranges[i].base.pa,
			       (u64)desc.ranges[i].pages << PAGE_SHIFT, &pa)) {
			log_printf("VM %u '%s': memory share of 0x%llx, not "
				   "its own memory (or lent), refused\n",
				   vm->id, vm->name,
				   (unsigned long long)desc.ranges[i].base.pa);
			return ffa_error(FFA_INVALID_PARAMETERS);
		}
		if (i < TAKEN_RANGES_MAX) {
			taken[i].ipa = desc.ranges[i].base.pa;
			taken[i].pages = desc.ranges[i].pages;
		}
		desc.ranges[i].base = pa_init(pa);
	}
	out_len = ffa_mem_desc_write(nwv_tx, sizeof(nwv_tx), FFA_VERSION_1_1,
				     &desc);
	if (!out_len)
		return ffa_error(FFA_NO_MEMORY);
	r = ffa_smc(ffa_value8(fid, out_len, out_len, 0, 0, 0, 0, 0));
	if (r.x[0] != FFA_SUCCESS_32)
		return r;
	shares[slot].handle = (u32)r.x[2] | (u64)(u32)r.x[3] << 32;
	shares[slot].vm = vm->id;
	shares[slot].kind = kind;
	/* a share of more ranges than we keep is one we cannot read */
	shares[slot].range_count =
		desc.range_count > TAKEN_RANGES_MAX ? 0 : (u8)desc.range_count;
	memcpy(shares[slot].ranges, taken, sizeof(taken));
	if (kind != TXN_SHARE && take_out(vm, slot)) {
		/* nobody can have retrieved it yet: the lender takes it back
		 * (a donation too, since no receiver has it) */
		ffa_smc(ffa_value8(FFA_MEM_RECLAIM, r.x[2], r.x[3], 0, 0, 0, 0,
				   0));
		shares[slot].handle = 0;
		return ffa_error(FFA_NO_MEMORY);
	}
	return r;
}

struct ffa_value nwv_mem_reclaim(struct vm *vm, const struct ffa_value *a)
{
	u64 handle = (u32)a->x[1] | (u64)(u32)a->x[2] << 32;
	struct ffa_value r;
	unsigned slot;

	for (slot = 0; slot < SHARES_MAX; slot++)
		if (shares[slot].handle == handle && handle)
			break;
	/* a donation is no longer the donor's to reclaim */
	if (slot == SHARES_MAX || shares[slot].vm != vm->id ||
	    shares[slot].kind == TXN_DONATE)
		return ffa_error(FFA_INVALID_PARAMETERS);
	r = ffa_smc(ffa_value8(FFA_MEM_RECLAIM, a->x[1], a->x[2], a->x[3], 0, 0,
			       0, 0));
	if (r.x[0] == FFA_SUCCESS_32) {
		if (shares[slot].kind == TXN_LEND) {
			put_back(vm, slot);
			guest_stage2_flush();
		}
		shares[slot].handle = 0;
	}
	return r;
}

unsigned nwv_mem_release_vm(struct vm *vm, unsigned *kept)
{
	unsigned slot, freed = 0;

	*kept = 0;
	for (slot = 0; slot < SHARES_MAX; slot++) {
		u64 h = shares[slot].handle;
		struct ffa_value r;

		/* what it donated stays given away */
		if (!h || shares[slot].vm != vm->id ||
		    shares[slot].kind == TXN_DONATE)
			continue;
		r = ffa_smc(ffa_value8(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0,
				       0, 0, 0));
		if (r.x[0] == FFA_SUCCESS_32) {
			shares[slot].handle = 0;
			freed++;
		} else {
			log_printf("VM %u '%s': share 0x%llx still held by a "
				   "partition (error %d)\n",
				   vm->id, vm->name, (unsigned long long)h,
				   (int)(s32)r.x[2]);
			(*kept)++;
		}
	}
	return freed;
}

bool nwv_mem_donated(const struct vm *vm, u64 ipa, u64 size)
{
	unsigned slot, i;

	for (slot = 0; slot < SHARES_MAX; slot++) {
		if (!shares[slot].handle || shares[slot].vm != vm->id ||
		    shares[slot].kind != TXN_DONATE)
			continue;
		for (i = 0; i < shares[slot].range_count; i++) {
			u64 b = shares[slot].ranges[i].ipa;
			u64 n = (u64)shares[slot].ranges[i].pages << PAGE_SHIFT;

			if (ipa < b + n && b < ipa + size)
				return true;
		}
	}
	return false;
}

int nwv_mem_take_out_donated(struct vm *vm)
{
	unsigned slot, i;

	for (slot = 0; slot < SHARES_MAX; slot++) {
		if (!shares[slot].handle || shares[slot].vm != vm->id ||
		    shares[slot].kind != TXN_DONATE)
			continue;
		for (i = 0; i < shares[slot].range_count; i++)
			if (pgt_unmap(&vm->s2, shares[slot].ranges[i].ipa,
				      (u64)shares[slot].ranges[i].pages
					      << PAGE_SHIFT))
				return -1;
	}
	return 0;
}

bool nwv_mem_read(const struct vm *vm, u64 handle, u64 offset, void *buf,
		  u32 len)
{
	/* a GP client sends every message in the same share: look there
	 * first */
	static unsigned last;
	unsigned slot = last, i;
	u8 *out = buf;

	if (shares[slot].handle != handle || !handle ||
	    shares[slot].vm != vm->id) {
		for (slot = 0; slot < SHARES_MAX; slot++)
			if (shares[slot].handle == handle && handle &&
			    shares[slot].vm == vm->id)
				break;
		if (slot == SHARES_MAX)
			return false;
		last = slot;
	}
	for (i = 0; i < shares[slot].range_count && len; i++) {
		u64 n = (u64)shares[slot].ranges[i].pages << PAGE_SHIFT, pa;
		u64 take;

		if (offset >= n) {
			offset -= n;
			continue;
		}
		take = n - offset < len ? n - offset : len;
		if (!ram_pa(vm, shares[slot].ranges[i].ipa + offset, take, &pa))
			return false;
		memcpy(out, (const void *)pa, take);
		out += take;
		len -= (u32)take;
		offset = 0;
	}
	return len == 0;
}
