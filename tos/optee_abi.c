/* OP-TEE's FF-A message ABI, so that OP-TEE clients can use any Tessera TEE. */
#include "lib/ffa_mem_desc.h"
#include "lib/optee_msg.h"
#include "lib/string.h"
#include "lib/tee_api_types.h"
#include "tos/mem.h"
#include "tos/optee_abi.h"
#include "tos/ta.h"

#define ARG_HDR OPTEE_MSG_ARG_HDR
#define ARG_MAX_PARAMS 6

/* TEEC return origins */
#define ORIGIN_COMMS 2
#define ORIGIN_TEE 3
#define ORIGIN_TRUSTED_APP 4

#define TEEC_ERROR_COMMUNICATION 0xffff000eu

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

/*
 * Memory the normal world shared: retrieved once, kept until unregistered,
 * and only ever used for the endpoint that shared it (a normal-world
 * hypervisor's guests share in their own names).
 */
static const struct ffa_mem_desc *shm(u64 handle, u16 sender, u16 self)
{
	const struct ffa_mem_desc *d = tos_mem_held(handle);
	struct ffa_value err;

	if (d)
		return d->sender == sender ? d : NULL;
	return tos_mem_map_in(&err, handle, sender, self);
}

/* Opens a session (uuid) or invokes command cmd of *session. */
static TEE_Result call_ta(bool open, u32 cmd, u32 *session, const u32 uuid[4],
			  u8 *p, u32 n, u16 sender, u16 self, u32 *origin)
{
	TEE_Param gp[4];
	u32 types, mask, i;
	u64 mem[4][3];
	struct ta_memref refs[4];
	TEE_Result res = optee_msg_to_gp(p, n, gp, &types, &mask, mem);

	*origin = ORIGIN_TEE;
	if (res)
		return res;
	memset(refs, 0, sizeof(refs));
	for (i = 0; i < 4; i++) {
		const struct ffa_mem_desc *d;

		if (!(mask & (1u << i)))
			continue;
		d = shm(mem[i][0], sender, self);
		if (!d)
			return TEE_ERROR_BAD_PARAMETERS;
		refs[i].ranges = d->ranges;
		refs[i].count = d->range_count;
		refs[i].offset = mem[i][1];
		refs[i].size = mem[i][2];
	}
	if (open)
		res = ta_open(sender, uuid, types, gp, refs, session);
	else
		res = ta_invoke(sender, *session, cmd, types, gp, refs);
	if (res != TEE_ERROR_ITEM_NOT_FOUND && res != TEE_ERROR_TARGET_DEAD &&
	    res != TEE_ERROR_OUT_OF_MEMORY)
		*origin = ORIGIN_TRUSTED_APP;
	optee_msg_from_gp(p, n, gp, types);
	return res;
}

/* YIELDING_CALL_WITH_ARG: the optee_msg_arg at offset w6 of handle w5:w4. */
static void yielding_call(struct ffa_value *out, const struct ffa_value *req,
			  u16 self)
{
	u64 handle = (u32)req->x[4] | (u64)(u32)req->x[5] << 32;
	u16 sender = (u16)(req->x[1] >> 16);
	const struct ffa_mem_desc *d = shm(handle, sender, self);
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
	cmd = optee_get32(arg);
	func = optee_get32(arg + 4);
	session = optee_get32(arg + 8);
	n = optee_get32(arg + 28);
	if (n > ARG_MAX_PARAMS ||
	    !held_at(d, (u32)req->x[6], ARG_HDR + n * PARAM_SIZE)) {
		res = TEE_ERROR_BAD_PARAMETERS;
		goto done;
	}
	switch (cmd) {
	case OPTEE_MSG_CMD_OPEN_SESSION:
		if (!optee_msg_open_uuid(arg, uuid)) {
			res = TEE_ERROR_BAD_PARAMETERS;
			break;
		}
		res = call_ta(true, 0, &session, uuid,
			      arg + ARG_HDR + 2 * PARAM_SIZE, n - 2, sender,
			      self, &origin);
		if (!res)
			__builtin_memcpy(arg + 8, &session, 4);
		break;
	case OPTEE_MSG_CMD_INVOKE_COMMAND:
		res = call_ta(false, func, &session, NULL, arg + ARG_HDR, n,
			      sender, self, &origin);
		break;
	case OPTEE_MSG_CMD_CLOSE_SESSION:
		res = ta_close(sender, session);
		origin = ORIGIN_TEE;
		break;
	default:
		res = TEE_ERROR_NOT_SUPPORTED;
		origin = ORIGIN_TEE;
		break;
	}
done:
	__builtin_memcpy(arg + 20, &res, 4);
	__builtin_memcpy(arg + 24, &origin, 4);
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

		const struct ffa_mem_desc *d = tos_mem_held(handle);

		r.x[3] = 0;
		if (d && d->sender == (u16)(req->x[1] >> 16))
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
