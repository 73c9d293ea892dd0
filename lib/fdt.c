/* Read-only flattened device tree (DTB) access that trusts nothing in it. */
#include "lib/fdt.h"
#include "lib/string.h"

#define FDT_MAGIC 0xd00dfeedu
#define TOK_BEGIN_NODE 1u
#define TOK_END_NODE 2u
#define TOK_PROP 3u
#define TOK_NOP 4u
#define TOK_END 9u

static u32 be32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

struct blocks {
	const u8 *st; /* structure block */
	u32 st_size;
	const char *str; /* strings block */
	u32 str_size;
};

static struct blocks blocks(const void *blob)
{
	const u8 *b = blob;
	struct blocks k = { b + be32(b + 8), be32(b + 36),
			    (const char *)b + be32(b + 12), be32(b + 32) };

	return k;
}

int fdt_check(const void *blob, size_t size)
{
	const u8 *b = blob;
	u32 total, off_st, size_st, off_str, size_str;

	if (size < 40)
		return FDT_ERR_TRUNCATED;
	if (be32(b) != FDT_MAGIC)
		return FDT_ERR_BADMAGIC;
	if (be32(b + 20) < 16 || be32(b + 24) > 17)
		return FDT_ERR_BADVERSION;
	total = be32(b + 4);
	off_st = be32(b + 8);
	off_str = be32(b + 12);
	size_str = be32(b + 32);
	size_st = be32(b + 36);
	/* offsets are ints: nothing near 2 GiB (device trees are KiBs) */
	if (total > size || total < 40 || total > 0x7fffffffu)
		return FDT_ERR_TRUNCATED;
	if (off_st < 40 || off_st > total || size_st > total - off_st ||
	    off_str > total || size_str > total - off_str || (off_st & 3) ||
	    (size_st & 3) || size_st < 8)
		return FDT_ERR_BADLAYOUT;
	if (be32(b + off_st) != TOK_BEGIN_NODE)
		return FDT_ERR_BADSTRUCTURE;
	return 0;
}

static bool tok(const struct blocks *k, int off, u32 *t)
{
	if (off < 0 || (u32)off > k->st_size - 4 || (off & 3))
		return false;
	*t = be32(k->st + off);
	return true;
}

/* Offset just past a node's name, or -1. */
static int after_name(const struct blocks *k, int node)
{
	u32 t;
	size_t n;

	if (!tok(k, node, &t) || t != TOK_BEGIN_NODE)
		return -1;
	n = strnlen((const char *)k->st + node + 4, k->st_size - node - 4);
	if (n == k->st_size - (u32)node - 4)
		return -1;
	return (int)ALIGN_UP((u64)node + 4 + n + 1, 4);
}

/* Offset past a property at off, or -1. */
static int after_prop(const struct blocks *k, int off)
{
	u32 len;

	if (k->st_size < 12 || (u32)off > k->st_size - 12)
		return -1;
	len = be32(k->st + off + 4);
	if (len > k->st_size - (u32)off - 12)
		return -1;
	return (int)ALIGN_UP((u64)off + 12 + len, 4);
}

/* Skips properties and NOPs after a node's name: the first child or end. */
static int after_props(const struct blocks *k, int node)
{
	int off = after_name(k, node);
	u32 t;

	while (off >= 0 && tok(k, off, &t)) {
		if (t == TOK_PROP)
			off = after_prop(k, off);
		else if (t == TOK_NOP)
			off += 4;
		else
			return off;
	}
	return -1;
}

int fdt_first_child(const void *blob, int node)
{
	struct blocks k = blocks(blob);
	int off = after_props(&k, node);
	u32 t;

	if (off < 0 || !tok(&k, off, &t))
		return FDT_ERR_BADSTRUCTURE;
	return t == TOK_BEGIN_NODE ? off : FDT_ERR_NOTFOUND;
}

int fdt_next_sibling(const void *blob, int node)
{
	struct blocks k = blocks(blob);
	int off = after_props(&k, node), depth = 1;
	u32 t;

	/* offsets only grow, so this ends within the block */
	while (off >= 0 && tok(&k, off, &t)) {
		if (depth == 0 && t == TOK_BEGIN_NODE)
			return off;
		if (depth == 0 && t != TOK_NOP)
			return FDT_ERR_NOTFOUND;
		switch (t) {
		case TOK_BEGIN_NODE:
			depth++;
			off = after_name(&k, off);
			break;
		case TOK_END_NODE:
			depth--;
			off += 4;
			break;
		case TOK_PROP:
			off = after_prop(&k, off);
			break;
		case TOK_NOP:
			off += 4;
			break;
		default:
			return FDT_ERR_BADSTRUCTURE;
		}
	}
	return FDT_ERR_BADSTRUCTURE;
}

const char *fdt_node_name(const void *blob, int node)
{
	struct blocks k = blocks(blob);

	return after_name(&k, node) < 0 ? NULL : (const char *)k.st + node + 4;
}

/* A path component matches a name exactly, or the name's part before '@'. */
static bool name_matches(const char *name, const char *want, size_t len)
{
	size_t i;

	if (strncmp(name, want, len))
		return false;
	if (name[len] == '\0')
		return true;
	for (i = 0; i < len; i++)
		if (want[i] == '@')
			return false;
	return name[len] == '@';
}

int fdt_path_offset(const void *blob, const char *path)
{
	int node = 0;

	if (*path != '/')
		return FDT_ERR_NOTFOUND;
	while (*path) {
		const char *end;
		size_t len;

		while (*path == '/')
			path++;
		if (!*path)
			break;
		for (end = path; *end && *end != '/'; end++)
			;
		len = (size_t)(end - path);
		for (node = fdt_first_child(blob, node); node >= 0;
		     node = fdt_next_sibling(blob, node)) {
			const char *name = fdt_node_name(blob, node);

			if (name && name_matches(name, path, len))
				break;
		}
		if (node < 0)
			return node;
		path = end;
	}
	return node;
}

const void *fdt_prop(const void *blob, int node, const char *name, u32 *len)
{
	struct blocks k = blocks(blob);
	int off = after_name(&k, node);
	u32 t;

	while (off >= 0 && tok(&k, off, &t)) {
		if (t == TOK_NOP) {
			off += 4;
			continue;
		}
		if (t != TOK_PROP)
			return NULL;
		if (after_prop(&k, off) < 0)
			return NULL;
		{
			u32 plen = be32(k.st + off + 4);
			u32 nameoff = be32(k.st + off + 8);

			if (nameoff < k.str_size &&
			    strnlen(k.str + nameoff, k.str_size - nameoff) <
				    k.str_size - nameoff &&
			    !strcmp(k.str + nameoff, name)) {
				if (len)
					*len = plen;
				return k.st + off + 12;
			}
		}
		off = after_prop(&k, off);
	}
	return NULL;
}

bool fdt_prop_u32(const void *blob, int node, const char *name, u32 *out)
{
	u32 len;
	const void *p = fdt_prop(blob, node, name, &len);

	if (!p || len != 4)
		return false;
	*out = be32(p);
	return true;
}

bool fdt_prop_u64(const void *blob, int node, const char *name, u64 *out)
{
	u32 len;
	const u8 *p = fdt_prop(blob, node, name, &len);

	if (!p || (len != 4 && len != 8))
		return false;
	*out = len == 4 ? be32(p) : (u64)be32(p) << 32 | be32(p + 4);
	return true;
}

int fdt_prop_u32_array(const void *blob, int node, const char *name, u32 *out,
		       int max)
{
	u32 len, i;
	const u8 *p = fdt_prop(blob, node, name, &len);

	if (!p)
		return FDT_ERR_NOTFOUND;
	if (len % 4 || max < 0)
		return FDT_ERR_BADSTRUCTURE;
	for (i = 0; i < len / 4 && i < (u32)max; i++)
		out[i] = be32(p + 4 * i);
	return (int)i;
}

const char *fdt_prop_string(const void *blob, int node, const char *name)
{
	u32 len;
	const char *p = fdt_prop(blob, node, name, &len);

	if (!p || len == 0 || strnlen(p, len) == len)
		return NULL;
	return p;
}
