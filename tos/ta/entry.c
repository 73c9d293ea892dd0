/* TA runtime: the operation the trusted OS asked for, to the GP entry point. */
#include "lib/tee_api_types.h"
#include "tos/ta/ta_abi.h"
#include "tos/ta/tee_internal.h"

struct ta_ret {
	u64 result, session;
};

struct ta_ret ta_dispatch(u64 op, u64 session, u64 cmd, u64 types);

struct ta_ret ta_dispatch(u64 op, u64 session, u64 cmd, u64 types)
{
	TEE_Param *params = (TEE_Param *)TA_PARAMS_VA;
	struct ta_ret r = { TEE_SUCCESS, session };
	void *ctx = (void *)session;

	switch (op) {
	case TA_OP_CREATE:
		r.result = TA_CreateEntryPoint();
		break;
	case TA_OP_OPEN:
		r.result = TA_OpenSessionEntryPoint((u32)types, params, &ctx);
		r.session = (u64)ctx;
		break;
	case TA_OP_INVOKE:
		r.result = TA_InvokeCommandEntryPoint(ctx, (u32)cmd, (u32)types,
						      params);
		break;
	case TA_OP_CLOSE:
		TA_CloseSessionEntryPoint(ctx);
		break;
	case TA_OP_DESTROY:
		TA_DestroyEntryPoint();
		break;
	default:
		r.result = TEE_ERROR_NOT_SUPPORTED;
		break;
	}
	return r;
}
