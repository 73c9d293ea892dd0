/* Key-store TA: keys made inside from the hardware RNG, used, never exported.
 */
#include "arch/aarch64/random.h"
#include "lib/ed25519.h"
#include "lib/hmac_sha256.h"
#include "lib/string.h"
#include "lib/tee_api_types.h"
#include "tos/ta/keystore_ta.h"
#include "tos/ta/tee_internal.h"

#define SLOTS 4
#define KEY_BYTES 32

/* The MAC key and the signing seed are drawn apart: no key serves two
 * algorithms. */
static struct {
	bool made;
	u8 key[KEY_BYTES];
	u8 seed[KEY_BYTES];
	u8 pub[32];
} slots[SLOTS];

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
	/* keys die with the instance */
	memset(slots, 0, sizeof(slots));
}

TEE_Result TA_OpenSessionEntryPoint(u32 paramTypes, TEE_Param params[4],
				    void **sessionContext)
{
	(void)paramTypes;
	(void)params;
	*sessionContext = NULL;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sessionContext)
{
	(void)sessionContext;
}

static bool draw(u8 *out, size_t n)
{
	size_t i;

	for (i = 0; i < n; i += 8) {
		u64 v;

		if (!arch_random_u64(&v))
			return false;
		memcpy(out + i, &v, 8);
	}
	return true;
}

static TEE_Result generate(u32 slot)
{
	if (slot >= SLOTS || slots[slot].made)
		return TEE_ERROR_BAD_STATE;
	if (!draw(slots[slot].key, KEY_BYTES) ||
	    !draw(slots[slot].seed, KEY_BYTES)) {
		memset(&slots[slot], 0, sizeof(slots[slot]));
		return TEE_ERROR_GENERIC;
	}
	ed25519_public_key(slots[slot].pub, slots[slot].seed);
	slots[slot].made = true;
	return TEE_SUCCESS;
}

#define TYPES(a, b, c)                                          \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b, \
			TEE_PARAM_TYPE_##c, TEE_PARAM_TYPE_NONE)

/*
 * The message is signed from the TA's own copy: Ed25519 reads it twice
 * (nonce, then challenge), and a normal world that changed its pages in
 * between would get two signatures under one nonce, which give the key.
 */
#define SIGN_MAX 4096
static u8 message[SIGN_MAX];

/* PUBLIC_KEY and SIGN_ED25519: the answer goes into the last memref. */
static TEE_Result ed25519_command(u32 cmd, u32 types, TEE_Param params[4])
{
	u32 slot = params[0].value.a;
	TEE_Param *out = &params[cmd == KEYSTORE_CMD_PUBLIC_KEY ? 1 : 2];
	size_t need = cmd == KEYSTORE_CMD_PUBLIC_KEY ? 32 : 64;

	if (types !=
	    (cmd == KEYSTORE_CMD_PUBLIC_KEY
		     ? TYPES(VALUE_INPUT, MEMREF_OUTPUT, NONE)
		     : TYPES(VALUE_INPUT, MEMREF_INPUT, MEMREF_OUTPUT)))
		return TEE_ERROR_BAD_PARAMETERS;
	if (slot >= SLOTS || !slots[slot].made)
		return TEE_ERROR_ITEM_NOT_FOUND;
	if (out->memref.size < need) {
		out->memref.size = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	if (cmd == KEYSTORE_CMD_PUBLIC_KEY) {
		memcpy(out->memref.buffer, slots[slot].pub, 32);
	} else {
		u8 sig[64];
		size_t n = params[1].memref.size;

		if (n > SIGN_MAX)
			return TEE_ERROR_EXCESS_DATA;
		memcpy(message, params[1].memref.buffer, n);
		ed25519_sign(sig, slots[slot].seed, slots[slot].pub, message,
			     n);
		memcpy(out->memref.buffer, sig, sizeof(sig));
	}
	out->memref.size = need;
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sessionContext, u32 commandID,
				      u32 paramTypes, TEE_Param params[4])
{
	u32 slot = params[0].value.a;
	u8 mac[32], *buf;
	size_t n;

	(void)sessionContext;
	if (commandID == KEYSTORE_CMD_GENERATE) {
		if (paramTypes != TYPES(VALUE_INPUT, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return generate(slot);
	}
	if (commandID == KEYSTORE_CMD_PUBLIC_KEY ||
	    commandID == KEYSTORE_CMD_SIGN_ED25519)
		return ed25519_command(commandID, paramTypes, params);
	if (commandID != KEYSTORE_CMD_SIGN && commandID != KEYSTORE_CMD_VERIFY)
		return TEE_ERROR_NOT_SUPPORTED;
	if (paramTypes != TYPES(VALUE_INOUT, MEMREF_INOUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	buf = params[1].memref.buffer;
	n = params[1].memref.size;
	if (slot >= SLOTS || !slots[slot].made)
		return TEE_ERROR_ITEM_NOT_FOUND;
	if (n < sizeof(mac))
		return TEE_ERROR_SHORT_BUFFER;
	hmac_sha256(slots[slot].key, KEY_BYTES, buf, n - sizeof(mac), mac);
	if (commandID == KEYSTORE_CMD_SIGN)
		memcpy(buf + n - sizeof(mac), mac, sizeof(mac));
	else
		params[0].value.a = mac_equal(mac, buf + n - sizeof(mac));
	memset(mac, 0, sizeof(mac));
	return TEE_SUCCESS;
}
