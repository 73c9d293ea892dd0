/* Ed25519 signatures (RFC 8032): public key from seed, sign, verify. */
#ifndef LIB_ED25519_H
#define LIB_ED25519_H

#include "lib/types.h"

/* seed is RFC 8032's 32-byte private key, not the 64-byte expanded form. */
void ed25519_public_key(u8 pub[32], const u8 seed[32]);

/*
 * pub must be the seed's own public key, and msg must not change during
 * the call (copy it out of memory that another world can write): msg is
 * read twice, and if the two reads differ, or one message is signed under
 * two different pubs, two signatures share a nonce and give away the
 * private scalar. sig may overlap msg.
 */
void ed25519_sign(u8 sig[64], const u8 seed[32], const u8 pub[32],
		  const void *msg, size_t len);

/* Rejects a non-canonical S (S >= L) and a pub or R that is not a point. */
bool ed25519_verify(const u8 sig[64], const u8 pub[32], const void *msg,
		    size_t len);

#endif
