/* Key-store TA: keys made inside from the hardware RNG, used, never exported.
 */
#include "arch/aarch64/random.h"
#include "lib/hmac_sha256.h"
#include "lib/string.h"
#include "lib/tee_api_types.h"
#include "tos/ta/keystore_ta.h"
#include "tos/ta/tee_internal.h"

#define SLOTS 4
#define KEY_BYTES 32

static struct {
	bool made;
	u8 key[KEY_BYTES];
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

static TEE_Result generate(u32 slot)
{
	unsigned i;

	if (slot >= SLOTS || slots[slot].made)
		return TEE_ERROR_BAD_STATE;
	for (i = 0; i < KEY_BYTES; i += 8) {
		u64 v;

		if (!arch_random_u64(&v))
			return TEE_ERROR_GENERIC;
		memcpy(slots[slot].key + i, &v, 8);
	}
	slots[slot].made = true;
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
		if (paramTypes != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
						  TEE_PARAM_TYPE_NONE,
						  TEE_PARAM_TYPE_NONE,
						  TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return generate(slot);
	}
	if (commandID != KEYSTORE_CMD_SIGN && commandID != KEYSTORE_CMD_VERIFY)
		return TEE_ERROR_NOT_SUPPORTED;
	if (paramTypes != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INOUT,
					  TEE_PARAM_TYPE_MEMREF_INOUT,
					  TEE_PARAM_TYPE_NONE,
					  TEE_PARAM_TYPE_NONE))
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
