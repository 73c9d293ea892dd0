/* Host tests of the boot package header checks and the boot info look-up. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lib/bootpkg.h"

#define PKG_SIZE 8192u
#define HDR_SIZE ((u32)sizeof(struct bootpkg_header))

/* Where each type may be loaded: the boot code's real map, roughly. */
static const struct bootpkg_region allowed[BOOTPKG_TYPE_COUNT] = {
	[BOOTPKG_MONITOR] = { 0x0e000000, 0x0e100000 },
	[BOOTPKG_SPMC] = { 0x0e100000, 0x0e300000 },
	[BOOTPKG_SP] = { 0x0e400000, 0x0e800000 },
	[BOOTPKG_SP_MANIFEST] = { 0x0e3f0000, 0x0e400000 },
	[BOOTPKG_NS_IMAGE] = { 0x40000000, 0x80000000 },
};

/* u64 storage keeps the header naturally aligned. */
static u64 pkg_store[PKG_SIZE / 8];
static struct bootpkg_header *const hdr = (struct bootpkg_header *)pkg_store;

static void set_entry(u32 i, const char *name, u32 type, u64 load, u32 offset,
		      u32 size)
{
	struct bootpkg_entry *e = &hdr->entry[i];

	memset(e, 0, sizeof(*e));
	assert_true(strlen(name) < sizeof(e->name));
	memcpy(e->name, name, strlen(name));
	e->type = type;
	e->load_addr = load;
	e->offset = offset;
	e->size = size;
}

/* A valid package: five images packed after the header. */
static int setup(void **state)
{
	u32 off = HDR_SIZE;

	(void)state;
	memset(pkg_store, 0x5a, sizeof(pkg_store));
	memset(hdr, 0, sizeof(*hdr));
	hdr->magic = BOOTPKG_MAGIC;
	hdr->version = BOOTPKG_VERSION;
	hdr->count = 5;
	hdr->total_size = PKG_SIZE - 1024;
	set_entry(0, "monitor", BOOTPKG_MONITOR, 0x0e000000, off, 0x400);
	off += 0x400;
	set_entry(1, "spmc", BOOTPKG_SPMC, 0x0e100000, off, 0x800);
	off += 0x800;
	set_entry(2, "alpha", BOOTPKG_SP_MANIFEST, 0x0e3f0000, off, 0x100);
	off += 0x100;
	set_entry(3, "alpha", BOOTPKG_SP, 0x0e400000, off, 0x600);
	off += 0x600;
	set_entry(4, "normal", BOOTPKG_NS_IMAGE, 0x40200000, off, 0x200);
	off += 0x200;
	assert_true(off <= hdr->total_size);
	return 0;
}

/* Runs the check; returns its result, with *why and *bad. */
static int check(size_t size, const char **why, int *bad)
{
	*why = NULL;
	*bad = 1234;
	return bootpkg_check(pkg_store, size, allowed, why, bad);
}

static void expect_reject(size_t size, int want_bad, const char *keyword)
{
	const char *why;
	int bad;

	assert_int_equal(check(size, &why, &bad), -1);
	assert_int_equal(bad, want_bad);
	assert_non_null(why);
	/* the message names the check that failed */
	assert_non_null(strstr(why, keyword));
}

static void expect_accept(size_t size)
{
	const char *why;
	int bad;

	assert_int_equal(check(size, &why, &bad), 0);
	assert_int_equal(bad, -1);
}

static void valid_package_accepted(void **state)
{
	(void)state;
	expect_accept(PKG_SIZE);
	/* the package may be exactly total_size long */
	expect_accept(hdr->total_size);
}

static void header_size_is_fixed(void **state)
{
	(void)state;
	/* mkpkg and the boot code agree on this layout */
	assert_int_equal(sizeof(struct bootpkg_entry), 72);
	assert_int_equal(sizeof(struct bootpkg_header), 32 + 16 * 72);
	assert_int_equal(offsetof(struct bootpkg_header, entry), 32);
	assert_int_equal(offsetof(struct bootpkg_entry, load_addr), 24);
	assert_int_equal(offsetof(struct bootpkg_entry, sha256), 40);
}

static void rejects_too_small(void **state)
{
	(void)state;
	expect_reject(HDR_SIZE - 1, -1, "smaller");
	expect_reject(0, -1, "smaller");
}

static void rejects_bad_magic_or_version(void **state)
{
	(void)state;
	hdr->magic = BOOTPKG_MAGIC ^ 1;
	expect_reject(PKG_SIZE, -1, "magic");
	hdr->magic = BOOTPKG_MAGIC;
	hdr->version = BOOTPKG_VERSION + 1;
	expect_reject(PKG_SIZE, -1, "version");
	hdr->version = 0;
	expect_reject(PKG_SIZE, -1, "version");
}

static void rejects_bad_count(void **state)
{
	(void)state;
	hdr->count = 0;
	expect_reject(PKG_SIZE, -1, "count");
	hdr->count = BOOTPKG_MAX_ENTRIES + 1;
	expect_reject(PKG_SIZE, -1, "count");
	hdr->count = UINT32_MAX;
	expect_reject(PKG_SIZE, -1, "count");
}

static void accepts_max_count(void **state)
{
	u32 i;

	(void)state;
	hdr->count = BOOTPKG_MAX_ENTRIES;
	for (i = 5; i < BOOTPKG_MAX_ENTRIES; i++)
		set_entry(i, "more", BOOTPKG_NS_IMAGE,
			  0x41000000 + 0x1000 * (u64)i, HDR_SIZE, 0x10);
	expect_accept(PKG_SIZE);
}

static void rejects_total_size_mismatch(void **state)
{
	(void)state;
	expect_reject(hdr->total_size - 1, -1, "size");
	hdr->total_size = PKG_SIZE + 1;
	expect_reject(PKG_SIZE, -1, "size");
	hdr->total_size = HDR_SIZE - 1;
	expect_reject(PKG_SIZE, -1, "size");
}

static void rejects_unterminated_name(void **state)
{
	(void)state;
	memset(hdr->entry[2].name, 'n', BOOTPKG_NAME_MAX);
	expect_reject(PKG_SIZE, 2, "name");
}

static void accepts_longest_name(void **state)
{
	(void)state;
	memset(hdr->entry[4].name, 'n', BOOTPKG_NAME_MAX - 1);
	hdr->entry[4].name[BOOTPKG_NAME_MAX - 1] = '\0';
	expect_accept(PKG_SIZE);
}

static void rejects_empty_name(void **state)
{
	(void)state;
	memset(hdr->entry[1].name, 0, BOOTPKG_NAME_MAX);
	expect_reject(PKG_SIZE, 1, "name");
}

static void rejects_unknown_type(void **state)
{
	(void)state;
	hdr->entry[3].type = 0;
	expect_reject(PKG_SIZE, 3, "type");
	hdr->entry[3].type = BOOTPKG_TYPE_COUNT;
	expect_reject(PKG_SIZE, 3, "type");
	hdr->entry[3].type = UINT32_MAX;
	expect_reject(PKG_SIZE, 3, "type");
}

static void rejects_image_outside_package(void **state)
{
	struct bootpkg_entry *e = &hdr->entry[1];
	u32 total = hdr->total_size;

	(void)state;
	/* inside the header */
	e->offset = HDR_SIZE - 4;
	expect_reject(PKG_SIZE, 1, "outside the package");
	e->offset = 0;
	expect_reject(PKG_SIZE, 1, "outside the package");
	/* empty */
	e->offset = HDR_SIZE;
	e->size = 0;
	expect_reject(PKG_SIZE, 1, "outside the package");
	/* past the end, or running over it */
	e->size = 0x10;
	e->offset = total + 4;
	expect_reject(PKG_SIZE, 1, "outside the package");
	e->offset = total - 0x10;
	e->size = 0x11;
	expect_reject(PKG_SIZE, 1, "outside the package");
	/* offset + size wraps around 2^32 */
	e->offset = UINT32_MAX - 0xff;
	e->size = 0x200;
	expect_reject(PKG_SIZE, 1, "outside the package");
	e->offset = HDR_SIZE;
	e->size = UINT32_MAX - HDR_SIZE + 1;
	expect_reject(PKG_SIZE, 1, "outside the package");
	e->offset = UINT32_MAX;
	e->size = UINT32_MAX;
	expect_reject(PKG_SIZE, 1, "outside the package");
}

static void accepts_image_ending_at_total_size(void **state)
{
	struct bootpkg_entry *e = &hdr->entry[4];

	(void)state;
	e->offset = hdr->total_size - e->size;
	expect_accept(PKG_SIZE);
}

static void rejects_load_outside_region(void **state)
{
	struct bootpkg_entry *e = &hdr->entry[0];

	(void)state;
	/* below, at the end of, and running over the monitor's region */
	e->load_addr = 0x0dfff000;
	expect_reject(PKG_SIZE, 0, "load address");
	e->load_addr = 0x0e100000;
	expect_reject(PKG_SIZE, 0, "load address");
	e->load_addr = 0x0e100000 - 0x3ff;
	expect_reject(PKG_SIZE, 0, "load address");
	/* in a region, but another type's */
	e->load_addr = 0x0e400000;
	expect_reject(PKG_SIZE, 0, "load address");
	/* load_addr + size wraps around 2^64 */
	e->load_addr = UINT64_MAX - 0xff;
	expect_reject(PKG_SIZE, 0, "load address");
	e->load_addr = UINT64_MAX;
	expect_reject(PKG_SIZE, 0, "load address");

	setup(NULL);
	hdr->entry[4].load_addr = 0x3ffff000;
	expect_reject(PKG_SIZE, 4, "load address");
}

static void accepts_load_at_region_end(void **state)
{
	struct bootpkg_entry *e = &hdr->entry[0];

	(void)state;
	e->load_addr = allowed[BOOTPKG_MONITOR].end - e->size;
	expect_accept(PKG_SIZE);
}

/* A region reaching the top of the address space must not wrap either. */
static void load_at_top_of_address_space(void **state)
{
	struct bootpkg_region top[BOOTPKG_TYPE_COUNT];
	struct bootpkg_entry *e = &hdr->entry[4];
	const char *why = NULL;
	int bad = 1234;

	(void)state;
	memcpy(top, allowed, sizeof(top));
	top[BOOTPKG_NS_IMAGE].end = UINT64_MAX;
	e->load_addr = UINT64_MAX - e->size;
	assert_int_equal(bootpkg_check(pkg_store, PKG_SIZE, top, &why, &bad),
			 0);
	assert_int_equal(bad, -1);
	e->load_addr = UINT64_MAX - e->size + 1;
	assert_int_equal(bootpkg_check(pkg_store, PKG_SIZE, top, &why, &bad),
			 -1);
	assert_int_equal(bad, 4);
	assert_non_null(why);
}

static void rejects_overlapping_loads(void **state)
{
	(void)state;
	/* the second alpha image lands over the end of the first */
	hdr->entry[3].type = BOOTPKG_SP_MANIFEST;
	hdr->entry[3].size = 0x100;
	hdr->entry[3].load_addr = 0x0e3f0000 + 0xff;
	expect_reject(PKG_SIZE, 3, "overlaps");
	/* same start */
	hdr->entry[3].load_addr = 0x0e3f0000;
	expect_reject(PKG_SIZE, 3, "overlaps");
	/* one wholly inside the other */
	hdr->entry[3].load_addr = 0x0e3f0040;
	hdr->entry[3].size = 0x10;
	expect_reject(PKG_SIZE, 3, "overlaps");
	/* starts before, ends inside */
	hdr->entry[2].load_addr = 0x0e3f1000;
	hdr->entry[3].load_addr = 0x0e3f0f00;
	hdr->entry[3].size = 0x101;
	expect_reject(PKG_SIZE, 3, "overlaps");
	/* just touching is fine */
	hdr->entry[3].size = 0x100;
	expect_accept(PKG_SIZE);
}

static void rejects_overlap_with_first_entry(void **state)
{
	(void)state;
	hdr->count = 6;
	set_entry(5, "late", BOOTPKG_MONITOR, 0x0e0003ff, HDR_SIZE, 0x10);
	expect_reject(PKG_SIZE, 5, "overlaps");
	hdr->entry[5].load_addr = 0x0e000400;
	expect_accept(PKG_SIZE);
}

/* Entries past count are never looked at. */
static void ignores_entries_past_count(void **state)
{
	(void)state;
	memset(&hdr->entry[5], 0xff,
	       sizeof(hdr->entry[0]) * (BOOTPKG_MAX_ENTRIES - 5));
	expect_accept(PKG_SIZE);
}

/* The first bad entry is the one reported. */
static void reports_first_bad_entry(void **state)
{
	(void)state;
	hdr->entry[4].type = 0;
	hdr->entry[2].offset = 0;
	expect_reject(PKG_SIZE, 2, "outside the package");
}

static void type_names(void **state)
{
	(void)state;
	assert_string_equal(bootpkg_type_name(BOOTPKG_MONITOR), "monitor");
	assert_string_equal(bootpkg_type_name(BOOTPKG_SPMC), "spmc");
	assert_string_equal(bootpkg_type_name(BOOTPKG_SP), "partition");
	assert_string_equal(bootpkg_type_name(BOOTPKG_SP_MANIFEST), "manifest");
	assert_string_equal(bootpkg_type_name(BOOTPKG_NS_IMAGE),
			    "normal-world");
	assert_string_equal(bootpkg_type_name(0), "unknown");
	assert_string_equal(bootpkg_type_name(BOOTPKG_TYPE_COUNT), "unknown");
	assert_string_equal(bootpkg_type_name(UINT32_MAX), "unknown");
}

static struct bootinfo bi;

static void add_image(const char *name, u32 type, u64 addr)
{
	struct bootinfo_image *im = &bi.image[bi.count++];

	assert_true(strlen(name) < sizeof(im->name));
	memcpy(im->name, name, strlen(name));
	im->type = type;
	im->addr = addr;
	im->size = 0x1000;
}

static int bi_setup(void **state)
{
	(void)state;
	memset(&bi, 0, sizeof(bi));
	bi.magic = BOOTINFO_MAGIC;
	add_image("monitor", BOOTPKG_MONITOR, 0x0e000000);
	add_image("spmc", BOOTPKG_SPMC, 0x0e100000);
	add_image("alpha", BOOTPKG_SP_MANIFEST, 0x0e3f0000);
	add_image("alpha", BOOTPKG_SP, 0x0e400000);
	add_image("beta", BOOTPKG_SP_MANIFEST, 0x0e3f1000);
	add_image("beta", BOOTPKG_SP, 0x0e600000);
	return 0;
}

static void bootinfo_find_by_type(void **state)
{
	const struct bootinfo_image *im;

	(void)state;
	im = bootinfo_find(&bi, BOOTPKG_MONITOR, NULL);
	assert_ptr_equal(im, &bi.image[0]);
	im = bootinfo_find(&bi, BOOTPKG_SPMC, NULL);
	assert_ptr_equal(im, &bi.image[1]);
	/* no name: the first of that type */
	im = bootinfo_find(&bi, BOOTPKG_SP, NULL);
	assert_ptr_equal(im, &bi.image[3]);
	assert_int_equal(im->addr, 0x0e400000);
	assert_null(bootinfo_find(&bi, BOOTPKG_NS_IMAGE, NULL));
	assert_null(bootinfo_find(&bi, 0, NULL));
}

static void bootinfo_find_by_name(void **state)
{
	const struct bootinfo_image *im;

	(void)state;
	im = bootinfo_find(&bi, BOOTPKG_SP, "beta");
	assert_ptr_equal(im, &bi.image[5]);
	assert_int_equal(im->addr, 0x0e600000);
	im = bootinfo_find(&bi, BOOTPKG_SP_MANIFEST, "beta");
	assert_ptr_equal(im, &bi.image[4]);
	im = bootinfo_find(&bi, BOOTPKG_SP_MANIFEST, "alpha");
	assert_ptr_equal(im, &bi.image[2]);
	/* the name must match the whole name and the type too */
	assert_null(bootinfo_find(&bi, BOOTPKG_SP, "gamma"));
	assert_null(bootinfo_find(&bi, BOOTPKG_SP, "alph"));
	assert_null(bootinfo_find(&bi, BOOTPKG_SP, "alphabet"));
	assert_null(bootinfo_find(&bi, BOOTPKG_SPMC, "alpha"));
}

static void bootinfo_find_respects_count(void **state)
{
	(void)state;
	bi.count = 3;
	assert_null(bootinfo_find(&bi, BOOTPKG_SP, NULL));
	assert_null(bootinfo_find(&bi, BOOTPKG_SP_MANIFEST, "beta"));
	assert_non_null(bootinfo_find(&bi, BOOTPKG_SP_MANIFEST, "alpha"));
	bi.count = 0;
	assert_null(bootinfo_find(&bi, BOOTPKG_MONITOR, NULL));
	/* a count past the array is bounded by it */
	bi.count = UINT32_MAX;
	assert_ptr_equal(bootinfo_find(&bi, BOOTPKG_SP, "beta"), &bi.image[5]);
	assert_null(bootinfo_find(&bi, BOOTPKG_NS_IMAGE, NULL));
}

/* A full-length name has no NUL in the image: still found, no overrun. */
static void bootinfo_find_full_length_name(void **state)
{
	char name[BOOTPKG_NAME_MAX + 1];

	(void)state;
	memset(name, 'z', BOOTPKG_NAME_MAX);
	name[BOOTPKG_NAME_MAX] = '\0';
	memcpy(bi.image[5].name, name, BOOTPKG_NAME_MAX);
	assert_ptr_equal(bootinfo_find(&bi, BOOTPKG_SP, name), &bi.image[5]);
}

#define PKG_TEST(f) cmocka_unit_test_setup(f, setup)
#define BI_TEST(f) cmocka_unit_test_setup(f, bi_setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		PKG_TEST(valid_package_accepted),
		cmocka_unit_test(header_size_is_fixed),
		PKG_TEST(rejects_too_small),
		PKG_TEST(rejects_bad_magic_or_version),
		PKG_TEST(rejects_bad_count),
		PKG_TEST(accepts_max_count),
		PKG_TEST(rejects_total_size_mismatch),
		PKG_TEST(rejects_unterminated_name),
		PKG_TEST(accepts_longest_name),
		PKG_TEST(rejects_empty_name),
		PKG_TEST(rejects_unknown_type),
		PKG_TEST(rejects_image_outside_package),
		PKG_TEST(accepts_image_ending_at_total_size),
		PKG_TEST(rejects_load_outside_region),
		PKG_TEST(accepts_load_at_region_end),
		PKG_TEST(load_at_top_of_address_space),
		PKG_TEST(rejects_overlapping_loads),
		PKG_TEST(rejects_overlap_with_first_entry),
		PKG_TEST(ignores_entries_past_count),
		PKG_TEST(reports_first_bad_entry),
		cmocka_unit_test(type_names),
		BI_TEST(bootinfo_find_by_type),
		BI_TEST(bootinfo_find_by_name),
		BI_TEST(bootinfo_find_respects_count),
		BI_TEST(bootinfo_find_full_length_name),
	};

	return cmocka_run_group_tests_name("bootpkg", tests, NULL, NULL);
}
