/* Host tests of adding the /psci node to a DTB in place (boot/fdt_psci.c). */
#define _POSIX_C_SOURCE 200809L /* fork() and waitpid() */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "boot/fdt_psci.h"
#include "lib/fdt.h"

#define BUF_SIZE 65536u
#define FILL 0xa5

/* Header fields, byte offsets */
#define H_MAGIC 0
#define H_TOTALSIZE 4
#define H_OFF_STRUCT 8
#define H_OFF_STRINGS 12
#define H_OFF_RSVMAP 16
#define H_VERSION 20
#define H_LAST_COMP 24
#define H_SIZE_STRINGS 32
#define H_SIZE_STRUCT 36

#define TOK_BEGIN_NODE 1u
#define TOK_END_NODE 2u
#define TOK_PROP 3u
#define TOK_NOP 4u
#define TOK_END 9u

/* What the node holds: 72 bytes of structure, whichever order. */
#define PSCI_NODE_SIZE 72u
static const char psci_compat[] = "arm,psci-1.0\0arm,psci-0.2";

static u32 get32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void put32(u8 *p, u32 v)
{
	p[0] = (u8)(v >> 24);
	p[1] = (u8)(v >> 16);
	p[2] = (u8)(v >> 8);
	p[3] = (u8)v;
}

static u32 hdr(const u8 *blob, unsigned field)
{
	return get32(blob + field);
}

/* The blob under test, its pristine copy, the file's size, scratch. */
struct fixture {
	u8 *buf;
	u8 *orig;
	size_t size;
	u8 *scratch;
};

static size_t load(const char *name, u8 *buf, size_t cap)
{
	const char *dir = getenv("TEST_DATA_DIR");
	char path[512];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir ? dir : "build/test-data",
		 name);
	f = fopen(path, "rb");
	if (!f)
		fprintf(stderr, "cannot open %s (set TEST_DATA_DIR)\n", path);
	assert_non_null(f);
	n = fread(buf, 1, cap, f);
	assert_false(ferror(f));
	/* the whole file fitted */
	assert_int_equal(fgetc(f), EOF);
	fclose(f);
	assert_true(n >= 40);
	assert_int_equal(hdr(buf, H_TOTALSIZE), n);
	return n;
}

static int setup_file(void **state, const char *name)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->buf = malloc(BUF_SIZE);
	f->orig = malloc(BUF_SIZE);
	f->scratch = malloc(BUF_SIZE);
	assert_non_null(f->buf);
	assert_non_null(f->orig);
	assert_non_null(f->scratch);
	memset(f->buf, FILL, BUF_SIZE);
	f->size = load(name, f->buf, BUF_SIZE);
	assert_int_equal(fdt_check(f->buf, f->size), 0);
	memcpy(f->orig, f->buf, BUF_SIZE);
	*state = f;
	return 0;
}

static int setup_board(void **state)
{
	return setup_file(state, "board.dtb");
}

static int setup_board_psci(void **state)
{
	return setup_file(state, "board-psci.dtb");
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	free(f->buf);
	free(f->orig);
	free(f->scratch);
	free(f);
	return 0;
}

/*
 * Walks a trusted blob's structure block by hand, independently of
 * lib/fdt.c: calls fn for every property with its node's full path.
 */
typedef void (*prop_fn)(void *ctx, const char *path, const char *name,
			const u8 *val, u32 len);

struct walk_count {
	unsigned nodes, props;
};

static struct walk_count walk(const u8 *blob, prop_fn fn, void *ctx)
{
	const u8 *st = blob + hdr(blob, H_OFF_STRUCT);
	const char *str = (const char *)blob + hdr(blob, H_OFF_STRINGS);
	u32 size = hdr(blob, H_SIZE_STRUCT), off = 0;
	char path[256] = "";
	size_t lens[16];
	int depth = 0;
	struct walk_count c = { 0, 0 };

	for (;;) {
		u32 t, len;
		const char *name;

		assert_true(off + 4 <= size);
		t = get32(st + off);
		switch (t) {
		case TOK_BEGIN_NODE:
			name = (const char *)st + off + 4;
			assert_true(depth < 16);
			lens[depth++] = strlen(path);
			if (depth > 1) {
				assert_true(strlen(path) + strlen(name) + 2 <
					    sizeof(path));
				strcat(path, "/");
				strcat(path, name);
			}
			c.nodes++;
			off = (u32)((off + 4 + strlen(name) + 1 + 3) & ~3u);
			break;
		case TOK_PROP:
			len = get32(st + off + 4);
			assert_true(depth > 0);
			fn(ctx, depth == 1 ? "/" : path,
			   str + get32(st + off + 8), st + off + 12, len);
			c.props++;
			off = (off + 12 + len + 3) & ~3u;
			break;
		case TOK_END_NODE:
			assert_true(depth > 0);
			path[lens[--depth]] = '\0';
			off += 4;
			break;
		case TOK_NOP:
			off += 4;
			break;
		case TOK_END:
			assert_int_equal(depth, 0);
			assert_int_equal(off + 4, size);
			return c;
		default:
			fail_msg("bad token 0x%x at 0x%x", t, off);
		}
	}
}

struct lookup {
	const u8 *other;
	const char *skip; /* a node whose properties are not looked for */
	unsigned skipped;
};

/* The property must be in the other blob, read through lib/fdt.c. */
static void find_same(void *ctx, const char *path, const char *name,
		      const u8 *val, u32 len)
{
	struct lookup *l = ctx;
	const void *p;
	int node;
	u32 got;

	if (l->skip && !strcmp(path, l->skip)) {
		l->skipped++;
		return;
	}
	node = fdt_path_offset(l->other, path);
	if (node < 0)
		fail_msg("node %s lost (%d)", path, node);
	p = fdt_prop(l->other, node, name, &got);
	if (!p)
		fail_msg("property %s of %s lost", name, path);
	if (got != len || memcmp(p, val, len))
		fail_msg("property %s of %s changed", name, path);
}

/* Every original property reads back the same, and nothing else moved in. */
static void assert_originals_kept(const u8 *now, const u8 *orig,
				  const char *added)
{
	struct lookup there = { now, NULL, 0 };
	struct lookup back = { orig, added, 0 };
	struct walk_count a, b;

	a = walk(orig, find_same, &there);
	b = walk(now, find_same, &back);
	assert_int_equal(b.nodes, a.nodes + (added ? 1 : 0));
	assert_int_equal(b.props, a.props + back.skipped);
	assert_int_equal(back.skipped, added ? 2 : 0);
	/* the memory reservation block is where it was, unchanged */
	assert_int_equal(hdr(now, H_OFF_RSVMAP), hdr(orig, H_OFF_RSVMAP));
	assert_memory_equal(now + hdr(now, H_OFF_RSVMAP),
			    orig + hdr(orig, H_OFF_RSVMAP),
			    hdr(orig, H_OFF_STRUCT) - hdr(orig, H_OFF_RSVMAP));
}

/* The node as the normal world will read it. */
static void assert_psci_node(const u8 *blob, size_t max)
{
	const char *s;
	const u8 *p;
	int node, child;
	u32 len;

	assert_int_equal(fdt_check(blob, max), 0);
	assert_int_equal(fdt_check(blob, hdr(blob, H_TOTALSIZE)), 0);
	node = fdt_path_offset(blob, "/psci");
	assert_true(node > 0);
	assert_string_equal(fdt_node_name(blob, node), "psci");
	s = fdt_prop_string(blob, node, "method");
	assert_non_null(s);
	assert_string_equal(s, "smc");
	s = fdt_prop_string(blob, node, "compatible");
	assert_non_null(s);
	assert_string_equal(s, "arm,psci-1.0");
	p = fdt_prop(blob, node, "compatible", &len);
	assert_int_equal(len, sizeof(psci_compat));
	assert_memory_equal(p, psci_compat, sizeof(psci_compat));
	assert_string_equal((const char *)p + strlen("arm,psci-1.0") + 1,
			    "arm,psci-0.2");
	assert_int_equal(fdt_first_child(blob, node), FDT_ERR_NOTFOUND);
	/* a child of the root: among the root's children */
	for (child = fdt_first_child(blob, 0); child >= 0 && child != node;
	     child = fdt_next_sibling(blob, child))
		;
	assert_int_equal(child, node);
}

static void adds_psci(void **state)
{
	struct fixture *f = *state;
	u32 total;

	assert_true(fdt_path_offset(f->buf, "/psci") < 0);
	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	assert_psci_node(f->buf, BUF_SIZE);
	assert_originals_kept(f->buf, f->orig, "/psci");

	/* the blob grew only as far as it needed to, header otherwise kept */
	total = hdr(f->buf, H_TOTALSIZE);
	assert_int_equal(total, hdr(f->buf, H_OFF_STRINGS) +
					hdr(f->buf, H_SIZE_STRINGS));
	assert_int_equal(hdr(f->buf, H_SIZE_STRUCT),
			 hdr(f->orig, H_SIZE_STRUCT) + PSCI_NODE_SIZE);
	assert_true(total > f->size);
	assert_true(total <= f->size + PSCI_NODE_SIZE + sizeof("compatible") +
				     sizeof("method"));
	assert_int_equal(hdr(f->buf, H_MAGIC), 0xd00dfeed);
	assert_int_equal(hdr(f->buf, H_OFF_STRUCT), hdr(f->orig, H_OFF_STRUCT));
	assert_int_equal(hdr(f->buf, H_VERSION), hdr(f->orig, H_VERSION));
	assert_int_equal(hdr(f->buf, H_LAST_COMP), hdr(f->orig, H_LAST_COMP));
	/* nothing written past the new end */
	for (size_t i = total; i < BUF_SIZE; i++)
		if (f->buf[i] != FILL)
			fail_msg("byte 0x%zx written past totalsize 0x%x", i,
				 total);
}

/* The root's other children come first, in their order; /psci is last. */
static void psci_is_last_child(void **state)
{
	struct fixture *f = *state;
	const char *want[] = { "memory@40000000", "chosen",	   "cpus",
			       "intc@8000000",	  "pl011@9000000", "psci" };
	unsigned n = 0;
	int child;

	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	for (child = fdt_first_child(f->buf, 0); child >= 0;
	     child = fdt_next_sibling(f->buf, child)) {
		assert_true(n < sizeof(want) / sizeof(want[0]));
		assert_string_equal(fdt_node_name(f->buf, child), want[n]);
		n++;
	}
	assert_int_equal(child, FDT_ERR_NOTFOUND);
	assert_int_equal(n, sizeof(want) / sizeof(want[0]));
	/* deeper nodes are still reachable */
	assert_true(fdt_path_offset(f->buf, "/cpus/cpu@0") > 0);
	assert_string_equal(
		fdt_prop_string(f->buf, fdt_path_offset(f->buf, "/cpus/cpu@0"),
				"enable-method"),
		"psci");
}

/* Spot checks through lib/fdt.c of values written in board.dts. */
static void original_values_readable(void **state)
{
	struct fixture *f = *state;
	u32 cells[8], v;
	u64 v64;
	int node;

	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	assert_true(fdt_prop_u32(f->buf, 0, "#address-cells", &v));
	assert_int_equal(v, 2);
	assert_true(fdt_prop_u32(f->buf, 0, "#size-cells", &v));
	assert_int_equal(v, 2);
	assert_string_equal(fdt_prop_string(f->buf, 0, "model"),
			    "Tessera test board");
	assert_string_equal(fdt_prop_string(f->buf, 0, "compatible"),
			    "tessera,test-board");
	node = fdt_path_offset(f->buf, "/memory@40000000");
	assert_true(node > 0);
	assert_string_equal(fdt_prop_string(f->buf, node, "device_type"),
			    "memory");
	assert_int_equal(fdt_prop_u32_array(f->buf, node, "reg", cells, 8), 4);
	assert_int_equal(cells[0], 0);
	assert_int_equal(cells[1], 0x40000000);
	assert_int_equal(cells[2], 0);
	assert_int_equal(cells[3], 0x08000000);
	node = fdt_path_offset(f->buf, "/chosen");
	assert_true(node > 0);
	assert_string_equal(fdt_prop_string(f->buf, node, "bootargs"),
			    "console=ttyAMA0 earlycon");
	assert_string_equal(fdt_prop_string(f->buf, node, "stdout-path"),
			    "/pl011@9000000");
	assert_true(fdt_prop_u64(f->buf, node, "linux,initrd-start", &v64));
	assert_int_equal(v64, 0x44000000);
	node = fdt_path_offset(f->buf, "/intc");
	assert_true(node > 0);
	assert_non_null(fdt_prop(f->buf, node, "interrupt-controller", &v));
	assert_int_equal(v, 0);
	assert_int_equal(fdt_prop_u32_array(f->buf, node, "reg", cells, 8), 8);
	assert_int_equal(cells[5], 0x08010000);
}

/* Done once, the second call finds /psci and changes nothing. */
static void second_call_changes_nothing(void **state)
{
	struct fixture *f = *state;
	u8 *once = f->scratch;

	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	memcpy(once, f->buf, BUF_SIZE);
	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	assert_memory_equal(f->buf, once, BUF_SIZE);
}

static void existing_psci_unchanged(void **state)
{
	struct fixture *f = *state;
	int node;

	node = fdt_path_offset(f->buf, "/psci");
	assert_true(node > 0);
	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	assert_memory_equal(f->buf, f->orig, BUF_SIZE);
	/* still the board's own node */
	assert_string_equal(fdt_prop_string(f->buf, node, "method"), "hvc");
	assert_string_equal(fdt_prop_string(f->buf, node, "compatible"),
			    "arm,psci-0.2");
	/* even with no room to spare */
	assert_int_equal(fdt_add_psci(f->buf, f->size), 0);
	assert_memory_equal(f->buf, f->orig, BUF_SIZE);
}

static void too_small_max(void **state)
{
	struct fixture *f = *state;
	u8 *grown = f->scratch;
	size_t need;

	/* how big it gets, from a copy with plenty of room */
	memcpy(grown, f->buf, BUF_SIZE);
	assert_int_equal(fdt_add_psci(grown, BUF_SIZE), 0);
	need = hdr(grown, H_TOTALSIZE);
	assert_true(need > f->size);

	/* no free space at all: as dtc wrote it */
	assert_int_equal(fdt_add_psci(f->buf, f->size), -1);
	assert_memory_equal(f->buf, f->orig, BUF_SIZE);
	/* one byte short */
	assert_int_equal(fdt_add_psci(f->buf, need - 1), -1);
	assert_memory_equal(f->buf, f->orig, BUF_SIZE);
	/* smaller than the blob itself */
	assert_int_equal(fdt_add_psci(f->buf, f->size - 1), -1);
	assert_memory_equal(f->buf, f->orig, BUF_SIZE);
	/* exactly enough */
	assert_int_equal(fdt_add_psci(f->buf, need), 0);
	assert_memory_equal(f->buf, grown, BUF_SIZE);
	assert_psci_node(f->buf, need);
}

/* QEMU's DTB: totalsize covers free space after the strings block. */
static void free_space_after_strings(void **state)
{
	struct fixture *f = *state;
	u32 total = (u32)f->size + 4096;

	put32(f->buf + H_TOTALSIZE, total);
	put32(f->orig + H_TOTALSIZE, total);
	assert_int_equal(fdt_check(f->buf, total), 0);
	/* max no larger than the blob: the free space is all there is */
	assert_int_equal(fdt_add_psci(f->buf, total), 0);
	assert_int_equal(hdr(f->buf, H_TOTALSIZE), total);
	assert_psci_node(f->buf, total);
	assert_originals_kept(f->buf, f->orig, "/psci");
	assert_true(hdr(f->buf, H_OFF_STRINGS) + hdr(f->buf, H_SIZE_STRINGS) <=
		    total);
	for (size_t i = total; i < BUF_SIZE; i++)
		if (f->buf[i] != FILL)
			fail_msg("byte 0x%zx written past totalsize", i);
}

/* Some free space, not enough: totalsize grows if max allows it. */
static void free_space_too_small(void **state)
{
	struct fixture *f = *state;
	u32 total = (u32)f->size + 16;

	put32(f->buf + H_TOTALSIZE, total);
	put32(f->orig + H_TOTALSIZE, total);
	assert_int_equal(fdt_add_psci(f->buf, total), -1);
	assert_memory_equal(f->buf, f->orig, BUF_SIZE);
	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	assert_true(hdr(f->buf, H_TOTALSIZE) > total);
	assert_int_equal(hdr(f->buf, H_TOTALSIZE),
			 hdr(f->buf, H_OFF_STRINGS) +
				 hdr(f->buf, H_SIZE_STRINGS));
	assert_psci_node(f->buf, BUF_SIZE);
	assert_originals_kept(f->buf, f->orig, "/psci");
}

/* Corrupts one header field; the call must fail and change nothing. */
static void expect_refused(struct fixture *f, const u8 *pristine,
			   unsigned field, u32 value, size_t max)
{
	memcpy(f->buf, pristine, BUF_SIZE);
	put32(f->buf + field, value);
	memcpy(f->orig, f->buf, BUF_SIZE);
	if (fdt_add_psci(f->buf, max) != -1)
		fail_msg("header field at %u = 0x%x accepted", field, value);
	assert_memory_equal(f->buf, f->orig, BUF_SIZE);
}

static void corrupted_header(void **state)
{
	struct fixture *f = *state;
	const u8 *p = f->orig; /* setup's untouched copy */
	u8 *pristine = f->scratch;
	u32 size = (u32)f->size;
	u32 off_st = hdr(p, H_OFF_STRUCT);
	u32 size_st = hdr(p, H_SIZE_STRUCT);

	memcpy(pristine, p, BUF_SIZE);
	expect_refused(f, pristine, H_MAGIC, 0xd00dfeee, BUF_SIZE);
	expect_refused(f, pristine, H_MAGIC, 0xedfe0dd0, BUF_SIZE);
	expect_refused(f, pristine, H_VERSION, 15, BUF_SIZE);
	expect_refused(f, pristine, H_LAST_COMP, 18, BUF_SIZE);
	/* the blob claims more than max, or less than a header */
	expect_refused(f, pristine, H_TOTALSIZE, BUF_SIZE + 4, BUF_SIZE);
	expect_refused(f, pristine, H_TOTALSIZE, 39, BUF_SIZE);
	/* blocks out of place */
	expect_refused(f, pristine, H_OFF_STRUCT, off_st + 2, BUF_SIZE);
	expect_refused(f, pristine, H_OFF_STRUCT, 8, BUF_SIZE);
	expect_refused(f, pristine, H_SIZE_STRUCT, size + 4, BUF_SIZE);
	expect_refused(f, pristine, H_SIZE_STRUCT, 4, BUF_SIZE);
	expect_refused(f, pristine, H_SIZE_STRINGS, size, BUF_SIZE);
	expect_refused(f, pristine, H_OFF_STRINGS, size + 4, BUF_SIZE);
	/* structure block not ending in the root's END_NODE, then END */
	expect_refused(f, pristine, H_SIZE_STRUCT, size_st - 4, BUF_SIZE);
	/* strings overlapping the structure block */
	expect_refused(f, pristine, H_OFF_STRINGS, off_st + size_st - 8,
		       BUF_SIZE);
}

/*
 * BUG (boot/fdt_psci.c, fdt_add_psci, first statement): when fdt_check()
 * fails it still calls fdt_path_offset() on the rejected blob and returns
 * 0 if that finds a /psci node. A DTB with a bad magic (or bad version,
 * or totalsize > max) that has a /psci node is reported as fine.
 */
static void corrupted_header_with_psci(void **state)
{
	struct fixture *f = *state;

	put32(f->buf + H_MAGIC, 0xdeadbeef);
	put32(f->orig + H_MAGIC, 0xdeadbeef);
	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), -1);
	assert_memory_equal(f->buf, f->orig, BUF_SIZE);
}

/*
 * Runs fdt_add_psci on a blob of exactly max bytes in a child process, as
 * an out-of-bounds read aborts (ASan) or faults: the child must come back
 * normally with -1.
 */
static void refused_in_child(const u8 *src, size_t len, size_t max)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		u8 *blob = malloc(max);
		int ret;

		/* a fault ends the child, not jumps back into cmocka */
		signal(SIGSEGV, SIG_DFL);
		signal(SIGBUS, SIG_DFL);
		if (!blob)
			_exit(3);
		memcpy(blob, src, len < max ? len : max);
		ret = fdt_add_psci(blob, max);
		_exit(ret == -1 ? 0 : 2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("fdt_add_psci faulted (signal %d)", WTERMSIG(status));
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 2)
		fail_msg("fdt_add_psci did not return -1");
	if (WEXITSTATUS(status) != 0)
		fail_msg("fdt_add_psci read outside the blob (exit %d)",
			 WEXITSTATUS(status));
}

/*
 * BUG (same line): fdt_path_offset() on a blob that failed fdt_check()
 * trusts its header. A blob shorter than a header (max < 40) has its
 * off_dt_struct and size fields read past max; a header whose
 * off_dt_struct points outside the blob makes it read there. In the boot
 * code, with the MMU off, that is a read anywhere in 4 GiB above
 * PLAT_NS_DTB_BASE when the normal-world DTB is missing or corrupt.
 */
static void no_reads_past_short_max(void **state)
{
	struct fixture *f = *state;

	/* max too small to hold even the header */
	refused_in_child(f->buf, f->size, 16);
}

/* BUG: as above. */
static void no_reads_at_bad_struct_offset(void **state)
{
	struct fixture *f = *state;

	/* off_dt_struct far beyond totalsize */
	memcpy(f->scratch, f->buf, f->size);
	put32(f->scratch + H_OFF_STRUCT, 0x7ffffff0);
	refused_in_child(f->scratch, f->size, f->size);
}

/*
 * Hand-built DTBs for layouts dtc does not write: header, empty memory
 * reservation block, then the structure and strings blocks in the order
 * and with the gaps asked for.
 */
struct dtb {
	u8 st[512];
	u32 st_len;
	char str[256];
	u32 str_len;
};

static void st_word(struct dtb *d, u32 v)
{
	put32(d->st + d->st_len, v);
	d->st_len += 4;
}

static void st_bytes(struct dtb *d, const void *p, u32 n)
{
	memcpy(d->st + d->st_len, p, n);
	d->st_len += n;
	while (d->st_len & 3)
		d->st[d->st_len++] = 0;
}

static void st_node(struct dtb *d, const char *name)
{
	st_word(d, TOK_BEGIN_NODE);
	st_bytes(d, name, (u32)strlen(name) + 1);
}

static void st_prop(struct dtb *d, const char *name, const void *val, u32 len)
{
	u32 off = d->str_len;

	memcpy(d->str + off, name, strlen(name) + 1);
	d->str_len += (u32)strlen(name) + 1;
	st_word(d, TOK_PROP);
	st_word(d, len);
	st_word(d, off);
	st_bytes(d, val, len);
}

/*
 * A root with a model and one uart. names_too adds "compatible" (the first
 * string, at offset 0) and "method" (the last).
 */
static void build_tree(struct dtb *d, bool names_too)
{
	static const u8 cells[4] = { 0, 0, 0, 1 };

	memset(d, 0, sizeof(*d));
	st_node(d, "");
	if (names_too)
		st_prop(d, "compatible", "hand,built", sizeof("hand,built"));
	st_prop(d, "model", "hand-built", sizeof("hand-built"));
	st_prop(d, "#address-cells", cells, 4);
	st_node(d, "uart@1000");
	st_prop(d, "status", "okay", sizeof("okay"));
	if (names_too)
		st_prop(d, "method", "none", sizeof("none"));
	st_word(d, TOK_END_NODE);
	st_word(d, TOK_NOP);
	st_word(d, TOK_END_NODE);
	st_word(d, TOK_END);
}

/* Lays the blocks out into out; returns totalsize. */
static u32 lay_out(const struct dtb *d, u8 *out, bool strings_first, u32 gap,
		   u32 free_space)
{
	u32 off_st, off_str, total;

	memset(out, FILL, BUF_SIZE);
	memset(out, 0, 56);
	if (strings_first) {
		off_str = 56;
		off_st = (56 + d->str_len + gap + 3) & ~3u;
		total = off_st + d->st_len;
	} else {
		off_st = 56;
		off_str = 56 + d->st_len + gap;
		total = off_str + d->str_len;
	}
	total += free_space;
	memcpy(out + off_st, d->st, d->st_len);
	memcpy(out + off_str, d->str, d->str_len);
	put32(out + H_MAGIC, 0xd00dfeed);
	put32(out + H_TOTALSIZE, total);
	put32(out + H_OFF_STRUCT, off_st);
	put32(out + H_OFF_STRINGS, off_str);
	put32(out + H_OFF_RSVMAP, 40);
	put32(out + H_VERSION, 17);
	put32(out + H_LAST_COMP, 16);
	put32(out + H_SIZE_STRINGS, d->str_len);
	put32(out + H_SIZE_STRUCT, d->st_len);
	assert_int_equal(fdt_check(out, total), 0);
	return total;
}

/* Neither "compatible" nor "method" in the strings: both are added. */
static void adds_missing_names(void **state)
{
	struct fixture *f = *state;
	struct dtb d;
	u32 total;

	build_tree(&d, false);
	total = lay_out(&d, f->buf, false, 0, 0);
	memcpy(f->orig, f->buf, BUF_SIZE);
	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	assert_psci_node(f->buf, BUF_SIZE);
	assert_originals_kept(f->buf, f->orig, "/psci");
	assert_int_equal(hdr(f->buf, H_SIZE_STRINGS),
			 d.str_len + sizeof("compatible") + sizeof("method"));
	assert_int_equal(hdr(f->buf, H_TOTALSIZE),
			 total + PSCI_NODE_SIZE + sizeof("compatible") +
				 sizeof("method"));
}

/* Both names already there: the strings block need not grow. */
static void reuses_existing_names(void **state)
{
	struct fixture *f = *state;
	struct dtb d;

	build_tree(&d, true);
	lay_out(&d, f->buf, false, 0, 0);
	memcpy(f->orig, f->buf, BUF_SIZE);
	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	assert_psci_node(f->buf, BUF_SIZE);
	assert_originals_kept(f->buf, f->orig, "/psci");
	assert_int_equal(hdr(f->buf, H_SIZE_STRINGS), d.str_len);
}

/* Padding between the structure and strings blocks is allowed. */
static void gap_before_strings(void **state)
{
	struct fixture *f = *state;
	struct dtb d;

	build_tree(&d, false);
	lay_out(&d, f->buf, false, 24, 64);
	memcpy(f->orig, f->buf, BUF_SIZE);
	assert_int_equal(fdt_add_psci(f->buf, BUF_SIZE), 0);
	assert_psci_node(f->buf, BUF_SIZE);
	assert_originals_kept(f->buf, f->orig, "/psci");
}

/* Strings before the structure block: not handled, so left alone. */
static void strings_first_refused(void **state)
{
	struct fixture *f = *state;
	struct dtb d;
	u32 total;

	build_tree(&d, false);
	total = lay_out(&d, f->buf, true, 0, 256);
	memcpy(f->orig, f->buf, BUF_SIZE);
	assert_int_equal(fdt_add_psci(f->buf, total), -1);
	assert_memory_equal(f->buf, f->orig, BUF_SIZE);
}

#define BOARD_TEST(t) cmocka_unit_test_setup_teardown(t, setup_board, teardown)
#define PSCI_TEST(t) \
	cmocka_unit_test_setup_teardown(t, setup_board_psci, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		BOARD_TEST(adds_psci),
		BOARD_TEST(psci_is_last_child),
		BOARD_TEST(original_values_readable),
		BOARD_TEST(second_call_changes_nothing),
		PSCI_TEST(existing_psci_unchanged),
		BOARD_TEST(too_small_max),
		BOARD_TEST(free_space_after_strings),
		BOARD_TEST(free_space_too_small),
		BOARD_TEST(corrupted_header),
		PSCI_TEST(corrupted_header_with_psci),
		BOARD_TEST(no_reads_past_short_max),
		BOARD_TEST(no_reads_at_bad_struct_offset),
		BOARD_TEST(adds_missing_names),
		BOARD_TEST(reuses_existing_names),
		BOARD_TEST(gap_before_strings),
		BOARD_TEST(strings_first_refused),
	};

	return cmocka_run_group_tests_name("fdt_psci", tests, NULL, NULL);
}
