/* Host tests of SHA-256 (lib/sha256.c) against FIPS 180-4 example values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/sha256.h"

static void hex(const u8 d[32], char out[65])
{
	unsigned i;

	for (i = 0; i < 32; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static void check(const void *data, size_t len, const char *want)
{
	u8 d[32];
	char got[65];

	sha256(data, len, d);
	hex(d, got);
	assert_string_equal(got, want);
}

static void fips_examples(void **state)
{
	(void)state;
	check("", 0,
	      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check("abc", 3,
	      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	check("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	      "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	      112,
	      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* One million 'a', fed in pieces of awkward sizes to exercise buffering. */
static void million_a(void **state)
{
	static const size_t pieces[] = { 1, 63, 64, 65, 1000, 3, 4096 };
	struct sha256_ctx c;
	u8 *a = malloc(1000000), d[32];
	size_t done = 0, i = 0;
	char got[65];

	(void)state;
	memset(a, 'a', 1000000);
	sha256_init(&c);
	while (done < 1000000) {
		size_t n = pieces[i++ % 7];

		if (n > 1000000 - done)
			n = 1000000 - done;
		sha256_update(&c, a + done, n);
		done += n;
	}
	sha256_final(&c, d);
	hex(d, got);
	assert_string_equal(
		got,
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

/*
 * Lengths either side of the padding boundaries (55/56 bytes leave or do
 * not leave room for the length in the last block), one-shot and a byte
 * at a time. Expected values computed with Python's hashlib.
 */
static void padding_boundaries(void **state)
{
	static const struct {
		size_t len;
		const char *want;
	} v[] = {
		{ 55,
		  "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b" },
		{ 56,
		  "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27" },
		{ 63,
		  "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055" },
		{ 64,
		  "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241" },
		{ 119,
		  "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e" },
		{ 120,
		  "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5" },
		{ 1000,
		  "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371" },
	};
	u8 buf[1000], d[32];
	char got[65];
	unsigned i, k;

	(void)state;
	for (k = 0; k < sizeof(buf); k++)
		buf[k] = (u8)(k * 7 + 3);
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct sha256_ctx c;

		check(buf, v[i].len, v[i].want);
		sha256_init(&c);
		for (k = 0; k < v[i].len; k++)
			sha256_update(&c, buf + k, 1);
		sha256_final(&c, d);
		hex(d, got);
		assert_string_equal(got, v[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fips_examples),
		cmocka_unit_test(million_a),
		cmocka_unit_test(padding_boundaries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
