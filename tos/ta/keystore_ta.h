/* The key-store TA: UUID and commands. */
#ifndef TOS_TA_KEYSTORE_TA_H
#define TOS_TA_KEYSTORE_TA_H

/* 6b0e2c41-3d7f-4a90-b5c8-1e9d4f7a2b63, as four w-register words */
#define KEYSTORE_TA_UUID 0x412c0e6b, 0x904a7f3d, 0x9d1ec8b5, 0x632b7a4f

/* value in a: slot. Makes a key there from the hardware generator. */
#define KEYSTORE_CMD_GENERATE 0
/*
 * value in a: slot; memref inout: the message, then 32 bytes for the MAC.
 * SIGN writes HMAC-SHA-256 there; VERIFY compares (value out a: 1 if it
 * matches). The key never leaves the TA.
 */
#define KEYSTORE_CMD_SIGN 1
#define KEYSTORE_CMD_VERIFY 2
/*
 * Each slot also holds an Ed25519 key pair (RFC 8032), so that anyone can
 * check what the key store signed. value in a: slot; memref out: the
 * 32-byte public key (its size becomes 32; TEE_ERROR_SHORT_BUFFER with
 * the size needed if smaller).
 */
#define KEYSTORE_CMD_PUBLIC_KEY 3
/* value in a: slot; memref in: the message (at most 4 KiB, else
 * TEE_ERROR_EXCESS_DATA); memref out: the 64-byte signature */
#define KEYSTORE_CMD_SIGN_ED25519 4

#endif
