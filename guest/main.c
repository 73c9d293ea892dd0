/* A guest kernel at NS-EL1: its FF-A calls go through the normal-world
 * hypervisor. */
#include "arch/aarch64/ffa_smc.h"
#include "arch/aarch64/sysreg.h"
#include "lib/log.h"
#include "lib/smccc.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "nwtest/tee_client_api.h"
#include "tos/ta/hello.h"
#include "tos/tos.h"
/* after nwtest.h: its CHECK_EQ is replaced by ours */
#include "guest/guest.h"

void guest_main(u64 dtb, u64 boot);
void guest_exception(u64 esr, u64 elr);

/* Lines go out through FFA_CONSOLE_LOG: the hypervisor says whose they are. */
static char line[128];
static unsigned line_len;

static void console_flush(void)
{
	unsigned off = 0;

	while (off < line_len) {
		struct ffa_value a = { { FFA_CONSOLE_LOG_32 } };
		unsigned n = line_len - off > 24 ? 24 : line_len - off, i;

		a.x[1] = n;
		for (i = 0; i < n; i++)
			a.x[2 + i / 4] |= (u64)(u8)line[off + i]
					  << (8 * (i % 4));
		ffa_smc(a);
		off += n;
	}
	line_len = 0;
}

static void console_putc(char c)
{
	line[line_len++] = c;
	if (c == '\n' || line_len == sizeof(line))
		console_flush();
}

static void __attribute__((noreturn)) power_off(void)
{
	nw_call(PSCI_SYSTEM_OFF, 0, 0, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

void guest_exception(u64 esr, u64 elr)
{
	log_printf("exception in the guest: ESR 0x%llx ELR 0x%llx\n",
		   (unsigned long long)esr, (unsigned long long)elr);
	power_off();
}

/* A request to TEE dst with our sender ID src: w4 = 40 + 2 if answered. */
static struct ffa_value add(u16 src, u16 dst)
{
	struct ffa_value a = { { FFA_MSG_SEND_DIRECT_REQ_32,
				 (u64)src << 16 | dst, 0, TOS_CMD_ADD, 40,
				 2 } };

	return ffa_smc(a);
}

static inline u64 counter(void)
{
	u64 v;

	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
	return v;
}

/*
 * TEEC_InvokeCommand with values from this guest to the TA and back,
 * through both hypervisors: 1,000 calls less an empty loop, in nanoseconds
 * of the virtual clock, which under QEMU -icount shift=0 are instructions.
 */
static void bench(TEEC_Session *s)
{
	TEEC_Operation op;
	u64 freq = read_sysreg(cntfrq_el0), t0, t1, e0, e1;
	u32 origin, i, bad = 0;
	volatile u32 sink = 0;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	t0 = counter();
	for (i = 0; i < 1000; i++) {
		op.params[0].value.a = i;
		op.params[0].value.b = 1;
		bad += TEEC_InvokeCommand(s, HELLO_CMD_ADD, &op, &origin) ||
		       op.params[1].value.a != i + 1;
	}
	t1 = counter();
	e0 = counter();
	for (i = 0; i < 1000; i++)
		sink += i;
	e1 = counter();
	CHECK_EQ(bad, 0, "bench: every call answered");
	log_printf("bench: TEEC_InvokeCommand from a guest at NS-EL1 through "
		   "both hypervisors: %llu instructions\n",
		   (unsigned long long)(((t1 - t0) - (e1 - e0)) *
					1000000000ULL / freq / 1000));
}

/*
 * The GP client in a guest: a TEE by name, a session with a TA, values and
 * memory through the hypervisor; the TEE the policy keeps from us refused.
 */
static void gp_client(const char *mine, const char *theirs)
{
	static const u32 hello_w[4] = { HELLO_UUID };
	static char buf[64] __attribute__((aligned(4096)));
	TEEC_UUID hello = nw_teec_uuid(hello_w);
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Operation op;
	u32 origin, sum;

	CHECK_EQ(TEEC_InitializeContext(mine, &ctx), TEEC_SUCCESS,
		 "TEEC: our TEE by name");
	CHECK_EQ(TEEC_OpenSession(&ctx, &s, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  NULL, &origin),
		 TEEC_SUCCESS, "TEEC: session with TA hello");
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = 20;
	op.params[0].value.b = 22;
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_ADD, &op, &origin),
		 TEEC_SUCCESS, "TEEC: invoke with values");
	CHECK_EQ(op.params[1].value.a, 42, "TEEC: ... 20 + 22 = 42");
	sum = op.params[1].value.a;
	memcpy(buf, "guest", 5);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, TEEC_VALUE_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = 5;
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_REVERSE, &op, &origin),
		 TEEC_SUCCESS, "TEEC: invoke with our memory");
	CHECK_EQ(memcmp(buf, "tseug", 5), 0, "TEEC: ... the TA worked on it");
	log_printf("GP client -> TEE '%s', TA hello: 20 + 22 = %u, \"guest\" "
		   "reversed: \"%c%c%c%c%c\"\n",
		   mine, sum, buf[0], buf[1], buf[2], buf[3], buf[4]);
	if (guest_id == 1)
		bench(&s);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
	CHECK_EQ(TEEC_InitializeContext(theirs, &ctx), TEEC_ERROR_ACCESS_DENIED,
		 "TEEC: the other TEE: TEEC_ERROR_ACCESS_DENIED");
	log_printf("GP client -> TEE '%s': access denied\n", theirs);
}

/* Memory that is not ours, or in another's name: refused. */
static void bad_shares(u16 me, u16 mine, u16 theirs)
{
	struct ffa_value r;

	CHECK_EQ(nw_mem_share(mine, 0x48000000ULL, 1), 0,
		 "sharing memory outside our own is refused");
	guest_id = me == 1 ? 2 : 1;
	CHECK_EQ(nw_mem_share(mine, (u64)nw_rx, 1), 0,
		 "sharing in the other guest's name is refused");
	guest_id = me;
	CHECK_EQ(nw_mem_share(theirs, (u64)nw_rx, 1), 0,
		 "sharing with the other guest's TEE is refused");
	r = nw_call(FFA_MEM_RECLAIM, 1, 0, 0, 0, 0);
	CHECK_EQ(ffa_err(r), (u64)(s64)FFA_INVALID_PARAMETERS,
		 "reclaiming a handle that is not ours is refused");
}

/*
 * How long the first guest misbehaves in each way, and how long the second
 * keeps calling meanwhile, in ticks of the 62.5 MHz wall clock (a tick is
 * 16 instructions under -icount): several of the hypervisor's 62,500-tick
 * slices each.
 */
#define HOG_TICKS 300000ULL
#define CALLING_TICKS 1300000ULL

static void __attribute__((noreturn)) finish(void)
{
	log_printf("%u passed, %u failed\n", guest_passed, guest_failed);
	power_off();
}

void guest_main(u64 dtb, u64 boot)
{
	struct ffa_value r;
	u16 me, other, mine, theirs;

	nw_dtb = (const void *)dtb;
	log_init("", console_putc);
	r = nw_call(FFA_ID_GET, 0, 0, 0, 0, 0);
	me = (u16)r.x[2];
	CHECK_EQ(r.x[0] == FFA_SUCCESS_32 && me != 0, 1,
		 "FFA_ID_GET: a VM ID of our own, not the hypervisor's");
	/* the system manifest binds VM 1 to alpha and VM 2 to beta */
	other = me == 1 ? 2 : 1;
	mine = me == 1 ? 0x8001 : 0x8002;
	theirs = me == 1 ? 0x8002 : 0x8001;
	log_printf("guest at NS-EL%llu, VM ID %u, boot %llu\n",
		   (unsigned long long)(read_sysreg(CurrentEL) >> 2), me,
		   (unsigned long long)boot + 1);
	if (boot) {
		/* reset by ourselves on our first boot: a clean slate in the
		 * TEE, then misbehaving while the other guest calls its own */
		guest_id = me;
		CHECK_EQ(nw_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0).x[0],
			 FFA_VERSION_1_2,
			 "restart: FFA_VERSION (our descriptors are v1.1)");
		CHECK_EQ(nw_call(FFA_RXTX_MAP_64, (u64)nw_tx, (u64)nw_rx, 1, 0,
				 0)
				 .x[0],
			 FFA_SUCCESS_32,
			 "restart: RX/TX buffers mapped again (a new boot has "
			 "none)");
		guest_after_reset(me, mine, me == 1 ? "alpha" : "beta");
		guest_test_donated_gone(mine);
		guest_hog(me, mine, HOG_TICKS);
		finish();
	}
	CHECK_EQ(nw_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0).x[0],
		 FFA_VERSION_1_2, "FFA_VERSION through the hypervisor");

	r = add(me, mine);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32,
		 "our TEE answers a direct request");
	CHECK_EQ(r.x[1], (u64)mine << 16 | me, "... addressed back to our VM");
	CHECK_EQ(r.x[4], 42, "... 40 + 2 = 42");
	log_printf("TEE 0x%04x answered: 40 + 2 = %llu\n", mine,
		   (unsigned long long)r.x[4]);

	r = add(me, theirs);
	CHECK_EQ(ffa_err(r), (u64)(s64)FFA_DENIED,
		 "the other guest's TEE: DENIED by the binding policy");
	log_printf("TEE 0x%04x refused us: FFA_ERROR %d\n", theirs,
		   (int)(s32)r.x[2]);

	CHECK_EQ(ffa_err(add(other, mine)), (u64)(s64)FFA_INVALID_PARAMETERS,
		 "a request in the other guest's name is refused");
	CHECK_EQ(ffa_err(add(0, mine)), (u64)(s64)FFA_INVALID_PARAMETERS,
		 "a request in the hypervisor's name is refused");
	guest_id = me;
	CHECK_EQ(nw_call(FFA_RXTX_MAP_64, (u64)nw_tx, (u64)nw_rx, 1, 0, 0).x[0],
		 FFA_SUCCESS_32, "RX/TX buffers mapped");
	CHECK_EQ(ffa_err(nw_call(FFA_RXTX_MAP_64, (u64)nw_tx, (u64)nw_rx, 1, 0,
				 0)),
		 (u64)(s64)FFA_DENIED, "... and not twice");
	guest_test_discovery(mine);
	gp_client(me == 1 ? "alpha" : "beta", me == 1 ? "beta" : "alpha");
	guest_test_ta_policy(me, mine, me == 1 ? "alpha" : "beta");
	guest_test_msg(me, other, mine, theirs);
	bad_shares(me, mine, theirs);
	guest_test_lend(me, mine, theirs);
	CHECK_EQ(nw_call(0x8400ff00u, 0, 0, 0, 0, 0).x[0],
		 (u64)(s64)SMCCC_NOT_SUPPORTED,
		 "an unknown SMC: NOT_SUPPORTED");
	if (me == 1) {
		guest_leave_state(me, mine, "alpha");
		log_printf("%u passed, %u failed\n", guest_passed,
			   guest_failed);
		nw_call(PSCI_SYSTEM_RESET, 0, 0, 0, 0, 0);
		CHECK_EQ(0, 1, "SYSTEM_RESET came back");
		finish();
	}
	guest_quota("beta");
	guest_keep_calling("beta", read_sysreg(cntpct_el0) + CALLING_TICKS);
	log_printf("%u passed, %u failed\n", guest_passed, guest_failed);
	/* hostile at the end: the other guest's RAM by its physical address,
	 * which is no address of ours */
	log_printf("reading 0x48000000, where VM 1's memory is\n");
	log_printf("read 0x%x: NOT STOPPED\n", *(volatile u32 *)0x48000000ULL);
	power_off();
}
