/* OP-TEE's FF-A message ABI, so that OP-TEE clients can use any Tessera TEE. */
#include "lib/ffa_mem_desc.h"
#include "lib/string.h"
#include "lib/tee_api_types.h"
#include "tos/mem.h"
#include "tos/optee_abi.h"
#include "tos/ta.h"

/* optee_msg_arg: eight 32-bit fields, then num_params of 32 bytes each */
#define ARG_HDR 32
#define PARAM_SIZE 32
#define ARG_MAX_PARAMS 6

/* optee_msg_param attributes */
#define ATTR_TYPE_MASK 0xff
#define ATTR_VALUE_INPUT 0x1
#define ATTR_VALUE_OUTPUT 0x2
#define ATTR_VALUE_INOUT 0x3
#define ATTR_RMEM_INPUT 0x5
#define ATTR_RMEM_OUTPUT 0x6
#define ATTR_RMEM_INOUT 0x7
#define ATTR_META BIT(8)

/* TEEC return origins */
#define ORIGIN_COMMS 2
#define ORIGIN_TEE 3
#define ORIGIN_TRUSTED_APP 4

#define TEEC_ERROR_COMMUNICATION 0xffff000eu

static u32 get32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, 4);
	return v;
}

static u64 get64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, 8);
	return v;
}

/* Where the trusted OS sees byte offset of memory it holds, if in one piece. */
static u8 *held_at(const struct ffa_mem_desc *d, u64 offset, u64 len)
{
	unsigned i;

	for (i = 0; i < d->range_count; i++) {
		u64 n = (u64)d->ranges[i].pages << PAGE_SHIFT;

		if (offset < n)
			return len <= n - offset
				       ? (u8 *)d->ranges[i].base.pa + offset
				       : NULL;
		offset -= n;
	}
	return NULL;
}

/* Memory the normal world shared: retrieved once, kept until unregistered. */
static const struct ffa_mem_desc *shm(u64 handle, u16 self)
{
	const struct ffa_mem_desc *d = tos_mem_held(handle);
	struct ffa_value err;

	return d ? d : tos_mem_map_in(&err, handle, 0, self);
}

/*
 * GP parameters from the message's parameters (after any meta ones): values
 * and at most one memory reference, whose handle, offset and size go to
 * *mem. Returns a TEE result.
 */
static TEE_Result to_gp(const u8 *p, u32 n, TEE_Param gp[4], u32 *types,
			int *mem_index, u64 mem[3])
{
	u32 i;

	*types = 0;
	*mem_index = -1;
	memset(gp, 0, 4 * sizeof(TEE_Param));
	if (n > 4)
		return TEE_ERROR_BAD_PARAMETERS;
	for (i = 0; i < n; i++, p += PARAM_SIZE) {
		u64 attr = get64(p);
		u32 t = (u32)(attr & ATTR_TYPE_MASK);

		if (attr & ~(u64)ATTR_TYPE_MASK)
			return TEE_ERROR_BAD_PARAMETERS;
		switch (t) {
		case 0:
			break;
		case ATTR_VALUE_INPUT:
		case ATTR_VALUE_OUTPUT:
		case ATTR_VALUE_INOUT:
			gp[i].value.a = (u32)get64(p + 8);
			gp[i].value.b = (u32)get64(p + 16);
			*types |= t << (4 * i); /* same numbers as GP's */
			break;
		case ATTR_RMEM_INPUT:
		case ATTR_RMEM_OUTPUT:
		case ATTR_RMEM_INOUT:
			if (*mem_index >= 0)
				return TEE_ERROR_NOT_SUPPORTED;
			*mem_index = (int)i;
			mem[0] = get64(p + 24); /* shm_ref: the FF-A handle */
			mem[1] = get64(p + 8); /* offs */
			mem[2] = get64(p + 16); /* size */
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
static void from_gp(u8 *p, u32 n, const TEE_Param gp[4], u32 types)
{
	u32 i;

	for (i = 0; i < n; i++, p += PARAM_SIZE) {
		u32 t = TEE_PARAM_TYPE_GET(types, i);
		u64 v;

		if (t == TEE_PARAM_TYPE_VALUE_OUTPUT ||
		    t == TEE_PARAM_TYPE_VALUE_INOUT) {
			v = gp[i].value.a;
			memcpy(p + 8, &v, 8);
			v = gp[i].value.b;
			memcpy(p + 16, &v, 8);
		} else if (t >= TEE_PARAM_TYPE_MEMREF_INPUT) {
			v = gp[i].memref.size;
			memcpy(p + 16, &v, 8);
		}
	}
}

/* Opens a session (uuid) or invokes command cmd of *session. */
static TEE_Result call_ta(bool open, u32 cmd, u32 *session, const u32 uuid[4],
			  u8 *p, u32 n, u16 self, u32 *origin)
{
	TEE_Param gp[4];
	u32 types;
	int mi;
	u64 mem[3] = { 0, 0, 0 };
	const struct ffa_mem_desc *d;
	TEE_Result res = to_gp(p, n, gp, &types, &mi, mem);

	*origin = ORIGIN_TEE;
	if (res)
		return res;
	if (open) {
		if (mi >= 0)
			return TEE_ERROR_NOT_SUPPORTED;
		res = ta_open(uuid, types, gp, session);
	} else if (mi < 0) {
		res = ta_invoke(*session, cmd, types, gp);
	} else {
		d = shm(mem[0], self);
		if (!d)
			return TEE_ERROR_BAD_PARAMETERS;
		res = ta_invoke_memref(*session, cmd, types, gp, (unsigned)mi,
				       d->ranges, d->range_count, mem[1],
				       mem[2]);
	}
	if (res != TEE_ERROR_ITEM_NOT_FOUND && res != TEE_ERROR_TARGET_DEAD &&
	    res != TEE_ERROR_OUT_OF_MEMORY)
		*origin = ORIGIN_TRUSTED_APP;
	from_gp(p, n, gp, types);
	return res;
}

/* YIELDING_CALL_WITH_ARG: the optee_msg_arg at offset w6 of handle w5:w4. */
static void yielding_call(struct ffa_value *out, const struct ffa_value *req,
			  u16 self)
{
	u64 handle = (u32)req->x[4] | (u64)(u32)req->x[5] << 32;
	const struct ffa_mem_desc *d = shm(handle, self);
	u8 *arg = d ? held_at(d, (u32)req->x[6], ARG_HDR) : NULL;
	u32 cmd, func, session, n, origin = ORIGIN_COMMS;
	u32 uuid[4];
	TEE_Result res;

	out->x[3] = 0;
	out->x[4] = OPTEE_FFA_YIELDING_CALL_RETURN_DONE;
	if (!arg) {
		out->x[3] = TEEC_ERROR_COMMUNICATION;
		return;
	}
	cmd = get32(arg);
	func = get32(arg + 4);
	session = get32(arg + 8);
	n = get32(arg + 28);
	if (n > ARG_MAX_PARAMS ||
	    !held_at(d, (u32)req->x[6], ARG_HDR + n * PARAM_SIZE)) {
		res = TEE_ERROR_BAD_PARAMETERS;
		goto done;
	}
	switch (cmd) {
	case OPTEE_MSG_CMD_OPEN_SESSION:
		/* two meta values first: the TA's UUID, the client's */
		if (n < 2 ||
		    get64(arg + ARG_HDR) != (ATTR_META | ATTR_VALUE_INPUT)) {
			res = TEE_ERROR_BAD_PARAMETERS;
			break;
		}
		memcpy(uuid, arg + ARG_HDR + 8, 16);
		res = call_ta(true, 0, &session, uuid,
			      arg + ARG_HDR + 2 * PARAM_SIZE, n - 2, self,
			      &origin);
		if (!res)
			memcpy(arg + 8, &session, 4);
		break;
	case OPTEE_MSG_CMD_INVOKE_COMMAND:
		res = call_ta(false, func, &session, NULL, arg + ARG_HDR, n,
			      self, &origin);
		break;
	case OPTEE_MSG_CMD_CLOSE_SESSION:
		res = ta_close(session);
		origin = ORIGIN_TEE;
		break;
	default:
		res = TEE_ERROR_NOT_SUPPORTED;
		origin = ORIGIN_TEE;
		break;
	}
done:
	memcpy(arg + 20, &res, 4);
	memcpy(arg + 24, &origin, 4);
}

bool tos_optee_serve(struct ffa_value *out, const struct ffa_value *req,
		     u16 self)
{
	switch ((u32)req->x[3]) {
	case OPTEE_FFA_GET_API_VERSION:
		out->x[3] = OPTEE_FFA_VERSION_MAJOR;
		out->x[4] = OPTEE_FFA_VERSION_MINOR;
		return true;
	case OPTEE_FFA_GET_OS_VERSION:
		out->x[3] = TOS_OS_VERSION_MAJOR;
		out->x[4] = TOS_OS_VERSION_MINOR;
		out->x[5] = 0;
		return true;
	case OPTEE_FFA_EXCHANGE_CAPABILITIES:
		out->x[3] = 0;
		out->x[4] = 0; /* no RPC parameters: we make no RPCs */
		out->x[5] = OPTEE_FFA_SEC_CAP_ARG_OFFSET;
		return true;
	case OPTEE_FFA_UNREGISTER_SHM: {
		u64 handle = (u32)req->x[4] | (u64)(u32)req->x[5] << 32;
		struct ffa_value r;

		r.x[3] = 0;
		if (tos_mem_held(handle))
			tos_mem_done(&r, handle, self);
		out->x[3] = r.x[3] ? TEEC_ERROR_COMMUNICATION : 0;
		return true;
	}
	case OPTEE_FFA_YIELDING_CALL_WITH_ARG:
		yielding_call(out, req, self);
		return true;
	default:
		return false;
	}
}
