/* FF-A memory management: share, lend, donate, retrieve, relinquish, reclaim.
 */
#include "arch/aarch64/vcpu.h"
#include "lib/ffa_mem_desc.h"
#include "lib/log.h"
#include "lib/string.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"

struct mem_txn_table spmc_mem;

/*
 * Descriptors are copied out of the caller's TX buffer before they are
 * read, so nothing the caller does meanwhile changes what was checked.
 */
static u8 desc[MEM_DESC_MAX];

/* Flags of SHARE/LEND/DONATE and of RECLAIM / RELINQUISH */
#define SEND_FLAG_ZERO BIT(0) /* zero before the receiver sees it */
#define SEND_FLAG_TIME_SLICE BIT(1) /* not supported */

/*
 * Checks the lengths of a call carrying a descriptor in TX (w1 total, w2
 * this fragment, w3/w4 another buffer, which we do not offer).
 */
static s32 check_tx(struct caller c, const struct ffa_value *a)
{
	struct mailbox *mb = caller_mailbox(c);
	u32 total = (u32)a->x[1], frag = (u32)a->x[2];
	u64 addr = ffa_is_64((u32)a->x[0]) ? a->x[3] : (u32)a->x[3];

	if (addr || (u32)a->x[4])
		return FFA_INVALID_PARAMETERS;
	if (!mb->mapped)
		return FFA_DENIED;
	if (frag == 0 || frag > total || frag > (u64)mb->pages * PAGE_SIZE)
		return FFA_INVALID_PARAMETERS;
	if (total > MEM_DESC_MAX)
		return FFA_NO_MEMORY;
	return FFA_OK;
}

/* The whole descriptor in one fragment, copied out of TX. */
static s32 copy_tx(struct caller c, const struct ffa_value *a, u32 *len)
{
	s32 err = check_tx(c, a);

	if (err)
		return err;
	if ((u32)a->x[2] != (u32)a->x[1])
		return FFA_INVALID_PARAMETERS;
	*len = (u32)a->x[1];
	memcpy(desc, stage1_va(caller_mailbox(c)->tx), *len);
	return FFA_OK;
}

/* Memory of the normal world is mapped non-secure in partitions. */
static bool memory_is_ns(u16 owner)
{
	return !ffa_id_is_secure(owner);
}

static bool sender_owns(struct caller c, const struct mem_range *r)
{
	u64 size = (u64)r->pages << PAGE_SHIFT;
	struct mailbox *mb = caller_mailbox(c);

	/* its own RX/TX buffers are the SPMC's to write while mapped */
	if (mb->mapped && ((r->base.pa < mb->tx + mb->pages * PAGE_SIZE &&
			    mb->tx < r->base.pa + size) ||
			   (r->base.pa < mb->rx + mb->pages * PAGE_SIZE &&
			    mb->rx < r->base.pa + size)))
		return false;
	return caller_owns(c, r->base.pa, size);
}

static u64 s2_attrs(u8 access)
{
	u64 a = S2_MEMATTR_NORMAL | PTE_SH_INNER;

	if (access & MEM_ACCESS_R)
		a |= S2_AP_R;
	if (access & MEM_ACCESS_W)
		a |= S2_AP_W;
	if (!(access & MEM_ACCESS_X))
		a |= S2_XN;
	return a;
}

static void unmap_ranges(struct pgt *t, const struct mem_txn_req *req,
			 unsigned upto)
{
	unsigned i;

	for (i = 0; i < upto; i++)
		pgt_unmap(t, req->ranges[i].base.pa,
			  (u64)req->ranges[i].pages << PAGE_SHIFT);
}

/* Maps every range with attrs, or none of them. */
static int map_ranges(struct pgt *t, const struct mem_txn_req *req, u64 attrs)
{
	unsigned i;

	for (i = 0; i < req->range_count; i++)
		if (pgt_map(t, req->ranges[i].base.pa, req->ranges[i].base.pa,
			    (u64)req->ranges[i].pages << PAGE_SHIFT, attrs)) {
			unmap_ranges(t, req, i);
			return -1;
		}
	return 0;
}

static struct pgt *stage2_of(struct partition *p, u16 owner)
{
	return memory_is_ns(owner) ? &p->s2_ns : &p->s2_secure;
}

/*
 * The most transactions live at once, said each time it grows: a client
 * that leaks shared memory shows as a figure that keeps growing (the Linux
 * test reads it), one that does not as a few lines early on.
 */
static void report_most_live(void)
{
	static unsigned most;

	if (spmc_mem.live <= most)
		return;
	most = spmc_mem.live;
	log_printf("memory: %u transaction(s) live, the most so far\n", most);
}

/* The request as the state machine takes it, checked against callers. */
static s32 build_request(struct caller c, const struct ffa_mem_desc *d,
			 enum mem_txn_type type, struct mem_txn_req *req)
{
	u16 attributes = d->attributes;
	unsigned i;

	/* FF-A has the sender of a loan or donation leave the memory
	 * attributes to the receiver (Linux lends so): it gets what we map */
	if (type != MEM_TXN_SHARE && attributes == 0)
		attributes = FFA_MEM_NORMAL_WB_INNER;
	/* the normal world's hypervisor sends in its guests' names too */
	if ((d->sender != c.id &&
	     (c.p || d->sender == 0 || d->sender > SPMC_NS_VM_ID_MAX)) ||
	    (attributes & FFA_MEM_TYPE_MASK) != FFA_MEM_TYPE_NORMAL ||
	    (d->flags & ~SEND_FLAG_ZERO) ||
	    (type == MEM_TXN_SHARE && (d->flags & SEND_FLAG_ZERO)))
		return FFA_INVALID_PARAMETERS;
	memset(req, 0, sizeof(*req));
	req->type = type;
	req->sender = d->sender;
	req->attributes = attributes;
	req->tag = d->tag;
	req->receiver_count = d->receiver_count;
	req->range_count = d->range_count;
	for (i = 0; i < d->receiver_count; i++) {
		struct partition *q = spmc_find_partition(d->receiver_ids[i]);

		/* receivers are partitions: the normal world has nobody to
		 * retrieve on its behalf until it has a hypervisor */
		if (!q)
			return FFA_INVALID_PARAMETERS;
		if (!c.p) {
			s32 err = ns_policy_check(d->sender, q);

			if (err)
				return err;
		}
		req->receivers[i].id = d->receiver_ids[i];
		req->receivers[i].access =
			ffa_mem_perms_to_access(d->receiver_perms[i]);
		/* nor does a donor say what the new owner may do (FF-A wants
		 * it left unspecified): read and write, as an owner */
		if (type == MEM_TXN_DONATE && d->receiver_perms[i] == 0)
			req->receivers[i].access = MEM_ACCESS_R | MEM_ACCESS_W;
		if (!req->receivers[i].access)
			return FFA_INVALID_PARAMETERS;
	}
	for (i = 0; i < d->range_count; i++) {
		req->ranges[i] = d->ranges[i];
		if (d->ranges[i].pages == 0)
			return FFA_INVALID_PARAMETERS;
	}
	return FFA_OK;
}

struct ffa_value ffa_mem_send_desc(struct caller c, u32 fid, const u8 *buf,
				   u32 len, u64 reserved)
{
	static struct ffa_mem_desc d;
	static struct mem_txn_req req;
	enum mem_txn_type type;
	u64 handle;
	unsigned i;
	s32 err;

	switch (fid & ~BIT(30)) {
	case FFA_MEM_SHARE_32:
		type = MEM_TXN_SHARE;
		break;
	case FFA_MEM_LEND_32:
		type = MEM_TXN_LEND;
		break;
	default:
		type = MEM_TXN_DONATE;
		break;
	}
	err = ffa_mem_desc_read(buf, len, *caller_version(c), FFA_MEM_DESC_SEND,
				&d);
	if (!err)
		err = build_request(c, &d, type, &req);
	/* the shape first (state machine), then ownership of each page */
	for (i = 0; !err && i < req.range_count; i++)
		if (!sender_owns(c, &req.ranges[i]))
			err = FFA_DENIED;
	if (!err)
		err = mem_txn_send_as(&spmc_mem, &req, reserved, &handle);
	if (err)
		return ffa_error(err);
	/* lend and donate take the pages from a partition sender */
	if (c.p && type != MEM_TXN_SHARE) {
		unmap_ranges(&c.p->s2_secure, &req, req.range_count);
		guest_stage2_flush();
	}
	if (d.flags & SEND_FLAG_ZERO)
		for (i = 0; i < req.range_count; i++)
			memset(stage1_va(req.ranges[i].base.pa), 0,
			       (u64)req.ranges[i].pages << PAGE_SHIFT);
	report_most_live();
	return ffa_value8(FFA_SUCCESS_32, 0, (u32)handle, handle >> 32, 0, 0, 0,
			  0);
}

struct ffa_value ffa_mem_send(struct caller c, const struct ffa_value *a)
{
	s32 err = check_tx(c, a);

	if (err)
		return ffa_error(err);
	/* the rest comes by FFA_MEM_FRAG_TX */
	if ((u32)a->x[2] < (u32)a->x[1])
		return ffa_mem_frag_start(c, (u32)a->x[0], (u32)a->x[1],
					  (u32)a->x[2]);
	memcpy(desc, stage1_va(caller_mailbox(c)->tx), (u32)a->x[1]);
	return ffa_mem_send_desc(c, (u32)a->x[0], desc, (u32)a->x[1], 0);
}

/* Writes the retrieve response for p into its RX buffer. */
static u32 write_response(struct partition *p, const struct mem_txn *x,
			  u8 access)
{
	static struct ffa_mem_desc d;
	struct caller c = { p, p->m.id };
	u32 version = p->version;

	memset(&d, 0, offsetof(struct ffa_mem_desc, ranges));
	d.sender = x->req.sender;
	d.attributes = x->req.attributes;
	if (version >= FFA_VERSION_1_1 && memory_is_ns(x->req.sender))
		d.attributes |= FFA_MEM_NS_BIT;
	d.flags = (u32)(x->req.type + 1) << FFA_RETRIEVE_TYPE_SHIFT;
	d.handle = x->handle;
	d.tag = x->req.tag;
	d.receiver_count = 1;
	d.receiver_ids[0] = p->m.id;
	d.receiver_perms[0] = ffa_mem_access_to_perms(access);
	d.total_pages = (u32)x->pages;
	d.range_count = x->req.range_count;
	memcpy(d.ranges, x->req.ranges,
	       x->req.range_count * sizeof(d.ranges[0]));
	return ffa_mem_desc_write(mailbox_rx(c), p->mb.pages * PAGE_SIZE,
				  version, &d);
}

struct ffa_value ffa_mem_retrieve(struct caller c, const struct ffa_value *a)
{
	static struct ffa_mem_desc d;
	static struct mem_txn got;
	const struct mem_txn *x;
	const struct mem_receiver *r = NULL;
	struct partition *p = c.p;
	unsigned i;
	u32 len;
	s32 err;

	if (!p)
		return ffa_error(FFA_NOT_SUPPORTED);
	err = copy_tx(c, a, &len);
	if (!err)
		err = ffa_mem_desc_read(desc, len, p->version,
					FFA_MEM_DESC_RETRIEVE, &d);
	if (err)
		return ffa_error(err);
	if (p->mb.rx_full)
		return ffa_error(FFA_BUSY);
	x = mem_txn_find(&spmc_mem, d.handle);
	/* the request names the transaction exactly as it was sent */
	if (!x || d.sender != x->req.sender || d.tag != x->req.tag ||
	    d.receiver_count != 1 || d.receiver_ids[0] != p->m.id)
		return ffa_error(FFA_INVALID_PARAMETERS);
	if ((d.flags & FFA_RETRIEVE_TYPE_MASK) &&
	    (d.flags & FFA_RETRIEVE_TYPE_MASK) >> FFA_RETRIEVE_TYPE_SHIFT !=
		    (u32)x->req.type + 1)
		return ffa_error(FFA_INVALID_PARAMETERS);
	for (i = 0; i < x->req.receiver_count; i++)
		if (x->req.receivers[i].id == p->m.id)
			r = &x->req.receivers[i];
	if (!r)
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (r->retrieved)
		return ffa_error(FFA_DENIED);
	/* a receiver may ask for less than it was given, never more */
	if (d.receiver_perms[0] &&
	    (ffa_mem_perms_to_access(d.receiver_perms[0]) & ~r->access))
		return ffa_error(FFA_DENIED);
	if (map_ranges(stage2_of(p, x->req.sender), &x->req,
		       s2_attrs(r->access)))
		return ffa_error(FFA_NO_MEMORY);
	err = mem_txn_retrieve(&spmc_mem, d.handle, p->m.id, &got);
	if (err) {
		unmap_ranges(stage2_of(p, x->req.sender), &x->req,
			     x->req.range_count);
		return ffa_error(err);
	}
	len = write_response(p, &got, r->access);
	p->mb.rx_full = true;
	return ffa_value8(FFA_MEM_RETRIEVE_RESP, len, len, 0, 0, 0, 0, 0);
}

struct ffa_value ffa_mem_relinquish(struct caller c, const struct ffa_value *a)
{
	static struct ffa_mem_relinquish rq;
	struct partition *p = c.p;
	struct mailbox *mb = caller_mailbox(c);
	const struct mem_txn *x;
	s32 err;

	(void)a;
	if (!p)
		return ffa_error(FFA_NOT_SUPPORTED);
	if (!mb->mapped)
		return ffa_error(FFA_DENIED);
	memcpy(desc, stage1_va(mb->tx), 16 + 2 * MEM_TXN_MAX_RECEIVERS);
	err = ffa_mem_relinquish_read(desc, 16 + 2 * MEM_TXN_MAX_RECEIVERS,
				      &rq);
	if (!err &&
	    (rq.flags || rq.endpoint_count != 1 || rq.endpoints[0] != p->m.id))
		err = FFA_INVALID_PARAMETERS;
	if (err)
		return ffa_error(err);
	x = mem_txn_find(&spmc_mem, rq.handle);
	err = mem_txn_relinquish(&spmc_mem, rq.handle, p->m.id);
	if (err)
		return ffa_error(err);
	unmap_ranges(stage2_of(p, x->req.sender), &x->req, x->req.range_count);
	guest_stage2_flush();
	return ffa_success(0);
}

/*
 * Whenever no transaction is live, the table pool should be back where it
 * was: said in the log each time the figure changes, so that a leak shows
 * as a line per cycle (the QEMU tests count them).
 */
static void report_pool(void)
{
	static u32 last;

	if (spmc_mem.live || spmc_pgt_pool.free_count == last)
		return;
	last = spmc_pgt_pool.free_count;
	log_printf("memory: no transaction live, %u of %u table pages free\n",
		   last, spmc_pgt_pool.pages);
}

struct ffa_value ffa_mem_reclaim(struct caller c, const struct ffa_value *a)
{
	static struct mem_txn got;
	const struct mem_txn *x;
	u64 handle = (u32)a->x[1] | (u64)(u32)a->x[2] << 32;
	u32 flags = (u32)a->x[3];
	unsigned i;
	s32 err;

	if (flags & ~SEND_FLAG_ZERO)
		return ffa_error(FFA_INVALID_PARAMETERS);
	err = mem_txn_reclaim(&spmc_mem, handle, c.id, &got);
	/* the normal world reclaims for whichever of its VMs lent (a
	 * refused reclaim changes nothing, so it can be asked again) */
	if (err && !c.p) {
		x = mem_txn_find(&spmc_mem, handle);
		if (x && memory_is_ns(x->req.sender) && x->req.sender != c.id)
			err = mem_txn_reclaim(&spmc_mem, handle, x->req.sender,
					      &got);
	}
	if (err)
		return ffa_error(err);
	if (flags & SEND_FLAG_ZERO)
		for (i = 0; i < got.req.range_count; i++)
			memset(stage1_va(got.req.ranges[i].base.pa), 0,
			       (u64)got.req.ranges[i].pages << PAGE_SHIFT);
	/* a partition lender gets its pages back as its manifest gave them */
	if (c.p && got.req.type != MEM_TXN_SHARE)
		for (i = 0; i < got.req.range_count; i++) {
			u64 pa = got.req.ranges[i].base.pa;

			u64 attrs = partition_mem_s2_attrs(c.p, pa);

			/* pages donated to it are not in its manifest: RW */
			pgt_map(&c.p->s2_secure, pa, pa,
				(u64)got.req.ranges[i].pages << PAGE_SHIFT,
				attrs ? attrs
				      : s2_attrs(MEM_ACCESS_R | MEM_ACCESS_W));
		}
	report_pool();
	return ffa_success(0);
}

void ffa_mem_endpoint_stopped(struct partition *p)
{
	unsigned n = mem_txn_endpoint_stopped(&spmc_mem, p->m.id);

	if (n)
		log_printf("partition 0x%04x: %u borrowing(s) released for "
			   "their lenders\n",
			   p->m.id, n);
}
