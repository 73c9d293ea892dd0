/* OP-TEE message parameters to and from GP ones (portable, host-tested). */
#include "lib/optee_msg.h"
#include "lib/string.h"

TEE_Result optee_msg_to_gp(const u8 *p, u32 n, TEE_Param gp[4], u32 *types,
			   u32 *mem_mask, u64 mem[4][3])
{
	u32 i;

	*types = 0;
	*mem_mask = 0;
	memset(gp, 0, 4 * sizeof(TEE_Param));
	if (n > 4)
		return TEE_ERROR_BAD_PARAMETERS;
	for (i = 0; i < n; i++, p += PARAM_SIZE) {
		u64 attr = optee_get64(p), w;
		u32 t = (u32)(attr & ATTR_TYPE_MASK);

		if (attr & ~(u64)ATTR_TYPE_MASK)
			return TEE_ERROR_BAD_PARAMETERS;
		switch (t) {
		case 0:
			break;
		case ATTR_VALUE_INPUT:
		case ATTR_VALUE_OUTPUT:
		case ATTR_VALUE_INOUT:
			gp[i].value.a = (u32)optee_get64(p + 8);
			gp[i].value.b = (u32)optee_get64(p + 16);
			*types |= t << (4 * i); /* same numbers as GP's */
			break;
		case ATTR_RMEM_INPUT:
		case ATTR_RMEM_OUTPUT:
		case ATTR_RMEM_INOUT:
			*mem_mask |= 1u << i;
			mem[i][0] = optee_get64(
				p + 24); /* shm_ref: the FF-A handle */
			/* FF-A memory (fmem): offs_low, offs_high, then
			 * internal_offs, where the buffer starts in the first
			 * page of the share (Linux shares user buffers that
			 * are not page-aligned) */
			w = optee_get64(p + 8);
			mem[i][1] = (w & 0xffffffffffffULL) + (w >> 48);
			mem[i][2] = optee_get64(p + 16); /* size */
			*types |= (t - ATTR_RMEM_INPUT +
				   TEE_PARAM_TYPE_MEMREF_INPUT)
				  << (4 * i);
			break;
		default:
			return TEE_ERROR_BAD_PARAMETERS;
		}
	}
	return TEE_SUCCESS;
}

/* Output values back into the message; memref sizes as the TA left them. */
void optee_msg_from_gp(u8 *p, u32 n, const TEE_Param gp[4], u32 types)
{
	u32 i;

	for (i = 0; i < n; i++, p += PARAM_SIZE) {
		u32 t = TEE_PARAM_TYPE_GET(types, i);
		u64 v;

		if (t == TEE_PARAM_TYPE_VALUE_OUTPUT ||
		    t == TEE_PARAM_TYPE_VALUE_INOUT) {
			v = gp[i].value.a;
			__builtin_memcpy(p + 8, &v, 8);
			v = gp[i].value.b;
			__builtin_memcpy(p + 16, &v, 8);
		} else if (t >= TEE_PARAM_TYPE_MEMREF_INPUT) {
			v = gp[i].memref.size;
			__builtin_memcpy(p + 16, &v, 8);
		}
	}
}

bool optee_msg_open_uuid(const u8 *arg, u32 uuid[4])
{
	/* two meta values first: the TA's UUID, then the client's */
	if (optee_get32(arg) != OPTEE_MSG_CMD_OPEN_SESSION ||
	    optee_get32(arg + 28) < 2 ||
	    optee_get64(arg + OPTEE_MSG_ARG_HDR) !=
		    (ATTR_META | ATTR_VALUE_INPUT))
		return false;
	__builtin_memcpy(uuid, arg + OPTEE_MSG_ARG_HDR + 8, 16);
	return true;
}
