/* OP-TEE's FF-A message ABI against a Tessera TEE, as an OP-TEE driver uses it.
 */
#include "lib/string.h"
#include "lib/tee_api_types.h"
#include "nwtest/nwtest.h"
#include "tos/optee_abi.h"
#include "tos/ta/counter_ta.h"
#include "tos/tos.h"
#include "tos/ta/hello.h"

#define META_VALUE_IN 0x101ULL
#define VALUE_IN 0x1ULL
#define VALUE_OUT 0x2ULL
#define RMEM_IN 0x5ULL
#define RMEM_INOUT 0x7ULL
#define ORIGIN_TEE 3
#define ORIGIN_TRUSTED_APP 4

static u8 arg_page[4096] __attribute__((aligned(4096)));
static u8 data_page[4096] __attribute__((aligned(4096)));

static struct ffa_value optee(u32 cmd, u64 w4, u64 w5, u64 w6)
{
	return ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32, ALPHA_ID, 0, cmd,
				  w4, w5, w6, 0));
}

/* optee_msg_arg at offset 0 of arg_page */
static void arg_header(u32 cmd, u32 func, u32 session, u32 num_params)
{
	u32 h[8] = { cmd, func, session, 0, 0, 0, 0, num_params };

	memset(arg_page, 0, 512);
	memcpy(arg_page, h, sizeof(h));
}

static void arg_param(u32 i, u64 attr, u64 a, u64 b, u64 c)
{
	u64 p[4] = { attr, a, b, c };

	memcpy(arg_page + 32 + 32 * i, p, sizeof(p));
}

static u32 arg32(u32 off)
{
	u32 v;

	memcpy(&v, arg_page + off, 4);
	return v;
}

static u64 param_a(u32 i)
{
	u64 v;

	memcpy(&v, arg_page + 32 + 32 * i + 8, 8);
	return v;
}

/* One yielding call with the arg in shared memory handle h. */
static void yield(u64 h, const char *what)
{
	struct ffa_value r =
		optee(OPTEE_FFA_YIELDING_CALL_WITH_ARG, (u32)h, h >> 32, 0);

	CHECK_EQ(r.x[3], 0, what);
	CHECK_EQ(r.x[4], OPTEE_FFA_YIELDING_CALL_RETURN_DONE, what);
}

static void open_session(u64 h, const u32 uuid[4])
{
	u64 ab[2];

	memcpy(ab, uuid, 16);
	arg_header(OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 2);
	arg_param(0, META_VALUE_IN, ab[0], ab[1], 0);
	arg_param(1, META_VALUE_IN, 0, 0, 0); /* public login */
	yield(h, "OP-TEE ABI: open session call delivered");
}

/*
 * What a TEE let go of stays gone: handle 0 (what a free slot holds) names
 * nothing, and a refused open does not take a kept-alive TA's state away.
 */
static void leftovers(void)
{
	static const u32 counter[4] = { COUNTER_TA_UUID },
			 hello_w[4] = { HELLO_UUID };
	u64 h = nw_mem_share(ALPHA_ID, (u64)arg_page, 1), ab[2], before;
	u32 session;

	/* hello reads a memref while it opens */
	memcpy(ab, hello_w, 16);
	arg_header(OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 4);
	arg_param(0, META_VALUE_IN, ab[0], ab[1], 0);
	arg_param(1, META_VALUE_IN, 0, 0, 0);
	arg_param(2, RMEM_IN, 0, 16, 0);
	arg_param(3, VALUE_OUT, 0, 0, 0);
	yield(h, "OP-TEE ABI: a memref with handle 0 delivered");
	CHECK_EQ(arg32(20) != TEE_SUCCESS, 1,
		 "OP-TEE ABI: a memref with handle 0 is refused");
	CHECK_EQ(optee(OPTEE_FFA_UNREGISTER_SHM, 0, 0, 0).x[3], 0,
		 "OP-TEE ABI: unregistering handle 0 does nothing");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_PING, 0, 0, 0).x[4], ALPHA_ID,
		 "OP-TEE ABI: ... and alpha serves on");

	open_session(h, counter);
	session = arg32(8);
	arg_header(OPTEE_MSG_CMD_INVOKE_COMMAND, COUNTER_CMD_INCREMENT, session,
		   1);
	arg_param(0, VALUE_OUT, 0, 0, 0);
	yield(h, "OP-TEE ABI: counter incremented");
	before = param_a(0);
	arg_header(OPTEE_MSG_CMD_CLOSE_SESSION, 0, session, 0);
	yield(h, "OP-TEE ABI: counter session closed");
	memcpy(ab, counter, 16);
	arg_header(OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 3);
	arg_param(0, META_VALUE_IN, ab[0], ab[1], 0);
	arg_param(1, META_VALUE_IN, 0, 0, 0);
	arg_param(2, RMEM_IN, 0, 8192, h); /* past the page shared */
	yield(h, "OP-TEE ABI: a refused open delivered");
	CHECK_EQ(arg32(20), TEE_ERROR_BAD_PARAMETERS,
		 "OP-TEE ABI: counter open with a memref past its memory");
	open_session(h, counter);
	session = arg32(8);
	arg_header(OPTEE_MSG_CMD_INVOKE_COMMAND, COUNTER_CMD_INCREMENT, session,
		   1);
	arg_param(0, VALUE_OUT, 0, 0, 0);
	yield(h, "OP-TEE ABI: counter incremented again");
	CHECK_EQ(param_a(0), before + 1,
		 "OP-TEE ABI: the refused open left the counter where it was");
	arg_header(OPTEE_MSG_CMD_CLOSE_SESSION, 0, session, 0);
	yield(h, "OP-TEE ABI: counter session closed");
	optee(OPTEE_FFA_UNREGISTER_SHM, (u32)h, h >> 32, 0);
	check_success(nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0),
		      "OP-TEE ABI: argument memory back");
}

void test_optee(void)
{
	static const u32 hello[4] = { HELLO_UUID }, nobody[4] = { 9, 9, 9, 9 };
	struct ffa_value r;
	u64 h, d;
	u32 session;

	r = optee(OPTEE_FFA_GET_API_VERSION, 0, 0, 0);
	CHECK_EQ(r.x[3], 1, "OP-TEE ABI: API version 1.x");
	r = optee(OPTEE_FFA_EXCHANGE_CAPABILITIES, 0, 0, 0);
	CHECK_EQ(r.x[3], 0, "OP-TEE ABI: capabilities exchanged");
	CHECK_EQ(r.x[5] & OPTEE_FFA_SEC_CAP_ARG_OFFSET, 1,
		 "OP-TEE ABI: the argument may sit at an offset");
	CHECK_EQ(optee(OPTEE_FFA_GET_OS_VERSION, 0, 0, 0).x[3],
		 TOS_OS_VERSION_MAJOR, "OP-TEE ABI: OS version");

	h = nw_mem_share(ALPHA_ID, (u64)arg_page, 1);
	d = nw_mem_share(ALPHA_ID, (u64)data_page, 1);
	open_session(h, hello);
	CHECK_EQ(arg32(20), TEE_SUCCESS, "OP-TEE ABI: session opened");
	session = arg32(8);

	arg_header(OPTEE_MSG_CMD_INVOKE_COMMAND, HELLO_CMD_ADD, session, 2);
	arg_param(0, VALUE_IN, 40, 2, 0);
	arg_param(1, VALUE_OUT, 0, 0, 0);
	yield(h, "OP-TEE ABI: invoke delivered");
	CHECK_EQ(arg32(20), TEE_SUCCESS, "OP-TEE ABI: invoke succeeded");
	CHECK_EQ(arg32(24), ORIGIN_TRUSTED_APP, "OP-TEE ABI: ... said the TA");
	CHECK_EQ(param_a(1), 42, "OP-TEE ABI: value out 40 + 2");

	memcpy(data_page + 100, "tessera", 7);
	arg_header(OPTEE_MSG_CMD_INVOKE_COMMAND, HELLO_CMD_REVERSE, session, 2);
	arg_param(0, RMEM_INOUT, 100, 7, d); /* offs, size, FF-A handle */
	arg_param(1, VALUE_OUT, 0, 0, 0);
	yield(h, "OP-TEE ABI: invoke with a memory reference delivered");
	CHECK_EQ(arg32(20), TEE_SUCCESS, "OP-TEE ABI: memref invoke done");
	CHECK_EQ(memcmp(data_page + 100, "aresset", 7), 0,
		 "OP-TEE ABI: the TA worked on our memory at its offset");
	arg_param(0, RMEM_INOUT, 4090, 7, d);
	yield(h, "OP-TEE ABI: memref past its buffer delivered");
	CHECK_EQ(arg32(20), TEE_ERROR_BAD_PARAMETERS,
		 "OP-TEE ABI: a memref past its buffer is refused");

	/* a memory reference on open, past the memory shared: refused by
	 * the TEE before the TA runs, and no session is left behind */
	{
		u64 ab[2];

		memcpy(ab, hello, 16);
		arg_header(OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 4);
		arg_param(0, META_VALUE_IN, ab[0], ab[1], 0);
		arg_param(1, META_VALUE_IN, 0, 0, 0);
		arg_param(2, RMEM_IN, 4000, 200, d);
		arg_param(3, VALUE_OUT, 0, 0, 0);
		yield(h, "OP-TEE ABI: open with a memref delivered");
		CHECK_EQ(arg32(20), TEE_ERROR_BAD_PARAMETERS,
			 "OP-TEE ABI: open with a memref past its memory");
		arg_param(2, RMEM_IN, 100, 3, d);
		yield(h, "OP-TEE ABI: open with a memref delivered");
		CHECK_EQ(arg32(20), TEE_SUCCESS,
			 "OP-TEE ABI: open with a memref inside it");
		CHECK_EQ(param_a(3), 'a' + 'r' + 'e',
			 "OP-TEE ABI: ... read by the TA while opening");
		arg_header(OPTEE_MSG_CMD_CLOSE_SESSION, 0, arg32(8), 0);
		yield(h, "OP-TEE ABI: close delivered");
	}

	open_session(h, nobody);
	CHECK_EQ(arg32(20), TEE_ERROR_ITEM_NOT_FOUND,
		 "OP-TEE ABI: unknown TA: TEE_ERROR_ITEM_NOT_FOUND");
	CHECK_EQ(arg32(24), ORIGIN_TEE, "OP-TEE ABI: ... said the TEE");

	arg_header(OPTEE_MSG_CMD_CLOSE_SESSION, 0, session, 0);
	yield(h, "OP-TEE ABI: close delivered");
	CHECK_EQ(arg32(20), TEE_SUCCESS, "OP-TEE ABI: session closed");

	CHECK_EQ(optee(OPTEE_FFA_UNREGISTER_SHM, (u32)h, h >> 32, 0).x[3], 0,
		 "OP-TEE ABI: argument memory unregistered");
	CHECK_EQ(optee(OPTEE_FFA_UNREGISTER_SHM, (u32)d, d >> 32, 0).x[3], 0,
		 "OP-TEE ABI: data memory unregistered");
	check_success(nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0),
		      "OP-TEE ABI: we reclaim the argument memory");
	check_success(nw_call(FFA_MEM_RECLAIM, (u32)d, d >> 32, 0, 0, 0),
		      "OP-TEE ABI: and the data memory");
	leftovers();
}
