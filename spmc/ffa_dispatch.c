/* FF-A call dispatch: from the normal world, and calls answered in place. */
#include "lib/log.h"
#include "lib/smccc.h"
#include "lib/string.h"
#include "spmc/spmc.h"

void spmc_handle_ns_call(struct ffa_value *a);

bool ffa_mbz(const struct ffa_value *a, unsigned from, unsigned to)
{
	bool wide = ffa_is_64((u32)a->x[0]);
	unsigned i;

	for (i = from; i <= to; i++)
		if (wide ? a->x[i] != 0 : (u32)a->x[i] != 0)
			return false;
	return true;
}

/*
 * A partition's log: characters are kept until a line ends (or the buffer
 * fills) so that each line appears whole, under the partition's name.
 */
static struct ffa_value console_log(struct caller c, const struct ffa_value *a)
{
	u64 n = a->x[1];
	unsigned per_reg = ffa_is_64((u32)a->x[0]) ? 8 : 4;
	struct partition *p = c.p;
	unsigned i;

	if (!p)
		return ffa_error(FFA_NOT_SUPPORTED);
	if (n == 0 || n > 6 * per_reg)
		return ffa_error(FFA_INVALID_PARAMETERS);
	for (i = 0; i < n; i++) {
		char ch = (char)(a->x[2 + i / per_reg] >> (8 * (i % per_reg)));
		bool end = ch == '\n';

		if (!end)
			p->console[p->console_len++] =
				ch >= 0x20 && ch < 0x7f ? ch : '?';
		if (end || p->console_len == sizeof(p->console) - 1) {
			p->console[p->console_len] = '\0';
			log_printf("[%s] %s\n", p->m.name, p->console);
			p->console_len = 0;
		}
	}
	return ffa_success(0);
}

typedef struct ffa_value (*ffa_handler)(struct caller c,
					const struct ffa_value *a);

/* Which calling conventions a function exists in */
#define SMC32 1
#define SMC64 2
#define FN(id) ((id)&0xff)

/*
 * Calls answered on the spot, indexed by function number: one table look-up
 * instead of a chain of compares, whatever the number of calls.
 */
static const struct {
	ffa_handler fn;
	u8 forms;
} simple[] = {
	[FN(FFA_VERSION)] = { ffa_version, SMC32 },
	[FN(FFA_FEATURES)] = { ffa_features, SMC32 },
	[FN(FFA_RX_RELEASE)] = { ffa_rx_release, SMC32 },
	[FN(FFA_RXTX_MAP_32)] = { ffa_rxtx_map, SMC32 | SMC64 },
	[FN(FFA_RXTX_UNMAP)] = { ffa_rxtx_unmap, SMC32 },
	[FN(FFA_PARTITION_INFO_GET)] = { ffa_partition_info_get, SMC32 },
	[FN(FFA_ID_GET)] = { ffa_id_get, SMC32 },
	[FN(FFA_MEM_DONATE_32)] = { ffa_mem_send, SMC32 | SMC64 },
	[FN(FFA_MEM_LEND_32)] = { ffa_mem_send, SMC32 | SMC64 },
	[FN(FFA_MEM_SHARE_32)] = { ffa_mem_send, SMC32 | SMC64 },
	[FN(FFA_MEM_RETRIEVE_REQ_32)] = { ffa_mem_retrieve, SMC32 | SMC64 },
	[FN(FFA_MEM_RELINQUISH)] = { ffa_mem_relinquish, SMC32 },
	[FN(FFA_MEM_RECLAIM)] = { ffa_mem_reclaim, SMC32 },
	[FN(FFA_MEM_FRAG_RX)] = { ffa_mem_frag_rx, SMC32 },
	[FN(FFA_MEM_FRAG_TX)] = { ffa_mem_frag_tx, SMC32 },
	[FN(FFA_NOTIFICATION_BITMAP_CREATE)] = { ffa_notif_bitmap_create,
						 SMC32 },
	[FN(FFA_NOTIFICATION_BITMAP_DESTROY)] = { ffa_notif_bitmap_destroy,
						  SMC32 },
	[FN(FFA_NOTIFICATION_BIND)] = { ffa_notif_bind, SMC32 },
	[FN(FFA_NOTIFICATION_UNBIND)] = { ffa_notif_bind, SMC32 },
	[FN(FFA_NOTIFICATION_SET)] = { ffa_notif_set, SMC32 },
	[FN(FFA_NOTIFICATION_GET)] = { ffa_notif_get, SMC32 },
	[FN(FFA_NOTIFICATION_INFO_GET_32)] = { ffa_notif_info_get,
					       SMC32 | SMC64 },
	[FN(FFA_RX_ACQUIRE)] = { ffa_rx_acquire, SMC32 },
	[FN(FFA_SPM_ID_GET)] = { ffa_spm_id_get, SMC32 },
	[FN(FFA_MSG_SEND2)] = { ffa_msg_send2, SMC32 },
	[FN(FFA_CONSOLE_LOG_32)] = { console_log, SMC32 | SMC64 },
};

bool ffa_answer_simple(struct caller c, const struct ffa_value *a,
		       struct ffa_value *r)
{
	u32 fid = (u32)a->x[0], fn = FN(fid);

	if ((fid & ~(BIT(30) | 0xff)) != 0x84000000u ||
	    fn >= ARRAY_SIZE(simple) || !simple[fn].fn ||
	    !(simple[fn].forms & (ffa_is_64(fid) ? SMC64 : SMC32)))
		return false;
	*r = simple[fn].fn(c, a);
	return true;
}

/* Entered from spmc/entry.S with the normal world's registers. */
void spmc_handle_ns_call(struct ffa_value *a)
{
	struct caller ns = { NULL, FFA_HOST_ID };

	switch ((u32)a->x[0]) {
	case FFA_MSG_SEND_DIRECT_REQ_32:
	case FFA_MSG_SEND_DIRECT_REQ_64:
		ffa_direct_req_from_ns(a);
		break;
	case FFA_RUN:
		ffa_run_from_ns(a);
		break;
	default:
		/* responses and waits included: the normal world has nothing
		 * to send them to here */
		if (!ffa_answer_simple(ns, a, a))
			*a = ffa_error(FFA_NOT_SUPPORTED);
		break;
	}
}
