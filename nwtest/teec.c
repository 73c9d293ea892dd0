/* GP TEE Client API over FF-A and OP-TEE's message ABI, for the normal world.
 */
#include "lib/fdt.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "nwtest/tee_client_api.h"
#include "tos/optee_abi.h"

#define ARG_HDR OPTEE_MSG_ARG_HDR
#define META_VALUE_IN (ATTR_META | ATTR_VALUE_INPUT)
#define ATTR_VALUE 0x0ULL /* + 1, 2, 3: the same numbers as GP's */

/* Pages for message arguments and allocated shared memory */
#define POOL_PAGES 16
static u8 pool[POOL_PAGES][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static bool pool_used[POOL_PAGES];

static u8 *page_alloc(void)
{
	unsigned i;

	for (i = 0; i < POOL_PAGES; i++)
		if (!pool_used[i]) {
			pool_used[i] = true;
			memset(pool[i], 0, PAGE_SIZE);
			return pool[i];
		}
	return NULL;
}

static void page_free(u8 *p)
{
	pool_used[(p - pool[0]) / PAGE_SIZE] = false;
}

/* The TEE named name in the device tree (boot code's directory). */
static bool find_tee(const char *name, u16 *id)
{
	int node;

	for (node = fdt_first_child(nw_dtb, 0); node >= 0;
	     node = fdt_next_sibling(nw_dtb, node)) {
		const char *compat =
			fdt_prop_string(nw_dtb, node, "compatible");
		const char *label = fdt_prop_string(nw_dtb, node, "label");
		u32 v;

		if (!compat || strcmp(compat, "tessera,tee") || !label ||
		    !fdt_prop_u32(nw_dtb, node, "ffa-partition-id", &v))
			continue;
		if (!name || !strcmp(name, label)) {
			*id = (u16)v;
			return true;
		}
	}
	return false;
}

/* A request; a normal-world interrupt on the way is taken, then resumed. */
/* Our own FF-A ID (0 without a hypervisor, a VM ID under one) */
static u16 self_id;

static struct ffa_value optee(u16 id, u32 cmd, u64 w4, u64 w5, u64 w6)
{
	struct ffa_value r = ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32,
						(u64)self_id << 16 | id, 0, cmd,
						w4, w5, w6, 0));

	while (__builtin_expect(r.x[0] == FFA_INTERRUPT, 0)) {
		nw_handle_interrupt();
		r = ffa_smc(ffa_value8(FFA_RUN, r.x[1], 0, 0, 0, 0, 0, 0));
	}
	return r;
}

/* Shares [buffer, buffer + size) (whole pages) with the TEE. */
static TEEC_Result share(TEEC_Context *ctx, void *buffer, size_t size,
			 u64 *handle, size_t *offset)
{
	u64 base = ALIGN_DOWN((u64)buffer, PAGE_SIZE);
	u64 end = ALIGN_UP((u64)buffer + (size ? size : 1), PAGE_SIZE);

	*handle = nw_mem_share(ctx->partition, base,
			       (u32)((end - base) >> PAGE_SHIFT));
	*offset = (u64)buffer - base;
	return *handle ? TEEC_SUCCESS : TEEC_ERROR_OUT_OF_MEMORY;
}

/* The TEE lets go of it (UNREGISTER_SHM), then we take it back. */
static void unshare(TEEC_Context *ctx, u64 handle)
{
	optee(ctx->partition, OPTEE_FFA_UNREGISTER_SHM, (u32)handle,
	      handle >> 32, 0);
	nw_call(FFA_MEM_RECLAIM, (u32)handle, handle >> 32, 0, 0, 0);
}

TEEC_Result TEEC_InitializeContext(const char *name, TEEC_Context *context)
{
	struct ffa_value r;
	size_t off;

	memset(context, 0, sizeof(*context));
	if (!nw_dtb || !find_tee(name, &context->partition))
		return TEEC_ERROR_ITEM_NOT_FOUND;
	r = nw_call(FFA_ID_GET, 0, 0, 0, 0, 0);
	if (r.x[0] != FFA_SUCCESS_32)
		return TEEC_ERROR_COMMUNICATION;
	self_id = (u16)r.x[2];
	r = optee(context->partition, OPTEE_FFA_GET_API_VERSION, 0, 0, 0);
	/* a hypervisor's binding policy keeps us from this TEE */
	if (r.x[0] == FFA_ERROR && (s32)r.x[2] == FFA_DENIED)
		return TEEC_ERROR_ACCESS_DENIED;
	if (r.x[0] != FFA_MSG_SEND_DIRECT_RESP_32 ||
	    r.x[3] != OPTEE_FFA_VERSION_MAJOR)
		return TEEC_ERROR_NOT_SUPPORTED; /* not an OP-TEE ABI TEE */
	context->arg = page_alloc();
	if (!context->arg)
		return TEEC_ERROR_OUT_OF_MEMORY;
	if (share(context, context->arg, PAGE_SIZE, &context->arg_handle,
		  &off)) {
		page_free(context->arg);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	context->live = true;
	return TEEC_SUCCESS;
}

void TEEC_FinalizeContext(TEEC_Context *context)
{
	if (!context || !context->live)
		return;
	unshare(context, context->arg_handle);
	page_free(context->arg);
	context->live = false;
}

TEEC_Result TEEC_RegisterSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *sharedMem)
{
	TEEC_Result res;

	if (!context || !context->live || !sharedMem || !sharedMem->buffer ||
	    !(sharedMem->flags & (TEEC_MEM_INPUT | TEEC_MEM_OUTPUT)))
		return TEEC_ERROR_BAD_PARAMETERS;
	/* a caller's struct may hold anything: only what we set counts */
	sharedMem->allocated = false;
	sharedMem->ctx = NULL;
	res = share(context, sharedMem->buffer, sharedMem->size,
		    &sharedMem->handle, &sharedMem->offset);
	if (res == TEEC_SUCCESS)
		sharedMem->ctx = context;
	return res;
}

TEEC_Result TEEC_AllocateSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *sharedMem)
{
	TEEC_Result res;

	if (!sharedMem || sharedMem->size > PAGE_SIZE)
		return sharedMem ? TEEC_ERROR_OUT_OF_MEMORY
				 : TEEC_ERROR_BAD_PARAMETERS;
	sharedMem->buffer = page_alloc();
	if (!sharedMem->buffer)
		return TEEC_ERROR_OUT_OF_MEMORY;
	res = TEEC_RegisterSharedMemory(context, sharedMem);
	if (res) {
		page_free(sharedMem->buffer);
		sharedMem->buffer = NULL;
		return res;
	}
	sharedMem->allocated = true;
	return TEEC_SUCCESS;
}

void TEEC_ReleaseSharedMemory(TEEC_SharedMemory *sharedMem)
{
	if (!sharedMem || !sharedMem->ctx)
		return;
	unshare(sharedMem->ctx, sharedMem->handle);
	if (sharedMem->allocated)
		page_free(sharedMem->buffer);
	sharedMem->ctx = NULL;
}

/* Calls are synchronous on one CPU: by the time this runs, it is over. */
void TEEC_RequestCancellation(TEEC_Operation *operation)
{
	(void)operation;
}

static void put_param(u8 *p, u64 attr, u64 a, u64 b, u64 c)
{
	u64 v[4] = { attr, a, b, c };

	__builtin_memcpy(p, v, sizeof(v));
}

static u64 param_word(const u8 *p, unsigned i)
{
	u64 v;

	__builtin_memcpy(&v, p + 8 * i, 8);
	return v;
}

/*
 * The operation's parameters into the message; temporary memory is shared
 * for the call (its handle in tmp[i]). Checks happen here, at the API.
 */
static TEEC_Result to_msg(TEEC_Context *ctx, TEEC_Operation *op, u8 *p,
			  u64 tmp[4])
{
	unsigned i;

	for (i = 0; i < 4; i++, p += PARAM_SIZE) {
		u32 t = op ? (op->paramTypes >> (4 * i)) & 0xf : TEEC_NONE;
		TEEC_Parameter *x = op ? &op->params[i] : NULL;
		TEEC_SharedMemory *shm;
		size_t off;

		tmp[i] = 0;
		switch (t) {
		case TEEC_NONE:
			put_param(p, 0, 0, 0, 0);
			break;
		case TEEC_VALUE_INPUT:
		case TEEC_VALUE_OUTPUT:
		case TEEC_VALUE_INOUT:
			put_param(p, ATTR_VALUE + t, x->value.a, x->value.b, 0);
			break;
		case TEEC_MEMREF_TEMP_INPUT:
		case TEEC_MEMREF_TEMP_OUTPUT:
		case TEEC_MEMREF_TEMP_INOUT:
			if (!x->tmpref.buffer ||
			    share(ctx, x->tmpref.buffer, x->tmpref.size,
				  &tmp[i], &off))
				return TEEC_ERROR_BAD_PARAMETERS;
			put_param(p,
				  ATTR_RMEM_INPUT + t - TEEC_MEMREF_TEMP_INPUT,
				  off, x->tmpref.size, tmp[i]);
			break;
		case TEEC_MEMREF_WHOLE:
		case TEEC_MEMREF_PARTIAL_INPUT:
		case TEEC_MEMREF_PARTIAL_OUTPUT:
		case TEEC_MEMREF_PARTIAL_INOUT: {
			size_t o =
				t == TEEC_MEMREF_WHOLE ? 0 : x->memref.offset;
			size_t n = t == TEEC_MEMREF_WHOLE
					   ? (x->memref.parent
						      ? x->memref.parent->size
						      : 0)
					   : x->memref.size;
			u64 dir = (u64)(t - TEEC_MEMREF_PARTIAL_INPUT);

			shm = x->memref.parent;
			/* a whole reference goes the way the memory's flags say
			 */
			if (t == TEEC_MEMREF_WHOLE && shm)
				dir = (shm->flags & TEEC_MEM_INPUT ? 1u : 0u) +
				      (shm->flags & TEEC_MEM_OUTPUT ? 2u : 0u) -
				      1u;
			/* a reference past its buffer never leaves here */
			if (!shm || shm->ctx != ctx || o > shm->size ||
			    n > shm->size - o)
				return TEEC_ERROR_BAD_PARAMETERS;
			put_param(p, ATTR_RMEM_INPUT + dir, shm->offset + o, n,
				  shm->handle);
			break;
		}
		default:
			return TEEC_ERROR_BAD_PARAMETERS;
		}
	}
	return TEEC_SUCCESS;
}

/* Results back into the operation; temporary shares end. */
static void from_msg(TEEC_Context *ctx, TEEC_Operation *op, const u8 *p,
		     const u64 tmp[4])
{
	unsigned i;

	for (i = 0; i < 4; i++, p += PARAM_SIZE) {
		u32 t = op ? (op->paramTypes >> (4 * i)) & 0xf : TEEC_NONE;

		if (tmp[i])
			unshare(ctx, tmp[i]);
		if (t == TEEC_VALUE_OUTPUT || t == TEEC_VALUE_INOUT) {
			op->params[i].value.a = (u32)param_word(p, 1);
			op->params[i].value.b = (u32)param_word(p, 2);
		} else if (t >= TEEC_MEMREF_TEMP_INPUT &&
			   t <= TEEC_MEMREF_TEMP_INOUT) {
			op->params[i].tmpref.size = param_word(p, 2);
		} else if (t >= TEEC_MEMREF_WHOLE) {
			op->params[i].memref.size = param_word(p, 2);
		}
	}
}

/* One message to the TEE: header fields, then n parameters from first. */
static TEEC_Result call(TEEC_Context *ctx, u32 cmd, u32 func, u32 *session,
			TEEC_Operation *op, const u64 meta[2], u32 *origin)
{
	u8 *arg = ctx->arg, *p;
	u32 hdr[8] = { cmd, func, *session, 0, 0, 0, 0, 0 };
	u32 n = meta ? 2 : 0, res;
	u64 tmp[4] = { 0, 0, 0, 0 };
	struct ffa_value r;

	*origin = TEEC_ORIGIN_API;
	if (op && op->paramTypes >> 16)
		return TEEC_ERROR_BAD_PARAMETERS;
	/* every field below is written: the header, the meta values, and all
	 * four parameters (NONE ones as zeros) */
	if (meta) {
		put_param(arg + ARG_HDR, META_VALUE_IN, meta[0], meta[1], 0);
		put_param(arg + ARG_HDR + PARAM_SIZE, META_VALUE_IN, 0, 0,
			  TEEC_LOGIN_PUBLIC);
	}
	p = arg + ARG_HDR + n * PARAM_SIZE;
	if (cmd != OPTEE_MSG_CMD_CLOSE_SESSION) {
		res = to_msg(ctx, op, p, tmp);
		if (res) {
			memset(p, 0, 4 * PARAM_SIZE);
			from_msg(ctx, NULL, p, tmp); /* undo the shares */
			return res;
		}
		n += 4;
	}
	hdr[7] = n;
	__builtin_memcpy(arg, hdr, sizeof(hdr));
	r = optee(ctx->partition, OPTEE_FFA_YIELDING_CALL_WITH_ARG,
		  (u32)ctx->arg_handle, ctx->arg_handle >> 32, 0);
	if (cmd != OPTEE_MSG_CMD_CLOSE_SESSION)
		from_msg(ctx, op, p, tmp);
	if (r.x[0] != FFA_MSG_SEND_DIRECT_RESP_32 || r.x[3] != 0) {
		*origin = TEEC_ORIGIN_COMMS;
		if (r.x[0] == FFA_ERROR && (s32)r.x[2] == FFA_ABORTED)
			return TEEC_ERROR_TARGET_DEAD;
		/* a hypervisor's binding policy refused it */
		if (r.x[0] == FFA_ERROR && (s32)r.x[2] == FFA_DENIED)
			return TEEC_ERROR_ACCESS_DENIED;
		return TEEC_ERROR_COMMUNICATION;
	}
	__builtin_memcpy(&res, arg + 20, 4);
	__builtin_memcpy(origin, arg + 24, 4);
	__builtin_memcpy(session, arg + 8, 4);
	return res;
}

TEEC_Result TEEC_OpenSession(TEEC_Context *context, TEEC_Session *session,
			     const TEEC_UUID *destination, u32 connectionMethod,
			     const void *connectionData,
			     TEEC_Operation *operation, u32 *returnOrigin)
{
	u8 octets[16];
	u64 meta[2];
	u32 id = 0, origin;
	TEEC_Result res;

	(void)connectionData;
	if (!returnOrigin)
		returnOrigin = &origin;
	*returnOrigin = TEEC_ORIGIN_API;
	if (!context || !session || !destination)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (!context->live)
		return TEEC_ERROR_BAD_STATE;
	if (connectionMethod != TEEC_LOGIN_PUBLIC)
		return TEEC_ERROR_NOT_SUPPORTED;
	/* the UUID as octets, the way OP-TEE's message carries it */
	octets[0] = (u8)(destination->timeLow >> 24);
	octets[1] = (u8)(destination->timeLow >> 16);
	octets[2] = (u8)(destination->timeLow >> 8);
	octets[3] = (u8)destination->timeLow;
	octets[4] = (u8)(destination->timeMid >> 8);
	octets[5] = (u8)destination->timeMid;
	octets[6] = (u8)(destination->timeHiAndVersion >> 8);
	octets[7] = (u8)destination->timeHiAndVersion;
	memcpy(octets + 8, destination->clockSeqAndNode, 8);
	memcpy(meta, octets, 16);
	res = call(context, OPTEE_MSG_CMD_OPEN_SESSION, 0, &id, operation, meta,
		   returnOrigin);
	session->ctx = context;
	session->id = id;
	session->live = res == TEEC_SUCCESS;
	return res;
}

TEEC_Result TEEC_InvokeCommand(TEEC_Session *session, u32 commandID,
			       TEEC_Operation *operation, u32 *returnOrigin)
{
	u32 origin;

	if (!returnOrigin)
		returnOrigin = &origin;
	*returnOrigin = TEEC_ORIGIN_API;
	if (!session || !session->live || !session->ctx->live)
		return TEEC_ERROR_BAD_STATE;
	return call(session->ctx, OPTEE_MSG_CMD_INVOKE_COMMAND, commandID,
		    &session->id, operation, NULL, returnOrigin);
}

void TEEC_CloseSession(TEEC_Session *session)
{
	u32 origin;

	if (!session || !session->live || !session->ctx->live)
		return;
	call(session->ctx, OPTEE_MSG_CMD_CLOSE_SESSION, 0, &session->id, NULL,
	     NULL, &origin);
	session->live = false;
}

TEEC_UUID nw_teec_uuid(const u32 w[4])
{
	u8 o[16];
	TEEC_UUID u;

	memcpy(o, w, 16);
	u.timeLow = (u32)o[0] << 24 | (u32)o[1] << 16 | (u32)o[2] << 8 | o[3];
	u.timeMid = (u16)(o[4] << 8 | o[5]);
	u.timeHiAndVersion = (u16)(o[6] << 8 | o[7]);
	memcpy(u.clockSeqAndNode, o + 8, 8);
	return u;
}
