/* Host tests of the GP client's marshalling, decoded by the TEE's own code. */
#include "test/unit/dtc_helper.h" /* first: sets _POSIX_C_SOURCE */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/optee_msg.h"
#include "nwtest/nwtest.h"
#include "nwtest/tee_client_api.h"
#include "tos/optee_abi.h"

/*
 * Stand-ins for the normal world's FF-A calls: shares are remembered by
 * handle, and a yielding call is decoded with lib/optee_msg.c exactly as
 * the trusted OS decodes it, so what the client encodes is checked by the
 * code that will read it.
 */
const void *nw_dtb;
static struct {
	u64 handle, addr;
	u32 pages;
} shares[16];
static unsigned share_count, live_shares;
static u64 next_handle = 0x1000;

/* what the "TEE" saw in the last call */
static u32 seen_cmd, seen_func, seen_types, seen_mask, seen_n;
static TEE_Param seen[4];
static u64 seen_mem[4][3];

u64 nw_mem_share(u16 receiver, u64 addr, u32 npages)
{
	(void)receiver;
	if (share_count == 16 || npages == 0)
		return 0;
	shares[share_count].handle = next_handle++;
	shares[share_count].addr = addr;
	shares[share_count].pages = npages;
	live_shares++;
	return shares[share_count++].handle;
}

struct ffa_value nw_call(u64 x0, u64 x1, u64 x2, u64 x3, u64 x4, u64 x5)
{
	(void)x1;
	(void)x2;
	(void)x3;
	(void)x4;
	(void)x5;
	if ((u32)x0 == FFA_MEM_RECLAIM)
		live_shares--;
	return ffa_value8(FFA_SUCCESS_32, 0, 0, 0, 0, 0, 0, 0);
}

static u8 *shared_at(u64 handle)
{
	unsigned i;

	for (i = 0; i < share_count; i++)
		if (shares[i].handle == handle)
			return (u8 *)(uintptr_t)shares[i].addr;
	return NULL;
}

static struct ffa_value answer(struct ffa_value a);

/* Interrupts to report before the next requests are answered */
static int interrupts_to_inject, interrupts_handled;
static struct ffa_value interrupted;

void nw_handle_interrupt(void)
{
	interrupts_handled++;
}

/* The SPMC: a request may be interrupted first; FFA_RUN resumes it. */
struct ffa_value ffa_smc(struct ffa_value a)
{
	if ((u32)a.x[0] == FFA_RUN) {
		assert_int_equal(a.x[1], (interrupted.x[1] & 0xffff) << 16);
		a = interrupted;
	} else if (interrupts_to_inject > 0) {
		interrupts_to_inject--;
		interrupted = a;
		return ffa_value8(FFA_INTERRUPT, (a.x[1] & 0xffff) << 16, 0, 0,
				  0, 0, 0, 0);
	}
	if (interrupts_to_inject > 0)
		return ffa_smc(a);
	return answer(a);
}

static struct ffa_value answer(struct ffa_value a)
{
	struct ffa_value r =
		ffa_value8(FFA_MSG_SEND_DIRECT_RESP_32, 0, 0, 0, 0, 0, 0, 0);
	u8 *arg;
	u32 skip;
	TEE_Result res;

	switch ((u32)a.x[3]) {
	case OPTEE_FFA_GET_API_VERSION:
		r.x[3] = OPTEE_FFA_VERSION_MAJOR;
		return r;
	case OPTEE_FFA_UNREGISTER_SHM:
		return r;
	case OPTEE_FFA_YIELDING_CALL_WITH_ARG:
		break;
	default:
		r.x[3] = 0xbad;
		return r;
	}
	arg = shared_at((u32)a.x[4] | a.x[5] << 32);
	assert_non_null(arg);
	memcpy(&seen_cmd, arg, 4);
	memcpy(&seen_func, arg + 4, 4);
	memcpy(&seen_n, arg + 28, 4);
	skip = seen_cmd == OPTEE_MSG_CMD_OPEN_SESSION ? 2 : 0;
	if (seen_cmd == OPTEE_MSG_CMD_CLOSE_SESSION) {
		res = 0;
	} else {
		res = optee_msg_to_gp(arg + 32 + skip * PARAM_SIZE,
				      seen_n - skip, seen, &seen_types,
				      &seen_mask, seen_mem);
		/* the "TA" answers 7 in output value 1 and leaves every
		 * memory reference's size as it came */
		for (skip = 0; skip < 4; skip++)
			if (seen_mask & (1u << skip))
				seen[skip].memref.size = seen_mem[skip][2];
		skip = seen_cmd == OPTEE_MSG_CMD_OPEN_SESSION ? 2 : 0;
		if (!(seen_mask & 2))
			seen[1].value.a = 7;
		optee_msg_from_gp(arg + 32 + skip * PARAM_SIZE, seen_n - skip,
				  seen, seen_types);
	}
	memcpy(arg + 20, &res, 4);
	memcpy(arg + 24, &(u32){ 4 }, 4);
	memcpy(arg + 8, &(u32){ 55 }, 4); /* a session ID */
	return r;
}

static const char dir[] = "/dts-v1/;\n/ {\n"
			  "tessera-tee@8001 { compatible = \"tessera,tee\"; "
			  "label = \"alpha\"; ffa-partition-id = <0x8001>; };\n"
			  "tessera-tee@8002 { compatible = \"tessera,tee\"; "
			  "label = \"beta\"; ffa-partition-id = <0x8002>; };\n"
			  "};\n";

static int setup(void **state)
{
	size_t size;

	(void)state;
	if (!nw_dtb)
		nw_dtb = dtc_compile(dir, &size);
	share_count = live_shares = 0;
	return nw_dtb ? 0 : -1;
}

static const TEEC_UUID uuid = { 1, 2, 3, { 4, 5, 6, 7, 8, 9, 10, 11 } };

static void names(void **state)
{
	TEEC_Context c;

	(void)state;
	assert_int_equal(TEEC_InitializeContext("beta", &c), TEEC_SUCCESS);
	assert_int_equal(c.partition, 0x8002);
	TEEC_FinalizeContext(&c);
	assert_int_equal(TEEC_InitializeContext(NULL, &c), TEEC_SUCCESS);
	assert_int_equal(c.partition, 0x8001);
	TEEC_FinalizeContext(&c);
	assert_int_equal(TEEC_InitializeContext("gamma", &c),
			 TEEC_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(live_shares, 0);
}

static void marshalling(void **state)
{
	static u8 page[8192] __attribute__((aligned(4096)));
	TEEC_Context c;
	TEEC_Session s;
	TEEC_SharedMemory m;
	TEEC_Operation op;
	u32 origin;

	(void)state;
	assert_int_equal(TEEC_InitializeContext("alpha", &c), TEEC_SUCCESS);
	assert_int_equal(TEEC_OpenSession(&c, &s, &uuid, TEEC_LOGIN_PUBLIC,
					  NULL, NULL, &origin),
			 TEEC_SUCCESS);
	assert_int_equal(seen_cmd, OPTEE_MSG_CMD_OPEN_SESSION);
	assert_int_equal(s.id, 55);

	/* values: types and numbers arrive as GP has them */
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_VALUE_INOUT, TEEC_NONE);
	op.params[0].value.a = 40;
	op.params[0].value.b = 2;
	op.params[2].value.a = 9;
	assert_int_equal(TEEC_InvokeCommand(&s, 77, &op, &origin),
			 TEEC_SUCCESS);
	assert_int_equal(seen_func, 77);
	assert_int_equal(seen_types,
			 TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
					 TEE_PARAM_TYPE_VALUE_OUTPUT,
					 TEE_PARAM_TYPE_VALUE_INOUT,
					 TEE_PARAM_TYPE_NONE));
	assert_int_equal(seen[0].value.a, 40);
	assert_int_equal(seen[0].value.b, 2);
	assert_int_equal(seen[2].value.a, 9);
	assert_int_equal(op.params[1].value.a, 7); /* came back */

	/* interrupted twice on the way: taken each time, then resumed */
	interrupts_to_inject = 2;
	interrupts_handled = 0;
	op.params[1].value.a = 0;
	assert_int_equal(TEEC_InvokeCommand(&s, 77, &op, &origin),
			 TEEC_SUCCESS);
	assert_int_equal(interrupts_handled, 2);
	assert_int_equal(op.params[1].value.a, 7);

	/* a temporary reference: its page shared for the call, then not */
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = page + 100;
	op.params[0].tmpref.size = 10;
	assert_int_equal(TEEC_InvokeCommand(&s, 1, &op, &origin), TEEC_SUCCESS);
	assert_int_equal(seen_mask, 1);
	assert_int_equal(seen_mem[0][1], 100); /* offset in the share */
	assert_int_equal(seen_mem[0][2], 10);
	assert_int_equal(live_shares, 1); /* only the context's own page */

	/* registered memory, partial and whole, in one call */
	m.buffer = page + 4096 + 8;
	m.size = 64;
	m.flags = TEEC_MEM_OUTPUT;
	assert_int_equal(TEEC_RegisterSharedMemory(&c, &m), TEEC_SUCCESS);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_INPUT, TEEC_MEMREF_WHOLE,
				 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &m;
	op.params[0].memref.offset = 16;
	op.params[0].memref.size = 8;
	op.params[1].memref.parent = &m;
	assert_int_equal(TEEC_InvokeCommand(&s, 2, &op, &origin), TEEC_SUCCESS);
	assert_int_equal(seen_mask, 3);
	assert_int_equal(seen_mem[0][0], m.handle);
	assert_int_equal(seen_mem[0][1], 8 + 16);
	assert_int_equal(seen_mem[0][2], 8);
	assert_int_equal(seen_mem[1][1], 8);
	assert_int_equal(seen_mem[1][2], 64);
	/* a whole reference to output-only memory is an output */
	assert_int_equal(TEE_PARAM_TYPE_GET(seen_types, 1),
			 TEE_PARAM_TYPE_MEMREF_OUTPUT);

	/* refused at the API: past the buffer, unknown type, no parent */
	op.params[0].memref.offset = 60;
	assert_int_equal(TEEC_InvokeCommand(&s, 3, &op, &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEEC_ORIGIN_API);
	op.paramTypes = 0x4;
	assert_int_equal(TEEC_InvokeCommand(&s, 3, &op, &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, 0, 0, 0);
	op.params[0].memref.parent = NULL;
	assert_int_equal(TEEC_InvokeCommand(&s, 3, &op, &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	op.paramTypes = 0x10000;
	assert_int_equal(TEEC_InvokeCommand(&s, 3, &op, &origin),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(live_shares, 2); /* nothing left shared by them */

	TEEC_ReleaseSharedMemory(&m);
	TEEC_CloseSession(&s);
	assert_int_equal(seen_cmd, OPTEE_MSG_CMD_CLOSE_SESSION);
	assert_int_equal(TEEC_InvokeCommand(&s, 1, NULL, &origin),
			 TEEC_ERROR_BAD_STATE);
	TEEC_FinalizeContext(&c);
	assert_int_equal(live_shares, 0);
	assert_int_equal(TEEC_OpenSession(&c, &s, &uuid, TEEC_LOGIN_PUBLIC,
					  NULL, NULL, &origin),
			 TEEC_ERROR_BAD_STATE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(names, setup),
		cmocka_unit_test_setup(marshalling, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
