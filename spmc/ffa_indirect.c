/* Indirect messages: FFA_MSG_SEND2 from TX to RX, and RX ownership for it. */
#include "lib/string.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"

/*
 * The v1.1 partition message header at the start of TX and RX: flags and
 * a reserved word (both zero), the payload's offset from the header, the
 * sender in [31:16] and receiver in [15:0], and the payload's size.
 */
#define MSG_HDR_SIZE 20
#define MSG_SEND2_DELAY_SRI BIT(1)
#define MSG_METHOD_INDIRECT BIT(2)

static u32 le32(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static void put32(u8 *p, u32 v)
{
	p[0] = (u8)v;
	p[1] = (u8)(v >> 8);
	p[2] = (u8)(v >> 16);
	p[3] = (u8)(v >> 24);
}

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
	u32 offset, sender_receiver, size, limit;
	u8 hdr[MSG_HDR_SIZE], *dst;
	u16 receiver, sender = c.id;
	struct partition *to;
	s32 err;

	/* w1[31:16] names a VM only when a hypervisor forwards the call: one
	 * of the system manifest's, whose message it sends */
	if ((u16)a->x[1] || (a->x[1] >> 16 && c.p) || a->x[1] >> 32 ||
	    ((u32)a->x[2] & ~MSG_SEND2_DELAY_SRI))
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
	memcpy(hdr, stage1_va(tx->tx), MSG_HDR_SIZE);
	offset = le32(hdr + 8);
	sender_receiver = le32(hdr + 12);
	size = le32(hdr + 16);
	receiver = (u16)sender_receiver;
	if (le32(hdr) || le32(hdr + 4) || sender_receiver >> 16 != sender ||
	    receiver == c.id || offset < MSG_HDR_SIZE || offset > limit ||
	    size > limit - offset)
		return ffa_error(FFA_INVALID_PARAMETERS);
	/* the normal world's endpoints send to partitions only, and only to
	 * those the system manifest gives them */
	if (!c.p && receiver < 0x8000)
		return ffa_error(FFA_INVALID_PARAMETERS);
	rx = receiver_mailbox(receiver, &to, &err);
	if (!err && !c.p)
		err = ns_policy_check(sender, to);
	if (err)
		return ffa_error(err);
	if (!rx->mapped)
		return ffa_error(FFA_DENIED);
	if (rx->rx_full)
		return ffa_error(FFA_BUSY);
	if (size > rx->pages * PAGE_SIZE - MSG_HDR_SIZE)
		return ffa_error(FFA_NO_MEMORY);
	dst = stage1_va(rx->rx);
	memset(dst, 0, MSG_HDR_SIZE);
	put32(dst + 8, MSG_HDR_SIZE);
	put32(dst + 12, sender_receiver);
	put32(dst + 16, size);
	memcpy(dst + MSG_HDR_SIZE, (u8 *)stage1_va(tx->tx) + offset, size);
	rx->rx_full = true;
	/* the receiver learns of it from its framework notifications */
	endpoint_notif(receiver)->framework |= NOTIF_FW_RX_FULL;
	endpoint_notif(receiver)->info_reported = false;
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
