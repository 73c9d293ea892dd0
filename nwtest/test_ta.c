/* Trusted Applications at S-EL0 in a TEE: sessions, values, containment. */
#include "lib/tee_api_types.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "tos/ta/hello.h"
#include "tos/tos.h"

static const u32 hello_uuid[4] = { HELLO_UUID };

#define ADD_TYPES                                                         \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,                       \
			TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE, \
			TEE_PARAM_TYPE_NONE)
#define COUNT_TYPES                                                       \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE, \
			TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE)

static struct ffa_value open_ta(const u32 uuid[4])
{
	return ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0,
				  TOS_CMD_TA_OPEN, uuid[0], uuid[1], uuid[2],
				  uuid[3]));
}

static struct ffa_value invoke(u64 session, u32 cmd, u32 types, u64 value)
{
	return ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0,
				  TOS_CMD_TA_INVOKE, session, cmd, types,
				  value));
}

static u8 page[4096] __attribute__((aligned(4096)));

/* A memory reference over one page we share, to session s. */
static struct ffa_value invoke_mem(u64 s, u32 size)
{
	u64 h = nw_mem_share(ALPHA_ID, (u64)page, 1);
	struct ffa_value r;

	r = ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0,
			       TOS_CMD_TA_INVOKE_MEM, s, HELLO_CMD_REVERSE, h,
			       size));
	check_success(nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0),
		      "TA memref: our page back after the call");
	return r;
}

static void memrefs(u64 s)
{
	struct ffa_value r;

	memcpy(page, "abcdef", 6);
	r = invoke_mem(s, 6);
	CHECK_EQ(r.x[4], TEE_SUCCESS, "TA memref: invoked with our memory");
	CHECK_EQ(memcmp(page, "fedcba", 6), 0,
		 "TA memref: the TA reversed it in place");
	CHECK_EQ((u32)r.x[6], 'a' + 'b' + 'c' + 'd' + 'e' + 'f',
		 "TA memref: and summed it");
	CHECK_EQ(invoke_mem(s, 4097).x[4], TEE_ERROR_BAD_PARAMETERS,
		 "TA memref past its buffer: TEE_ERROR_BAD_PARAMETERS");
	CHECK_EQ(memcmp(page, "fedcba", 6), 0,
		 "TA memref: a refused call changed nothing");
}

/*
 * A hostile TA reads where it may not; each attempt kills only it. The
 * matrix of attempts and results is printed.
 */
static void hostile_ta_matrix(void)
{
	static const struct {
		const char *target;
		u32 addr;
	} probes[] = {
		{ "its own trusted OS", 0x0e400000 },
		{ "another TEE (beta)", 0x0e600000 },
		{ "the key-store TEE", 0x0e800000 },
		{ "the SPMC", 0x0e100000 },
		{ "the monitor", 0x0e000000 },
		{ "normal-world RAM not shared", 0x41000000 },
	};
	unsigned i;

	log_printf("isolation matrix, hostile TA in alpha:\n");
	log_printf("  %-30s %-22s %s\n", "reads", "result",
		   "beta and key store");
	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		struct ffa_value r = open_ta(hello_uuid);
		u64 s = r.x[5];
		bool others;

		r = invoke(s, HELLO_CMD_READ_KERNEL,
			   TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, 0, 0, 0),
			   probes[i].addr);
		others = nw_tos(BETA_ID, TOS_CMD_PING, 0, 0, 0).x[4] ==
				 BETA_ID &&
			 nw_tos(0x8003, TOS_CMD_PING, 0, 0, 0).x[4] == 0x8003;
		log_printf("  %-30s %-22s %s\n", probes[i].target,
			   r.x[4] == TEE_ERROR_TARGET_DEAD ? "TA stopped (DEAD)"
							   : "NOT STOPPED",
			   others ? "answer unharmed" : "HARMED");
		CHECK_EQ(r.x[4], TEE_ERROR_TARGET_DEAD,
			 "hostile TA: stopped at every attempt");
		CHECK_EQ(others, 1, "hostile TA: the other TEEs unharmed");
		nw_tos(ALPHA_ID, TOS_CMD_TA_CLOSE, s, 0, 0);
	}
}

void test_ta(void)
{
	static const u32 nobody[4] = { 1, 2, 3, 4 };
	struct ffa_value r;
	u64 s1, s2;

	r = open_ta(hello_uuid);
	CHECK_EQ(r.x[4], TEE_SUCCESS, "TA: session opened with 'hello'");
	s1 = r.x[5];
	r = invoke(s1, HELLO_CMD_ADD, ADD_TYPES, 40 | 2ULL << 32);
	CHECK_EQ(r.x[4], TEE_SUCCESS, "TA: invoked at S-EL0");
	CHECK_EQ((u32)r.x[6], 42, "TA: 40 + 2 = 42 in an output value");
	r = invoke(s1, HELLO_CMD_ADD, COUNT_TYPES, 0);
	CHECK_EQ(r.x[4], TEE_ERROR_BAD_PARAMETERS,
		 "TA: wrong parameter types: TEE_ERROR_BAD_PARAMETERS");
	invoke(s1, HELLO_CMD_COUNT, COUNT_TYPES, 0);
	r = invoke(s1, HELLO_CMD_COUNT, COUNT_TYPES, 0);
	CHECK_EQ((u32)r.x[5], 2, "TA: state kept per session (2 calls)");
	r = open_ta(hello_uuid);
	s2 = r.x[5];
	r = invoke(s2, HELLO_CMD_COUNT, COUNT_TYPES, 0);
	CHECK_EQ((u32)r.x[5], 1, "TA: a second session has its own state");
	CHECK_EQ(invoke(s2, 99, 0, 0).x[4], TEE_ERROR_NOT_SUPPORTED,
		 "TA: unknown command: TEE_ERROR_NOT_SUPPORTED");
	memrefs(s1);
	hostile_ta_matrix();
	CHECK_EQ(open_ta(nobody).x[4], TEE_ERROR_ITEM_NOT_FOUND,
		 "TA: unknown UUID: TEE_ERROR_ITEM_NOT_FOUND");
	CHECK_EQ(invoke(77, HELLO_CMD_COUNT, COUNT_TYPES, 0).x[4],
		 TEE_ERROR_BAD_PARAMETERS, "TA: no such session");

	/* the TA reads its trusted OS's memory: it dies, the TEE does not */
	r = invoke(s1, HELLO_CMD_READ_KERNEL,
		   TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, 0, 0, 0),
		   0x0e400000);
	CHECK_EQ(r.x[4], TEE_ERROR_TARGET_DEAD,
		 "TA reading its trusted OS: TEE_ERROR_TARGET_DEAD");
	CHECK_EQ(invoke(s2, HELLO_CMD_COUNT, COUNT_TYPES, 0).x[4],
		 TEE_ERROR_TARGET_DEAD, "TA: its other session sees it dead");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_PING, 0, 0, 0).x[4], ALPHA_ID,
		 "TA: its TEE keeps serving");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_TA_CLOSE, s1, 0, 0).x[4], TEE_SUCCESS,
		 "TA: close a dead session");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_TA_CLOSE, s2, 0, 0).x[4], TEE_SUCCESS,
		 "TA: close the other");

	/* a fresh instance; then a crash of its own */
	r = open_ta(hello_uuid);
	CHECK_EQ(r.x[4], TEE_SUCCESS, "TA: loaded afresh after its death");
	s1 = r.x[5];
	/* parameter types GP does not have, or memrefs with no memory:
	 * refused before the TA runs */
	CHECK_EQ(invoke(s1, HELLO_CMD_COUNT, 0x9, 0).x[4],
		 TEE_ERROR_BAD_PARAMETERS, "TA: parameter type 9 is refused");
	CHECK_EQ(invoke(s1, HELLO_CMD_COUNT, 0x10000 | 2, 0).x[4],
		 TEE_ERROR_BAD_PARAMETERS, "TA: types past the fourth refused");
	CHECK_EQ(invoke(s1, HELLO_CMD_REVERSE, TEE_PARAM_TYPE_MEMREF_INOUT, 0)
			 .x[4],
		 TEE_ERROR_BAD_PARAMETERS, "TA: a memref with no memory");
	r = invoke(s1, HELLO_CMD_COUNT, COUNT_TYPES, 0);
	CHECK_EQ((u32)r.x[5], 1, "TA: the new instance starts clean");
	CHECK_EQ(invoke(s1, HELLO_CMD_CRASH, 0, 0).x[4], TEE_ERROR_TARGET_DEAD,
		 "TA writing to address 0: TEE_ERROR_TARGET_DEAD");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_TA_CLOSE, s1, 0, 0).x[4], TEE_SUCCESS,
		 "TA: closed");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_TA_CLOSE, s1, 0, 0).x[4],
		 TEE_ERROR_BAD_PARAMETERS, "TA: closing twice is refused");
}
