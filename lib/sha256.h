/* SHA-256 (FIPS 180-4), used to check and measure every boot image. */
#ifndef LIB_SHA256_H
#define LIB_SHA256_H

#include "lib/types.h"

struct sha256_ctx {
	u32 h[8];
	u64 length; /* bytes hashed so far */
	u8 block[64];
	u32 fill;
};

void sha256_init(struct sha256_ctx *c);
void sha256_update(struct sha256_ctx *c, const void *data, size_t len);
void sha256_final(struct sha256_ctx *c, u8 out[32]);
void sha256(const void *data, size_t len, u8 out[32]);

#endif
