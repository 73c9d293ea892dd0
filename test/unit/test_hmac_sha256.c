/* Host tests of HMAC-SHA-256 (lib/hmac_sha256.c): RFC 4231's test cases. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "lib/hmac_sha256.h"

static void check(const u8 *key, size_t key_len, const void *msg,
		  size_t msg_len, const char *want)
{
	u8 mac[32];
	char got[65];
	unsigned i;

	hmac_sha256(key, key_len, msg, msg_len, mac);
	for (i = 0; i < 32; i++)
		sprintf(got + 2 * i, "%02x", mac[i]);
	assert_string_equal(got, want);
}

static void rfc4231(void **state)
{
	u8 k[131], m[50];
	unsigned i;

	(void)state;
	memset(k, 0x0b, 20);
	check(k, 20, "Hi There", 8,
	      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	check((const u8 *)"Jefe", 4, "what do ya want for nothing?", 28,
	      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	memset(k, 0xaa, 20);
	memset(m, 0xdd, 50);
	check(k, 20, m, 50,
	      "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
	for (i = 0; i < 25; i++)
		k[i] = (u8)(i + 1);
	memset(m, 0xcd, 50);
	check(k, 25, m, 50,
	      "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
	/* keys longer than a block are hashed first */
	memset(k, 0xaa, 131);
	check(k, 131, "Test Using Larger Than Block-Size Key - Hash Key First",
	      54,
	      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
	check(k, 131,
	      "This is a test using a larger than block-size key and a larger "
	      "than block-size data. The key needs to be hashed before being "
	      "used by the HMAC algorithm.",
	      152,
	      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

static void comparison(void **state)
{
	u8 a[32], b[32];
	unsigned i;

	(void)state;
	memset(a, 7, 32);
	memcpy(b, a, 32);
	assert_true(mac_equal(a, b));
	for (i = 0; i < 32; i++) {
		b[i] ^= 0x80;
		assert_false(mac_equal(a, b));
		b[i] ^= 0x80;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc4231),
		cmocka_unit_test(comparison),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
