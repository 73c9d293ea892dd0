/* RX/TX buffer pairs: mapping, unmapping and RX ownership. */
#include "lib/string.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"

#define RXTX_PAGES_MAX 63 /* w3[5:0] */

struct mailbox *caller_mailbox(struct caller c)
{
	return c.p ? &c.p->mb : &spmc_ns.mb;
}

/* Partitions see their memory at its physical address (identity stage 2). */
void *mailbox_rx(struct caller c)
{
	return stage1_va(caller_mailbox(c)->rx);
}

/* Is the range memory the caller may hand over as a buffer? */
bool caller_owns(struct caller c, u64 base, u64 size)
{
	u64 off, pa, attrs;

	if (!c.p)
		return stage1_is_ns_ram(base, size);
	for (off = 0; off < size; off += PAGE_SIZE)
		if (!pgt_lookup(&c.p->s2_secure, base + off, &pa, &attrs) ||
		    (attrs & (S2_AP_R | S2_AP_W)) != (S2_AP_R | S2_AP_W))
			return false;
	return true;
}

struct ffa_value ffa_rxtx_map(struct caller c, const struct ffa_value *a)
{
	bool wide = ffa_is_64((u32)a->x[0]);
	u64 tx = wide ? a->x[1] : (u32)a->x[1];
	u64 rx = wide ? a->x[2] : (u32)a->x[2];
	u32 pages = (u32)a->x[3];
	u64 size = (u64)pages << PAGE_SHIFT;
	struct mailbox *mb = caller_mailbox(c);

	if (mb->mapped)
		return ffa_error(FFA_DENIED);
	if (pages == 0 || pages > RXTX_PAGES_MAX ||
	    !IS_ALIGNED(tx | rx, PAGE_SIZE) ||
	    (tx < rx + size && rx < tx + size))
		return ffa_error(FFA_INVALID_PARAMETERS);
	/* the spec: an address not mapped in the caller's regime */
	if (!caller_owns(c, tx, size) || !caller_owns(c, rx, size))
		return ffa_error(FFA_INVALID_PARAMETERS);
	mb->tx = tx;
	mb->rx = rx;
	mb->pages = pages;
	mb->rx_full = false;
	mb->mapped = true;
	return ffa_success(0);
}

struct ffa_value ffa_rxtx_unmap(struct caller c, const struct ffa_value *a)
{
	struct mailbox *mb = caller_mailbox(c);

	/* w1[31:16] names the VM only when a hypervisor forwards the call */
	if ((u32)a->x[1] != 0)
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (!mb->mapped)
		return ffa_error(FFA_INVALID_PARAMETERS);
	memset(mb, 0, sizeof(*mb));
	return ffa_success(0);
}

struct ffa_value ffa_rx_release(struct caller c, const struct ffa_value *a)
{
	struct mailbox *mb = caller_mailbox(c);

	(void)a;
	if (!mb->mapped || !mb->rx_full)
		return ffa_error(FFA_DENIED);
	mb->rx_full = false;
	return ffa_success(0);
}
