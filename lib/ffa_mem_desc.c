/* FF-A memory transaction descriptors: checked reading and writing. */
#include "lib/ffa.h"
#include "lib/ffa_mem_desc.h"
#include "lib/string.h"

/*
 * The buffer belongs to the caller, who may change it while we read, so
 * every field is read exactly once into a local and checked there.
 * Little-endian byte loads: offsets inside come from the caller and need
 * not be aligned.
 */
static u64 le(const u8 *p, unsigned n)
{
	u64 v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static void put(u8 *p, unsigned n, u64 v)
{
	while (n--) {
		*p++ = (u8)v;
		v >>= 8;
	}
}

static bool zero(const u8 *p, unsigned n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

u8 ffa_mem_perms_to_access(u8 perms)
{
	u8 data = perms & FFA_DATA_ACCESS_MASK;
	u8 instr = (perms >> FFA_INSTR_ACCESS_SHIFT) & 0x3;
	u8 access;

	if (perms & 0xf0)
		return 0;
	if (data == FFA_DATA_ACCESS_RO)
		access = MEM_ACCESS_R;
	else if (data == FFA_DATA_ACCESS_RW)
		access = MEM_ACCESS_R | MEM_ACCESS_W;
	else
		return 0;
	if (instr == FFA_INSTR_ACCESS_X)
		access |= MEM_ACCESS_X;
	else if (instr == 0x3)
		return 0;
	return access;
}

u8 ffa_mem_access_to_perms(u8 access)
{
	u8 perms =
		access & MEM_ACCESS_W ? FFA_DATA_ACCESS_RW : FFA_DATA_ACCESS_RO;

	return perms | (access & MEM_ACCESS_X ? FFA_INSTR_ACCESS_X
					      : FFA_INSTR_ACCESS_NX)
			       << FFA_INSTR_ACCESS_SHIFT;
}

/* The composite descriptor at off: its ranges into out. */
static s32 read_composite(const u8 *b, u32 len, u32 off,
			  struct ffa_mem_desc *out)
{
	u64 total = 0, count;
	unsigned i;

	if (off > len || len - off < FFA_COMPOSITE_SIZE || (off & 7))
		return FFA_INVALID_PARAMETERS;
	out->total_pages = (u32)le(b + off, 4);
	count = le(b + off + 4, 4);
	if (!zero(b + off + 8, 8) || count == 0 || count > MEM_TXN_MAX_RANGES ||
	    (len - off - FFA_COMPOSITE_SIZE) / FFA_CONSTITUENT_SIZE < count)
		return FFA_INVALID_PARAMETERS;
	out->range_count = (u8)count;
	for (i = 0; i < count; i++) {
		const u8 *c =
			b + off + FFA_COMPOSITE_SIZE + i * FFA_CONSTITUENT_SIZE;

		out->ranges[i].base = pa_init(le(c, 8));
		out->ranges[i].pages = (u32)le(c + 8, 4);
		if (!zero(c + 12, 4))
			return FFA_INVALID_PARAMETERS;
		total += out->ranges[i].pages;
	}
	/* the page count is stated twice; both must agree */
	if (total != out->total_pages)
		return FFA_INVALID_PARAMETERS;
	return FFA_OK;
}

s32 ffa_mem_desc_read(const void *buf, u32 len, u32 version,
		      enum ffa_mem_desc_kind kind, struct ffa_mem_desc *out)
{
	const u8 *b = buf;
	bool v1_0 = version < FFA_VERSION_1_1;
	u32 emad_size, emad_off, composite = 0;
	u64 count;
	unsigned i, j;

	/* the header only: ranges past range_count are never looked at */
	memset(out, 0, offsetof(struct ffa_mem_desc, ranges));
	if (len < (v1_0 ? FFA_MTD_V1_0_SIZE : FFA_MTD_V1_1_SIZE))
		return FFA_INVALID_PARAMETERS;
	out->sender = (u16)le(b, 2);
	if (v1_0) {
		out->attributes = b[2];
		if (b[3] || !zero(b + 24, 4))
			return FFA_INVALID_PARAMETERS;
		count = le(b + 28, 4);
		emad_size = FFA_EMAD_SIZE;
		emad_off = FFA_MTD_V1_0_SIZE;
	} else {
		out->attributes = (u16)le(b + 2, 2);
		emad_size = (u32)le(b + 24, 4);
		count = le(b + 28, 4);
		emad_off = (u32)le(b + 32, 4);
		/* v1.2 descriptors may be larger; we read the first 16 */
		if (!zero(b + 36, 12) || emad_size < FFA_EMAD_SIZE ||
		    (emad_size & 15) || emad_off < FFA_MTD_V1_1_SIZE ||
		    (emad_off & 15))
			return FFA_INVALID_PARAMETERS;
	}
	out->flags = (u32)le(b + 4, 4);
	out->handle = le(b + 8, 8);
	out->tag = le(b + 16, 8);
	if (count == 0 || count > MEM_TXN_MAX_RECEIVERS || emad_off > len ||
	    (len - emad_off) / emad_size < count)
		return FFA_INVALID_PARAMETERS;
	out->receiver_count = (u8)count;
	for (i = 0; i < count; i++) {
		const u8 *e = b + emad_off + i * emad_size;
		u32 off = (u32)le(e + 4, 4);

		out->receiver_ids[i] = (u16)le(e, 2);
		out->receiver_perms[i] = e[2];
		/* e[3] holds per-receiver flags (v1.1: non-retrieval
		 * borrower); none is supported */
		if (e[3] || !zero(e + 8, 8))
			return FFA_INVALID_PARAMETERS;
		for (j = 0; j < i; j++)
			if (out->receiver_ids[j] == out->receiver_ids[i])
				return FFA_INVALID_PARAMETERS;
		/* every receiver names the same composite, or none */
		if (i == 0)
			composite = off;
		else if (off != composite)
			return FFA_INVALID_PARAMETERS;
	}
	if (kind == FFA_MEM_DESC_SEND) {
		if (out->handle != 0 || composite == 0)
			return FFA_INVALID_PARAMETERS;
		return read_composite(b, len, composite, out);
	}
	if (composite == 0)
		return FFA_OK;
	return read_composite(b, len, composite, out);
}

u32 ffa_mem_desc_write(void *buf, u32 size, u32 version,
		       const struct ffa_mem_desc *d)
{
	u8 *b = buf;
	bool v1_0 = version < FFA_VERSION_1_1;
	u32 head = v1_0 ? FFA_MTD_V1_0_SIZE : FFA_MTD_V1_1_SIZE;
	u32 composite = head + d->receiver_count * FFA_EMAD_SIZE;
	/* no ranges (a retrieve request): no composite either */
	u32 len = d->range_count ? composite + FFA_COMPOSITE_SIZE +
					   d->range_count * FFA_CONSTITUENT_SIZE
				 : composite;
	unsigned i;

	if (len > size)
		return 0;
	memset(b, 0, len);
	put(b, 2, d->sender);
	if (v1_0) {
		b[2] = (u8)d->attributes;
		put(b + 28, 4, d->receiver_count);
	} else {
		put(b + 2, 2, d->attributes);
		put(b + 24, 4, FFA_EMAD_SIZE);
		put(b + 28, 4, d->receiver_count);
		put(b + 32, 4, head);
	}
	put(b + 4, 4, d->flags);
	put(b + 8, 8, d->handle);
	put(b + 16, 8, d->tag);
	for (i = 0; i < d->receiver_count; i++) {
		u8 *e = b + head + i * FFA_EMAD_SIZE;

		put(e, 2, d->receiver_ids[i]);
		e[2] = d->receiver_perms[i];
		put(e + 4, 4, d->range_count ? composite : 0);
	}
	if (!d->range_count)
		return len;
	put(b + composite, 4, d->total_pages);
	put(b + composite + 4, 4, d->range_count);
	for (i = 0; i < d->range_count; i++) {
		u8 *c = b + composite + FFA_COMPOSITE_SIZE +
			i * FFA_CONSTITUENT_SIZE;

		put(c, 8, d->ranges[i].base.pa);
		put(c + 8, 4, d->ranges[i].pages);
	}
	return len;
}

s32 ffa_mem_relinquish_read(const void *buf, u32 len,
			    struct ffa_mem_relinquish *out)
{
	const u8 *b = buf;
	u64 count;
	unsigned i;

	memset(out, 0, sizeof(*out));
	if (len < 16)
		return FFA_INVALID_PARAMETERS;
	out->handle = le(b, 8);
	out->flags = (u32)le(b + 8, 4);
	count = le(b + 12, 4);
	if (count == 0 || count > MEM_TXN_MAX_RECEIVERS ||
	    (len - 16) / 2 < count)
		return FFA_INVALID_PARAMETERS;
	out->endpoint_count = (u32)count;
	for (i = 0; i < count; i++)
		out->endpoints[i] = (u16)le(b + 16 + 2 * i, 2);
	return FFA_OK;
}
