/* The FF-A v1.1 partition message header that opens an indirect message in TX
 * and RX. */
#ifndef LIB_FFA_MSG_HDR_H
#define LIB_FFA_MSG_HDR_H

#include "lib/types.h"

/* flags (MBZ), reserved (MBZ), payload offset, sender [31:16] and
 * receiver [15:0], payload size: five little-endian words */
#define FFA_MSG_HDR_SIZE 20
/* FFA_MSG_SEND2's w2: delay the Schedule Receiver Interrupt */
#define FFA_MSG_SEND2_DELAY_SRI BIT(1)

struct ffa_msg_hdr {
	u32 flags, reserved, offset;
	u16 sender, receiver;
	u32 size;
};

static inline u32 ffa_msg_get32(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static inline void ffa_msg_put32(u8 *p, u32 v)
{
	p[0] = (u8)v;
	p[1] = (u8)(v >> 8);
	p[2] = (u8)(v >> 16);
	p[3] = (u8)(v >> 24);
}

/* The header at p (FFA_MSG_HDR_SIZE bytes), as it is. */
static inline struct ffa_msg_hdr ffa_msg_hdr_read(const u8 *p)
{
	u32 sr = ffa_msg_get32(p + 12);
	struct ffa_msg_hdr h = { ffa_msg_get32(p),
				 ffa_msg_get32(p + 4),
				 ffa_msg_get32(p + 8),
				 (u16)(sr >> 16),
				 (u16)sr,
				 ffa_msg_get32(p + 16) };

	return h;
}

/* Is it well formed, its payload inside a buffer of limit bytes? */
static inline bool ffa_msg_hdr_valid(const struct ffa_msg_hdr *h, u32 limit)
{
	return !h->flags && !h->reserved && h->offset >= FFA_MSG_HDR_SIZE &&
	       h->offset <= limit && h->size <= limit - h->offset;
}

/* A header at p for a payload of size bytes right after it. */
static inline void ffa_msg_hdr_write(u8 *p, u16 sender, u16 receiver, u32 size)
{
	ffa_msg_put32(p, 0);
	ffa_msg_put32(p + 4, 0);
	ffa_msg_put32(p + 8, FFA_MSG_HDR_SIZE);
	ffa_msg_put32(p + 12, (u32)sender << 16 | receiver);
	ffa_msg_put32(p + 16, size);
}

#endif
