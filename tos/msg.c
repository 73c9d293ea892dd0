/* The trusted OS's notifications and indirect messages, as test services. */
#include "arch/aarch64/ffa_smc.h"
#include "lib/ffa.h"
#include "lib/ffa_msg_hdr.h"
#include "lib/string.h"
#include "tos/mem.h"
#include "tos/msg.h"
#include "tos/tos.h"

/* FF-A status of a call: 0, or its error code. */
static u64 status(struct ffa_value r)
{
	return r.x[0] == FFA_ERROR ? (u64)(s64)(s32)r.x[2] : 0;
}

void tos_notif(struct ffa_value *out, const struct ffa_value *req, u16 self)
{
	u16 peer = (u16)req->x[4];
	u64 bits = req->x[5];
	struct ffa_value r;

	switch ((u32)req->x[3]) {
	case TOS_CMD_NOTIF_BIND:
		r = ffa_smc(ffa_value8(FFA_NOTIFICATION_BIND,
				       (u64)peer << 16 | self, 0, (u32)bits,
				       bits >> 32, 0, 0, 0));
		out->x[4] = status(r);
		break;
	case TOS_CMD_NOTIF_SET:
		r = ffa_smc(ffa_value8(FFA_NOTIFICATION_SET,
				       (u64)self << 16 | peer, 0, (u32)bits,
				       bits >> 32, 0, 0, 0));
		out->x[4] = status(r);
		break;
	default: /* TOS_CMD_NOTIF_GET: from partitions, the NS world, SPM */
		r = ffa_smc(ffa_value8(FFA_NOTIFICATION_GET, self, 0x7, 0, 0, 0,
				       0, 0));
		if (r.x[0] != FFA_SUCCESS_32) {
			out->x[3] = TOS_ERR_CALL_FAILED;
			out->x[5] = status(r);
			return;
		}
		out->x[4] = (u32)r.x[2] | (u64)(u32)r.x[3] << 32;
		out->x[5] = (u32)r.x[4] | (u64)(u32)r.x[5] << 32;
		out->x[6] = (u32)r.x[6];
		break;
	}
}

void tos_msg_read(struct ffa_value *out)
{
	struct ffa_msg_hdr h = ffa_msg_hdr_read(tos_rx);
	u64 word = 0;

	if (h.offset >= FFA_MSG_HDR_SIZE && h.offset <= PAGE_SIZE - 8 &&
	    h.size >= 8)
		memcpy(&word, tos_rx + h.offset, 8);
	out->x[4] = h.sender;
	out->x[5] = h.size;
	out->x[6] = word;
	out->x[7] = status(
		ffa_smc(ffa_value8(FFA_RX_RELEASE, 0, 0, 0, 0, 0, 0, 0)));
}

void tos_msg_send(struct ffa_value *out, u16 to, u64 word, u16 self)
{
	ffa_msg_hdr_write(tos_tx, self, to, 8);
	memcpy(tos_tx + FFA_MSG_HDR_SIZE, &word, 8);
	out->x[4] =
		status(ffa_smc(ffa_value8(FFA_MSG_SEND2, 0, 0, 0, 0, 0, 0, 0)));
}
