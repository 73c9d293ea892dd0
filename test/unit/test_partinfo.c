/* Host tests of the FF-A partition info descriptors (lib/ffa_partinfo.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lib/ffa.h"
#include "lib/ffa_partinfo.h"

#define FILL 0xee

/* Every messaging-method bit set, including ones no version knows. */
#define ALL_METHODS 0xffffffffu
#define BITS_0_2 0x7u

static void sizes_per_version(void **state)
{
	(void)state;
	assert_int_equal(FFA_PARTINFO_V1_0_SIZE, 8);
	assert_int_equal(FFA_PARTINFO_V1_1_SIZE, 24);
	assert_int_equal(ffa_partinfo_size(FFA_VERSION_1_0), 8);
	assert_int_equal(ffa_partinfo_size(FFA_VERSION_1_1), 24);
	assert_int_equal(ffa_partinfo_size(FFA_VERSION_1_2), 24);
}

static void props_v1_0(void **state)
{
	(void)state;
	/* only bits 0-2, and nothing else whatever the manifest says */
	assert_int_equal(ffa_partinfo_props(ALL_METHODS, 0, FFA_VERSION_1_0),
			 BITS_0_2);
	assert_int_equal(ffa_partinfo_props(0, 0, FFA_VERSION_1_0), 0);
	assert_int_equal(
		ffa_partinfo_props(FFA_PROP_DIRECT_RECV, 0, FFA_VERSION_1_0),
		FFA_PROP_DIRECT_RECV);
	assert_int_equal(
		ffa_partinfo_props(FFA_PROP_DIRECT_SEND, 0, FFA_VERSION_1_0),
		FFA_PROP_DIRECT_SEND);
	assert_int_equal(
		ffa_partinfo_props(FFA_PROP_INDIRECT, 0, FFA_VERSION_1_0),
		FFA_PROP_INDIRECT);
	assert_int_equal(ffa_partinfo_props(FFA_PROP_DIRECT2_RECV |
						    FFA_PROP_DIRECT2_SEND,
					    0, FFA_VERSION_1_0),
			 0);
}

static void props_v1_1(void **state)
{
	(void)state;
	/* bits 0-2 from the manifest, plus AArch64 (bit 8) */
	assert_int_equal(ffa_partinfo_props(ALL_METHODS, 0, FFA_VERSION_1_1),
			 BITS_0_2 | 0x100u);
	assert_int_equal(ffa_partinfo_props(0, 0, FFA_VERSION_1_1), 0x100u);
	assert_int_equal(ffa_partinfo_props(0x3u, 0, FFA_VERSION_1_1), 0x103u);
	/* messaging-method bits 9/10 mean nothing before v1.2 */
	assert_int_equal(ffa_partinfo_props(0x600u, 0, FFA_VERSION_1_1),
			 0x100u);
	assert_int_equal(FFA_PROP_AARCH64, 0x100u);
}

/* vm-availability-messages bits 0/1 are properties 6/7, from v1.1 on */
static void props_vm_availability(void **state)
{
	(void)state;
	assert_int_equal(ffa_partinfo_props(0x1u, 0x3u, FFA_VERSION_1_0), 0x1u);
	assert_int_equal(ffa_partinfo_props(0x1u, 0x1u, FFA_VERSION_1_1),
			 0x141u);
	assert_int_equal(ffa_partinfo_props(0x1u, 0x2u, FFA_VERSION_1_1),
			 0x181u);
	assert_int_equal(ffa_partinfo_props(0x1u, 0x3u, FFA_VERSION_1_2),
			 0x1c1u);
	/* bits the manifest parser refuses never leak into the answer */
	assert_int_equal(ffa_partinfo_props(0x1u, 0xfcu, FFA_VERSION_1_2),
			 0x101u);
	assert_int_equal(FFA_PROP_VM_CREATED, 0x40u);
	assert_int_equal(FFA_PROP_VM_DESTROYED, 0x80u);
}

static void props_v1_2(void **state)
{
	(void)state;
	/* v1.1's bits plus bits 9/10 from messaging-method bits 9/10 */
	assert_int_equal(ffa_partinfo_props(ALL_METHODS, 0, FFA_VERSION_1_2),
			 BITS_0_2 | 0x100u | 0x600u);
	assert_int_equal(ffa_partinfo_props(0, 0, FFA_VERSION_1_2), 0x100u);
	assert_int_equal(ffa_partinfo_props(0x200u, 0, FFA_VERSION_1_2),
			 0x300u);
	assert_int_equal(ffa_partinfo_props(0x400u, 0, FFA_VERSION_1_2),
			 0x500u);
	assert_int_equal(ffa_partinfo_props(0x601u, 0, FFA_VERSION_1_2),
			 0x701u);
	/* bit 3 (notifications) and the ID type come not from here */
	assert_int_equal(ffa_partinfo_props(0x8u | 0x30u, 0, FFA_VERSION_1_2),
			 0x100u);
	assert_int_equal(FFA_PROP_DIRECT2_RECV, 0x200u);
	assert_int_equal(FFA_PROP_DIRECT2_SEND, 0x400u);
}

static const u32 uuid_a[4] = { 0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00 };

static void write_v1_0(void **state)
{
	static const u8 want[8] = { 0x01, 0x80, 0x02, 0x00,
				    0x07, 0x00, 0x00, 0x00 };
	u8 out[40];
	size_t i;

	(void)state;
	memset(out, FILL, sizeof(out));
	ffa_partinfo_write(out, FFA_VERSION_1_0, 0x8001, 2, 0x7, uuid_a);
	assert_memory_equal(out, want, sizeof(want));
	/* eight bytes and not one more: no UUID in v1.0 */
	for (i = 8; i < sizeof(out); i++)
		assert_int_equal(out[i], FILL);
}

static void write_v1_1(void **state)
{
	static const u8 want[24] = {
		0x34, 0x12, /* ID */
		0x78, 0x56, /* execution context count */
		0xf0, 0xde, 0xbc, 0x9a, /* properties */
		0x44, 0x33, 0x22, 0x11, /* UUID, w1 */
		0x88, 0x77, 0x66, 0x55, /* w2 */
		0xcc, 0xbb, 0xaa, 0x99, /* w3 */
		0x00, 0xff, 0xee, 0xdd, /* w4 */
	};
	u8 out[40];
	size_t i;

	(void)state;
	memset(out, FILL, sizeof(out));
	ffa_partinfo_write(out, FFA_VERSION_1_1, 0x1234, 0x5678, 0x9abcdef0,
			   uuid_a);
	assert_memory_equal(out, want, sizeof(want));
	for (i = 24; i < sizeof(out); i++)
		assert_int_equal(out[i], FILL);
}

static void write_v1_2_same_layout(void **state)
{
	u8 a[32], b[32];

	(void)state;
	memset(a, FILL, sizeof(a));
	memset(b, FILL, sizeof(b));
	ffa_partinfo_write(a, FFA_VERSION_1_1, 0x8002, 1, 0x703, uuid_a);
	ffa_partinfo_write(b, FFA_VERSION_1_2, 0x8002, 1, 0x703, uuid_a);
	assert_memory_equal(a, b, sizeof(a));
	assert_int_equal(b[4], 0x03);
	assert_int_equal(b[5], 0x07);
	assert_int_equal(b[24], FILL);
}

/* Descriptors are packed back to back: any alignment must do. */
static void write_unaligned(void **state)
{
	static const u8 want[24] = {
		0xff, 0xff, 0x00, 0x00, 0x00, 0x01, 0x00, 0x80,
		0x44, 0x33, 0x22, 0x11, 0x88, 0x77, 0x66, 0x55,
		0xcc, 0xbb, 0xaa, 0x99, 0x00, 0xff, 0xee, 0xdd,
	};
	u8 out[40];

	(void)state;
	memset(out, FILL, sizeof(out));
	ffa_partinfo_write(out + 3, FFA_VERSION_1_2, 0xffff, 0, 0x80000100,
			   uuid_a);
	assert_int_equal(out[2], FILL);
	assert_memory_equal(out + 3, want, sizeof(want));
	assert_int_equal(out[27], FILL);
}

static void uuid_null_matches_anything(void **state)
{
	static const u32 null[4] = { 0, 0, 0, 0 };
	static const u32 ones[4] = { ~0u, ~0u, ~0u, ~0u };

	(void)state;
	assert_true(ffa_uuid_match(null, uuid_a));
	assert_true(ffa_uuid_match(null, null));
	assert_true(ffa_uuid_match(null, ones));
}

static void uuid_exact_match(void **state)
{
	u32 same[4];

	(void)state;
	memcpy(same, uuid_a, sizeof(same));
	assert_true(ffa_uuid_match(uuid_a, same));
	assert_true(ffa_uuid_match(same, uuid_a));
}

static void uuid_partial_mismatch(void **state)
{
	static const u32 null[4] = { 0, 0, 0, 0 };
	u32 want[4];
	unsigned i;

	(void)state;
	/* any one word off, even by one bit, is a different UUID */
	for (i = 0; i < 4; i++) {
		memcpy(want, uuid_a, sizeof(want));
		want[i] ^= 1;
		assert_false(ffa_uuid_match(want, uuid_a));
		want[i] ^= 0x80000001u;
		assert_false(ffa_uuid_match(want, uuid_a));
	}
	/* a zero word is not a wildcard on its own */
	for (i = 0; i < 4; i++) {
		memset(want, 0, sizeof(want));
		want[i] = uuid_a[i];
		assert_false(ffa_uuid_match(want, uuid_a));
	}
	/* the words in another order */
	want[0] = uuid_a[3];
	want[1] = uuid_a[2];
	want[2] = uuid_a[1];
	want[3] = uuid_a[0];
	assert_false(ffa_uuid_match(want, uuid_a));
	/* a real UUID does not match a partition with the null UUID */
	assert_false(ffa_uuid_match(uuid_a, null));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sizes_per_version),
		cmocka_unit_test(props_v1_0),
		cmocka_unit_test(props_v1_1),
		cmocka_unit_test(props_vm_availability),
		cmocka_unit_test(props_v1_2),
		cmocka_unit_test(write_v1_0),
		cmocka_unit_test(write_v1_1),
		cmocka_unit_test(write_v1_2_same_layout),
		cmocka_unit_test(write_unaligned),
		cmocka_unit_test(uuid_null_matches_anything),
		cmocka_unit_test(uuid_exact_match),
		cmocka_unit_test(uuid_partial_mismatch),
	};

	return cmocka_run_group_tests_name("partinfo", tests, NULL, NULL);
}
