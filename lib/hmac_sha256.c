/* HMAC-SHA-256: inner and outer hashes over the padded key. */
#include "lib/hmac_sha256.h"
#include "lib/string.h"

#define BLOCK 64

void hmac_sha256(const void *key, size_t key_len, const void *msg,
		 size_t msg_len, u8 mac[32])
{
	struct sha256_ctx c;
	u8 k[BLOCK], pad[BLOCK], inner[32];
	unsigned i;

	memset(k, 0, sizeof(k));
	/* keys longer than a block are hashed first */
	if (key_len > BLOCK)
		sha256(key, key_len, k);
	else
		memcpy(k, key, key_len);
	for (i = 0; i < BLOCK; i++)
		pad[i] = k[i] ^ 0x36;
	sha256_init(&c);
	sha256_update(&c, pad, BLOCK);
	sha256_update(&c, msg, msg_len);
	sha256_final(&c, inner);
	for (i = 0; i < BLOCK; i++)
		pad[i] = k[i] ^ 0x5c;
	sha256_init(&c);
	sha256_update(&c, pad, BLOCK);
	sha256_update(&c, inner, sizeof(inner));
	sha256_final(&c, mac);
	/* no key material left on the stack */
	memset(k, 0, sizeof(k));
	memset(pad, 0, sizeof(pad));
}

bool mac_equal(const u8 a[32], const u8 b[32])
{
	u8 diff = 0;
	unsigned i;

	for (i = 0; i < 32; i++)
		diff |= a[i] ^ b[i];
	return diff == 0;
}
