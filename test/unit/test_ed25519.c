/* Host tests of SHA-512 (lib/sha512.c) and Ed25519 (lib/ed25519.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/ed25519.h"
#include "lib/sha512.h"

#define MILLION 1000000u

static const char msg896[] =
	"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	"ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

static void hex(const u8 *d, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static void unhex(const char *s, u8 *out, size_t n)
{
	size_t i;
	unsigned v;

	assert_int_equal(strlen(s), 2 * n);
	for (i = 0; i < n; i++) {
		assert_int_equal(sscanf(s + 2 * i, "%2x", &v), 1);
		out[i] = (u8)v;
	}
}

static void digest_is(const u8 d[64], const char *want)
{
	char got[129];

	hex(d, 64, got);
	assert_string_equal(got, want);
}

static void sha512_fips(void **state)
{
	u8 d[64];

	(void)state;
	sha512("abc", 3, d);
	digest_is(d, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea2"
		     "0a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
		     "454d4423643ce80e2a9ac94fa54ca49f");
	sha512("", 0, d);
	digest_is(d, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc"
		     "83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f"
		     "63b931bd47417a81a538327af927da3e");
	/* 112 bytes: the padding no longer fits, so two blocks follow */
	sha512(msg896, 112, d);
	digest_is(d, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa1"
		     "7299aeadb6889018501d289e4900f7e4331b99dec4b5433a"
		     "c7d329eeb6dd26545e96e55b874be909");
}

/* One million 'a', fed in pieces of awkward sizes to exercise buffering. */
static void sha512_million_a(void **state)
{
	static const size_t pieces[] = { 1, 127, 128, 129, 1000, 3, 4096, 0 };
	struct sha512_ctx c;
	u8 *a = malloc(MILLION), d[64];
	size_t done = 0, i = 0, n;

	(void)state;
	assert_non_null(a);
	memset(a, 'a', MILLION);
	sha512_init(&c);
	while (done < MILLION) {
		n = pieces[i++ % (sizeof(pieces) / sizeof(pieces[0]))];
		if (n > MILLION - done)
			n = MILLION - done;
		sha512_update(&c, a + done, n);
		done += n;
	}
	sha512_final(&c, d);
	digest_is(d, "e718483d0ce769644e2e42c7bc15b4638e1f98b13b204428"
		     "5632a803afa973ebde0ff244877ea60a4cb0432ce577c31b"
		     "eb009c5c2c49aa2e4eadb217ad8cc09b");
	free(a);
}

/*
 * Every length up to three blocks, split into two updates at every
 * point, must agree with the one-shot digest: catches a buffer that
 * fills or drains at the wrong place, and the 111/112-byte padding edge.
 */
static void sha512_every_split_point(void **state)
{
	u8 pattern[384], want[64], d[64];
	size_t len, at;

	(void)state;
	for (len = 0; len < sizeof(pattern); len++)
		pattern[len] = (u8)(len * 7 + 3);
	for (len = 0; len <= sizeof(pattern); len++) {
		sha512(pattern, len, want);
		for (at = 0; at <= len; at += len > 200 ? 7 : 1) {
			struct sha512_ctx c;

			sha512_init(&c);
			sha512_update(&c, pattern, at);
			sha512_update(&c, pattern + at, 0);
			sha512_update(&c, pattern + at, len - at);
			sha512_final(&c, d);
			if (memcmp(d, want, 64))
				fail_msg("length %zu split at %zu differs", len,
					 at);
		}
	}
}

/* RFC 8032 section 7.1 */
static const struct {
	const char *seed, *pub, *msg, *sig;
} rfc[] = {
	{ /* TEST 1 */
	  "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
	  "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
	  "",
	  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
	  "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" },
	{ /* TEST 2 */
	  "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
	  "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
	  "72",
	  "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
	  "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
	{ /* TEST 3 */
	  "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
	  "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
	  "af82",
	  "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
	  "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" },
	{ /* TEST SHA(abc): the message is SHA-512("abc") */
	  "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
	  "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
	  "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
	  "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
	  "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704" },
};

struct vec {
	u8 seed[32], pub[32], msg[65], sig[64]; /* room for one more byte */
	size_t len;
};

static void load(struct vec *v, unsigned i)
{
	memset(v, 0, sizeof(*v));
	unhex(rfc[i].seed, v->seed, 32);
	unhex(rfc[i].pub, v->pub, 32);
	v->len = strlen(rfc[i].msg) / 2;
	unhex(rfc[i].msg, v->msg, v->len);
	unhex(rfc[i].sig, v->sig, 64);
}

static void rfc8032_vectors(void **state)
{
	struct vec v;
	u8 pub[32], sig[64];
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
		load(&v, i);
		ed25519_public_key(pub, v.seed);
		assert_memory_equal(pub, v.pub, 32);
		ed25519_sign(sig, v.seed, pub, v.msg, v.len);
		assert_memory_equal(sig, v.sig, 64);
		assert_true(ed25519_verify(v.sig, v.pub, v.msg, v.len));
	}
}

/* Every bit of R and of S matters, in every vector. */
static void every_signature_bit_flip_fails(void **state)
{
	struct vec v;
	unsigned i, bit;

	(void)state;
	for (i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
		load(&v, i);
		for (bit = 0; bit < 512; bit++) {
			v.sig[bit / 8] ^= (u8)(1u << bit % 8);
			if (ed25519_verify(v.sig, v.pub, v.msg, v.len))
				fail_msg("vector %u accepted with bit %u "
					 "flipped",
					 i, bit);
			v.sig[bit / 8] ^= (u8)(1u << bit % 8);
		}
		assert_true(ed25519_verify(v.sig, v.pub, v.msg, v.len));
	}
}

static void message_bit_flip_fails(void **state)
{
	struct vec v;
	unsigned i, bit;

	(void)state;
	for (i = 1; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
		load(&v, i);
		for (bit = 0; bit < 8 * v.len; bit += i == 3 ? 37 : 1) {
			v.msg[bit / 8] ^= (u8)(1u << bit % 8);
			assert_false(
				ed25519_verify(v.sig, v.pub, v.msg, v.len));
			v.msg[bit / 8] ^= (u8)(1u << bit % 8);
		}
		/* and a message one byte shorter or longer */
		assert_false(ed25519_verify(v.sig, v.pub, v.msg, v.len - 1));
		assert_false(ed25519_verify(v.sig, v.pub, v.msg, v.len + 1));
	}
}

static void wrong_public_key_fails(void **state)
{
	struct vec v, w;

	(void)state;
	load(&v, 0);
	load(&w, 1);
	assert_false(ed25519_verify(v.sig, w.pub, v.msg, v.len));
	assert_false(ed25519_verify(w.sig, v.pub, w.msg, w.len));
}

/*
 * S + L is the same scalar mod L, so the curve equation still holds:
 * only the S < L check of RFC 8032 5.1.7 can reject it.
 */
static void non_canonical_s_fails(void **state)
{
	static const u8 order[32] = {
		0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58,	       0xd6,
		0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, [31] = 0x10,
	};
	struct vec v;
	unsigned i, k, carry;

	(void)state;
	for (i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
		load(&v, i);
		for (k = 0, carry = 0; k < 32; k++) {
			carry += v.sig[32 + k] + order[k];
			v.sig[32 + k] = (u8)carry;
			carry >>= 8;
		}
		assert_int_equal(carry, 0);
		assert_false(ed25519_verify(v.sig, v.pub, v.msg, v.len));
	}
	/* L itself, and all ones, are out of range too */
	load(&v, 0);
	memcpy(v.sig + 32, order, 32);
	assert_false(ed25519_verify(v.sig, v.pub, v.msg, v.len));
	memset(v.sig + 32, 0xff, 32);
	assert_false(ed25519_verify(v.sig, v.pub, v.msg, v.len));
}

/*
 * y = 2 gives x^2 = 3 / (4d + 1), not a square mod p: no point. y = p + 1
 * is y = 1 encoded a second time, and x = 0 has no negative; RFC 8032
 * 5.1.3 rejects all three. Each is tried as the public key and as R.
 */
static void undecodable_points_fail(void **state)
{
	u8 bad[3][32] = { { 2 }, { 0xee }, { 1 } };
	struct vec v;
	unsigned i;

	(void)state;
	memset(bad[1] + 1, 0xff, 30);
	bad[1][31] = 0x7f;
	bad[2][31] = 0x80;
	for (i = 0; i < 3; i++) {
		load(&v, 0);
		assert_false(ed25519_verify(v.sig, bad[i], v.msg, v.len));
		memcpy(v.sig, bad[i], 32);
		assert_false(ed25519_verify(v.sig, v.pub, v.msg, v.len));
	}
}

/* Signing in place, sig over the message, gives the same signature. */
static void sign_in_place(void **state)
{
	struct vec v;
	u8 buf[64];

	(void)state;
	load(&v, 3);
	memcpy(buf, v.msg, 64);
	ed25519_sign(buf, v.seed, v.pub, buf, 64);
	assert_memory_equal(buf, v.sig, 64);
}

/*
 * With the identity O as public key, [k]O = O whatever the message, so
 * R = B, S = 1 is a valid signature. That makes the encodings of O that
 * RFC 8032 5.1.3 rejects testable: y = p + 1, and x = 0 with its sign
 * bit set, would both verify if they were decoded as O.
 */
static void non_canonical_public_key_fails(void **state)
{
	u8 sig[64] = { 0x58 }, pub[32] = { 1 };

	(void)state;
	memset(sig + 1, 0x66, 31);
	sig[32] = 1;
	assert_true(ed25519_verify(sig, pub, "x", 1));
	pub[31] = 0x80;
	assert_false(ed25519_verify(sig, pub, "x", 1));
	pub[0] = 0xee;
	memset(pub + 1, 0xff, 30);
	pub[31] = 0x7f;
	assert_false(ed25519_verify(sig, pub, "x", 1));
}

/*
 * Keys from SHA-512 of a counter, messages of lengths 0 to 300. Each
 * signature must verify, and all of them together must hash to the value
 * that Python's cryptography package (OpenSSL) gives for the same inputs.
 */
static void random_round_trip(void **state)
{
	struct sha512_ctx all;
	u8 h[64], pub[32], sig[64], msg[301];
	unsigned i, j, n;

	(void)state;
	sha512_init(&all);
	for (i = 0; i < 32; i++) {
		u8 ctr[4] = { (u8)i, (u8)(i >> 8), (u8)(i >> 16),
			      (u8)(i >> 24) };

		sha512(ctr, 4, h);
		n = i * 300 / 31;
		for (j = 0; j < n; j++)
			msg[j] = (u8)(j * 13 + i);
		ed25519_public_key(pub, h);
		ed25519_sign(sig, h, pub, msg, n);
		assert_true(ed25519_verify(sig, pub, msg, n));
		msg[n] = 0;
		assert_false(ed25519_verify(sig, pub, msg, n + 1));
		sha512_update(&all, sig, 64);
	}
	sha512_final(&all, h);
	digest_is(h, "40e07e587502089730fc16a709e092cb579c030e7fa8c64a"
		     "4ff8b14a46e9b22ea5f48ac54af2f5d3a9aa7e646b91d7fc"
		     "afd20aaf27ae72d3fea33cb756b2ca90");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha512_fips),
		cmocka_unit_test(sha512_million_a),
		cmocka_unit_test(sha512_every_split_point),
		cmocka_unit_test(rfc8032_vectors),
		cmocka_unit_test(sign_in_place),
		cmocka_unit_test(every_signature_bit_flip_fails),
		cmocka_unit_test(message_bit_flip_fails),
		cmocka_unit_test(wrong_public_key_fails),
		cmocka_unit_test(non_canonical_s_fails),
		cmocka_unit_test(undecodable_points_fail),
		cmocka_unit_test(non_canonical_public_key_fails),
		cmocka_unit_test(random_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
