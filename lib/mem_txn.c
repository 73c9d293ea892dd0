/* FF-A memory transactions: the ownership state machine (docs/memory.md). */
#include "lib/ffa.h"
#include "lib/mem_txn.h"
#include "lib/string.h"

/* SPMC-allocated handles have bit 63 clear (FF-A: handle allocator bit) */
#define HANDLE_MASK (BIT(63) - 1)

void mem_txn_init(struct mem_txn_table *t)
{
	memset(t, 0, sizeof(*t));
	t->next_handle = 1;
}

static struct mem_txn *find(struct mem_txn_table *t, u64 handle)
{
	unsigned i;

	if (handle == 0)
		return NULL;
	for (i = 0; i < MEM_TXN_MAX; i++)
		if (t->txn[i].handle == handle)
			return &t->txn[i];
	return NULL;
}

const struct mem_txn *mem_txn_find(const struct mem_txn_table *t, u64 handle)
{
	return find((struct mem_txn_table *)t, handle);
}

static bool ranges_overlap(paddr_t a, u64 a_pages, paddr_t b, u64 b_pages)
{
	u64 a_end = a.pa + a_pages * PAGE_SIZE;
	u64 b_end = b.pa + b_pages * PAGE_SIZE;

	return a.pa < b_end && b.pa < a_end;
}

bool mem_txn_pages_busy(const struct mem_txn_table *t, paddr_t base, u64 pages)
{
	unsigned i, r;

	for (i = 0; i < MEM_TXN_MAX; i++) {
		const struct mem_txn *x = &t->txn[i];

		if (!x->handle)
			continue;
		for (r = 0; r < x->req.range_count; r++)
			if (ranges_overlap(base, pages, x->req.ranges[r].base,
					   x->req.ranges[r].pages))
				return true;
	}
	return false;
}

/* The shape of the request alone: counts, ranges, receivers. */
static s32 check_shape(const struct mem_txn_req *req, u64 *total)
{
	unsigned i, j;

	if (req->type != MEM_TXN_SHARE && req->type != MEM_TXN_LEND &&
	    req->type != MEM_TXN_DONATE)
		return FFA_INVALID_PARAMETERS;
	if (req->receiver_count == 0 ||
	    req->receiver_count > MEM_TXN_MAX_RECEIVERS ||
	    (req->type == MEM_TXN_DONATE && req->receiver_count != 1))
		return FFA_INVALID_PARAMETERS;
	if (req->range_count == 0 || req->range_count > MEM_TXN_MAX_RANGES)
		return FFA_INVALID_PARAMETERS;
	for (i = 0; i < req->receiver_count; i++) {
		const struct mem_receiver *r = &req->receivers[i];

		if (r->id == req->sender || r->retrieved ||
		    (r->access &
		     ~(MEM_ACCESS_R | MEM_ACCESS_W | MEM_ACCESS_X)) ||
		    !(r->access & MEM_ACCESS_R))
			return FFA_INVALID_PARAMETERS;
		for (j = 0; j < i; j++)
			if (req->receivers[j].id == r->id)
				return FFA_INVALID_PARAMETERS;
	}
	*total = 0;
	for (i = 0; i < req->range_count; i++) {
		const struct mem_range *a = &req->ranges[i];

		if (a->pages == 0 || !IS_ALIGNED(a->base.pa, PAGE_SIZE) ||
		    a->base.pa + (u64)a->pages * PAGE_SIZE < a->base.pa)
			return FFA_INVALID_PARAMETERS;
		for (j = 0; j < i; j++)
			if (ranges_overlap(a->base, a->pages,
					   req->ranges[j].base,
					   req->ranges[j].pages))
				return FFA_INVALID_PARAMETERS;
		*total += a->pages;
	}
	return FFA_OK;
}

/* A transaction's header and its ranges in use, not the whole array. */
static void copy_txn(struct mem_txn *dst, const struct mem_txn *src)
{
	memcpy(dst, src, offsetof(struct mem_txn, req.ranges));
	memcpy(dst->req.ranges, src->req.ranges,
	       src->req.range_count * sizeof(src->req.ranges[0]));
	dst->pages = src->pages;
}

static u64 new_handle(struct mem_txn_table *t)
{
	u64 h;

	/* 2^63 handles outlast the machine; the loop only guards the wrap */
	do {
		h = t->next_handle;
		t->next_handle = (t->next_handle + 1) & HANDLE_MASK;
		if (t->next_handle == 0)
			t->next_handle = 1;
	} while (find(t, h));
	return h;
}

u64 mem_txn_reserve(struct mem_txn_table *t)
{
	return new_handle(t);
}

s32 mem_txn_send(struct mem_txn_table *t, const struct mem_txn_req *req,
		 u64 *handle)
{
	return mem_txn_send_as(t, req, 0, handle);
}

s32 mem_txn_send_as(struct mem_txn_table *t, const struct mem_txn_req *req,
		    u64 reserved, u64 *handle)
{
	struct mem_txn *slot = NULL;
	u64 total;
	unsigned i;
	s32 err = check_shape(req, &total);

	if (err)
		return err;
	/* no page is in two transactions: one owner, one set of borrowers */
	for (i = 0; i < req->range_count; i++)
		if (mem_txn_pages_busy(t, req->ranges[i].base,
				       req->ranges[i].pages))
			return FFA_DENIED;
	for (i = 0; i < MEM_TXN_MAX && !slot; i++)
		if (!t->txn[i].handle)
			slot = &t->txn[i];
	if (!slot)
		return FFA_NO_MEMORY;
	if (reserved && (reserved & ~HANDLE_MASK || find(t, reserved)))
		return FFA_INVALID_PARAMETERS;
	memcpy(&slot->req, req, offsetof(struct mem_txn_req, ranges));
	memcpy(slot->req.ranges, req->ranges,
	       req->range_count * sizeof(req->ranges[0]));
	slot->pages = total;
	slot->handle = reserved ? reserved : new_handle(t);
	t->live++;
	*handle = slot->handle;
	return FFA_OK;
}

static struct mem_receiver *receiver_of(struct mem_txn *x, u16 id)
{
	unsigned i;

	for (i = 0; i < x->req.receiver_count; i++)
		if (x->req.receivers[i].id == id)
			return &x->req.receivers[i];
	return NULL;
}

static void end(struct mem_txn_table *t, struct mem_txn *x)
{
	x->handle = 0;
	t->live--;
}

s32 mem_txn_retrieve(struct mem_txn_table *t, u64 handle, u16 receiver,
		     struct mem_txn *txn)
{
	struct mem_txn *x = find(t, handle);
	struct mem_receiver *r;

	if (!x)
		return FFA_INVALID_PARAMETERS;
	r = receiver_of(x, receiver);
	if (!r)
		return FFA_INVALID_PARAMETERS;
	if (r->retrieved)
		return FFA_DENIED;
	r->retrieved = true;
	copy_txn(txn, x);
	if (x->req.type == MEM_TXN_DONATE)
		end(t, x);
	return FFA_OK;
}

s32 mem_txn_relinquish(struct mem_txn_table *t, u64 handle, u16 receiver)
{
	struct mem_txn *x = find(t, handle);
	struct mem_receiver *r;

	if (!x)
		return FFA_INVALID_PARAMETERS;
	r = receiver_of(x, receiver);
	if (!r)
		return FFA_INVALID_PARAMETERS;
	if (!r->retrieved)
		return FFA_DENIED;
	r->retrieved = false;
	return FFA_OK;
}

s32 mem_txn_reclaim(struct mem_txn_table *t, u64 handle, u16 owner,
		    struct mem_txn *txn)
{
	struct mem_txn *x = find(t, handle);
	unsigned i;

	if (!x || x->req.sender != owner)
		return FFA_INVALID_PARAMETERS;
	for (i = 0; i < x->req.receiver_count; i++)
		if (x->req.receivers[i].retrieved)
			return FFA_DENIED;
	copy_txn(txn, x);
	end(t, x);
	return FFA_OK;
}

unsigned mem_txn_endpoint_stopped(struct mem_txn_table *t, u16 id)
{
	unsigned i, n = 0;

	for (i = 0; i < MEM_TXN_MAX; i++) {
		struct mem_receiver *r;

		if (!t->txn[i].handle)
			continue;
		r = receiver_of(&t->txn[i], id);
		if (r && r->retrieved) {
			r->retrieved = false;
			n++;
		}
	}
	return n;
}
