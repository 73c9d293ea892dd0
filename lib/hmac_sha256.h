/* HMAC-SHA-256 (RFC 2104 over FIPS 180-4), for keys that never leave a TEE. */
#ifndef LIB_HMAC_SHA256_H
#define LIB_HMAC_SHA256_H

#include "lib/sha256.h"

void hmac_sha256(const void *key, size_t key_len, const void *msg,
		 size_t msg_len, u8 mac[32]);

/* Compares two MACs in time that does not depend on where they differ. */
bool mac_equal(const u8 a[32], const u8 b[32]);

#endif
