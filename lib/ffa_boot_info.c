/* FF-A boot information blobs, written by the SPMC and read by a partition
 * (portable, host-tested). */
#include "lib/ffa_boot_info.h"
#include "lib/string.h"

static u32 get32(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static void put32(u8 *p, u32 v)
{
	unsigned i;

	for (i = 0; i < 4; i++)
		p[i] = (u8)(v >> (8 * i));
}

size_t ffa_boot_info_write(u8 *buf, size_t size, u64 at,
			   const struct ffa_boot_info_item *items, unsigned n)
{
	size_t off =
		FFA_BOOT_INFO_HEADER_SIZE + (size_t)n * FFA_BOOT_INFO_DESC_SIZE;
	unsigned i, k;

	if (off > size)
		return 0;
	memset(buf, 0, off);
	for (i = 0; i < n; i++) {
		u8 *d = buf + FFA_BOOT_INFO_HEADER_SIZE +
			i * FFA_BOOT_INFO_DESC_SIZE;
		u64 content;

		off = (off + 7) & ~(size_t)7;
		if (items[i].size > size - off ||
		    strlen(items[i].name) >= FFA_BOOT_INFO_NAME_SIZE)
			return 0;
		memcpy(d, items[i].name, strlen(items[i].name));
		d[16] = items[i].type;
		/* flags 0: the name is a string, the content an address */
		put32(d + 20, items[i].size);
		content = at + off;
		for (k = 0; k < 8; k++)
			d[24 + k] = (u8)(content >> (8 * k));
		memcpy(buf + off, items[i].data, items[i].size);
		off += items[i].size;
	}
	put32(buf, FFA_BOOT_INFO_SIGNATURE);
	put32(buf + 4, FFA_BOOT_INFO_VERSION);
	put32(buf + 8, (u32)off);
	put32(buf + 12, FFA_BOOT_INFO_DESC_SIZE);
	put32(buf + 16, n);
	put32(buf + 20, FFA_BOOT_INFO_HEADER_SIZE);
	return off;
}

const u8 *ffa_boot_info_find(const u8 *buf, size_t max, u64 at, u8 type,
			     u32 *size)
{
	u32 blob, desc_size, count, desc_off, i;

	if (max < FFA_BOOT_INFO_HEADER_SIZE ||
	    get32(buf) != FFA_BOOT_INFO_SIGNATURE ||
	    get32(buf + 4) >> 16 != FFA_BOOT_INFO_VERSION >> 16)
		return NULL;
	blob = get32(buf + 8);
	desc_size = get32(buf + 12);
	count = get32(buf + 16);
	desc_off = get32(buf + 20);
	if (blob > max || desc_size < FFA_BOOT_INFO_DESC_SIZE ||
	    desc_off > blob || count > (blob - desc_off) / desc_size)
		return NULL;
	for (i = 0; i < count; i++) {
		const u8 *d = buf + desc_off + i * desc_size;
		u64 content = 0, rel;
		u32 flags = (u32)d[18] | (u32)d[19] << 8;
		unsigned k;

		if (d[16] != type)
			continue;
		for (k = 0; k < 8; k++)
			content |= (u64)d[24 + k] << (8 * k);
		*size = get32(d + 20);
		if (((flags >> 2) & 3) != 0 || content < at)
			return NULL; /* not an address inside the blob */
		rel = content - at;
		if (rel > blob || *size > blob - rel)
			return NULL;
		return buf + rel;
	}
	return NULL;
}
