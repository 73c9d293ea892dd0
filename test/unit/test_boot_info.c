/* Host tests of FF-A boot information blobs and the TA grants they carry to a
 * TEE. */
#include "test/unit/dtc_helper.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lib/ffa_boot_info.h"
#include "lib/ta_policy.h"

#define AT 0x0e180000ULL

static void round_trip(void **state)
{
	static u8 page[4096];
	static const u8 one[5] = { 1, 2, 3, 4, 5 }, two[3] = { 9, 8, 7 };
	const struct ffa_boot_info_item items[2] = {
		{ "first", FFA_BOOT_INFO_IMPDEF | 1, one, sizeof(one) },
		{ "second", FFA_BOOT_INFO_IMPDEF | 2, two, sizeof(two) },
	};
	size_t n = ffa_boot_info_write(page, sizeof(page), AT, items, 2);
	const u8 *c;
	u32 size;

	(void)state;
	assert_true(n > 32 + 2 * 32);
	assert_int_equal(page[0] | page[1] << 8, FFA_BOOT_INFO_SIGNATURE);
	c = ffa_boot_info_find(page, sizeof(page), AT, FFA_BOOT_INFO_IMPDEF | 2,
			       &size);
	assert_non_null(c);
	assert_int_equal(size, 3);
	assert_memory_equal(c, two, 3);
	assert_int_equal((c - page) % 8, 0);
	assert_string_equal((const char *)page + 32 + 32, "second");
	assert_null(ffa_boot_info_find(page, sizeof(page), AT, 0, &size));
	/* seen at another address, the content's address points elsewhere */
	assert_null(ffa_boot_info_find(page, sizeof(page), AT + 0x100000,
				       FFA_BOOT_INFO_IMPDEF | 2, &size));
	/* cut short: the blob does not fit what may be read */
	assert_null(ffa_boot_info_find(page, n - 1, AT,
				       FFA_BOOT_INFO_IMPDEF | 1, &size));
	/* what does not fit is not written */
	assert_int_equal(ffa_boot_info_write(page, 64, AT, items, 2), 0);
	assert_int_equal(ffa_boot_info_write(page, 32 + 64 + 8, AT, items, 2),
			 0);
}

/* Any byte changed: no answer, or one inside the blob. */
static void corruption(void **state)
{
	static u8 page[256], c[256];
	static const u8 data[40] = { 1 };
	const struct ffa_boot_info_item item = { "ta-policy",
						 TA_POLICY_BOOT_INFO, data,
						 sizeof(data) };
	size_t n = ffa_boot_info_write(page, sizeof(page), AT, &item, 1), i;

	(void)state;
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		unsigned v;

		for (v = 1; v < 256; v <<= 1) {
			const u8 *p;
			u32 size;

			memcpy(c, page, sizeof(page));
			c[i] ^= (u8)v;
			p = ffa_boot_info_find(c, n, AT, TA_POLICY_BOOT_INFO,
					       &size);
			if (p)
				assert_true(p >= c && size <= n &&
					    (size_t)(p - c) <= n - size);
		}
	}
}

#define VM(id, tees, tas)                                                    \
	"vm@" #id " { label = \"v" #id "\"; vm-id = <" #id ">; memory = <0 " \
	"1 0 2>; tees = <" tees ">; " tas " };"

/* The grants a TEE gets say what the manifest says, VM by VM. */
static void grants_match_the_manifest(void **state)
{
	static u8 out[TA_POLICY_MAX * TA_GRANT_SIZE];
	static struct ta_grant g[TA_POLICY_MAX];
	const u32 a[4] = { 1, 2, 3, 4 }, b[4] = { 5, 6, 7, 8 },
		  c[4] = { 9, 9, 9, 9 };
	const u32 *uuids[3] = { a, b, c };
	struct system_manifest s;
	const char *why;
	size_t size;
	char dts[1024];
	void *m;
	unsigned n, v, t, u;

	(void)state;
	snprintf(dts, sizeof(dts),
		 "/dts-v1/; / { compatible = \"tessera,system-1.0\"; %s %s %s "
		 "};",
		 VM(1, "0x8001 0x8002",
		    "tas = <0x8001 1 2 3 4>, <0x8001 5 6 7 8>;"),
		 VM(2, "0x8001", ""),
		 VM(3, "0x8002", "tas = <0x8002 9 9 9 9>;"));
	m = dtc_compile(dts, &size);
	assert_non_null(m);
	assert_int_equal(system_manifest_parse(m, size, &s, &why), 0);
	for (t = 0x8001; t <= 0x8002; t++) {
		n = ta_policy_write(&s, (u16)t, out);
		assert_int_equal(n, t == 0x8001 ? 2 : 1);
		assert_int_equal(ta_policy_read(out, n * TA_GRANT_SIZE, g,
						TA_POLICY_MAX),
				 (int)n);
		for (v = 1; v <= 3; v++)
			for (u = 0; u < 3; u++) {
				const struct system_vm *vm =
					system_vm_find(&s, (u16)v);

				/* the TEE sees only VMs the SPMC lets call */
				if (!system_vm_may_call(vm, (u16)t))
					continue;
				assert_int_equal(ta_policy_allows(g, n, (u16)v,
								  uuids[u]),
						 system_vm_may_open(vm, (u16)t,
								    uuids[u]));
			}
	}
	assert_true(system_vm_may_open(system_vm_find(&s, 1), 0x8001, b));
	assert_false(system_vm_may_open(system_vm_find(&s, 1), 0x8001, c));
	assert_true(system_vm_may_open(system_vm_find(&s, 1), 0x8002, c));
	assert_true(system_vm_may_open(system_vm_find(&s, 2), 0x8001, c));
	assert_false(system_vm_may_open(system_vm_find(&s, 2), 0x8002, a));
	assert_int_equal(
		ta_policy_read(out, TA_GRANT_SIZE + 1, g, TA_POLICY_MAX), -1);
	assert_int_equal(ta_policy_read(out, 2 * TA_GRANT_SIZE, g, 1), -1);
	free(m);
}

static void uuid_text(void **state)
{
	const u32 hello[4] = { 0x2e1a6c3f, 0x574b849d, 0x1f5ec3a0, 0x908c2d7b };
	char text[37];

	(void)state;
	ta_uuid_format(hello, text);
	assert_string_equal(text, "3f6c1a2e-9d84-4b57-a0c3-5e1f7b2d8c90");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(corruption),
		cmocka_unit_test(grants_match_the_manifest),
		cmocka_unit_test(uuid_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
