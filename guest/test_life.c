/* A guest's life in its TEE: state left behind by a reset, calls under load. */
#include "arch/aarch64/ffa_smc.h"
#include "arch/aarch64/sysreg.h"
#include "lib/log.h"
#include "lib/smccc.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "nwtest/tee_client_api.h"
#include "tos/ta/hello.h"
#include "tos/tos.h"
#include "guest/guest.h" /* after nwtest.h: its CHECK_EQ is ours */

/* The wall clock (CNTPCT); the virtual counter is our own running time */
static u64 wall(void)
{
	u64 v;

	__asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
	return v;
}

/* What our TEE holds of ours: sessions, TA instances, shared buffers */
static struct ffa_value held(u16 me, u16 tee)
{
	return ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32,
				  (u64)me << 16 | tee, 0, TOS_CMD_OWNER_STATS,
				  me, 0, 0, 0));
}

static TEEC_Result add(TEEC_Session *s, u32 a, u32 *sum)
{
	TEEC_Operation op;
	u32 origin;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = a;
	op.params[0].value.b = 1;
	res = TEEC_InvokeCommand(s, HELLO_CMD_ADD, &op, &origin);
	*sum = op.params[1].value.a;
	return res;
}

static TEEC_Result open(TEEC_Context *ctx, TEEC_Session *s)
{
	static const u32 hello_w[4] = { HELLO_UUID };
	TEEC_UUID hello = nw_teec_uuid(hello_w);
	u32 origin;

	return TEEC_OpenSession(ctx, s, &hello, TEEC_LOGIN_PUBLIC, NULL, NULL,
				&origin);
}

/*
 * The first boot ends without closing anything: two sessions, a context
 * and a registered buffer the TEE has used stay open, for the reset to
 * take away.
 */
void guest_leave_state(u16 me, u16 tee, const char *name)
{
	static TEEC_Context ctx;
	static TEEC_Session s1, s2;
	static TEEC_SharedMemory shm;
	static char buf[64] __attribute__((aligned(4096)));
	TEEC_Operation op;
	struct ffa_value r;
	u32 origin;

	CHECK_EQ(TEEC_InitializeContext(name, &ctx), TEEC_SUCCESS,
		 "life: a context with our TEE");
	CHECK_EQ(open(&ctx, &s1), TEEC_SUCCESS, "life: a first session");
	CHECK_EQ(open(&ctx, &s2), TEEC_SUCCESS, "life: a second session");
	shm.buffer = buf;
	shm.size = 8;
	shm.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	CHECK_EQ(TEEC_RegisterSharedMemory(&ctx, &shm), TEEC_SUCCESS,
		 "life: a registered buffer");
	memcpy(buf, "12345678", 8);
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &shm;
	CHECK_EQ(TEEC_InvokeCommand(&s2, HELLO_CMD_REVERSE, &op, &origin),
		 TEEC_SUCCESS, "life: the TEE used it");
	r = held(me, tee);
	CHECK_EQ(r.x[3], 0, "life: the TEE counts what we hold");
	CHECK_EQ(r.x[4], 2, "life: ... two sessions");
	CHECK_EQ(r.x[5], 1, "life: ... one TA instance of our own");
	CHECK_EQ(r.x[6], 2,
		 "life: ... two shared buffers (our context's "
		 "and the registered one)");
	log_printf("resetting with %u session(s), %u TA instance(s), %u "
		   "shared buffer(s) in TEE 0x%04x\n",
		   (unsigned)r.x[4], (unsigned)r.x[5], (unsigned)r.x[6], tee);
}

/* After the reset: nothing of the last boot is left; the TEE serves us. */
void guest_after_reset(u16 me, u16 tee, const char *name)
{
	TEEC_Context ctx;
	TEEC_Session s;
	struct ffa_value r = held(me, tee);
	u32 sum = 0;

	CHECK_EQ(r.x[4] | r.x[5] | r.x[6], 0,
		 "restart: nothing of our last boot is left in the TEE");
	CHECK_EQ(TEEC_InitializeContext(name, &ctx), TEEC_SUCCESS,
		 "restart: our TEE again");
	CHECK_EQ(open(&ctx, &s), TEEC_SUCCESS, "restart: a new session");
	CHECK_EQ(add(&s, 41, &sum), TEEC_SUCCESS, "restart: invoke");
	CHECK_EQ(sum, 42, "restart: ... 41 + 1 = 42");
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

/*
 * Misbehaving for ticks of the wall clock each: a flood of calls to our
 * TEE, then a loop that calls nothing and never waits. The hypervisor's
 * time slices must keep the other guest going all along.
 */
void guest_hog(u16 me, u16 tee, u64 ticks)
{
	u64 t0 = wall(), t1, t2, calls = 0;

	log_printf("hog: flooding TEE 0x%04x from tick %llu\n", tee,
		   (unsigned long long)t0);
	while ((t1 = wall()) < t0 + ticks) {
		ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32,
				   (u64)me << 16 | tee, 0, TOS_CMD_ADD, 1, 2, 0,
				   0));
		calls++;
	}
	log_printf("hog: %llu calls; looping from tick %llu\n",
		   (unsigned long long)calls, (unsigned long long)t1);
	while ((t2 = wall()) < t1 + ticks)
		;
	log_printf("hog: done at tick %llu\n", (unsigned long long)t2);
}

/*
 * Calls to our TEE until the wall clock reaches until, reporting every
 * 100: while the other guest resets, floods its TEE and loops, every one
 * must complete.
 */
void guest_keep_calling(const char *name, u64 until)
{
	TEEC_Context ctx;
	TEEC_Session s;
	u32 i = 0, bad = 0, sum;

	if (TEEC_InitializeContext(name, &ctx) || open(&ctx, &s)) {
		CHECK_EQ(0, 1, "calling: a session with our TEE");
		return;
	}
	while (wall() < until) {
		bad += add(&s, i, &sum) != TEEC_SUCCESS || sum != i + 1;
		if (++i % 100 == 0)
			log_printf("calling: %u answered at tick %llu\n", i,
				   (unsigned long long)wall());
	}
	CHECK_EQ(bad, 0, "calling: every call answered right");
	log_printf("calling: %u calls, %u wrong or refused\n", i, bad);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

/*
 * A guest's share of a TEE is bounded (four sessions at once), so guests
 * bound to one TEE cannot starve each other; what it closes it gets back.
 */
void guest_quota(const char *name)
{
	TEEC_Context ctx;
	TEEC_Session s[5];
	unsigned i, opened = 0;

	if (TEEC_InitializeContext(name, &ctx)) {
		CHECK_EQ(0, 1, "quota: a context with our TEE");
		return;
	}
	for (i = 0; i < 4; i++)
		opened += open(&ctx, &s[i]) == TEEC_SUCCESS;
	CHECK_EQ(opened, 4, "quota: four sessions at once");
	CHECK_EQ(open(&ctx, &s[4]), TEEC_ERROR_OUT_OF_MEMORY,
		 "quota: a fifth is refused (TEEC_ERROR_OUT_OF_MEMORY)");
	for (i = 0; i < opened; i++)
		TEEC_CloseSession(&s[i]);
	CHECK_EQ(open(&ctx, &s[0]), TEEC_SUCCESS,
		 "quota: closing gives them back");
	TEEC_CloseSession(&s[0]);
	TEEC_FinalizeContext(&ctx);
}
