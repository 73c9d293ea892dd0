/* The guest's checks of the binding policy by TA: VM 1 may open only TA hello
 * in alpha, VM 2 any TA in beta. */
#include "arch/aarch64/ffa_smc.h"
#include "guest/guest.h"
#include "lib/log.h"
#include "nwtest/tee_client_api.h"
#include "tos/ta/counter_ta.h"
#include "tos/ta/hello.h"
#include "tos/tos.h"

/* TOS_CMD_TA_OPEN: the UUID in w4-w7 -> w4 TEE result, w5 session */
static struct ffa_value ta_open(u16 me, u16 tee, const u32 uuid[4])
{
	return ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32,
				  (u64)me << 16 | tee, 0, TOS_CMD_TA_OPEN,
				  uuid[0], uuid[1], uuid[2], uuid[3]));
}

static void ta_close(u16 me, u16 tee, u32 session)
{
	ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32, (u64)me << 16 | tee, 0,
			   TOS_CMD_TA_CLOSE, session, 0, 0, 0));
}

void guest_test_ta_policy(u16 me, u16 mine, const char *name)
{
	static const u32 hello_w[4] = { HELLO_UUID },
			 counter_w[4] = { COUNTER_TA_UUID };
	TEEC_UUID counter = nw_teec_uuid(counter_w);
	TEEC_Context ctx;
	TEEC_Session s;
	struct ffa_value r;
	u32 origin;

	CHECK_EQ(TEEC_InitializeContext(name, &ctx), TEEC_SUCCESS,
		 "TA policy: our TEE");
	r = ta_open(me, mine, hello_w);
	CHECK_EQ(r.x[0] == FFA_MSG_SEND_DIRECT_RESP_32 && r.x[4] == 0, 1,
		 "TA policy: TA hello opens (register ABI)");
	ta_close(me, mine, (u32)r.x[5]);
	if (me == 1) {
		CHECK_EQ(TEEC_OpenSession(&ctx, &s, &counter, TEEC_LOGIN_PUBLIC,
					  NULL, NULL, &origin),
			 TEEC_ERROR_ACCESS_DENIED,
			 "TA policy: TA counter, not ours to open: "
			 "TEEC_ERROR_ACCESS_DENIED");
		CHECK_EQ(origin, TEEC_ORIGIN_COMMS,
			 "... refused before the TEE (by the hypervisor)");
		CHECK_EQ(ffa_err(ta_open(me, mine, counter_w)),
			 (u64)(s64)FFA_DENIED,
			 "TA policy: ... and by the register ABI: DENIED");
		log_printf("GP client -> TEE '%s', TA counter: access denied "
			   "(the system manifest gives us TA hello only)\n",
			   name);
	} else {
		CHECK_EQ(TEEC_OpenSession(&ctx, &s, &counter, TEEC_LOGIN_PUBLIC,
					  NULL, NULL, &origin),
			 TEEC_SUCCESS,
			 "TA policy: held to no TA, we open TA counter");
		TEEC_CloseSession(&s);
	}
	TEEC_FinalizeContext(&ctx);
}
