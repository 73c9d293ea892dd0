/* A normal-world interrupt while a TA works: the TEE is preempted, not hurt.
 */
#include "arch/aarch64/el2_timer.h"
#include "arch/aarch64/sysreg.h"
#include "lib/ed25519.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "nwtest/tee_client_api.h"
#include "plat/qemu-virt/gic_cpu.h"
#include "plat/qemu-virt/platform.h"
#include "tos/ta/keystore_ta.h"

#define PREEMPT_TICKS 50000

static unsigned timer_taken, other_taken;
static u64 taken_at; /* CNTPCT when the timer's interrupt was taken */

/* Acknowledges what is pending; the timer is quietened for good. */
void nw_handle_interrupt(void)
{
	u32 intid = gic_ack();

	if (intid >= GIC_INTID_SPURIOUS) {
		other_taken++; /* spurious: nothing of ours was pending */
		return;
	}
	if (intid == PLAT_INTID_EL2_TIMER) {
		taken_at = el2_timer_now();
		el2_timer_stop();
		timer_taken++;
	} else {
		other_taken++;
	}
	gic_eoi(intid);
}

static void timer_arm(u64 ticks)
{
	gic_ppi_enable(PLAT_INTID_EL2_TIMER, 0xa0);
	gic_cpu_open();
	el2_timer_arm(el2_timer_now() + ticks);
}

static void timer_off(void)
{
	el2_timer_stop();
	gic_ppi_disable(PLAT_INTID_EL2_TIMER);
}

void test_preempt(void)
{
	static const u32 ks_w[4] = { KEYSTORE_TA_UUID };
	/* each in a page of its own: a page is in one FF-A share at a time */
	static u8 msg[64] __attribute__((aligned(4096)));
	static u8 sig[64] __attribute__((aligned(4096)));
	static u8 pub[32] __attribute__((aligned(4096)));
	TEEC_UUID ks = nw_teec_uuid(ks_w);
	u64 armed_at;
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Operation op;
	u32 origin;

	CHECK_EQ(TEEC_InitializeContext("keystore", &ctx), TEEC_SUCCESS,
		 "preempt: the key-store TEE");
	CHECK_EQ(TEEC_OpenSession(&ctx, &s, &ks, TEEC_LOGIN_PUBLIC, NULL, NULL,
				  &origin),
		 TEEC_SUCCESS, "preempt: key-store TA session");
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].value.a = 2;
	CHECK_EQ(TEEC_InvokeCommand(&s, KEYSTORE_CMD_GENERATE, &op, &origin),
		 TEEC_SUCCESS, "preempt: a key pair in slot 2");
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[1].tmpref.buffer = pub;
	op.params[1].tmpref.size = sizeof(pub);
	TEEC_InvokeCommand(&s, KEYSTORE_CMD_PUBLIC_KEY, &op, &origin);
	memcpy(msg, "signed while the timer fires", 28);

	/*
	 * A signature is about two million instructions inside the TA; under
	 * -icount (as make test runs this) a tick of the 62.5 MHz counter is
	 * 16 instructions, so the timer fires 800,000 instructions in, long
	 * after the request has reached the TA and long before it is done.
	 */
	armed_at = el2_timer_now();
	timer_arm(PREEMPT_TICKS);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT,
				 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
	op.params[1].tmpref.buffer = msg;
	op.params[1].tmpref.size = 28;
	op.params[2].tmpref.buffer = sig;
	op.params[2].tmpref.size = sizeof(sig);
	CHECK_EQ(
		TEEC_InvokeCommand(&s, KEYSTORE_CMD_SIGN_ED25519, &op, &origin),
		TEEC_SUCCESS, "preempt: the interrupted call completes");
	timer_off();
	CHECK_EQ(timer_taken, 1,
		 "preempt: FFA_INTERRUPT, and the timer taken by the normal "
		 "world");
	CHECK_EQ(other_taken, 0, "preempt: ... and nothing else");
	/* the TA was working when the timer fired, and the CPU came back to
	 * us at once: within 2,000 ticks (32,000 instructions) of the
	 * deadline, far less than what was left of the signature */
	CHECK_EQ(taken_at >= armed_at + PREEMPT_TICKS &&
			 taken_at < armed_at + PREEMPT_TICKS + 2000,
		 1, "preempt: the TA was preempted when the timer fired");
	CHECK_EQ(ed25519_verify(sig, pub, msg, 28), true,
		 "preempt: the TA resumed where it was: signature valid");
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[1].tmpref.buffer = pub;
	op.params[1].tmpref.size = sizeof(pub);
	CHECK_EQ(TEEC_InvokeCommand(&s, KEYSTORE_CMD_PUBLIC_KEY, &op, &origin),
		 TEEC_SUCCESS, "preempt: the TEE serves on");
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}
