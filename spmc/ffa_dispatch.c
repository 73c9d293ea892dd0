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

bool ffa_answer_simple(struct caller c, const struct ffa_value *a,
		       struct ffa_value *r)
{
	switch ((u32)a->x[0]) {
	case FFA_VERSION:
		*r = ffa_version(c, a);
		return true;
	case FFA_ID_GET:
		*r = ffa_id_get(c, a);
		return true;
	case FFA_SPM_ID_GET:
		*r = ffa_spm_id_get(c, a);
		return true;
	case FFA_FEATURES:
		*r = ffa_features(c, a);
		return true;
	case FFA_PARTITION_INFO_GET:
		*r = ffa_partition_info_get(c, a);
		return true;
	case FFA_RXTX_MAP_32:
	case FFA_RXTX_MAP_64:
		*r = ffa_rxtx_map(c, a);
		return true;
	case FFA_RXTX_UNMAP:
		*r = ffa_rxtx_unmap(c, a);
		return true;
	case FFA_RX_RELEASE:
		*r = ffa_rx_release(c, a);
		return true;
	case FFA_CONSOLE_LOG_32:
	case FFA_CONSOLE_LOG_64:
		*r = console_log(c, a);
		return true;
	case FFA_MEM_SHARE_32:
	case FFA_MEM_SHARE_64:
	case FFA_MEM_LEND_32:
	case FFA_MEM_LEND_64:
	case FFA_MEM_DONATE_32:
	case FFA_MEM_DONATE_64:
		*r = ffa_mem_send(c, a);
		return true;
	case FFA_MEM_RETRIEVE_REQ_32:
	case FFA_MEM_RETRIEVE_REQ_64:
		*r = ffa_mem_retrieve(c, a);
		return true;
	case FFA_MEM_RELINQUISH:
		*r = ffa_mem_relinquish(c, a);
		return true;
	case FFA_MEM_RECLAIM:
		*r = ffa_mem_reclaim(c, a);
		return true;
	case FFA_NOTIFICATION_BITMAP_CREATE:
		*r = ffa_notif_bitmap_create(c, a);
		return true;
	case FFA_NOTIFICATION_BITMAP_DESTROY:
		*r = ffa_notif_bitmap_destroy(c, a);
		return true;
	case FFA_NOTIFICATION_BIND:
	case FFA_NOTIFICATION_UNBIND:
		*r = ffa_notif_bind(c, a);
		return true;
	case FFA_NOTIFICATION_SET:
		*r = ffa_notif_set(c, a);
		return true;
	case FFA_NOTIFICATION_GET:
		*r = ffa_notif_get(c, a);
		return true;
	case FFA_NOTIFICATION_INFO_GET_32:
	case FFA_NOTIFICATION_INFO_GET_64:
		*r = ffa_notif_info_get(c, a);
		return true;
	case FFA_MSG_SEND2:
		*r = ffa_msg_send2(c, a);
		return true;
	case FFA_RX_ACQUIRE:
		*r = ffa_rx_acquire(c, a);
		return true;
	default:
		return false;
	}
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
