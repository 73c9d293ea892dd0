/* FF-A discovery: version, IDs, features and partition information. */
#include "lib/ffa_partinfo.h"
#include "lib/string.h"
#include "spmc/spmc.h"

u32 *caller_version(struct caller c)
{
	return c.p ? &c.p->version : &spmc_ns.version;
}

struct ffa_value ffa_version(struct caller c, const struct ffa_value *a)
{
	u32 want = (u32)a->x[1];
	struct ffa_value r = ffa_value8(SPMC_VERSION, 0, 0, 0, 0, 0, 0, 0);

	/* bit 31 MBZ; only major version 1 is spoken here */
	if ((want & BIT(31)) || FFA_VERSION_MAJOR(want) != 1) {
		r.x[0] = (u32)FFA_NOT_SUPPORTED;
		return r;
	}
	/* the caller is answered in the formats of the version it asked
	 * for, up to ours */
	*caller_version(c) = want < SPMC_VERSION ? want : SPMC_VERSION;
	return r;
}

struct ffa_value ffa_id_get(struct caller c, const struct ffa_value *a)
{
	(void)a;
	return ffa_success(c.id);
}

struct ffa_value ffa_spm_id_get(struct caller c, const struct ffa_value *a)
{
	(void)c;
	(void)a;
	return ffa_success(FFA_SPMC_ID);
}

/* Function IDs this SPMC implements for a caller of this kind. */
static bool implemented(struct caller c, u32 fid)
{
	switch (fid) {
	case FFA_ERROR:
	case FFA_SUCCESS_32:
	case FFA_SUCCESS_64:
	case FFA_VERSION:
	case FFA_FEATURES:
	case FFA_RX_RELEASE:
	case FFA_RXTX_MAP_32:
	case FFA_RXTX_MAP_64:
	case FFA_RXTX_UNMAP:
	case FFA_PARTITION_INFO_GET:
	case FFA_ID_GET:
	case FFA_SPM_ID_GET:
	case FFA_MSG_SEND_DIRECT_REQ_32:
	case FFA_MSG_SEND_DIRECT_REQ_64:
	case FFA_MEM_SHARE_32:
	case FFA_MEM_SHARE_64:
	case FFA_MEM_LEND_32:
	case FFA_MEM_LEND_64:
	case FFA_MEM_DONATE_32:
	case FFA_MEM_DONATE_64:
	case FFA_MEM_RECLAIM:
	case FFA_MEM_FRAG_TX:
	case FFA_MEM_FRAG_RX:
	case FFA_NOTIFICATION_BIND:
	case FFA_NOTIFICATION_UNBIND:
	case FFA_NOTIFICATION_SET:
	case FFA_NOTIFICATION_GET:
	case FFA_MSG_SEND2:
		return true;
	case FFA_NOTIFICATION_BITMAP_CREATE:
	case FFA_NOTIFICATION_BITMAP_DESTROY:
	case FFA_NOTIFICATION_INFO_GET_32:
	case FFA_NOTIFICATION_INFO_GET_64:
	case FFA_RX_ACQUIRE:
		return !c.p;
	case FFA_MEM_RETRIEVE_REQ_32:
	case FFA_MEM_RETRIEVE_REQ_64:
	case FFA_MEM_RELINQUISH:
		return c.p != NULL;
	case FFA_RUN:
		return !c.p;
	case FFA_MSG_WAIT:
	case FFA_MSG_SEND_DIRECT_RESP_32:
	case FFA_MSG_SEND_DIRECT_RESP_64:
	case FFA_CONSOLE_LOG_32:
	case FFA_CONSOLE_LOG_64:
		return c.p != NULL;
	default:
		return false;
	}
}

struct ffa_value ffa_features(struct caller c, const struct ffa_value *a)
{
	u32 id = (u32)a->x[1];

	/* bit 31 clear names a feature (notification interrupts, ...),
	 * none of which exists here yet */
	if (!(id & BIT(31)) || !implemented(c, id))
		return ffa_error(FFA_NOT_SUPPORTED);
	/* for RXTX_MAP, w2 = 0: 4 KiB minimum buffer size and alignment */
	return ffa_success(0);
}

#define PARTINFO_COUNT_ONLY BIT(0)

/*
 * Whether the descriptor of m's k-th UUID answers a query for want. A
 * query for one UUID finds each partition offering it. The null UUID finds
 * every partition: once per UUID for v1.1+ callers, whose descriptors say
 * which UUID each is for, and once for v1.0 callers, whose cannot.
 */
static bool listed(const struct manifest *m, unsigned k, const u32 want[4],
		   u32 version)
{
	if (manifest_uuid_is_null(want))
		return k == 0 || version >= FFA_VERSION_1_1;
	return ffa_uuid_match(want, m->uuid[k]);
}

struct ffa_value ffa_partition_info_get(struct caller c,
					const struct ffa_value *a)
{
	u32 want[4] = { (u32)a->x[1], (u32)a->x[2], (u32)a->x[3],
			(u32)a->x[4] };
	u32 flags = (u32)a->x[5];
	u32 version = *caller_version(c);
	u32 size = ffa_partinfo_size(version), count = 0, i, k;
	struct mailbox *mb = caller_mailbox(c);
	struct ffa_value r;
	u8 *rx;

	if (flags & ~PARTINFO_COUNT_ONLY)
		return ffa_error(FFA_INVALID_PARAMETERS);
	for (i = 0; i < spmc_partition_count; i++)
		for (k = 0; k < spmc_partitions[i].m.uuid_count; k++)
			count +=
				listed(&spmc_partitions[i].m, k, want, version);
	if (count == 0)
		return ffa_error(FFA_INVALID_PARAMETERS);

	if (!(flags & PARTINFO_COUNT_ONLY)) {
		if (!mb->mapped)
			return ffa_error(FFA_BUSY); /* spec: RX "not free or not
						       mapped" */
		if (mb->rx_full)
			return ffa_error(FFA_BUSY);
		if ((u64)count * size > (u64)mb->pages * PAGE_SIZE)
			return ffa_error(FFA_NO_MEMORY);
		rx = mailbox_rx(c);
		for (i = 0; i < spmc_partition_count; i++) {
			const struct manifest *m = &spmc_partitions[i].m;

			for (k = 0; k < m->uuid_count; k++) {
				if (!listed(m, k, want, version))
					continue;
				ffa_partinfo_write(
					rx, version, m->id, m->exec_ctx_count,
					ffa_partinfo_props(m->messaging_method,
							   m->vm_availability,
							   version),
					m->uuid[k]);
				rx += size;
			}
		}
		mb->rx_full = true;
	}
	r = ffa_success(count);
	if (version >= FFA_VERSION_1_1)
		r.x[3] = size;
	return r;
}
