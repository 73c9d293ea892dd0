/* FF-A memory transaction descriptors: read from TX, written to RX (v1.0/1.1+).
 */
#ifndef LIB_FFA_MEM_DESC_H
#define LIB_FFA_MEM_DESC_H

#include "lib/mem_txn.h"

/* Layout sizes (FF-A v1.0 table 5.19, v1.1 table 10.20 and neighbours) */
#define FFA_MTD_V1_0_SIZE 32 /* header up to the access descriptor array */
#define FFA_MTD_V1_1_SIZE 48
#define FFA_EMAD_SIZE 16 /* endpoint memory access descriptor */
#define FFA_COMPOSITE_SIZE 16 /* composite header before its ranges */
#define FFA_CONSTITUENT_SIZE 16 /* one address range */

/* Memory access permissions: data access in bits [1:0], instruction [3:2] */
#define FFA_DATA_ACCESS_MASK 0x3
#define FFA_DATA_ACCESS_NONE 0x0
#define FFA_DATA_ACCESS_RO 0x1
#define FFA_DATA_ACCESS_RW 0x2
#define FFA_INSTR_ACCESS_SHIFT 2
#define FFA_INSTR_ACCESS_NONE 0x0
#define FFA_INSTR_ACCESS_NX 0x1
#define FFA_INSTR_ACCESS_X 0x2

/* Memory region attributes: type [5:4], cacheability [3:2], share [1:0] */
#define FFA_MEM_TYPE_NORMAL (0x2 << 4)
#define FFA_MEM_TYPE_MASK (0x3 << 4)
#define FFA_MEM_CACHE_WB (0x3 << 2)
#define FFA_MEM_CACHE_NC (0x1 << 2)
#define FFA_MEM_INNER_SHAREABLE 0x3
#define FFA_MEM_NS_BIT BIT(6) /* v1.1+, in retrieve responses only */
#define FFA_MEM_NORMAL_WB_INNER \
	(FFA_MEM_TYPE_NORMAL | FFA_MEM_CACHE_WB | FFA_MEM_INNER_SHAREABLE)

/* Transaction type in a retrieve request's flags, bits [4:3] */
#define FFA_RETRIEVE_TYPE_SHIFT 3
#define FFA_RETRIEVE_TYPE_MASK (0x3u << FFA_RETRIEVE_TYPE_SHIFT)

/* A transaction descriptor as read, whatever its version. */
struct ffa_mem_desc {
	u16 sender;
	u16 attributes;
	u32 flags;
	u64 handle;
	u64 tag;
	u8 receiver_count;
	u8 range_count; /* 0 in a retrieve request without ranges */
	u16 receiver_ids[MEM_TXN_MAX_RECEIVERS];
	u8 receiver_perms[MEM_TXN_MAX_RECEIVERS];
	u32 total_pages;
	/* only the first range_count are meaningful */
	struct mem_range ranges[MEM_TXN_MAX_RANGES];
};

enum ffa_mem_desc_kind {
	FFA_MEM_DESC_SEND, /* SHARE, LEND, DONATE: ranges required */
	FFA_MEM_DESC_RETRIEVE, /* RETRIEVE_REQ: handle, ranges optional */
};

/*
 * Reads a descriptor of len bytes laid out as the caller's FF-A version
 * says. Every offset and count is checked against len and every reserved
 * field must be zero. Returns FFA_OK or FFA_INVALID_PARAMETERS.
 */
s32 ffa_mem_desc_read(const void *buf, u32 len, u32 version,
		      enum ffa_mem_desc_kind kind, struct ffa_mem_desc *out);

/*
 * Writes a descriptor (transaction header, the receivers' access
 * descriptors and, if there are ranges, one composite with all of them)
 * in the layout of this version: a retrieve response, or without ranges a
 * retrieve request. Returns the length, or 0 if it does not fit in size.
 */
u32 ffa_mem_desc_write(void *buf, u32 size, u32 version,
		       const struct ffa_mem_desc *d);

/* The relinquish descriptor: handle, flags, endpoints. */
struct ffa_mem_relinquish {
	u64 handle;
	u32 flags;
	u32 endpoint_count;
	u16 endpoints[MEM_TXN_MAX_RECEIVERS];
};

s32 ffa_mem_relinquish_read(const void *buf, u32 len,
			    struct ffa_mem_relinquish *out);

/* Access (MEM_ACCESS_*) granted by a permissions byte, or 0 if invalid. */
u8 ffa_mem_perms_to_access(u8 perms);
u8 ffa_mem_access_to_perms(u8 access);

#endif
