/* Monotonic-counter TA: one counter for the TEE's life, only ever up. */
#include "lib/tee_api_types.h"
#include "tos/ta/counter_ta.h"
#include "tos/ta/tee_internal.h"

static u64 counter;

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
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

TEE_Result TA_InvokeCommandEntryPoint(void *sessionContext, u32 commandID,
				      u32 paramTypes, TEE_Param params[4])
{
	(void)sessionContext;
	if (paramTypes !=
	    TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
			    TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	switch (commandID) {
	case COUNTER_CMD_INCREMENT:
		if (counter == ~0ULL)
			return TEE_ERROR_OVERFLOW;
		counter++;
		break;
	case COUNTER_CMD_READ:
		break;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
	params[0].value.a = (u32)counter;
	params[0].value.b = (u32)(counter >> 32);
	return TEE_SUCCESS;
}
