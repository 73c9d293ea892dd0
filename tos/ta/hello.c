/* Test TA: arithmetic on values, a per-session counter, and ways to die. */
#include "lib/tee_api_types.h"
#include "tos/ta/hello.h"
#include "tos/ta/tee_internal.h"

#define SESSIONS 4
static u32 counters[SESSIONS];
static bool open_[SESSIONS];

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

/* Opens with no parameters, or with HELLO_OPEN_PARAMS: see hello.h. */
TEE_Result TA_OpenSessionEntryPoint(u32 paramTypes, TEE_Param params[4],
				    void **sessionContext)
{
	u32 start = 0;
	unsigned i;

	if (paramTypes == HELLO_OPEN_PARAMS) {
		const u8 *b = params[0].memref.buffer;

		for (i = 0; i < params[0].memref.size; i++)
			start += b[i];
		params[1].value.a = start;
	} else if (paramTypes !=
		   TEE_PARAM_TYPES(TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				   TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE)) {
		return TEE_ERROR_BAD_PARAMETERS;
	}
	for (i = 0; i < SESSIONS && open_[i]; i++)
		;
	if (i == SESSIONS)
		return TEE_ERROR_OUT_OF_MEMORY;
	open_[i] = true;
	counters[i] = start;
	*sessionContext = &counters[i];
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sessionContext)
{
	open_[(u32 *)sessionContext - counters] = false;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sessionContext, u32 commandID,
				      u32 paramTypes, TEE_Param params[4])
{
	u32 *counter = sessionContext;

	switch (commandID) {
	case HELLO_CMD_ADD:
		if (paramTypes != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
						  TEE_PARAM_TYPE_VALUE_OUTPUT,
						  TEE_PARAM_TYPE_NONE,
						  TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		params[1].value.a = params[0].value.a + params[0].value.b;
		return TEE_SUCCESS;
	case HELLO_CMD_COUNT:
		if (paramTypes != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT,
						  TEE_PARAM_TYPE_NONE,
						  TEE_PARAM_TYPE_NONE,
						  TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		params[0].value.a = ++*counter;
		return TEE_SUCCESS;
	case HELLO_CMD_CRASH:
		*(volatile u32 *)0 = 1;
		return TEE_ERROR_GENERIC;
	case HELLO_CMD_READ_KERNEL:
		/* the trusted OS is mapped here, but not for S-EL0 */
		return *(volatile u32 *)(uintptr_t)params[0].value.a;
	case HELLO_CMD_REVERSE: {
		u8 *b = params[0].memref.buffer;
		size_t n = params[0].memref.size, i;
		u32 sum = 0;

		if (paramTypes != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INOUT,
						  TEE_PARAM_TYPE_VALUE_OUTPUT,
						  TEE_PARAM_TYPE_NONE,
						  TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		for (i = 0; i < n / 2; i++) {
			u8 t = b[i];

			b[i] = b[n - 1 - i];
			b[n - 1 - i] = t;
		}
		for (i = 0; i < n; i++)
			sum += b[i];
		params[1].value.a = sum;
		return TEE_SUCCESS;
	}
	case HELLO_CMD_COPY: {
		const u8 *from = params[0].memref.buffer;
		u8 *to = params[1].memref.buffer;
		size_t n = params[0].memref.size, i;

		if (paramTypes != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
						  TEE_PARAM_TYPE_MEMREF_OUTPUT,
						  TEE_PARAM_TYPE_NONE,
						  TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		if (n > params[1].memref.size) {
			params[1].memref.size = n;
			return TEE_ERROR_SHORT_BUFFER;
		}
		for (i = 0; i < n; i++)
			to[i] = from[i];
		params[1].memref.size = n;
		return TEE_SUCCESS;
	}
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
