/* Indirect messages: FFA_MSG_SEND2 from TX to RX, and RX ownership for it. */
#include "lib/ffa_msg_hdr.h"
#include "lib/string.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"

#define MSG_METHOD_INDIRECT BIT(2)

/* The receiver's mailbox, if it takes indirect messages at all (and in
 * *to the partition, or NULL for the normal world). */
static struct mailbox *receiver_mailbox(u16 id, struct partition **to, s32 *err)
{
	struct partition *q;

	*err = FFA_OK;
	*to = NULL;
	if (id == FFA_HOST_ID)
		return &spmc_ns.mb;
	q = spmc_find_partition(id);
	*to = q;
	if (!q) {
		*err = FFA_INVALID_PARAMETERS;
		return NULL;
	}
	if (!(q->m.messaging_method & MSG_METHOD_INDIRECT) ||
	    q->state == SP_ABORTED) {
		*err = FFA_DENIED;
		return NULL;
	}
	return &q->mb;
}

struct ffa_value ffa_msg_send2(struct caller c, const struct ffa_value *a)
{
	struct mailbox *tx = caller_mailbox(c), *rx;
	struct ffa_msg_hdr h;
	u16 sender = c.id;
	struct partition *to;
	u32 limit;
	u8 *dst;
	s32 err;

	/* w1[31:16] names a VM only when a hypervisor forwards the call: one
	 * of the system manifest's, whose message it sends */
	if ((u16)a->x[1] || (a->x[1] >> 16 && c.p) || a->x[1] >> 32 ||
	    ((u32)a->x[2] & ~FFA_MSG_SEND2_DELAY_SRI))
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (a->x[1] >> 16) {
		sender = (u16)(a->x[1] >> 16);
		if (sender > SPMC_NS_VM_ID_MAX || !ns_policy_vm_name(sender))
			return ffa_error(FFA_INVALID_PARAMETERS);
	}
	if (!tx->mapped)
		return ffa_error(FFA_DENIED);
	limit = tx->pages * PAGE_SIZE;
	/* read once: the sender may change its TX meanwhile */
	h = ffa_msg_hdr_read(stage1_va(tx->tx));
	if (!ffa_msg_hdr_valid(&h, limit) || h.sender != sender ||
	    h.receiver == c.id)
		return ffa_error(FFA_INVALID_PARAMETERS);
	/* the normal world's endpoints send to partitions only, and only to
	 * those the system manifest gives them */
	if (!c.p && !(h.receiver & FFA_SECURE_BIT))
		return ffa_error(FFA_INVALID_PARAMETERS);
	rx = receiver_mailbox(h.receiver, &to, &err);
	if (!err && !c.p)
		err = ns_policy_check(sender, to);
	if (err)
		return ffa_error(err);
	if (!rx->mapped)
		return ffa_error(FFA_DENIED);
	if (rx->rx_full)
		return ffa_error(FFA_BUSY);
	if (h.size > rx->pages * PAGE_SIZE - FFA_MSG_HDR_SIZE)
		return ffa_error(FFA_NO_MEMORY);
	dst = stage1_va(rx->rx);
	ffa_msg_hdr_write(dst, h.sender, h.receiver, h.size);
	memcpy(dst + FFA_MSG_HDR_SIZE, (u8 *)stage1_va(tx->tx) + h.offset,
	       h.size);
	rx->rx_full = true;
	/* the receiver learns of it from its framework notifications */
	endpoint_notif(h.receiver)->framework |= NOTIF_FW_RX_FULL;
	endpoint_notif(h.receiver)->info_reported = false;
	return ffa_success(0);
}

/*
 * The normal world takes its RX buffer for itself (a hypervisor does this
 * for its VMs): the SPMC then writes nothing there until RX_RELEASE.
 */
struct ffa_value ffa_rx_acquire(struct caller c, const struct ffa_value *a)
{
	if (c.p)
		return ffa_error(FFA_NOT_SUPPORTED);
	if ((u32)a->x[1] != FFA_HOST_ID)
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (!spmc_ns.mb.mapped)
		return ffa_error(FFA_DENIED);
	if (spmc_ns.mb.rx_full)
		return ffa_error(FFA_BUSY);
	spmc_ns.mb.rx_full = true;
	return ffa_success(0);
}
