/* Host tests of the device tree reader (lib/fdt.c), valid and hostile blobs. */
#include "test/unit/dtc_helper.h" /* first: sets _POSIX_C_SOURCE */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/fdt.h"

static const char tree[] = "/dts-v1/;\n"
			   "/ {\n"
			   "	compatible = \"test,one\", \"test,two\";\n"
			   "	one-cell = <0x12345678>;\n"
			   "	two-cells = <0x1 0x2>;\n"
			   "	three-cells = <0x1 0x2 0x3>;\n"
			   "	odd = [01 02 03];\n"
			   "	unterminated = [61 62 63];\n"
			   "	empty;\n"
			   "	a {\n"
			   "		b@10 { reg = <0x10>; };\n"
			   "		c { x = \"y\"; };\n"
			   "	};\n"
			   "	d { };\n"
			   "};\n";

static u8 *blob;
static size_t blob_size;

static int compile(void **state)
{
	(void)state;
	blob = dtc_compile(tree, &blob_size);
	return blob ? 0 : -1;
}

static int release(void **state)
{
	(void)state;
	free(blob);
	return 0;
}

static void be32_put(u8 *p, u32 v)
{
	p[0] = (u8)(v >> 24);
	p[1] = (u8)(v >> 16);
	p[2] = (u8)(v >> 8);
	p[3] = (u8)v;
}

static void lookups(void **state)
{
	int root, a, b, c;
	u32 v, arr[4], len;
	u64 w;

	(void)state;
	assert_int_equal(fdt_check(blob, blob_size), 0);
	root = fdt_path_offset(blob, "/");
	assert_int_equal(root, 0);
	a = fdt_path_offset(blob, "/a");
	assert_true(a > 0);
	b = fdt_path_offset(blob, "/a/b");
	assert_int_equal(b, fdt_path_offset(blob, "/a/b@10"));
	assert_string_equal(fdt_node_name(blob, b), "b@10");
	c = fdt_path_offset(blob, "/a/c");
	assert_int_equal(fdt_first_child(blob, a), b);
	assert_int_equal(fdt_next_sibling(blob, b), c);
	assert_int_equal(fdt_next_sibling(blob, c), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_first_child(blob, fdt_path_offset(blob, "/d")),
			 FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/nothing"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/a/b@11"), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(blob, "/a/c/x"), FDT_ERR_NOTFOUND);

	assert_true(fdt_prop_u32(blob, root, "one-cell", &v));
	assert_int_equal(v, 0x12345678);
	assert_true(fdt_prop_u64(blob, root, "one-cell", &w));
	assert_int_equal(w, 0x12345678);
	assert_true(fdt_prop_u64(blob, root, "two-cells", &w));
	assert_int_equal(w, 0x100000002ULL);
	assert_false(fdt_prop_u32(blob, root, "two-cells", &v));
	assert_false(fdt_prop_u64(blob, root, "three-cells", &w));
	assert_false(fdt_prop_u32(blob, root, "odd", &v));
	assert_false(fdt_prop_u32(blob, root, "missing", &v));
	assert_int_equal(fdt_prop_u32_array(blob, root, "three-cells", arr, 4),
			 3);
	assert_int_equal(arr[2], 3);
	assert_int_equal(fdt_prop_u32_array(blob, root, "three-cells", arr, 2),
			 2);
	assert_true(fdt_prop_u32_array(blob, root, "missing", arr, 4) < 0);
	assert_string_equal(fdt_prop_string(blob, root, "compatible"),
			    "test,one");
	assert_null(fdt_prop_string(blob, root, "unterminated"));
	assert_non_null(fdt_prop(blob, root, "empty", &len));
	assert_int_equal(len, 0);
	assert_string_equal(fdt_prop_string(blob, c, "x"), "y");
	assert_null(fdt_prop(blob, root, "x", &len)); /* not inherited */
}

/* Field n (a 32-bit big-endian header word) set to v. */
static int check_with(unsigned word, u32 v, size_t size)
{
	u8 *copy = malloc(blob_size);
	int r;

	memcpy(copy, blob, blob_size);
	be32_put(copy + 4 * word, v);
	r = fdt_check(copy, size);
	free(copy);
	return r;
}

static void bad_headers(void **state)
{
	u32 total = (u32)blob_size;

	(void)state;
	assert_int_equal(fdt_check(blob, 39), FDT_ERR_TRUNCATED);
	assert_int_equal(check_with(0, 0xd00dfeef, blob_size),
			 FDT_ERR_BADMAGIC);
	assert_int_equal(check_with(1, total + 1, blob_size),
			 FDT_ERR_TRUNCATED); /* totalsize past the buffer */
	assert_int_equal(fdt_check(blob, blob_size - 1), FDT_ERR_TRUNCATED);
	assert_int_equal(check_with(2, total, blob_size),
			 FDT_ERR_BADLAYOUT); /* struct block at the end */
	assert_int_equal(check_with(2, 42, blob_size),
			 FDT_ERR_BADLAYOUT); /* misaligned */
	assert_int_equal(check_with(3, total + 4, blob_size),
			 FDT_ERR_BADLAYOUT); /* strings past the end */
	assert_int_equal(check_with(8, total, blob_size),
			 FDT_ERR_BADLAYOUT); /* strings too long */
	assert_int_equal(check_with(9, total, blob_size),
			 FDT_ERR_BADLAYOUT); /* struct too long */
	assert_int_equal(check_with(9, 4, blob_size), FDT_ERR_BADLAYOUT);
	assert_int_equal(check_with(5, 15, blob_size), FDT_ERR_BADVERSION);
	assert_int_equal(check_with(6, 18, blob_size), FDT_ERR_BADVERSION);
}

/* Walks every node and asks every accessor; must only ever fail cleanly. */
static unsigned walk(const u8 *b, int node, unsigned depth)
{
	static const char *const names[] = { "compatible", "one-cell",
					     "two-cells",  "three-cells",
					     "odd",	   "unterminated",
					     "reg",	   "x" };
	unsigned n = 1, i;
	int child;

	if (depth > 64)
		return n;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		u32 v, arr[4], len;
		u64 w;
		const char *s;

		(void)fdt_prop(b, node, names[i], &len);
		(void)fdt_prop_u32(b, node, names[i], &v);
		(void)fdt_prop_u64(b, node, names[i], &w);
		(void)fdt_prop_u32_array(b, node, names[i], arr, 4);
		s = fdt_prop_string(b, node, names[i]);
		if (s)
			assert_true(strlen(s) < blob_size);
	}
	(void)fdt_node_name(b, node);
	for (child = fdt_first_child(b, node); child >= 0 && n < 10000;
	     child = fdt_next_sibling(b, child))
		n += walk(b, child, depth + 1);
	return n;
}

static void corruption_fuzz(void **state)
{
	unsigned long long seed = 0x13198a2e03707344ULL;
	unsigned i, passed = 0;

	(void)state;
	assert_int_equal(walk(blob, 0, 0), 5); /* root, a, b@10, c, d */
	for (i = 0; i < 30000; i++) {
		u8 *copy = malloc(blob_size);
		unsigned flips = 1 + test_rand(&seed) % 3, k;
		size_t size = blob_size;

		memcpy(copy, blob, blob_size);
		for (k = 0; k < flips; k++) {
			/* bias towards the header and the structure block */
			size_t at = test_rand(&seed) % (i & 1 ? 64 : size);

			copy[at] = (u8)test_rand(&seed);
		}
		if (fdt_check(copy, size) == 0) {
			passed++;
			walk(copy, 0, 0);
			(void)fdt_path_offset(copy, "/a/b");
			(void)fdt_path_offset(copy, "/a/c/x/y");
		}
		free(copy);
	}
	print_message("fdt corruption fuzz: %u of 30000 passed the header "
		      "check and were walked\n",
		      passed);
}

/* Deep nesting: lookups work to any depth and never recurse unboundedly. */
static void deep_nesting(void **state)
{
	char *dts = malloc(16384), path[1024] = "";
	unsigned i;
	size_t size;
	u8 *deep;

	(void)state;
	strcpy(dts, "/dts-v1/;\n/ {\n");
	for (i = 0; i < 200; i++)
		strcat(dts, "n {\n");
	strcat(dts, "leaf = <7>;\n");
	for (i = 0; i < 200; i++)
		strcat(dts, "};\n");
	strcat(dts, "};\n");
	deep = dtc_compile(dts, &size);
	assert_non_null(deep);
	assert_int_equal(fdt_check(deep, size), 0);
	for (i = 0; i < 200; i++)
		strcat(path, "/n");
	assert_true(fdt_path_offset(deep, path) > 0);
	free(deep);
	free(dts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookups),
		cmocka_unit_test(bad_headers),
		cmocka_unit_test(corruption_fuzz),
		cmocka_unit_test(deep_nesting),
	};

	return cmocka_run_group_tests(tests, compile, release);
}
