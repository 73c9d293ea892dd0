/* Adds nodes (/psci, the TEE directory) to the device tree in place. */
#include "boot/fdt_psci.h"
#include "lib/fdt.h"
#include "lib/string.h"

#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_END 9u

/* Header fields, in 32-bit words */
enum {
	H_TOTALSIZE = 1,
	H_OFF_STRUCT = 2,
	H_OFF_STRINGS = 3,
	H_SIZE_STRINGS = 8,
	H_SIZE_STRUCT = 9
};

static u32 be32_get(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void be32_put(u8 *p, u32 v)
{
	p[0] = (u8)(v >> 24);
	p[1] = (u8)(v >> 16);
	p[2] = (u8)(v >> 8);
	p[3] = (u8)v;
}

/* Offset of name in the strings block, or -1. */
static int find_string(const u8 *strings, u32 size, const char *name)
{
	size_t len = strlen(name) + 1;
	u32 off = 0;

	while (off < size) {
		size_t n = strnlen((const char *)strings + off, size - off);

		if (n + 1 == len && !memcmp(strings + off, name, len))
			return (int)off;
		off += (u32)n + 1;
	}
	return -1;
}

struct builder {
	u8 *buf;
	u32 len;
};

static void put_word(struct builder *b, u32 v)
{
	be32_put(b->buf + b->len, v);
	b->len += 4;
}

static void put_bytes(struct builder *b, const void *p, u32 n)
{
	memcpy(b->buf + b->len, p, n);
	b->len += n;
	while (b->len & 3)
		b->buf[b->len++] = 0;
}

/*
 * Appends node name with its properties as the root's last child,
 * growing the blob within max bytes. Returns 0, or -1 (blob unchanged).
 */
int fdt_add_root_node(void *blob, size_t max, const char *name,
		      const struct fdt_new_prop *props, unsigned n)
{
	u8 *fdt = blob, node[FDT_NODE_MAX], extra[FDT_NEW_STRINGS_MAX];
	struct builder nb = { node, 0 }, sb = { extra, 0 };
	u32 total, off_struct, size_struct, off_strings, size_strings, end;
	u64 grown, need;
	unsigned i;

	if (fdt_check(blob, max))
		return -1;
	total = be32_get(fdt + 4 * H_TOTALSIZE);
	off_struct = be32_get(fdt + 4 * H_OFF_STRUCT);
	size_struct = be32_get(fdt + 4 * H_SIZE_STRUCT);
	off_strings = be32_get(fdt + 4 * H_OFF_STRINGS);
	size_strings = be32_get(fdt + 4 * H_SIZE_STRINGS);
	/* We grow the struct block into the strings block's place: only the
	 * usual order (struct, then strings, then free space) is handled. */
	if (size_struct < 8 || off_strings < off_struct + size_struct ||
	    (u64)off_strings + size_strings > total)
		return -1;
	end = off_struct + size_struct;
	if (be32_get(fdt + end - 4) != FDT_END ||
	    be32_get(fdt + end - 8) != FDT_END_NODE)
		return -1;
	/* room for everything, checked before anything is written */
	need = 8 + ALIGN_UP(strlen(name) + 1, 4);
	for (i = 0; i < n; i++)
		need += 12 + ALIGN_UP(props[i].len, 4);
	if (need > sizeof(node))
		return -1;

	put_word(&nb, FDT_BEGIN_NODE);
	put_bytes(&nb, name, (u32)strlen(name) + 1);
	for (i = 0; i < n; i++) {
		int found = find_string(fdt + off_strings, size_strings,
					props[i].name);
		u32 nameoff;

		if (found >= 0) {
			nameoff = (u32)found;
		} else {
			size_t len = strlen(props[i].name) + 1;

			if (sb.len + len > sizeof(extra))
				return -1;
			nameoff = size_strings + sb.len;
			memcpy(extra + sb.len, props[i].name, len);
			sb.len += (u32)len;
		}
		put_word(&nb, FDT_PROP);
		put_word(&nb, props[i].len);
		put_word(&nb, nameoff);
		put_bytes(&nb, props[i].value, props[i].len);
	}
	put_word(&nb, FDT_END_NODE);

	grown = (u64)off_strings + size_strings + nb.len + sb.len;
	if (grown > max)
		return -1;
	/* strings move up by the node's size, then the root's end moves */
	memmove(fdt + off_strings + nb.len, fdt + off_strings, size_strings);
	memmove(fdt + end - 8 + nb.len, fdt + end - 8, 8);
	memcpy(fdt + end - 8, node, nb.len);
	memcpy(fdt + off_strings + nb.len + size_strings, extra, sb.len);
	be32_put(fdt + 4 * H_SIZE_STRUCT, size_struct + nb.len);
	be32_put(fdt + 4 * H_OFF_STRINGS, off_strings + nb.len);
	be32_put(fdt + 4 * H_SIZE_STRINGS, size_strings + sb.len);
	if (grown > total)
		be32_put(fdt + 4 * H_TOTALSIZE, (u32)grown);
	return 0;
}

int fdt_add_psci(void *blob, size_t max)
{
	static const char compat[] = "arm,psci-1.0\0arm,psci-0.2";
	static const char method[] = "smc";
	const struct fdt_new_prop props[] = {
		{ "compatible", compat, sizeof(compat) },
		{ "method", method, sizeof(method) },
	};

	if (fdt_check(blob, max))
		return -1;
	if (fdt_path_offset(blob, "/psci") >= 0)
		return 0;
	return fdt_add_root_node(blob, max, "psci", props, 2);
}
