/* Host tests of FF-A memory descriptor reading and writing
 * (lib/ffa_mem_desc.c). */
#include "test/unit/dtc_helper.h" /* first: sets _POSIX_C_SOURCE */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/ffa.h"
#include "lib/ffa_mem_desc.h"

static void put(u8 *p, unsigned n, u64 v)
{
	while (n--) {
		*p++ = (u8)v;
		v >>= 8;
	}
}

/*
 * A v1.0 FFA_MEM_SHARE descriptor as Linux 6.1's FF-A driver builds it:
 * normal-world sender 0, normal WB inner-shareable memory, one receiver
 * with RW, composite right after the access descriptors.
 */
static u32 linux_v1_0(u8 *b, u16 receiver, u64 addr, u32 pages)
{
	memset(b, 0, 4096);
	put(b, 2, 0);
	b[2] = FFA_MEM_NORMAL_WB_INNER;
	put(b + 28, 4, 1);
	put(b + 32, 2, receiver);
	b[34] = FFA_DATA_ACCESS_RW | FFA_INSTR_ACCESS_NX
					     << FFA_INSTR_ACCESS_SHIFT;
	put(b + 36, 4, 48);
	put(b + 48, 4, pages);
	put(b + 52, 4, 2);
	put(b + 64, 8, addr);
	put(b + 72, 4, pages - 1);
	put(b + 80, 8, addr + 0x10000);
	put(b + 88, 4, 1);
	return 96;
}

static u32 v1_1(u8 *b, u16 receiver, u64 addr, u32 pages)
{
	memset(b, 0, 4096);
	put(b, 2, 0x8001);
	put(b + 2, 2, FFA_MEM_NORMAL_WB_INNER);
	put(b + 16, 8, 0x1234);
	put(b + 24, 4, 16);
	put(b + 28, 4, 1);
	put(b + 32, 4, 48);
	put(b + 48, 2, receiver);
	b[50] = FFA_DATA_ACCESS_RO;
	put(b + 52, 4, 64);
	put(b + 64, 4, pages);
	put(b + 68, 4, 1);
	put(b + 80, 8, addr);
	put(b + 88, 4, pages);
	return 96;
}

static u8 buf[4096];

static void reads_linux_v1_0(void **state)
{
	struct ffa_mem_desc d;
	u32 len = linux_v1_0(buf, 0x8001, 0x40100000, 3);

	(void)state;
	assert_int_equal(ffa_mem_desc_read(buf, len, FFA_VERSION_1_0,
					   FFA_MEM_DESC_SEND, &d),
			 FFA_OK);
	assert_int_equal(d.sender, 0);
	assert_int_equal(d.attributes, FFA_MEM_NORMAL_WB_INNER);
	assert_int_equal(d.receiver_count, 1);
	assert_int_equal(d.receiver_ids[0], 0x8001);
	assert_int_equal(ffa_mem_perms_to_access(d.receiver_perms[0]),
			 MEM_ACCESS_R | MEM_ACCESS_W);
	assert_int_equal(d.total_pages, 3);
	assert_int_equal(d.range_count, 2);
	assert_int_equal(d.ranges[1].base.pa, 0x40110000);
	/* the same bytes read as v1.1 are not a valid descriptor */
	assert_int_equal(ffa_mem_desc_read(buf, len, FFA_VERSION_1_1,
					   FFA_MEM_DESC_SEND, &d),
			 FFA_INVALID_PARAMETERS);
}

static void reads_v1_1(void **state)
{
	struct ffa_mem_desc d;
	u32 len = v1_1(buf, 0x8002, 0x0e400000, 4);

	(void)state;
	assert_int_equal(ffa_mem_desc_read(buf, len, FFA_VERSION_1_1,
					   FFA_MEM_DESC_SEND, &d),
			 FFA_OK);
	assert_int_equal(d.sender, 0x8001);
	assert_int_equal(d.tag, 0x1234);
	assert_int_equal(ffa_mem_perms_to_access(d.receiver_perms[0]),
			 MEM_ACCESS_R);
	assert_int_equal(d.ranges[0].pages, 4);
}

static void write_then_read(void **state)
{
	struct ffa_mem_desc d, back;
	u32 versions[] = { FFA_VERSION_1_0, FFA_VERSION_1_1, FFA_VERSION_1_2 };
	unsigned v;

	(void)state;
	linux_v1_0(buf, 0x8001, 0x40100000, 3);
	assert_int_equal(ffa_mem_desc_read(buf, 96, FFA_VERSION_1_0,
					   FFA_MEM_DESC_SEND, &d),
			 FFA_OK);
	d.handle = 0x77;
	for (v = 0; v < 3; v++) {
		u32 len = ffa_mem_desc_write(buf, sizeof(buf), versions[v], &d);

		assert_int_equal(len,
				 versions[v] == FFA_VERSION_1_0 ? 96 : 112);
		assert_int_equal(ffa_mem_desc_read(buf, len, versions[v],
						   FFA_MEM_DESC_RETRIEVE,
						   &back),
				 FFA_OK);
		assert_int_equal(back.handle, 0x77);
		assert_int_equal(back.range_count, 2);
		assert_int_equal(back.ranges[0].base.pa, 0x40100000);
		assert_int_equal(back.total_pages, 3);
		/* too small a buffer: nothing written */
		assert_int_equal(
			ffa_mem_desc_write(buf, len - 1, versions[v], &d), 0);
	}
}

/* Each case breaks one field of the Linux v1.0 descriptor. */
static void bad_fields(void **state)
{
	static const struct {
		unsigned off, n;
		u64 v;
		const char *what;
	} cases[] = {
		{ 3, 1, 1, "reserved byte" },
		{ 8, 8, 5, "handle in a send" },
		{ 24, 4, 1, "reserved word" },
		{ 28, 4, 0, "no receivers" },
		{ 28, 4, 5, "too many receivers" },
		{ 28, 4, 0xffffffff, "receiver count overflow" },
		{ 35, 1, 1, "receiver flags" },
		{ 36, 4, 0, "no composite" },
		{ 36, 4, 4000, "composite past the end" },
		{ 36, 4, 44, "composite misaligned" },
		{ 40, 8, 1, "reserved in access descriptor" },
		{ 48, 4, 4, "page counts disagree" },
		{ 52, 4, 0, "no ranges" },
		{ 52, 4, 3, "ranges past the end" },
		{ 52, 4, 0x10000001, "range count overflow" },
		{ 56, 8, 1, "reserved in composite" },
		{ 76, 4, 1, "reserved in range" },
	};
	struct ffa_mem_desc d;
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		linux_v1_0(buf, 0x8001, 0x40100000, 3);
		put(buf + cases[i].off, cases[i].n, cases[i].v);
		if (ffa_mem_desc_read(buf, 96, FFA_VERSION_1_0,
				      FFA_MEM_DESC_SEND,
				      &d) != FFA_INVALID_PARAMETERS)
			fail_msg("accepted: %s", cases[i].what);
	}
	/* truncated anywhere */
	linux_v1_0(buf, 0x8001, 0x40100000, 3);
	for (i = 0; i < 96; i++)
		assert_int_equal(ffa_mem_desc_read(buf, i, FFA_VERSION_1_0,
						   FFA_MEM_DESC_SEND, &d),
				 FFA_INVALID_PARAMETERS);
	/* v1.1 header fields */
	v1_1(buf, 0x8002, 0x0e400000, 4);
	put(buf + 24, 4, 8);
	assert_int_equal(ffa_mem_desc_read(buf, 96, FFA_VERSION_1_1,
					   FFA_MEM_DESC_SEND, &d),
			 FFA_INVALID_PARAMETERS);
	v1_1(buf, 0x8002, 0x0e400000, 4);
	put(buf + 32, 4, 40);
	assert_int_equal(ffa_mem_desc_read(buf, 96, FFA_VERSION_1_1,
					   FFA_MEM_DESC_SEND, &d),
			 FFA_INVALID_PARAMETERS);
	v1_1(buf, 0x8002, 0x0e400000, 4);
	put(buf + 40, 4, 1);
	assert_int_equal(ffa_mem_desc_read(buf, 96, FFA_VERSION_1_1,
					   FFA_MEM_DESC_SEND, &d),
			 FFA_INVALID_PARAMETERS);
}

static void permissions(void **state)
{
	(void)state;
	assert_int_equal(ffa_mem_perms_to_access(0), 0);
	assert_int_equal(ffa_mem_perms_to_access(3), 0);
	assert_int_equal(ffa_mem_perms_to_access(0x1 | 0x3 << 2), 0);
	assert_int_equal(ffa_mem_perms_to_access(0x12), 0);
	assert_int_equal(ffa_mem_perms_to_access(0x2 | 0x2 << 2),
			 MEM_ACCESS_R | MEM_ACCESS_W | MEM_ACCESS_X);
	assert_int_equal(ffa_mem_access_to_perms(MEM_ACCESS_R), 0x1 | 0x1 << 2);
	assert_int_equal(ffa_mem_perms_to_access(ffa_mem_access_to_perms(
				 MEM_ACCESS_R | MEM_ACCESS_W)),
			 MEM_ACCESS_R | MEM_ACCESS_W);
}

static void relinquish(void **state)
{
	struct ffa_mem_relinquish r;

	(void)state;
	memset(buf, 0, 32);
	put(buf, 8, 0xabc);
	put(buf + 12, 4, 1);
	put(buf + 16, 2, 0x8001);
	assert_int_equal(ffa_mem_relinquish_read(buf, 18, &r), FFA_OK);
	assert_int_equal(r.handle, 0xabc);
	assert_int_equal(r.endpoints[0], 0x8001);
	assert_int_equal(ffa_mem_relinquish_read(buf, 17, &r),
			 FFA_INVALID_PARAMETERS);
	put(buf + 12, 4, 0);
	assert_int_equal(ffa_mem_relinquish_read(buf, 18, &r),
			 FFA_INVALID_PARAMETERS);
	put(buf + 12, 4, 0x80000001);
	assert_int_equal(ffa_mem_relinquish_read(buf, 18, &r),
			 FFA_INVALID_PARAMETERS);
}

/* Random bytes over a valid descriptor in an exactly-sized buffer. */
static void corruption_fuzz(void **state)
{
	unsigned long long seed = 0xa4093822299f31d0ULL;
	unsigned i, ok = 0;

	(void)state;
	for (i = 0; i < 50000; i++) {
		u32 len = i & 1 ? linux_v1_0(buf, 0x8001, 0x40100000, 3)
				: v1_1(buf, 0x8001, 0x40100000, 3);
		u8 *copy = malloc(len);
		struct ffa_mem_desc d;
		unsigned k;

		memcpy(copy, buf, len);
		for (k = 0; k < 1 + test_rand(&seed) % 3; k++)
			copy[test_rand(&seed) % len] = (u8)test_rand(&seed);
		if (ffa_mem_desc_read(copy, len,
				      i & 1 ? FFA_VERSION_1_0 : FFA_VERSION_1_1,
				      i & 2 ? FFA_MEM_DESC_SEND
					    : FFA_MEM_DESC_RETRIEVE,
				      &d) == FFA_OK) {
			ok++;
			assert_true(d.receiver_count >= 1 &&
				    d.receiver_count <= MEM_TXN_MAX_RECEIVERS);
			assert_true(d.range_count <= MEM_TXN_MAX_RANGES);
		}
		free(copy);
	}
	print_message("descriptor fuzz: %u of 50000 still valid\n", ok);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_linux_v1_0),
		cmocka_unit_test(reads_v1_1),
		cmocka_unit_test(write_then_read),
		cmocka_unit_test(bad_fields),
		cmocka_unit_test(permissions),
		cmocka_unit_test(relinquish),
		cmocka_unit_test(corruption_fuzz),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
