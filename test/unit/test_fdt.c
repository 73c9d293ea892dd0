/* Host tests of the device tree reader (lib/fdt.c), valid and hostile blobs. */
#include "test/unit/dtc_helper.h" /* first: sets _POSIX_C_SOURCE */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/fdt.h"

/* header words, by byte offset */
#define H_MAGIC 0
#define H_TOTALSIZE 4
#define H_OFF_STRUCT 8
#define H_OFF_STRINGS 12
#define H_OFF_RSVMAP 16
#define H_VERSION 20
#define H_LAST_COMP 24
#define H_SIZE_STRINGS 32
#define H_SIZE_STRUCT 36
#define HEADER_SIZE 40

#define TOK_BEGIN_NODE 1u
#define TOK_END_NODE 2u
#define TOK_PROP 3u
#define TOK_NOP 4u
#define TOK_END 9u

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* test/unit/data/fdt-reader.dts, compiled by the Makefile */
static u8 *blob;
static size_t blob_size;

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

static u8 *dup_exact(const u8 *b, size_t size)
{
	u8 *c = malloc(size ? size : 1);

	assert_non_null(c);
	memcpy(c, b, size);
	return c;
}

static int load(void **state)
{
	(void)state;
	blob = read_whole(getenv("TEST_DATA_DIR"), "fdt-reader.dtb",
			  &blob_size);
	if (!blob)
		fprintf(stderr, "cannot read fdt-reader.dtb (TEST_DATA_DIR)\n");
	return blob ? 0 : -1;
}

static int release(void **state)
{
	(void)state;
	free(blob);
	return 0;
}

/*
 * A hand-made DTB writer, so that tests can place any token anywhere and
 * choose which block ends the buffer (reads past that block then leave
 * the heap allocation, which ASan reports).
 */
struct bld {
	u8 *st, *str;
	size_t st_len, st_cap, str_len, str_cap;
};

enum layout { STRUCT_LAST, STRINGS_LAST };

static void grow(u8 **p, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	*cap = need * 2 + 64;
	*p = realloc(*p, *cap);
	assert_non_null(*p);
}

static void st_bytes(struct bld *b, const void *d, size_t n)
{
	grow(&b->st, &b->st_cap, b->st_len + n);
	memcpy(b->st + b->st_len, d, n);
	b->st_len += n;
}

static void st_word(struct bld *b, u32 v)
{
	u8 w[4];

	be32_put(w, v);
	st_bytes(b, w, 4);
}

static void st_pad(struct bld *b)
{
	static const u8 zero[4];

	st_bytes(b, zero, (4 - b->st_len % 4) % 4);
}

/* Raw bytes for the strings block; returns where they start. */
static u32 str_raw(struct bld *b, const void *d, size_t n)
{
	u32 at = (u32)b->str_len;

	grow(&b->str, &b->str_cap, b->str_len + n);
	memcpy(b->str + b->str_len, d, n);
	b->str_len += n;
	return at;
}

static u32 str_add(struct bld *b, const char *s)
{
	return str_raw(b, s, strlen(s) + 1);
}

static int b_begin(struct bld *b, const char *name)
{
	int at = (int)b->st_len;

	st_word(b, TOK_BEGIN_NODE);
	st_bytes(b, name, strlen(name) + 1);
	st_pad(b);
	return at;
}

static int b_prop_raw(struct bld *b, u32 len, u32 nameoff, const void *v,
		      size_t vlen)
{
	int at = (int)b->st_len;

	st_word(b, TOK_PROP);
	st_word(b, len);
	st_word(b, nameoff);
	st_bytes(b, v, vlen);
	st_pad(b);
	return at;
}

static int b_prop(struct bld *b, const char *name, const void *v, u32 len)
{
	return b_prop_raw(b, len, str_add(b, name), v, len);
}

static int b_prop_u32(struct bld *b, const char *name, u32 v)
{
	u8 w[4];

	be32_put(w, v);
	return b_prop(b, name, w, 4);
}

/* An exactly-sized blob with a valid header around the two blocks. */
static u8 *b_blob(const struct bld *b, enum layout l, size_t *size)
{
	size_t off_st, off_str, total;
	u8 *p;

	if (l == STRUCT_LAST) {
		off_str = HEADER_SIZE + 16;
		off_st = (off_str + b->str_len + 3) & ~(size_t)3;
		total = off_st + b->st_len;
	} else {
		off_st = HEADER_SIZE + 16;
		off_str = off_st + b->st_len;
		total = off_str + b->str_len;
	}
	p = calloc(1, total);
	assert_non_null(p);
	be32_put(p + H_MAGIC, 0xd00dfeed);
	be32_put(p + H_TOTALSIZE, (u32)total);
	be32_put(p + H_OFF_STRUCT, (u32)off_st);
	be32_put(p + H_OFF_STRINGS, (u32)off_str);
	be32_put(p + H_OFF_RSVMAP, HEADER_SIZE);
	be32_put(p + H_VERSION, 17);
	be32_put(p + H_LAST_COMP, 16);
	be32_put(p + H_SIZE_STRINGS, (u32)b->str_len);
	be32_put(p + H_SIZE_STRUCT, (u32)b->st_len);
	if (b->st_len)
		memcpy(p + off_st, b->st, b->st_len);
	if (b->str_len)
		memcpy(p + off_str, b->str, b->str_len);
	*size = total;
	return p;
}

static void b_free(struct bld *b)
{
	free(b->st);
	free(b->str);
	memset(b, 0, sizeof(*b));
}

/*
 * Is [p, p + n) inside the structure block the header declares? What an
 * accessor returns must lie there, whatever the blob says elsewhere.
 */
static bool in_struct(const u8 *b, const void *p, size_t n)
{
	const u8 *lo = b + be32_get(b + H_OFF_STRUCT);
	const u8 *hi = lo + be32_get(b + H_SIZE_STRUCT);

	return (const u8 *)p >= lo && (const u8 *)p <= hi &&
	       n <= (size_t)(hi - (const u8 *)p);
}

static const char *const prop_names[] = {
	"compatible",	"model",       "one-cell", "two-cells",
	"wide",		"three-cells", "odd",	   "unterminated",
	"empty-string", "empty",       "reg",	   "x",
	"list",		"leaf",	       "p",	   "",
};

/* Asks every accessor about node, and recurses into its children. */
static unsigned walk(const u8 *b, int node, unsigned depth)
{
	unsigned n = 1, i;
	const char *name;
	int child;

	name = fdt_node_name(b, node);
	if (name)
		assert_true(in_struct(b, name, strnlen(name, 1u << 20) + 1));
	for (i = 0; i < ARRAY_LEN(prop_names); i++) {
		u32 v, arr[4], len = 0xdeadbeef;
		const void *p;
		const char *s;
		u64 w;
		int r;

		p = fdt_prop(b, node, prop_names[i], &len);
		if (p)
			assert_true(in_struct(b, p, len));
		if (fdt_prop_u32(b, node, prop_names[i], &v))
			assert_true(p && len == 4);
		if (fdt_prop_u64(b, node, prop_names[i], &w))
			assert_true(p && (len == 4 || len == 8));
		r = fdt_prop_u32_array(b, node, prop_names[i], arr, 4);
		assert_true(r <= 4);
		if (r >= 0)
			assert_true(p && len % 4 == 0 && (u32)r <= len / 4);
		s = fdt_prop_string(b, node, prop_names[i]);
		if (s) {
			assert_ptr_equal(s, p);
			assert_true(strnlen(s, len) < len);
		}
	}
	if (depth >= 32)
		return n;
	for (child = fdt_first_child(b, node); child >= 0 && n < 5000;
	     child = fdt_next_sibling(b, child)) {
		/* offsets only move forward: no walk can loop */
		assert_true(child > node);
		n += walk(b, child, depth + 1);
	}
	return n;
}

/* Tree lookups on the valid blob */

static void path_lookups(void **state)
{
	int root, a, b10, b20, c, d, e, deepest;

	(void)state;
	assert_int_equal(fdt_check(blob, blob_size), 0);
	root = fdt_path_offset(blob, "/");
	assert_int_equal(root, 0);
	assert_string_equal(fdt_node_name(blob, root), "");
	a = fdt_path_offset(blob, "/a");
	assert_true(a > 0);
	assert_string_equal(fdt_node_name(blob, a), "a");
	b10 = fdt_path_offset(blob, "/a/b@10");
	b20 = fdt_path_offset(blob, "/a/b@20");
	assert_true(b10 > a && b20 > b10);
	/* a bare name means the first node whose name before '@' matches */
	assert_int_equal(fdt_path_offset(blob, "/a/b"), b10);
	assert_string_equal(fdt_node_name(blob, b20), "b@20");
	c = fdt_path_offset(blob, "/a/c");
	d = fdt_path_offset(blob, "/d");
	e = fdt_path_offset(blob, "/e@1,2");
	assert_true(c > 0 && d > 0 && e > 0);
	assert_int_equal(fdt_path_offset(blob, "/e"), e);
	deepest = fdt_path_offset(blob, "/e/deeper/deepest");
	assert_true(deepest > e);
	/* repeated and trailing slashes name the same node */
	assert_int_equal(fdt_path_offset(blob, "//a///c/"), c);

	/* sibling order is the source order, and ends cleanly */
	assert_int_equal(fdt_first_child(blob, root), a);
	assert_int_equal(fdt_next_sibling(blob, a), d);
	assert_int_equal(fdt_next_sibling(blob, d), e);
	assert_int_equal(fdt_next_sibling(blob, e), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_first_child(blob, a), b10);
	assert_int_equal(fdt_next_sibling(blob, b10), b20);
	assert_int_equal(fdt_next_sibling(blob, b20), c);
	assert_int_equal(fdt_next_sibling(blob, c), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_next_sibling(blob, root), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_first_child(blob, d), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_first_child(blob, deepest), FDT_ERR_NOTFOUND);

	/* what is not there */
	assert_int_equal(fdt_path_offset(blob, "/nothing"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/a/b@11"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/a/b@1"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/a/c/x"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/deeper"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/A"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/e@1"), FDT_ERR_NOTFOUND);
	/* a prefix of a name is not the name */
	assert_int_equal(fdt_path_offset(blob, "/a/b@"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/e@1,"), FDT_ERR_NOTFOUND);
	/* only absolute paths */
	assert_int_equal(fdt_path_offset(blob, "a"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, ""), FDT_ERR_NOTFOUND);
}

static void property_reads(void **state)
{
	int root = 0, b20, c, deepest;
	u32 v, arr[4], len;
	u64 w;

	(void)state;
	assert_true(fdt_prop_u32(blob, root, "one-cell", &v));
	assert_int_equal(v, 0x12345678);
	assert_true(fdt_prop_u64(blob, root, "one-cell", &w));
	assert_int_equal(w, 0x12345678);
	assert_true(fdt_prop_u64(blob, root, "two-cells", &w));
	assert_int_equal(w, 0x100000002ULL);
	assert_true(fdt_prop_u64(blob, root, "wide", &w));
	assert_int_equal(w, 0xfedcba9876543210ULL);

	/* wrong sizes are refused, not cut or padded */
	v = 0xaaaaaaaa;
	assert_false(fdt_prop_u32(blob, root, "two-cells", &v));
	assert_false(fdt_prop_u32(blob, root, "odd", &v));
	assert_false(fdt_prop_u32(blob, root, "empty", &v));
	assert_int_equal(v, 0xaaaaaaaa);
	assert_false(fdt_prop_u64(blob, root, "three-cells", &w));
	assert_false(fdt_prop_u64(blob, root, "odd", &w));
	assert_false(fdt_prop_u64(blob, root, "empty", &w));

	memset(arr, 0, sizeof(arr));
	assert_int_equal(fdt_prop_u32_array(blob, root, "three-cells", arr, 4),
			 3);
	assert_int_equal(arr[0], 1);
	assert_int_equal(arr[1], 2);
	assert_int_equal(arr[2], 3);
	assert_int_equal(arr[3], 0); /* untouched past the property */
	/* a short array is filled, never overrun */
	arr[1] = 0x55;
	assert_int_equal(fdt_prop_u32_array(blob, root, "three-cells", arr, 1),
			 1);
	assert_int_equal(arr[1], 0x55);
	assert_int_equal(fdt_prop_u32_array(blob, root, "three-cells", NULL, 0),
			 0);
	assert_int_equal(fdt_prop_u32_array(blob, root, "empty", arr, 4), 0);
	assert_int_equal(fdt_prop_u32_array(blob, root, "odd", arr, 4),
			 FDT_ERR_BADSTRUCTURE);
	assert_int_equal(fdt_prop_u32_array(blob, root, "three-cells", arr, -1),
			 FDT_ERR_BADSTRUCTURE);
	assert_int_equal(fdt_prop_u32_array(blob, root, "missing", arr, 4),
			 FDT_ERR_NOTFOUND);

	assert_non_null(fdt_prop(blob, root, "empty", &len));
	assert_int_equal(len, 0);
	assert_non_null(fdt_prop(blob, root, "odd", NULL)); /* len optional */
	assert_null(fdt_prop(blob, root, "missing", &len));
	assert_null(fdt_prop(blob, root, "", &len));
	/* names match whole, not by prefix */
	assert_null(fdt_prop(blob, root, "one", &len));
	assert_null(fdt_prop(blob, root, "one-cell-", &len));
	/* properties belong to their node: none from children or parents */
	assert_null(fdt_prop(blob, root, "x", &len));
	assert_null(fdt_prop(blob, root, "reg", &len));
	b20 = fdt_path_offset(blob, "/a/b@20");
	assert_true(fdt_prop_u32(blob, b20, "reg", &v));
	assert_int_equal(v, 0x20);
	assert_null(fdt_prop(blob, b20, "one-cell", &len));
	deepest = fdt_path_offset(blob, "/e/deeper/deepest");
	assert_true(fdt_prop_u32(blob, deepest, "leaf", &v));
	assert_int_equal(v, 7);
	assert_false(
		fdt_prop_u32(blob, fdt_path_offset(blob, "/e"), "leaf", &v));

	c = fdt_path_offset(blob, "/a/c");
	assert_string_equal(fdt_prop_string(blob, c, "x"), "y");
	assert_string_equal(fdt_prop_string(blob, root, "model"),
			    "Tessera fdt reader test");
	assert_string_equal(fdt_prop_string(blob, root, "empty-string"), "");
	assert_null(fdt_prop_string(blob, root, "unterminated"));
	assert_null(fdt_prop_string(blob, root, "empty"));
	assert_null(fdt_prop_string(blob, root, "missing"));
}

/* Splits a string list; fails if any member is not NUL-terminated. */
static unsigned split(const char *p, u32 len, const char **out, unsigned max)
{
	unsigned n = 0;
	u32 at = 0;

	while (at < len) {
		size_t l = strnlen(p + at, len - at);

		assert_true(l < len - at);
		if (n < max)
			out[n] = p + at;
		n++;
		at += (u32)l + 1;
	}
	return n;
}

static void string_lists(void **state)
{
	const char *s[4], *p;
	u32 len;
	int c = fdt_path_offset(blob, "/a/c");

	(void)state;
	p = fdt_prop(blob, 0, "compatible", &len);
	assert_non_null(p);
	assert_int_equal(len, sizeof("test,one") + sizeof("test,two") +
				      sizeof("test,three"));
	assert_int_equal(split(p, len, s, 4), 3);
	assert_string_equal(s[0], "test,one");
	assert_string_equal(s[1], "test,two");
	assert_string_equal(s[2], "test,three");
	/* the string accessor gives the first member */
	assert_string_equal(fdt_prop_string(blob, 0, "compatible"), "test,one");

	p = fdt_prop(blob, c, "list", &len);
	assert_non_null(p);
	assert_int_equal(len, sizeof("first") + 1 + sizeof("third"));
	assert_int_equal(split(p, len, s, 4), 3);
	assert_string_equal(s[0], "first");
	assert_string_equal(s[1], "");
	assert_string_equal(s[2], "third");
}

/*
 * Offsets that do not name a node (negative, unaligned, past the block,
 * a property, an END_NODE) are refused by every accessor.
 */
static void bad_node_offsets(void **state)
{
	struct bld b = { 0 };
	int prop_at, end_at, child, bad[16], i, nbad = 0;
	u32 st_size, v, arr[2], len;
	size_t size;
	u64 w;
	u8 *t;

	(void)state;
	b_begin(&b, "");
	prop_at = b_prop_u32(&b, "p", 1);
	child = b_begin(&b, "child");
	end_at = (int)b.st_len;
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END);
	t = b_blob(&b, STRUCT_LAST, &size);
	b_free(&b);
	assert_int_equal(fdt_check(t, size), 0);
	assert_int_equal(fdt_first_child(t, 0), child);
	st_size = be32_get(t + H_SIZE_STRUCT);

	bad[nbad++] = -1;
	bad[nbad++] = -4;
	bad[nbad++] = INT_MIN;
	bad[nbad++] = INT_MAX;
	bad[nbad++] = 1;
	bad[nbad++] = 2;
	bad[nbad++] = 3;
	bad[nbad++] = child + 1;
	bad[nbad++] = prop_at;
	bad[nbad++] = end_at;
	bad[nbad++] = (int)st_size - 4; /* the END token */
	bad[nbad++] = (int)st_size;
	bad[nbad++] = (int)st_size + 4;
	bad[nbad++] = (int)size; /* past the whole blob */
	for (i = 0; i < nbad; i++) {
		int n = bad[i];

		assert_true(fdt_first_child(t, n) < 0);
		assert_true(fdt_next_sibling(t, n) < 0);
		assert_null(fdt_node_name(t, n));
		assert_null(fdt_prop(t, n, "p", &len));
		assert_false(fdt_prop_u32(t, n, "p", &v));
		assert_false(fdt_prop_u64(t, n, "p", &w));
		assert_true(fdt_prop_u32_array(t, n, "p", arr, 2) < 0);
		assert_null(fdt_prop_string(t, n, "p"));
	}
	free(t);

	/* the same on the dtc-made blob, where the layout is dtc's */
	t = dup_exact(blob, blob_size);
	for (i = 1; i < 4; i++) {
		assert_true(fdt_first_child(t, i) < 0);
		assert_null(fdt_node_name(t, i));
		assert_null(fdt_prop(t, i, "one-cell", &len));
	}
	assert_true(fdt_first_child(t, -8) < 0);
	assert_true(fdt_next_sibling(t, (int)blob_size) < 0);
	free(t);
}

/* NOP tokens may stand anywhere between others (overwritten nodes). */
static void nops_anywhere(void **state)
{
	struct bld b = { 0 };
	int a, c;
	size_t size;
	u32 v;
	u8 *t;

	(void)state;
	b_begin(&b, "");
	st_word(&b, TOK_NOP);
	b_prop_u32(&b, "one", 1);
	st_word(&b, TOK_NOP);
	st_word(&b, TOK_NOP);
	b_prop_u32(&b, "two", 2);
	st_word(&b, TOK_NOP);
	a = b_begin(&b, "a");
	st_word(&b, TOK_NOP);
	b_prop_u32(&b, "three", 3);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_NOP);
	c = b_begin(&b, "c@1");
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_NOP);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_NOP);
	st_word(&b, TOK_END);
	t = b_blob(&b, STRUCT_LAST, &size);
	b_free(&b);

	assert_int_equal(fdt_check(t, size), 0);
	assert_true(fdt_prop_u32(t, 0, "one", &v));
	assert_int_equal(v, 1);
	assert_true(fdt_prop_u32(t, 0, "two", &v));
	assert_int_equal(v, 2);
	assert_int_equal(fdt_first_child(t, 0), a);
	assert_int_equal(fdt_next_sibling(t, a), c);
	assert_int_equal(fdt_next_sibling(t, c), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(t, "/c"), c);
	assert_true(fdt_prop_u32(t, a, "three", &v));
	assert_int_equal(v, 3);
	assert_int_equal(walk(t, 0, 0), 3);
	free(t);
}

/* Header checks */

/* A copy of the valid blob with the header word at byte off set to v. */
static int check_with(unsigned off, u32 v, size_t size)
{
	u8 *copy = dup_exact(blob, blob_size);
	int r;

	be32_put(copy + off, v);
	r = fdt_check(copy, size);
	free(copy);
	return r;
}

static void bad_headers(void **state)
{
	u32 total = (u32)blob_size;
	u32 off_st = be32_get(blob + H_OFF_STRUCT);
	u32 size_st = be32_get(blob + H_SIZE_STRUCT);
	u32 off_str = be32_get(blob + H_OFF_STRINGS);
	u32 size_str = be32_get(blob + H_SIZE_STRINGS);
	size_t n;

	(void)state;
	/* shorter than a header: refused before any read, exact buffers */
	for (n = 0; n < HEADER_SIZE; n++) {
		u8 *cut = dup_exact(blob, n);

		assert_int_equal(fdt_check(cut, n), FDT_ERR_TRUNCATED);
		free(cut);
	}
	assert_int_equal(fdt_check(blob, blob_size - 1), FDT_ERR_TRUNCATED);

	assert_int_equal(check_with(H_MAGIC, 0xd00dfeef, blob_size),
			 FDT_ERR_BADMAGIC);
	assert_int_equal(check_with(H_MAGIC, 0xedfe0dd0, blob_size),
			 FDT_ERR_BADMAGIC); /* little-endian */
	assert_int_equal(check_with(H_VERSION, 15, blob_size),
			 FDT_ERR_BADVERSION);
	assert_int_equal(check_with(H_LAST_COMP, 18, blob_size),
			 FDT_ERR_BADVERSION);

	/* totalsize past the buffer, or too small for a header */
	assert_int_equal(check_with(H_TOTALSIZE, total + 1, blob_size),
			 FDT_ERR_TRUNCATED);
	assert_int_equal(check_with(H_TOTALSIZE, 0xffffffff, blob_size),
			 FDT_ERR_TRUNCATED);
	assert_int_equal(check_with(H_TOTALSIZE, 39, blob_size),
			 FDT_ERR_TRUNCATED);
	/* a totalsize that cuts off the strings block */
	assert_int_equal(
		check_with(H_TOTALSIZE, off_str + size_str - 1, blob_size),
		FDT_ERR_BADLAYOUT);

	/* structure block inside the header, at or past the end */
	assert_int_equal(check_with(H_OFF_STRUCT, 0, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_OFF_STRUCT, 36, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_OFF_STRUCT, total, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_OFF_STRUCT, total + 8, blob_size),
			 FDT_ERR_BADLAYOUT);
	/* offset + size that would wrap in 32 bits */
	assert_int_equal(check_with(H_OFF_STRUCT, 0xfffffff8, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_SIZE_STRUCT, 0xfffffff8, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(
		check_with(H_SIZE_STRUCT, total - off_st + 4, blob_size),
		FDT_ERR_BADLAYOUT);
	/* misaligned structure block or size, or too small for a root */
	assert_int_equal(check_with(H_OFF_STRUCT, off_st + 2, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_SIZE_STRUCT, size_st - 2, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_SIZE_STRUCT, 4, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_SIZE_STRUCT, 0, blob_size),
			 FDT_ERR_BADLAYOUT);

	/* strings block past the end, or running past it */
	assert_int_equal(check_with(H_OFF_STRINGS, total + 4, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_OFF_STRINGS, 0xffffffff, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_SIZE_STRINGS, size_str + 1, blob_size),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(H_SIZE_STRINGS, 0xffffffff, blob_size),
			 FDT_ERR_BADLAYOUT);

	/* the structure block must open with the root node */
	assert_int_equal(check_with(off_st, TOK_NOP, blob_size),
			 FDT_ERR_BADSTRUCTURE);
	assert_int_equal(check_with(off_st, TOK_END, blob_size),
			 FDT_ERR_BADSTRUCTURE);
	assert_int_equal(check_with(off_st, 0, blob_size),
			 FDT_ERR_BADSTRUCTURE);

	/* the unchanged blob, also in a larger buffer */
	assert_int_equal(fdt_check(blob, blob_size), 0);
	{
		u8 *big = calloc(1, blob_size + 64);

		assert_non_null(big);
		memcpy(big, blob, blob_size);
		assert_int_equal(fdt_check(big, blob_size + 64), 0);
		free(big);
	}
}

/* Structure damage, with the structure block ending the heap buffer */

/*
 * root { p = <1>; a { q = <2>; }; b { }; } with the structure block cut at
 * every word: nothing may be read past the cut.
 */
static void struct_not_terminated(void **state)
{
	struct bld b = { 0 };
	size_t full, cut;

	(void)state;
	b_begin(&b, "");
	b_prop_u32(&b, "p", 1);
	b_begin(&b, "a");
	b_prop_u32(&b, "q", 2);
	st_word(&b, TOK_END_NODE);
	b_begin(&b, "b");
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END);
	full = b.st_len;

	for (cut = 8; cut <= full; cut += 4) {
		size_t size;
		u8 *t;
		int a, bn;

		b.st_len = cut;
		t = b_blob(&b, STRUCT_LAST, &size);
		assert_int_equal(fdt_check(t, size), 0);
		walk(t, 0, 0);
		a = fdt_path_offset(t, "/a");
		bn = fdt_path_offset(t, "/b");
		(void)fdt_path_offset(t, "/a/q");
		if (bn > 0) {
			/* b's END_NODE is there; the root's may not be */
			assert_true(a > 0);
			assert_int_equal(fdt_next_sibling(t, a), bn);
			assert_true(fdt_next_sibling(t, bn) < 0);
		}
		/* without the END token, the root has no clean end */
		assert_int_equal(fdt_next_sibling(t, 0),
				 cut < full ? FDT_ERR_BADSTRUCTURE
					    : FDT_ERR_NOTFOUND);
		free(t);
	}
	b.st_len = full;
	b_free(&b);
}

/* A property whose length runs past the structure block */
static void prop_length_past_block(void **state)
{
	/* 28 bytes of the block follow the header of "bad" */
	static const u32 lens[] = { 29,		32,	    0x100,
				    0x7ffffffc, 0x7fffffff, 0xfffffff0,
				    0xfffffffc, 0xffffffff };
	unsigned i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(lens); i++) {
		struct bld b = { 0 };
		u32 v, len;
		size_t size;
		u8 *t;

		b_begin(&b, "");
		b_prop_u32(&b, "before", 1);
		b_prop_raw(&b, lens[i], str_add(&b, "bad"), "abcd", 4);
		b_prop_u32(&b, "after", 2);
		st_word(&b, TOK_END_NODE);
		st_word(&b, TOK_END);
		t = b_blob(&b, STRUCT_LAST, &size);
		b_free(&b);

		assert_int_equal(fdt_check(t, size), 0);
		assert_true(fdt_prop_u32(t, 0, "before", &v));
		assert_null(fdt_prop(t, 0, "bad", &len));
		/* what follows cannot be found without trusting the length */
		assert_null(fdt_prop(t, 0, "after", &len));
		assert_int_equal(fdt_first_child(t, 0), FDT_ERR_BADSTRUCTURE);
		assert_int_equal(fdt_next_sibling(t, 0), FDT_ERR_BADSTRUCTURE);
		assert_true(fdt_path_offset(t, "/x") < 0);
		walk(t, 0, 0);
		free(t);
	}

	/* a property that exactly fills the block up to the END token */
	{
		struct bld b = { 0 };
		size_t size;
		u32 len;
		u8 *t;

		b_begin(&b, "");
		b_prop_raw(&b, 8, str_add(&b, "fits"), "\0\0\0\2\0\0\0\x09", 8);
		t = b_blob(&b, STRUCT_LAST, &size);
		b_free(&b);
		assert_int_equal(fdt_check(t, size), 0);
		assert_non_null(fdt_prop(t, 0, "fits", &len));
		assert_int_equal(len, 8);
		free(t);
	}
}

/* Name offsets at or past the strings block, with strings ending it */
static void name_offsets_past_strings(void **state)
{
	/* added to the block's size, wrapping past 4 GiB on purpose */
	static const u32 offs[] = {
		0, 1, 3, 0x7fffffff, 0x80000000, 0xfffffff0
	};
	struct bld b = { 0 };
	u32 str_size, v, len;
	size_t size;
	unsigned i;
	u8 *t;

	(void)state;
	b_begin(&b, "");
	/* first a good property, so the strings block starts with "ok" */
	b_prop_u32(&b, "ok", 1);
	str_size = (u32)b.str_len;
	for (i = 0; i < ARRAY_LEN(offs); i++)
		b_prop_raw(&b, 4, str_size + offs[i], "\0\0\0\7", 4);
	b_prop_raw(&b, 4, 0, "\0\0\0\3", 4); /* also "ok": first one wins */
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END);
	t = b_blob(&b, STRINGS_LAST, &size);
	b_free(&b);
	assert_int_equal(be32_get(t + H_SIZE_STRINGS), str_size);
	assert_int_equal(fdt_check(t, size), 0);
	assert_true(fdt_prop_u32(t, 0, "ok", &v));
	assert_int_equal(v, 1);
	/* bad name offsets are skipped over, never followed */
	assert_null(fdt_prop(t, 0, "", &len));
	assert_null(fdt_prop(t, 0, "k", &len));
	assert_null(fdt_prop(t, 0, "missing", &len));
	assert_int_equal(fdt_first_child(t, 0), FDT_ERR_NOTFOUND);
	walk(t, 0, 0);
	free(t);

	/* a strings block whose last name has no NUL before the block ends */
	memset(&b, 0, sizeof(b));
	b_begin(&b, "");
	b_prop_u32(&b, "good", 5);
	b_prop_raw(&b, 4, str_raw(&b, "cut", 3), "\0\0\0\6", 4);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END);
	t = b_blob(&b, STRINGS_LAST, &size);
	b_free(&b);
	assert_int_equal(fdt_check(t, size), 0);
	assert_null(fdt_prop(t, 0, "cut", &len));
	assert_true(fdt_prop_u32(t, 0, "good", &v));
	assert_int_equal(v, 5);
	walk(t, 0, 0);
	free(t);

	/* a header that declares a shorter strings block than is there */
	memset(&b, 0, sizeof(b));
	b_begin(&b, "");
	b_prop_u32(&b, "long-name", 5);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END);
	t = b_blob(&b, STRUCT_LAST, &size);
	b_free(&b);
	be32_put(t + H_SIZE_STRINGS, 4); /* "long" without its NUL */
	assert_int_equal(fdt_check(t, size), 0);
	assert_null(fdt_prop(t, 0, "long-name", &len));
	assert_null(fdt_prop(t, 0, "long", &len));
	free(t);
}

/* Node names that run to the end of the block, and unknown tokens */
static void bad_names_and_tokens(void **state)
{
	struct bld b = { 0 };
	int a;
	size_t size;
	u32 len;
	u8 *t;

	(void)state;
	/* the root's name fills the block: nothing after it can be read */
	b_begin(&b, "");
	b.st_len = 4;
	st_bytes(&b, "rootname", 8);
	t = b_blob(&b, STRUCT_LAST, &size);
	b_free(&b);
	assert_int_equal(fdt_check(t, size), 0);
	assert_null(fdt_node_name(t, 0));
	assert_null(fdt_prop(t, 0, "x", &len));
	assert_true(fdt_first_child(t, 0) < 0);
	assert_true(fdt_next_sibling(t, 0) < 0);
	assert_true(fdt_path_offset(t, "/a") < 0);
	free(t);

	/* a child whose name does */
	b_begin(&b, "");
	a = (int)b.st_len;
	st_word(&b, TOK_BEGIN_NODE);
	st_bytes(&b, "childname-without-end", 20);
	t = b_blob(&b, STRUCT_LAST, &size);
	b_free(&b);
	assert_int_equal(fdt_check(t, size), 0);
	assert_int_equal(fdt_first_child(t, 0), a);
	assert_null(fdt_node_name(t, a));
	assert_true(fdt_next_sibling(t, a) < 0);
	assert_true(fdt_path_offset(t, "/childname-without-end") < 0);
	walk(t, 0, 0);
	free(t);

	/* a token the format does not have, between two children */
	b_begin(&b, "");
	a = b_begin(&b, "a");
	st_word(&b, TOK_END_NODE);
	st_word(&b, 7);
	b_begin(&b, "b");
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END);
	t = b_blob(&b, STRUCT_LAST, &size);
	b_free(&b);
	assert_int_equal(fdt_check(t, size), 0);
	assert_int_equal(fdt_next_sibling(t, a), FDT_ERR_NOTFOUND);
	assert_true(fdt_path_offset(t, "/b") < 0);
	/* and inside a node: its properties end there */
	free(t);
	b_begin(&b, "");
	b_prop_u32(&b, "p", 1);
	st_word(&b, 0x100);
	b_prop_u32(&b, "q", 2);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END);
	t = b_blob(&b, STRUCT_LAST, &size);
	b_free(&b);
	assert_int_equal(fdt_check(t, size), 0);
	assert_non_null(fdt_prop(t, 0, "p", &len));
	assert_null(fdt_prop(t, 0, "q", &len));
	assert_int_equal(fdt_first_child(t, 0), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_next_sibling(t, 0), FDT_ERR_BADSTRUCTURE);
	free(t);
}

/* Deep nesting */

/*
 * 50000 nested nodes, closed and not: the reader walks them without
 * recursion, so depth costs neither stack nor a wrong answer.
 */
static void deep_nesting(void **state)
{
	enum { DEPTH = 50000 };
	char *path = malloc(2 * DEPTH + 1);
	struct bld b = { 0 };
	int closed, node, last = 0, k;
	size_t size;
	u32 v;
	u8 *t;

	(void)state;
	assert_non_null(path);
	for (k = 0; k < DEPTH; k++)
		memcpy(path + 2 * k, "/n", 2);
	path[2 * DEPTH] = '\0';

	for (closed = 1; closed >= 0; closed--) {
		b_begin(&b, "");
		for (k = 0; k < DEPTH; k++)
			last = b_begin(&b, "n");
		b_prop_u32(&b, "leaf", 7);
		for (k = 0; closed && k <= DEPTH; k++)
			st_word(&b, TOK_END_NODE);
		st_word(&b, TOK_END);
		t = b_blob(&b, STRUCT_LAST, &size);
		b_free(&b);

		assert_int_equal(fdt_check(t, size), 0);
		node = fdt_path_offset(t, path);
		assert_int_equal(node, last);
		assert_true(fdt_prop_u32(t, node, "leaf", &v));
		assert_int_equal(v, 7);
		assert_int_equal(fdt_first_child(t, node), FDT_ERR_NOTFOUND);
		node = fdt_first_child(t, 0);
		assert_true(node > 0);
		/* the outermost child's sibling search crosses every level */
		assert_int_equal(fdt_next_sibling(t, node),
				 closed ? FDT_ERR_NOTFOUND
					: FDT_ERR_BADSTRUCTURE);
		assert_true(fdt_path_offset(t, "/n/n/n/x") < 0);
		free(t);
	}
	free(path);
}

/* Fuzzing */

/*
 * Damages copy (of size bytes) in one of several ways, from seed; returns
 * how many of its bytes the damaged blob keeps.
 */
static size_t damage(u8 *copy, size_t size, unsigned long long *seed)
{
	static const u32 words[] = { TOK_BEGIN_NODE,
				     TOK_END_NODE,
				     TOK_PROP,
				     TOK_NOP,
				     TOK_END,
				     0,
				     0xffffffff,
				     0x7fffffff,
				     0x80000000,
				     4,
				     8,
				     0xfffffffc };
	u32 off_st = be32_get(copy + H_OFF_STRUCT);
	u32 size_st = be32_get(copy + H_SIZE_STRUCT);
	unsigned k, n = 1 + (unsigned)(test_rand(seed) % 3);

	switch (test_rand(seed) % 4) {
	case 0: /* random bytes anywhere */
		for (k = 0; k < n; k++)
			copy[test_rand(seed) % size] = (u8)test_rand(seed);
		break;
	case 1: /* random bytes in the header */
		for (k = 0; k < n; k++)
			copy[test_rand(seed) % HEADER_SIZE] =
				(u8)test_rand(seed);
		break;
	case 2: /* whole structure words: tokens, lengths, name offsets */
		for (k = 0; k < n && size_st >= 4; k++) {
			u32 w = (u32)(test_rand(seed) % (size_st / 4));
			u32 val = test_rand(seed) & 1
					  ? words[test_rand(seed) %
						  ARRAY_LEN(words)]
					  : (u32)(test_rand(seed) % 64);

			be32_put(copy + off_st + 4 * w, val);
		}
		break;
	default: /* a shorter structure block, as if its end were lost */
		if (size_st > 8) {
			u32 cut = 8 + 4 * (u32)(test_rand(seed) %
						((size_st - 8) / 4));

			be32_put(copy + H_SIZE_STRUCT, cut);
			/* where it ends the blob, the buffer ends there too */
			if (off_st + size_st == size) {
				be32_put(copy + H_TOTALSIZE, off_st + cut);
				return off_st + cut;
			}
		}
		break;
	}
	return size;
}

/*
 * Damaged copies of a valid blob, each in an exactly-sized heap buffer:
 * fdt_check refuses it or every accessor copes with what it passes.
 */
static unsigned fuzz_one(const u8 *valid, size_t size, unsigned rounds,
			 unsigned long long seed)
{
	unsigned i, passed = 0;

	for (i = 0; i < rounds; i++) {
		u8 *copy = dup_exact(valid, size);
		size_t n = damage(copy, size, &seed);

		if (n < size) {
			u8 *cut = dup_exact(copy, n);

			free(copy);
			copy = cut;
		}
		if (fdt_check(copy, n) == 0) {
			passed++;
			walk(copy, 0, 0);
			(void)fdt_path_offset(copy, "/a/b");
			(void)fdt_path_offset(copy, "/a/c/x/y");
			(void)fdt_path_offset(copy, "/e/deeper/deepest");
		}
		free(copy);
	}
	return passed;
}

static void corruption_fuzz(void **state)
{
	enum { ROUNDS = 20000 };
	struct bld b = { 0 };
	unsigned passed;
	size_t size;
	u8 *t;

	(void)state;
	assert_int_equal(walk(blob, 0, 0), 9);
	passed = fuzz_one(blob, blob_size, ROUNDS, 0x13198a2e03707344ULL);
	print_message("fdt fuzz (dtc blob): %u of %u walked\n", passed, ROUNDS);
	/* most damage must reach the accessors, or they go untested */
	assert_true(passed > ROUNDS / 4);

	/* the same tree shape with its structure block ending the buffer */
	b_begin(&b, "");
	b_prop(&b, "compatible", "test,one\0test,two", 18);
	b_prop_u32(&b, "one-cell", 0x12345678);
	b_begin(&b, "a");
	b_begin(&b, "b@10");
	b_prop_u32(&b, "reg", 0x10);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_NOP);
	b_begin(&b, "c");
	b_prop(&b, "x", "y", 2);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END_NODE);
	b_begin(&b, "d");
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END_NODE);
	st_word(&b, TOK_END);
	t = b_blob(&b, STRUCT_LAST, &size);
	b_free(&b);
	assert_int_equal(walk(t, 0, 0), 5);
	passed = fuzz_one(t, size, ROUNDS, 0xa4093822299f31d0ULL);
	print_message("fdt fuzz (struct last): %u of %u walked\n", passed,
		      ROUNDS);
	assert_true(passed > ROUNDS / 4);
	free(t);
}

/*
 * Structure blocks of random tokens behind a valid header: the shapes a
 * byte flip rarely makes (runs of BEGIN_NODE, stray END, long names).
 */
static void token_soup_fuzz(void **state)
{
	enum { ROUNDS = 5000 };
	unsigned long long seed = 0x082efa98ec4e6c89ULL;
	unsigned i, k;

	(void)state;
	for (i = 0; i < ROUNDS; i++) {
		struct bld b = { 0 };
		unsigned tokens = 1 + (unsigned)(test_rand(&seed) % 40);
		size_t size;
		u8 *t;

		str_add(&b, "p");
		str_add(&b, "reg");
		b_begin(&b, "");
		for (k = 0; k < tokens; k++) {
			switch (test_rand(&seed) % 7) {
			case 0:
				b_begin(&b, test_rand(&seed) & 1 ? "a" : "b@1");
				break;
			case 1:
				st_word(&b, TOK_END_NODE);
				break;
			case 2:
				b_prop_u32(&b,
					   test_rand(&seed) & 1 ? "p" : "reg",
					   (u32)test_rand(&seed));
				break;
			case 3: /* a property with any length and name */
				b_prop_raw(&b, (u32)test_rand(&seed) % 32,
					   (u32)test_rand(&seed) % 16, "", 0);
				break;
			case 4:
				st_word(&b, TOK_NOP);
				break;
			case 5:
				st_word(&b, TOK_END);
				break;
			default:
				st_word(&b, (u32)test_rand(&seed));
				break;
			}
		}
		t = b_blob(&b,
			   test_rand(&seed) & 1 ? STRUCT_LAST : STRINGS_LAST,
			   &size);
		b_free(&b);
		assert_int_equal(fdt_check(t, size), 0);
		walk(t, 0, 0);
		(void)fdt_path_offset(t, "/a/b/a");
		(void)fdt_path_offset(t, "/b@1/a");
		free(t);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(path_lookups),
		cmocka_unit_test(property_reads),
		cmocka_unit_test(string_lists),
		cmocka_unit_test(bad_node_offsets),
		cmocka_unit_test(nops_anywhere),
		cmocka_unit_test(bad_headers),
		cmocka_unit_test(struct_not_terminated),
		cmocka_unit_test(prop_length_past_block),
		cmocka_unit_test(name_offsets_past_strings),
		cmocka_unit_test(bad_names_and_tokens),
		cmocka_unit_test(deep_nesting),
		cmocka_unit_test(corruption_fuzz),
		cmocka_unit_test(token_soup_fuzz),
	};

	return cmocka_run_group_tests(tests, load, release);
}
