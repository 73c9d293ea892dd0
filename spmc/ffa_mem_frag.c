/* Memory transaction descriptors that come in several fragments (FRAG_TX). */
#include "lib/string.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"

/* One descriptor being assembled per endpoint (normal world: slot 0). */
static struct frag {
	bool active;
	u32 fid; /* the SHARE, LEND or DONATE that began it */
	u32 total, got;
	u64 handle;
	u8 buf[MEM_DESC_MAX];
} frags[SPMC_MAX_PARTITIONS + 1];

static struct frag *frag_of(struct caller c)
{
	return c.p ? &frags[1 + (c.p - spmc_partitions)] : &frags[0];
}

static struct ffa_value more_please(const struct frag *f)
{
	return ffa_value8(FFA_MEM_FRAG_RX, (u32)f->handle, f->handle >> 32,
			  f->got, 0, 0, 0, 0);
}

/* The first fragment (its lengths already checked against TX). */
struct ffa_value ffa_mem_frag_start(struct caller c, u32 fid, u32 total,
				    u32 frag)
{
	struct frag *f = frag_of(c);

	/* one transaction at a time per sender: finish the other first */
	if (f->active)
		return ffa_error(FFA_BUSY);
	memcpy(f->buf, stage1_va(caller_mailbox(c)->tx), frag);
	f->fid = fid;
	f->total = total;
	f->got = frag;
	f->handle = mem_txn_reserve(&spmc_mem);
	f->active = true;
	return more_please(f);
}

struct ffa_value ffa_mem_frag_tx(struct caller c, const struct ffa_value *a)
{
	struct frag *f = frag_of(c);
	struct mailbox *mb = caller_mailbox(c);
	u64 handle = (u32)a->x[1] | (u64)(u32)a->x[2] << 32;
	u32 len = (u32)a->x[3];

	/* out of order: no transaction of that handle is being assembled;
	 * the one that is (if any) stays as it was */
	if (!f->active || handle != f->handle || (u32)a->x[4])
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (len == 0 || len > f->total - f->got || !mb->mapped ||
	    len > (u64)mb->pages * PAGE_SIZE) {
		/* a broken sequence ends: the transaction never existed */
		f->active = false;
		return ffa_error(FFA_INVALID_PARAMETERS);
	}
	memcpy(f->buf + f->got, stage1_va(mb->tx), len);
	f->got += len;
	if (f->got < f->total)
		return more_please(f);
	f->active = false;
	return ffa_mem_send_desc(c, f->fid, f->buf, f->total, f->handle);
}

/*
 * A receiver asks for the next fragment of a retrieve response: ours
 * always fit one RX buffer (at most 32 ranges), so there is none.
 */
struct ffa_value ffa_mem_frag_rx(struct caller c, const struct ffa_value *a)
{
	(void)c;
	(void)a;
	return ffa_error(FFA_INVALID_PARAMETERS);
}
