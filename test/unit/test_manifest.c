/* Host tests of the partition manifest reader (lib/manifest.c). */
#include "test/unit/dtc_helper.h" /* first: sets _POSIX_C_SOURCE */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/manifest.h"
#include "manifests/uuids.h"

static void shipped(const char *file, const char *name, u16 id, u64 base,
		    const u32 uuid[4], u32 boot_order)
{
	struct manifest m;
	const char *why = NULL;
	size_t size;
	void *blob = read_whole(getenv("MANIFEST_DIR"), file, &size);

	assert_non_null(blob);
	assert_int_equal(manifest_parse(blob, size, &m, &why), 0);
	assert_null(why);
	assert_string_equal(m.name, name);
	assert_memory_equal(m.uuid, uuid, 16);
	assert_int_equal(m.id, id);
	assert_int_equal(m.exception_level, MANIFEST_EL_S_EL1);
	assert_int_equal(m.execution_state, 0);
	assert_int_equal(m.exec_ctx_count, 1);
	assert_int_equal(m.load_address, base);
	assert_int_equal(m.entrypoint_offset, 0);
	assert_int_equal(m.image_size, 0x200000);
	assert_int_equal(m.xlat_granule, 0);
	assert_int_equal(m.boot_order, boot_order);
	assert_int_equal(m.mem_count, 1);
	assert_int_equal(m.dev_count, 0);
	assert_int_equal(m.mem[0].base, base);
	assert_int_equal(m.mem[0].pages, 512);
	assert_int_equal(m.mem[0].attributes, 0x7);
	assert_int_equal(m.mem_size, 0x200000);
	free(blob);
}

static void shipped_manifests(void **state)
{
	static const u32 alpha[4] = { ALPHA_UUID }, beta[4] = { BETA_UUID };

	(void)state;
	shipped("sp-alpha.dtb", "alpha", 0x8001, 0x0e400000, alpha, 0);
	shipped("sp-beta.dtb", "beta", 0x8002, 0x0e600000, beta, 1);
}

/*
 * A valid manifest in lines; each bad case replaces one line (by its
 * leading key) or deletes it (empty replacement).
 */
static const char *const base_lines[] = {
	"compatible = \"arm,ffa-manifest-1.0\";",
	"description = \"test\";",
	"uuid = <0x1 0x2 0x3 0x4>;",
	"id = <0x8005>;",
	"execution-ctx-count = <1>;",
	"exception-level = <2>;",
	"execution-state = <0>;",
	"load-address = <0x0 0x0e400000>;",
	"entrypoint-offset = <0x0 0x1000>;",
	"image-size = <0x0 0x10000>;",
	"xlat-granule = <0>;",
	"boot-order = <3>;",
	"messaging-method = <0x3>;",
	"memory-regions { a { base-address = <0x0 0x0e400000>; "
	"pages-count = <16>; attributes = <0x7>; }; };",
	"device-regions { uart { base-address = <0x0 0x09040000>; "
	"pages-count = <1>; attributes = <0x3>; }; };",
};

static void *build(const char *key, const char *line, size_t *size)
{
	char dts[4096] = "/dts-v1/;\n/ {\n";
	unsigned i;

	for (i = 0; i < sizeof(base_lines) / sizeof(base_lines[0]); i++) {
		const char *l = base_lines[i];

		if (key && !strncmp(l, key, strlen(key)) &&
		    (l[strlen(key)] == ' '))
			l = line;
		strcat(dts, l);
		strcat(dts, "\n");
	}
	strcat(dts, "};\n");
	return dtc_compile(dts, size);
}

static void valid_base(void **state)
{
	struct manifest m;
	const char *why;
	size_t size;
	void *blob = build(NULL, NULL, &size);

	(void)state;
	assert_non_null(blob);
	assert_int_equal(manifest_parse(blob, size, &m, &why), 0);
	assert_int_equal(m.id, 0x8005);
	assert_int_equal(m.boot_order, 3);
	assert_int_equal(m.entrypoint_offset, 0x1000);
	assert_int_equal(m.dev_count, 1);
	assert_string_equal(m.dev[0].name, "uart");
	assert_int_equal(m.dev[0].base, 0x09040000);
	assert_int_equal(m.dev[0].attributes, 0x3);
	assert_int_equal(m.mem_size, 16 * 4096);
	free(blob);
}

struct bad {
	const char *key, *line, *why;
};

static const struct bad bad_cases[] = {
	{ "compatible", "", "compatible" },
	{ "compatible", "compatible = \"arm,ffa-manifest-2.0\";",
	  "compatible" },
	{ "description", "", "description" },
	{ "description",
	  "description = \"a-name-much-longer-than-thirty-one-chars\";",
	  "description" },
	{ "uuid", "", "uuid" },
	{ "uuid", "uuid = <0x1 0x2 0x3>;", "uuid" },
	{ "uuid", "uuid = <0x1 0x2 0x3 0x4 0x5>;", "uuid" },
	{ "uuid", "uuid = <0 0 0 0>;", "null uuid" },
	{ "id", "", "missing id" },
	{ "id", "id = <0x8000>;", "secure partition ID" },
	{ "id", "id = <0x0001>;", "secure partition ID" },
	{ "id", "id = <0x18001>;", "secure partition ID" },
	{ "exception-level", "", "exception-level" },
	{ "exception-level", "exception-level = <3>;", "exception-level" },
	{ "execution-state", "execution-state = <1>;", "AArch64" },
	{ "execution-ctx-count", "", "execution-ctx-count" },
	{ "execution-ctx-count", "execution-ctx-count = <0>;",
	  "execution-ctx-count" },
	{ "execution-ctx-count", "execution-ctx-count = <9>;",
	  "execution-ctx-count" },
	{ "load-address", "", "load-address" },
	{ "load-address", "load-address = <0x0 0x0e400800>;", "load-address" },
	{ "load-address", "load-address = <0x0 0x0f400000>;",
	  "outside its memory regions" },
	{ "entrypoint-offset", "", "entrypoint-offset" },
	{ "entrypoint-offset", "entrypoint-offset = <0x0 0x10000>;",
	  "entrypoint-offset" },
	{ "entrypoint-offset", "entrypoint-offset = <0x0 0x1002>;",
	  "entrypoint-offset" },
	{ "image-size", "image-size = <0x0 0x20000>;",
	  "outside its memory regions" },
	{ "image-size", "image-size = \"big\";", "image-size" },
	{ "xlat-granule", "xlat-granule = <1>;", "xlat-granule" },
	{ "messaging-method", "", "messaging-method" },
	{ "messaging-method", "messaging-method = <0x10>;",
	  "messaging-method" },
	{ "boot-order", "boot-order = \"first\";", "boot-order" },
	{ "memory-regions", "", "no memory regions" },
	{ "memory-regions", "memory-regions { };", "no memory regions" },
	{ "memory-regions",
	  "memory-regions { a { base-address = <0x0 0x0e400000>; "
	  "pages-count = <0>; attributes = <0x7>; }; };",
	  "zero pages" },
	{ "memory-regions",
	  "memory-regions { a { base-address = <0x0 0x0e400100>; "
	  "pages-count = <16>; attributes = <0x7>; }; };",
	  "aligned" },
	{ "memory-regions",
	  "memory-regions { a { base-address = <0xffffffff 0xfffff000>; "
	  "pages-count = <2>; attributes = <0x7>; }; };",
	  "wraps" },
	{ "memory-regions",
	  "memory-regions { a { base-address = <0x0 0x0e400000>; "
	  "pages-count = <16>; }; };",
	  "attributes" },
	{ "memory-regions",
	  "memory-regions { a { base-address = <0x0 0x0e400000>; "
	  "pages-count = <16>; attributes = <0x2>; }; };",
	  "attributes" },
	{ "memory-regions",
	  "memory-regions { a { base-address = <0x0 0x0e400000>; "
	  "pages-count = <16>; attributes = <0x17>; }; };",
	  "attributes" },
	{ "memory-regions",
	  "memory-regions { a { base-address = <0x0 0x0e400000>; "
	  "pages-count = <16>; attributes = <0x7>; }; "
	  "b { base-address = <0x0 0x0e40f000>; "
	  "pages-count = <1>; attributes = <0x3>; }; };",
	  "memory regions overlap" },
	{ "memory-regions",
	  "memory-regions { a { base-address = <0x0 0x0e400000>; "
	  "pages-count = <16>; attributes = <0x7>; }; "
	  "b { base-address = <0x0 0x09040000>; "
	  "pages-count = <1>; attributes = <0x3>; }; };",
	  "memory and device regions overlap" },
	{ "memory-regions",
	  "memory-regions { a { base-address = <0x0 0x0e400000>; "
	  "pages-count = <16>; attributes = <0x7>; }; "
	  "b { base-address = <0x0 0x0e500000>; pages-count = <1>; "
	  "attributes = <0x3>; }; c { base-address = <0x0 0x0e501000>; "
	  "pages-count = <1>; attributes = <0x3>; }; "
	  "d { base-address = <0x0 0x0e502000>; pages-count = <1>; "
	  "attributes = <0x3>; }; e { base-address = <0x0 0x0e503000>; "
	  "pages-count = <1>; attributes = <0x3>; }; "
	  "f { base-address = <0x0 0x0e504000>; pages-count = <1>; "
	  "attributes = <0x3>; }; g { base-address = <0x0 0x0e505000>; "
	  "pages-count = <1>; attributes = <0x3>; }; "
	  "h { base-address = <0x0 0x0e506000>; pages-count = <1>; "
	  "attributes = <0x3>; }; i { base-address = <0x0 0x0e507000>; "
	  "pages-count = <1>; attributes = <0x3>; }; };",
	  "too many regions" },
	{ "device-regions",
	  "device-regions { uart { base-address = <0x0 0x09040000>; "
	  "pages-count = <1>; attributes = <0x7>; }; };",
	  "attributes" },
	{ "device-regions",
	  "device-regions { u { base-address = <0x0 0x09040000>; "
	  "pages-count = <2>; attributes = <0x3>; }; "
	  "v { base-address = <0x0 0x09041000>; "
	  "pages-count = <1>; attributes = <0x3>; }; };",
	  "device regions overlap" },
};

static void bad_manifests(void **state)
{
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad *b = &bad_cases[i];
		struct manifest m;
		const char *why = NULL;
		size_t size;
		void *blob = build(b->key, b->line, &size);

		if (!blob)
			fail_msg("case %u: dtc refused %s", i, b->line);
		if (manifest_parse(blob, size, &m, &why) != -1)
			fail_msg("case %u accepted: %s", i, b->line);
		if (!why || !strstr(why, b->why))
			fail_msg("case %u: \"%s\" does not mention \"%s\"", i,
				 why ? why : "(null)", b->why);
		free(blob);
	}
}

static void truncated_and_corrupted(void **state)
{
	unsigned long long seed = 0x243f6a8885a308d3ULL;
	struct manifest m;
	const char *why;
	size_t size, n;
	u8 *blob = build(NULL, NULL, &size);
	unsigned i, accepted = 0;

	(void)state;
	assert_non_null(blob);
	/* every prefix of a valid blob is refused, never read past */
	for (n = 0; n < size; n++) {
		u8 *cut = malloc(n ? n : 1);

		memcpy(cut, blob, n);
		assert_int_equal(manifest_parse(cut, n, &m, &why), -1);
		free(cut);
	}
	for (i = 0; i < 20000; i++) {
		u8 *copy = malloc(size);
		unsigned flips = 1 + test_rand(&seed) % 4, k;

		memcpy(copy, blob, size);
		for (k = 0; k < flips; k++)
			copy[test_rand(&seed) % size] = (u8)test_rand(&seed);
		if (manifest_parse(copy, size, &m, &why) == 0) {
			/* what is accepted still obeys every rule */
			accepted++;
			assert_true(m.id > 0x8000);
			assert_true(m.mem_count > 0);
			for (k = 0; k < m.mem_count; k++)
				assert_true(m.mem[k].pages > 0);
			assert_false(manifest_uuid_is_null(m.uuid));
		} else {
			assert_non_null(why);
		}
		free(copy);
	}
	print_message("corruption fuzz: %u of 20000 still valid manifests\n",
		      accepted);
	free(blob);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_manifests),
		cmocka_unit_test(valid_base),
		cmocka_unit_test(bad_manifests),
		cmocka_unit_test(truncated_and_corrupted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
