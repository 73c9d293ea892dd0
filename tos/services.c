/* The general TEE build's services: arithmetic, calls, memory, messages. */
#include "arch/aarch64/ffa_smc.h"
#include "lib/log.h"
#include "lib/smccc.h"
#include "lib/string.h"
#include "tos/mem.h"
#include "tos/msg.h"
#include "tos/services.h"
#include "tos/optee_abi.h"
#include "tos/ta.h"
#include "tos/tos.h"

static void cmd_call(struct ffa_value *r, u64 target, u16 self_id)
{
	struct ffa_value a = { { FFA_MSG_SEND_DIRECT_REQ_32,
				 (u64)self_id << 16 | (u16)target, 0,
				 TOS_CMD_PING } };
	struct ffa_value b = ffa_smc(a);

	if (b.x[0] != FFA_MSG_SEND_DIRECT_RESP_32) {
		r->x[3] = TOS_ERR_CALL_FAILED;
		r->x[4] = b.x[0];
		r->x[5] = b.x[2];
		return;
	}
	r->x[4] = b.x[4];
	r->x[5] = b.x[5];
}

static bool cmd_probe(struct ffa_value *r, const struct ffa_value *req)
{
#ifdef TOS_PROBE
	volatile u64 *p = (volatile u64 *)req->x[4];
	struct ffa_value off = { { PSCI_SYSTEM_OFF } };

	switch (req->x[3]) {
	case TOS_CMD_READ:
		log_printf("probe: reading 0x%llx\n",
			   (unsigned long long)req->x[4]);
		r->x[4] = *p;
		return true;
	case TOS_CMD_WRITE:
		log_printf("probe: writing 0x%llx\n",
			   (unsigned long long)req->x[4]);
		*p = req->x[5];
		return true;
	case TOS_CMD_BAD_CALL:
		log_printf("probe: calling PSCI SYSTEM_OFF\n");
		ffa_smc(off);
		return true;
	case TOS_CMD_UNDEF:
		log_printf("probe: executing an undefined instruction\n");
		__asm__ volatile("udf #0");
		return true;
	}
#else
	(void)r;
	(void)req;
#endif
	return false;
}

/* TA requests in registers (tos/tos.h), to tos/ta.c. */
static void ta_request(struct ffa_value *r, const struct ffa_value *req)
{
	u16 owner = (u16)(req->x[1] >> 16);
	TEE_Param params[4];
	u32 session = 0;

	memset(params, 0, sizeof(params));
	switch ((u32)req->x[3]) {
	case TOS_CMD_TA_OPEN: {
		u32 uuid[4] = { (u32)req->x[4], (u32)req->x[5], (u32)req->x[6],
				(u32)req->x[7] };

		r->x[4] = ta_open(owner, uuid, 0, params, NULL, &session);
		r->x[5] = session;
		break;
	}
	case TOS_CMD_TA_INVOKE:
		params[0].value.a = (u32)req->x[7];
		params[0].value.b = (u32)(req->x[7] >> 32);
		r->x[4] = ta_invoke(owner, (u32)req->x[4], (u32)req->x[5],
				    (u32)req->x[6], params, NULL);
		r->x[5] = params[0].value.a | (u64)params[0].value.b << 32;
		r->x[6] = params[1].value.a | (u64)params[1].value.b << 32;
		break;
	default:
		r->x[4] = ta_close(owner, (u32)req->x[4]);
		break;
	}
}

/* An invoke with a memory reference over memory the normal world shared. */
static void ta_request_mem(struct ffa_value *r, const struct ffa_value *req,
			   u16 self)
{
	u32 types = TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INOUT,
				    TEE_PARAM_TYPE_VALUE_OUTPUT,
				    TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE);
	u16 owner = (u16)(req->x[1] >> 16);
	const struct ffa_mem_desc *d =
		tos_mem_map_in(r, req->x[6], owner, self);
	TEE_Param params[4];
	struct ta_memref refs[4];

	if (!d)
		return;
	memset(params, 0, sizeof(params));
	memset(refs, 0, sizeof(refs));
	refs[0].ranges = d->ranges;
	refs[0].count = d->range_count;
	refs[0].size = (u32)req->x[7];
	r->x[4] = ta_invoke(owner, (u32)req->x[4], (u32)req->x[5], types,
			    params, refs);
	r->x[6] = params[1].value.a | (u64)params[1].value.b << 32;
	tos_mem_done(r, req->x[6], self);
}

/*
 * Memory a request names by its sender: a normal-world endpoint names only
 * its own (a guest cannot have a TEE use or drop another guest's shares);
 * the partitions' shares are the normal world's to test with.
 */
static bool may_name(const struct ffa_value *req, u16 sender)
{
	return sender == (u16)(req->x[1] >> 16) || ffa_id_is_secure(sender);
}

static void refuse_mem(struct ffa_value *r)
{
	r->x[3] = TOS_ERR_MEM;
	r->x[4] = (u64)(s64)FFA_INVALID_PARAMETERS;
	r->x[5] = 0;
}

static void mem_done(struct ffa_value *r, const struct ffa_value *req, u16 self)
{
	u64 handle = (u32)req->x[4] | (u64)(u32)req->x[5] << 32;
	const struct ffa_mem_desc *d = tos_mem_held(handle);

	if (d && !may_name(req, d->sender)) {
		refuse_mem(r);
		return;
	}
	tos_mem_done(r, handle, self);
}

/* The general build keeps nothing per endpoint beyond sessions and memory */
unsigned tos_service_release(u16 owner)
{
	(void)owner;
	return 0;
}

bool tos_serve(struct ffa_value *r, const struct ffa_value *req, u16 self_id)
{
	/* OP-TEE's clients first: they own w3 values 0-3 and bit 31 */
	if (tos_optee_serve(r, req, self_id))
		return true;
	bool wide = ffa_is_64((u32)req->x[0]);

	switch ((u32)req->x[3]) {
	case TOS_CMD_ADD:
		r->x[4] = wide ? req->x[4] + req->x[5]
			       : (u32)(req->x[4] + req->x[5]);
		break;
	case TOS_CMD_CALL:
		cmd_call(r, req->x[4], self_id);
		break;
	case TOS_CMD_MEM_USE:
		if (!may_name(req, (u16)req->x[6])) {
			refuse_mem(r);
			break;
		}
		tos_mem_use(r, (u32)req->x[4] | (u64)(u32)req->x[5] << 32,
			    (u16)req->x[6], self_id,
			    !(req->x[7] & TOS_MEM_MAP_ONLY));
		break;
	case TOS_CMD_NOTIF_BIND:
	case TOS_CMD_NOTIF_SET:
	case TOS_CMD_NOTIF_GET:
		tos_notif(r, req, self_id);
		break;
	case TOS_CMD_TA_OPEN:
	case TOS_CMD_TA_INVOKE:
	case TOS_CMD_TA_CLOSE:
		ta_request(r, req);
		break;
	case TOS_CMD_TA_INVOKE_MEM:
		ta_request_mem(r, req, self_id);
		break;
	case TOS_CMD_MSG_READ:
		tos_msg_read(r);
		break;
	case TOS_CMD_MSG_SEND:
		tos_msg_send(r, (u16)req->x[4], req->x[5], self_id);
		break;
	case TOS_CMD_MEM_GIVE:
		tos_mem_give(r, (u32)req->x[5], (u16)req->x[4], req->x[6],
			     self_id);
		break;
	case TOS_CMD_MEM_TAKE_BACK:
		tos_mem_take_back(r, req->x[4]);
		break;
	case TOS_CMD_MEM_TOUCH:
		r->x[4] = tos_mem_touch();
		break;
	case TOS_CMD_MEM_DONE:
		mem_done(r, req, self_id);
		break;
	default:
		return cmd_probe(r, req);
	}
	return true;
}
