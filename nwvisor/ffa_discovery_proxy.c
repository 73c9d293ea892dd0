/* A guest's discovery: what partitions it may call, and what the proxy offers.
 */
#include "arch/aarch64/ffa_smc.h"
#include "lib/ffa_partinfo.h"
#include "lib/log.h"
#include "lib/smccc.h"
#include "lib/string.h"
#include "nwvisor/nwvisor.h"

#define COUNT_ONLY BIT(0)

static u16 get16(const u8 *p)
{
	return (u16)(p[0] | p[1] << 8);
}

static u32 get32(const u8 *p)
{
	return get16(p) | (u32)get16(p + 2) << 16;
}

static bool listed_before(const u8 *rx, u32 i, u16 id)
{
	u32 k;

	for (k = 0; k < i; k++)
		if (get16(rx + k * FFA_PARTINFO_V1_1_SIZE) == id)
			return true;
	return false;
}

/*
 * PARTITION_INFO_GET: the SPMC's answer through our own RX, cut down to
 * the partitions the binding policy gives the guest (a UUID that names
 * only others' TEEs is unknown to it: INVALID_PARAMETERS, so a guest
 * cannot even learn they are there), written into the guest's RX in the
 * layout of the version it chose: one 8-byte descriptor per partition for
 * v1.0, one 24-byte descriptor per UUID for v1.1 and later.
 */
struct ffa_value nwv_partition_info_get(struct vm *vm,
					const struct ffa_value *a)
{
	u32 flags = (u32)a->x[5], n, size, i, count = 0;
	bool v1_0 = vm->version < FFA_VERSION_1_1;
	u32 out_size = ffa_partinfo_size(vm->version);
	u8 *dst = (u8 *)vm->rx_pa;
	struct ffa_value r;

	if ((flags & ~COUNT_ONLY) || ((flags & COUNT_ONLY) && v1_0))
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (!(flags & COUNT_ONLY) && (!vm->rxtx_mapped || vm->rx_full))
		return ffa_error(FFA_BUSY);
	r = ffa_smc(ffa_value8(FFA_PARTITION_INFO_GET, (u32)a->x[1],
			       (u32)a->x[2], (u32)a->x[3], (u32)a->x[4], 0, 0,
			       0));
	if (r.x[0] != FFA_SUCCESS_32)
		return r;
	n = (u32)r.x[2];
	size = (u32)r.x[3];
	for (i = 0; size == FFA_PARTINFO_V1_1_SIZE && i < n &&
		    (u64)(i + 1) * size <= sizeof(nwv_rx);
	     i++) {
		const u8 *d = nwv_rx + i * size;
		u16 id = get16(d);
		u32 props = get32(d + 4);

		if (!vm_may_reach(vm, id) ||
		    (v1_0 && listed_before(nwv_rx, i, id)))
			continue;
		if (!(flags & COUNT_ONLY) &&
		    (u64)(count + 1) * out_size <= PAGE_SIZE) {
			u32 uuid[4] = { get32(d + 8), get32(d + 12),
					get32(d + 16), get32(d + 20) };

			/* v1.0 has only properties bits 0-2 */
			ffa_partinfo_write(dst + count * out_size, vm->version,
					   id, get16(d + 2),
					   v1_0 ? props & 7u : props, uuid);
		}
		count++;
	}
	ffa_smc(ffa_value8(FFA_RX_RELEASE, 0, 0, 0, 0, 0, 0, 0));
	if (!count)
		return ffa_error(FFA_INVALID_PARAMETERS);
	if ((u64)count * out_size > PAGE_SIZE)
		return ffa_error(FFA_NO_MEMORY);
	if (!(flags & COUNT_ONLY))
		vm->rx_full = true;
	return ffa_value8(FFA_SUCCESS_32, 0, count, v1_0 ? 0 : out_size, 0, 0,
			  0, 0);
}

struct ffa_value nwv_rx_release(struct vm *vm, const struct ffa_value *a)
{
	if ((u32)a->x[1] != 0)
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (!vm->rxtx_mapped || !vm->rx_full)
		return ffa_error(FFA_DENIED);
	vm->rx_full = false;
	return ffa_success(0);
}

/* What the proxy itself answers or sends on for a guest */
static const u32 offered[] = {
	FFA_VERSION,
	FFA_ID_GET,
	FFA_FEATURES,
	FFA_RXTX_MAP_32,
	FFA_RXTX_MAP_64,
	FFA_RXTX_UNMAP,
	FFA_RX_RELEASE,
	FFA_PARTITION_INFO_GET,
	FFA_MSG_SEND_DIRECT_REQ_32,
	FFA_MSG_SEND_DIRECT_REQ_64,
	FFA_MSG_SEND2,
	FFA_MEM_SHARE_32,
	FFA_MEM_SHARE_64,
	FFA_MEM_LEND_32,
	FFA_MEM_LEND_64,
	FFA_MEM_DONATE_32,
	FFA_MEM_DONATE_64,
	FFA_MEM_RECLAIM,
	FFA_CONSOLE_LOG_32,
};

/* FFA_FEATURES: for what this proxy does, not what the SPMC would */
struct ffa_value nwv_features(struct vm *vm, const struct ffa_value *a)
{
	u32 fid = (u32)a->x[1];
	unsigned i;

	(void)vm;
	for (i = 0; i < sizeof(offered) / sizeof(offered[0]); i++)
		if (offered[i] == fid)
			/* RXTX_MAP: 4 KiB buffers (w2 = 0) */
			return ffa_value8(FFA_SUCCESS_32, 0, 0, 0, 0, 0, 0, 0);
	return ffa_error(FFA_NOT_SUPPORTED);
}
