/* SHA-512 (FIPS 180-4), the hash inside Ed25519 signatures. */
#ifndef LIB_SHA512_H
#define LIB_SHA512_H

#include "lib/types.h"

struct sha512_ctx {
	u64 h[8];
	u64 length; /* bytes hashed so far (2^64 bytes is far beyond a TA) */
	u8 block[128];
	u32 fill;
};

void sha512_init(struct sha512_ctx *c);
void sha512_update(struct sha512_ctx *c, const void *data, size_t len);
void sha512_final(struct sha512_ctx *c, u8 out[64]);
void sha512(const void *data, size_t len, u8 out[64]);

#endif
