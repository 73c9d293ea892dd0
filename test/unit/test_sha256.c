/* Host tests of SHA-256 (lib/sha256.c): FIPS 180-4 vectors and buffering. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/sha256.h"

#define MILLION 1000000u

static const char msg448[] =
	"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char msg896[] =
	"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	"ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

/*
 * The padding-boundary vectors hash a prefix of this pattern, so that no
 * two bytes in a block are alike and a misplaced byte changes the digest.
 */
static u8 pattern[1000];

static int make_pattern(void **state)
{
	unsigned k;

	(void)state;
	for (k = 0; k < sizeof(pattern); k++)
		pattern[k] = (u8)(k * 7 + 3);
	return 0;
}

static void hex(const u8 d[32], char out[65])
{
	unsigned i;

	for (i = 0; i < 32; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static void one_shot_is(const void *data, size_t len, const char *want)
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
	one_shot_is("", 0,
		    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b"
		    "7852b855");
	one_shot_is("abc", 3,
		    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61"
		    "f20015ad");
	one_shot_is(msg448, 56,
		    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd4"
		    "19db06c1");
	one_shot_is(msg896, 112,
		    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac4503"
		    "7afee9d1");
}

static const char million_a_digest[] =
	"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

/* One million 'a', fed in pieces of awkward sizes to exercise buffering. */
static void million_a_chunked(void **state)
{
	static const size_t pieces[] = { 1, 63, 64, 65, 1000, 3, 4096, 0, 127 };
	struct sha256_ctx c;
	u8 *a = malloc(MILLION), d[32];
	size_t done = 0, i = 0;
	char got[65];

	(void)state;
	assert_non_null(a);
	memset(a, 'a', MILLION);
	sha256_init(&c);
	while (done < MILLION) {
		size_t n = pieces[i++ % (sizeof(pieces) / sizeof(pieces[0]))];

		if (n > MILLION - done)
			n = MILLION - done;
		sha256_update(&c, a + done, n);
		done += n;
		assert_int_equal(c.length, done);
	}
	sha256_final(&c, d);
	hex(d, got);
	assert_string_equal(got, million_a_digest);
	free(a);
}

/* The same million in one call: the whole-block path with no buffering. */
static void million_a_one_shot(void **state)
{
	u8 *a = malloc(MILLION);

	(void)state;
	assert_non_null(a);
	memset(a, 'a', MILLION);
	one_shot_is(a, MILLION, million_a_digest);
	free(a);
}

/*
 * Lengths either side of the padding boundaries (55 bytes leave room for
 * the 0x80 byte and the length in the last block, 56 do not), one block
 * and more further on, one-shot and a byte at a time. Expected values
 * computed with Python's hashlib.
 */
static void padding_boundaries(void **state)
{
	static const struct {
		size_t len;
		const char *want;
	} v[] = {
		{ 1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9a"
		     "adff29c5" },
		{ 55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1da"
		      "a4aac70b" },
		{ 56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e5"
		      "2abc6c27" },
		{ 63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff266"
		      "64625055" },
		{ 64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3b"
		      "e1882241" },
		{ 119,
		  "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b192"
		  "79cc177e" },
		{ 120,
		  "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1"
		  "a13a04b5" },
		{ 127,
		  "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84"
		  "faa11d07" },
		{ 128,
		  "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba"
		  "11c08cf6" },
		{ 183,
		  "80e7b84a99c797730865825b4614ead40b157674e54de7f6b07361f1"
		  "0317b866" },
		{ 184,
		  "9104901c5fb45016420078acb248323481f2389bc96f790fe692f5a8"
		  "1ca358fe" },
		{ 1000,
		  "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3"
		  "868d2371" },
	};
	u8 d[32];
	char got[65];
	unsigned i, k;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct sha256_ctx c;

		one_shot_is(pattern, v[i].len, v[i].want);
		sha256_init(&c);
		for (k = 0; k < v[i].len; k++)
			sha256_update(&c, pattern + k, 1);
		sha256_final(&c, d);
		hex(d, got);
		assert_string_equal(got, v[i].want);
	}
}

/*
 * Every length up to three blocks, split into two updates at every
 * point, must agree with the one-shot digest (itself pinned above at the
 * boundaries): catches a buffer that fills or drains at the wrong place.
 */
static void every_split_point(void **state)
{
	size_t len, at;

	(void)state;
	for (len = 0; len <= 192; len++) {
		u8 want[32];

		sha256(pattern, len, want);
		for (at = 0; at <= len; at++) {
			struct sha256_ctx c;
			u8 d[32];

			sha256_init(&c);
			sha256_update(&c, pattern, at);
			sha256_update(&c, pattern + at, 0);
			sha256_update(&c, pattern + at, len - at);
			sha256_final(&c, d);
			if (memcmp(d, want, 32))
				fail_msg("length %zu split at %zu differs", len,
					 at);
		}
	}
}

/* The FIPS two-block vector streamed in every pair of piece sizes. */
static void fips_streamed(void **state)
{
	static const char want[] = "248d6a61d20638b8e5c026930c3e6039"
				   "a33ce45964ff2167f6ecedd419db06c1";
	size_t a, b;

	(void)state;
	for (a = 1; a <= 56; a++) {
		for (b = 1; b <= 56; b++) {
			struct sha256_ctx c;
			size_t done = 0, n;
			u8 d[32];
			char got[65];

			sha256_init(&c);
			/* alternate piece sizes a, b, a, ... */
			for (n = a; done < 56; n = n == a ? b : a) {
				size_t take = n < 56 - done ? n : 56 - done;

				sha256_update(&c, msg448 + done, take);
				done += take;
			}
			sha256_final(&c, d);
			hex(d, got);
			assert_string_equal(got, want);
		}
	}
}

/*
 * Boot images are hashed where they lie, at any byte address: the digest
 * must not depend on alignment (UBSan would flag a misaligned word load).
 */
static void unaligned_input(void **state)
{
	u8 *buf = malloc(200 + 8), want[32], d[32];
	unsigned shift;

	(void)state;
	assert_non_null(buf);
	sha256(pattern, 200, want);
	for (shift = 0; shift < 8; shift++) {
		struct sha256_ctx c;

		memcpy(buf + shift, pattern, 200);
		sha256(buf + shift, 200, d);
		assert_memory_equal(d, want, 32);
		sha256_init(&c);
		sha256_update(&c, buf + shift, 3);
		sha256_update(&c, buf + shift + 3, 197);
		sha256_final(&c, d);
		assert_memory_equal(d, want, 32);
	}
	free(buf);
}

/* Contexts share no state, and init makes a used context fresh again. */
static void contexts_independent_and_reusable(void **state)
{
	struct sha256_ctx x, y;
	u8 dx[32], dy[32], want_abc[32], want_448[32];

	(void)state;
	sha256("abc", 3, want_abc);
	sha256(msg448, 56, want_448);

	sha256_init(&x);
	sha256_init(&y);
	sha256_update(&x, "a", 1);
	sha256_update(&y, msg448, 20);
	sha256_update(&x, "bc", 2);
	sha256_update(&y, msg448 + 20, 36);
	sha256_final(&x, dx);
	sha256_final(&y, dy);
	assert_memory_equal(dx, want_abc, 32);
	assert_memory_equal(dy, want_448, 32);

	sha256_init(&x);
	sha256_update(&x, msg448, 56);
	sha256_final(&x, dx);
	assert_memory_equal(dx, want_448, 32);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fips_examples),
		cmocka_unit_test(million_a_chunked),
		cmocka_unit_test(million_a_one_shot),
		cmocka_unit_test(padding_boundaries),
		cmocka_unit_test(every_split_point),
		cmocka_unit_test(fips_streamed),
		cmocka_unit_test(unaligned_input),
		cmocka_unit_test(contexts_independent_and_reusable),
	};

	return cmocka_run_group_tests(tests, make_pattern, NULL);
}
