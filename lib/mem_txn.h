/* FF-A memory transactions: who owns and who borrows which pages, per handle.
 */
#ifndef LIB_MEM_TXN_H
#define LIB_MEM_TXN_H

#include "lib/types.h"

#define MEM_TXN_MAX 64 /* live transactions */
#define MEM_TXN_MAX_RECEIVERS 4 /* borrowers of one transaction */
#define MEM_TXN_MAX_RANGES 32 /* address ranges of one transaction */

enum mem_txn_type { MEM_TXN_SHARE, MEM_TXN_LEND, MEM_TXN_DONATE };

/* Access a receiver is given (FF-A memory access permissions, simplified) */
#define MEM_ACCESS_R 0x1
#define MEM_ACCESS_W 0x2
#define MEM_ACCESS_X 0x4

/* One range of physical pages. */
struct mem_range {
	paddr_t base;
	u32 pages;
};

struct mem_receiver {
	u16 id;
	u8 access; /* MEM_ACCESS_* */
	bool retrieved; /* mapped into the receiver now */
};

/* What the sender asks for; the SPMC fills it from the descriptor. */
struct mem_txn_req {
	enum mem_txn_type type;
	u16 sender;
	u16 attributes; /* carried for the receivers, not interpreted here */
	u64 tag; /* likewise */
	u8 receiver_count;
	u8 range_count;
	struct mem_receiver receivers[MEM_TXN_MAX_RECEIVERS];
	struct mem_range ranges[MEM_TXN_MAX_RANGES];
};

/*
 * A live transaction: the request as accepted, plus its handle. Ranges
 * past req.range_count hold nothing meaningful (and are not copied).
 */
struct mem_txn {
	u64 handle; /* 0: slot free */
	struct mem_txn_req req;
	u64 pages; /* in all ranges */
};

struct mem_txn_table {
	struct mem_txn txn[MEM_TXN_MAX];
	u64 next_handle;
	unsigned live;
};

void mem_txn_init(struct mem_txn_table *t);

/*
 * Each call returns FFA_OK or an FF-A error code, and on error changes
 * nothing. The caller (the SPMC) changes stage-2 mappings only after FFA_OK
 * and in the same direction as the table.
 */

/* Checks req and records it; *handle is new and unique among live ones. */
s32 mem_txn_send(struct mem_txn_table *t, const struct mem_txn_req *req,
		 u64 *handle);

/*
 * A handle for a transaction still being assembled (fragments): unique
 * among live handles and never handed out again by mem_txn_send.
 */
u64 mem_txn_reserve(struct mem_txn_table *t);
/* mem_txn_send with a handle from mem_txn_reserve (0: a new one) */
s32 mem_txn_send_as(struct mem_txn_table *t, const struct mem_txn_req *req,
		    u64 reserved, u64 *handle);

/*
 * receiver maps the memory; *txn gets a copy of the transaction so the
 * caller knows what to map. A donation ends here: the pages are the
 * receiver's from now on and the handle is gone.
 */
s32 mem_txn_retrieve(struct mem_txn_table *t, u64 handle, u16 receiver,
		     struct mem_txn *txn);

/* receiver unmapped the memory; it may retrieve it again later. */
s32 mem_txn_relinquish(struct mem_txn_table *t, u64 handle, u16 receiver);

/*
 * The owner takes the memory back; every receiver must have let go. *txn
 * gets a copy of what ended, so the caller knows what to give back.
 */
s32 mem_txn_reclaim(struct mem_txn_table *t, u64 handle, u16 owner,
		    struct mem_txn *txn);

/*
 * An endpoint was stopped for good: whatever it borrowed counts as
 * relinquished (so the lender can reclaim it). Returns how many
 * borrowings were released.
 */
unsigned mem_txn_endpoint_stopped(struct mem_txn_table *t, u16 id);

/* The live transaction with this handle, or NULL. */
const struct mem_txn *mem_txn_find(const struct mem_txn_table *t, u64 handle);

/* Is any page of [base, base + pages) in a live transaction? */
bool mem_txn_pages_busy(const struct mem_txn_table *t, paddr_t base, u64 pages);

#endif
