/* Host tests of the system manifest reader: the shipped one, every refusal,
 * corruption. */
#include "test/unit/dtc_helper.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "lib/system_manifest.h"

#define VM_A                                  \
	"vm@1 { label = \"A\"; vm-id = <1>; " \
	"memory = <0x0 0x48000000 0x0 0x01000000>; tees = <0x8001>; };"

static void *blob_of(const char *body, size_t *size)
{
	char dts[2048];

	snprintf(dts, sizeof(dts),
		 "/dts-v1/; / { compatible = \"tessera,system-1.0\"; %s };",
		 body);
	return dtc_compile(dts, size);
}

static const char *refused(const char *body)
{
	struct system_manifest s;
	const char *why = NULL;
	size_t size;
	void *b = blob_of(body, &size);

	assert_non_null(b);
	assert_int_equal(system_manifest_parse(b, size, &s, &why), -1);
	assert_non_null(why);
	free(b);
	return why;
}

static void shipped(void **state)
{
	struct system_manifest s;
	const char *why;
	size_t size;
	void *b = blob_of(VM_A "vm@2 { label = \"B\"; vm-id = <2>; memory = "
			       "<0x0 0x4a000000 0x0 0x01000000>; tees = "
			       "<0x8002 0x8003>; }; other { x = <1>; };",
			  &size);

	(void)state;
	assert_int_equal(system_manifest_parse(b, size, &s, &why), 0);
	assert_int_equal(s.vm_count, 2);
	assert_string_equal(s.vms[0].name, "A");
	assert_int_equal(s.vms[0].id, 1);
	assert_int_equal(s.vms[0].ram_base, 0x48000000);
	assert_int_equal(s.vms[0].ram_size, 0x01000000);
	assert_true(system_vm_may_call(system_vm_find(&s, 1), 0x8001));
	assert_false(system_vm_may_call(system_vm_find(&s, 1), 0x8002));
	assert_true(system_vm_may_call(system_vm_find(&s, 2), 0x8003));
	assert_null(system_vm_find(&s, 3));
	assert_null(system_vm_find(&s, 0));
	free(b);
}

static void no_tees_is_allowed(void **state)
{
	struct system_manifest s;
	const char *why;
	size_t size;
	void *b = blob_of("vm@1 { label = \"A\"; vm-id = <1>; memory = "
			  "<0x0 0x48000000 0x0 0x01000000>; };",
			  &size);

	(void)state;
	assert_int_equal(system_manifest_parse(b, size, &s, &why), 0);
	assert_int_equal(s.vms[0].tee_count, 0);
	assert_false(system_vm_may_call(&s.vms[0], 0x8001));
	free(b);
}

/* tas: the TAs a VM may open, per TEE; a TEE not named there, any TA */
static void ta_lists(void **state)
{
	const u32 hello[4] = { 0x11, 0x22, 0x33, 0x44 }, other[4] = { 0x11 };
	struct system_manifest s;
	const char *why;
	size_t size;
	void *b = blob_of("vm@1 { label = \"A\"; vm-id = <1>; memory = <0 1 "
			  "0 2>; tees = <0x8001 0x8002>; tas = <0x8001 0x11 "
			  "0x22 0x33 0x44>; };",
			  &size);

	(void)state;
	assert_int_equal(system_manifest_parse(b, size, &s, &why), 0);
	assert_int_equal(s.vms[0].ta_count, 1);
	assert_true(system_vm_may_open(&s.vms[0], 0x8001, hello));
	assert_false(system_vm_may_open(&s.vms[0], 0x8001, other));
	assert_true(system_vm_may_open(&s.vms[0], 0x8002, other));
	assert_false(system_vm_may_open(&s.vms[0], 0x8003, hello));
	free(b);
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = <1>; "
				       "memory = <0 1 0 2>; tees = <0x8001>; "
				       "tas = <0x8002 1 2 3 4>; };"),
			       "not in tees"));
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = <1>; "
				       "memory = <0 1 0 2>; tees = <0x8001>; "
				       "tas = <0x8001 1 2 3>; };"),
			       "tas"));
	assert_non_null(strstr(
		refused("vm@1 { label = \"A\"; vm-id = <1>; memory = <0 1 0 "
			"2>; tees = <0x8001>; tas = <0x8001 1 1 1 1>, <0x8001 "
			"2 2 2 2>, <0x8001 3 3 3 3>, <0x8001 4 4 4 4>, <0x8001 5 "
			"5 5 5>, <0x8001 6 6 6 6>, <0x8001 7 7 7 7>, <0x8001 8 8 "
			"8 8>, <0x8001 9 9 9 9>; };"),
		"at most 8"));
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = <1>; "
				       "memory = <0 1 0 2>; tees = <0x8001>; "
				       "tas = [01]; };"),
			       "tas"));
}

/* host-tees: what ID 0 may call; not given, what some VM may call */
static void host_endpoint(void **state)
{
	struct system_manifest s;
	const char *why;
	size_t size;
	void *b = blob_of(VM_A, &size);

	(void)state;
	assert_int_equal(system_manifest_parse(b, size, &s, &why), 0);
	assert_true(system_host_may_call(&s, 0x8001));
	assert_false(system_host_may_call(&s, 0x8003));
	free(b);
	b = blob_of("host-tees = <0x8003>; " VM_A, &size);
	assert_int_equal(system_manifest_parse(b, size, &s, &why), 0);
	assert_false(system_host_may_call(&s, 0x8001));
	assert_true(system_host_may_call(&s, 0x8003));
	free(b);
	b = blob_of("host-tees = <>; " VM_A, &size);
	assert_int_equal(system_manifest_parse(b, size, &s, &why), 0);
	assert_false(system_host_may_call(&s, 0x8001));
	free(b);
	assert_non_null(strstr(refused("host-tees = <0x1>; " VM_A),
			       "secure partition"));
}

static void refusals(void **state)
{
	struct system_manifest s;
	const char *why;
	char wrong[] = "/dts-v1/; / { compatible = \"other\"; };";
	size_t size;
	void *b = dtc_compile(wrong, &size);

	(void)state;
	assert_int_equal(system_manifest_parse(b, size, &s, &why), -1);
	assert_non_null(strstr(why, "tessera,system-1.0"));
	free(b);
	assert_non_null(strstr(
		refused(VM_A
			"vm@2 { label = \"B\"; vm-id = <1>; memory = <0 1 0 2>; };"),
		"twice"));
	assert_non_null(strstr(refused("vm@1 { vm-id = <1>; memory = <0 1 0 "
				       "2>; };"),
			       "label"));
	assert_non_null(strstr(refused("vm@1 { label = \"a-name-too-long-x\"; "
				       "vm-id = <1>; memory = <0 1 0 2>; };"),
			       "label"));
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = <0>; "
				       "memory = <0 1 0 2>; };"),
			       "vm-id"));
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = "
				       "<0x8001>; memory = <0 1 0 2>; };"),
			       "vm-id"));
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = <1>; "
				       "memory = <0 1 0>; };"),
			       "memory"));
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = <1>; "
				       "memory = <0 1 0 2 3>; };"),
			       "memory"));
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = <1>; "
				       "memory = <0 1 0 2>; tees = <0x8001 "
				       "0x8002 0x8003 0x8004 0x8005>; };"),
			       "tees"));
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = <1>; "
				       "memory = <0 1 0 2>; tees = <0x0001>; "
				       "};"),
			       "secure partition"));
	assert_non_null(strstr(refused("vm@1 { label = \"A\"; vm-id = <1>; "
				       "memory = <0 1 0 2>; tees = [01]; };"),
			       "tees"));
}

static void too_many(void **state)
{
	char body[2048] = "";
	unsigned i;

	(void)state;
	for (i = 1; i <= SYSTEM_MAX_VMS + 1; i++) {
		char vm[128];

		snprintf(vm, sizeof(vm),
			 "vm@%u { label = \"v%u\"; vm-id = <%u>; memory = <0 "
			 "1 0 2>; };",
			 i, i, i);
		strcat(body, vm);
	}
	assert_non_null(strstr(refused(body), "more than"));
}

/* Any byte changed: a clean answer, and an accepted one stays sane. */
static void corruption(void **state)
{
	size_t size, i;
	unsigned char *b = blob_of(VM_A, &size), *c = malloc(size);

	(void)state;
	for (i = 0; i < size; i++) {
		unsigned v;

		for (v = 0; v < 256; v += 37) {
			struct system_manifest s;
			const char *why;
			unsigned k;

			memcpy(c, b, size);
			c[i] ^= (unsigned char)(v | 1);
			if (system_manifest_parse(c, size, &s, &why))
				continue;
			assert_true(s.vm_count <= SYSTEM_MAX_VMS);
			for (k = 0; k < s.vm_count; k++) {
				assert_true(s.vms[k].id >= 1 &&
					    s.vms[k].id < 0x8000);
				assert_true(s.vms[k].tee_count <=
					    SYSTEM_MAX_TEES);
				assert_true(strlen(s.vms[k].name) <
					    SYSTEM_NAME_MAX);
				assert_true(s.vms[k].ta_count <=
					    SYSTEM_MAX_TAS);
			}
		}
	}
	free(c);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped),
		cmocka_unit_test(no_tees_is_allowed),
		cmocka_unit_test(ta_lists),
		cmocka_unit_test(host_endpoint),
		cmocka_unit_test(refusals),
		cmocka_unit_test(too_many),
		cmocka_unit_test(corruption),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
