/* Scenario "bench": instruction counts of calls, read from PMCCNTR_EL0. */
#include "arch/aarch64/sysreg.h"
#include "lib/smccc.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "nwtest/tee_client_api.h"
#include "tos/ta/hello.h"
#include "tos/ta/keystore_ta.h"
#include "plat/qemu-virt/platform.h"
#include "tos/tos.h"

/*
 * A lean SMC, x0-x7 in and out, the way a driver issues one: the count then
 * measures the firmware and not our argument shuffling.
 */
static inline u64 smc8(u64 a0, u64 a1, u64 a2, u64 a3)
{
	register u64 x0 __asm__("x0") = a0;
	register u64 x1 __asm__("x1") = a1;
	register u64 x2 __asm__("x2") = a2;
	register u64 x3 __asm__("x3") = a3;
	register u64 x4 __asm__("x4") = 40;
	register u64 x5 __asm__("x5") = 2;
	register u64 x6 __asm__("x6") = 0;
	register u64 x7 __asm__("x7") = 0;

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
			   "+r"(x5), "+r"(x6), "+r"(x7)
			 :
			 : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
			   "x16", "x17", "memory");
	return x0;
}

static inline u64 cycles(void)
{
	u64 v;

	__asm__ volatile("isb; mrs %0, pmccntr_el0" : "=r"(v)::"memory");
	return v;
}

/* All eight argument registers, for calls whose x4-x7 matter. */
static inline u64 smc_all(u64 a0, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5,
			  u64 a6, u64 a7, u64 *r2, u64 *r3)
{
	register u64 x0 __asm__("x0") = a0;
	register u64 x1 __asm__("x1") = a1;
	register u64 x2 __asm__("x2") = a2;
	register u64 x3 __asm__("x3") = a3;
	register u64 x4 __asm__("x4") = a4;
	register u64 x5 __asm__("x5") = a5;
	register u64 x6 __asm__("x6") = a6;
	register u64 x7 __asm__("x7") = a7;

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
			   "+r"(x5), "+r"(x6), "+r"(x7)
			 :
			 : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
			   "x16", "x17", "memory");
	*r2 = x2;
	*r3 = x3;
	return x0;
}

#define ROUNDS 8

/*
 * Counts one call ROUNDS times; after the first (which may take a different
 * path, e.g. a first-touch) they must all agree. Nothing else runs between
 * the two counter reads, and nothing is printed until all rounds are done.
 */
static u64 measure(const char *name, u64 a0, u64 a1, u64 a2, u64 a3,
		   u64 expect_x0)
{
	u64 empty, t0, t1, first, x0 = 0, count[ROUNDS];
	unsigned i;

	t0 = cycles();
	t1 = cycles();
	empty = t1 - t0;
	for (i = 0; i < ROUNDS; i++) {
		t0 = cycles();
		x0 = smc8(a0, a1, a2, a3);
		t1 = cycles();
		count[i] = t1 - t0 - empty;
	}
	first = count[1];
	for (i = 2; i < ROUNDS; i++)
		if (count[i] != first)
			log_printf("%s: count varies (%llu vs %llu)\n", name,
				   (unsigned long long)count[i],
				   (unsigned long long)first);
	CHECK_EQ(x0, expect_x0, name);
	log_printf("bench: %-34s %6llu instructions\n", name,
		   (unsigned long long)first);
	return first;
}

/* Where the benchmark's shared pages are: normal-world RAM nobody uses */
#define MEM_BENCH_BASE (PLAT_NS_DRAM_BASE + 0x2000000)

/*
 * share + retrieve + relinquish + reclaim of npages, as the normal world
 * and the trusted OS make them (the descriptor is written beforehand, as a
 * driver would have it ready).
 */
static u64 measure_mem(u32 npages)
{
	u64 count[ROUNDS], t0, t1, h, r2, r3, ok = 1;
	unsigned i;
	u32 len;

	for (i = 0; i < ROUNDS; i++) {
		len = nw_mem_desc(FFA_VERSION_1_1, ALPHA_ID, MEM_BENCH_BASE,
				  npages, 0x2 /* RW */);
		t0 = cycles();
		ok &= smc_all(FFA_MEM_SHARE_32, len, len, 0, 0, 0, 0, 0, &r2,
			      &r3) == FFA_SUCCESS_32;
		h = (u32)r2 | (u64)(u32)r3 << 32;
		ok &= smc_all(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0,
			      TOS_CMD_MEM_USE, (u32)h, h >> 32, 0,
			      TOS_MEM_MAP_ONLY, &r2,
			      &r3) == FFA_MSG_SEND_DIRECT_RESP_64 &&
		      r3 == TOS_OK;
		ok &= smc_all(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0,
			      TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0, 0, &r2,
			      &r3) == FFA_MSG_SEND_DIRECT_RESP_64 &&
		      r3 == TOS_OK;
		ok &= smc_all(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0, 0, 0,
			      &r2, &r3) == FFA_SUCCESS_32;
		t1 = cycles();
		count[i] = t1 - t0;
	}
	CHECK_EQ(ok, 1, "memory bench: every call succeeded");
	for (i = 2; i < ROUNDS; i++)
		if (count[i] != count[1])
			log_printf("memory %u pages: count varies (%llu vs "
				   "%llu)\n",
				   npages, (unsigned long long)count[i],
				   (unsigned long long)count[1]);
	log_printf("bench: share+retrieve+relinquish+reclaim %3u page(s) "
		   "%7llu instructions\n",
		   npages, (unsigned long long)count[1]);
	return count[1];
}

/* One FFA_MSG_SEND2 of 64 bytes to alpha; alpha empties RX in between. */
static void measure_send2(void)
{
	u64 count[ROUNDS], t0, t1, r2, r3, ok = 1;
	unsigned i;
	u32 v;

	memset(nw_tx, 0, 20 + 64);
	v = 20;
	memcpy(nw_tx + 8, &v, 4);
	v = ALPHA_ID;
	memcpy(nw_tx + 12, &v, 4);
	v = 64;
	memcpy(nw_tx + 16, &v, 4);
	for (i = 0; i < ROUNDS; i++) {
		t0 = cycles();
		ok &= smc_all(FFA_MSG_SEND2, 0, 0, 0, 0, 0, 0, 0, &r2, &r3) ==
		      FFA_SUCCESS_32;
		t1 = cycles();
		count[i] = t1 - t0;
		ok &= smc_all(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0,
			      TOS_CMD_MSG_READ, 0, 0, 0, 0, &r2,
			      &r3) == FFA_MSG_SEND_DIRECT_RESP_64;
	}
	CHECK_EQ(ok, 1, "MSG_SEND2 bench: every call succeeded");
	for (i = 2; i < ROUNDS; i++)
		if (count[i] != count[1])
			log_printf("MSG_SEND2: count varies\n");
	log_printf("bench: %-34s %6llu instructions\n",
		   "FFA_MSG_SEND2 of 64 bytes to alpha",
		   (unsigned long long)count[1]);
}

/* TEEC_InvokeCommand, normal world to a TA at S-EL0 and back. */
static void measure_teec(void)
{
	static const TEEC_UUID hello = { 0x3f6c1a2e,
					 0x9d84,
					 0x4b57,
					 { 0xa0, 0xc3, 0x5e, 0x1f, 0x7b, 0x2d,
					   0x8c, 0x90 } };
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_SharedMemory m;
	TEEC_Operation op;
	u64 v[ROUNDS], mem[ROUNDS], t0;
	u32 origin, ok = 1;
	unsigned i;

	ok &= TEEC_InitializeContext("alpha", &ctx) == TEEC_SUCCESS;
	ok &= TEEC_OpenSession(&ctx, &s, &hello, TEEC_LOGIN_PUBLIC, NULL, NULL,
			       &origin) == TEEC_SUCCESS;
	m.size = 4096;
	m.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	ok &= TEEC_AllocateSharedMemory(&ctx, &m) == TEEC_SUCCESS;
	for (i = 0; i < ROUNDS; i++) {
		memset(&op, 0, sizeof(op));
		op.paramTypes =
			TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = 40;
		op.params[0].value.b = 2;
		t0 = cycles();
		ok &= TEEC_InvokeCommand(&s, HELLO_CMD_ADD, &op, &origin) ==
		      TEEC_SUCCESS;
		v[i] = cycles() - t0;
		ok &= op.params[1].value.a == 42;
		op.paramTypes =
			TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
		op.params[0].memref.parent = &m;
		t0 = cycles();
		ok &= TEEC_InvokeCommand(&s, HELLO_CMD_REVERSE, &op, &origin) ==
		      TEEC_SUCCESS;
		mem[i] = cycles() - t0;
	}
	CHECK_EQ(ok, 1, "TEEC bench: every call succeeded");
	log_printf("bench: %-34s %6llu instructions\n",
		   "TEEC_InvokeCommand, value in/out",
		   (unsigned long long)v[1]);
	log_printf("bench: %-34s %6llu instructions (the TA reverses it)\n",
		   "TEEC_InvokeCommand, 4 KiB memref",
		   (unsigned long long)mem[1]);
	for (i = 2; i < ROUNDS; i++)
		if (v[i] != v[1] || mem[i] != mem[1])
			log_printf("TEEC: count varies\n");
	TEEC_ReleaseSharedMemory(&m);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

/* The key-store TEE signs 64 bytes with Ed25519: NS -> TA -> NS. */
static void measure_sign(void)
{
	static const u32 ks_w[4] = { KEYSTORE_TA_UUID };
	static u8 msg[64] __attribute__((aligned(4096)));
	static u8 sig[64] __attribute__((aligned(4096)));
	TEEC_UUID ks = nw_teec_uuid(ks_w);
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Operation op;
	u64 t[ROUNDS], t0;
	u32 origin, ok = 1;
	unsigned i;

	ok &= TEEC_InitializeContext("keystore", &ctx) == TEEC_SUCCESS;
	ok &= TEEC_OpenSession(&ctx, &s, &ks, TEEC_LOGIN_PUBLIC, NULL, NULL,
			       &origin) == TEEC_SUCCESS;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].value.a = 1;
	ok &= TEEC_InvokeCommand(&s, KEYSTORE_CMD_GENERATE, &op, &origin) ==
	      TEEC_SUCCESS;
	for (i = 0; i < ROUNDS; i++) {
		op.paramTypes = TEEC_PARAM_TYPES(
			TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT,
			TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
		op.params[1].tmpref.buffer = msg;
		op.params[1].tmpref.size = sizeof(msg);
		op.params[2].tmpref.buffer = sig;
		op.params[2].tmpref.size = sizeof(sig);
		t0 = cycles();
		ok &= TEEC_InvokeCommand(&s, KEYSTORE_CMD_SIGN_ED25519, &op,
					 &origin) == TEEC_SUCCESS;
		t[i] = cycles() - t0;
	}
	CHECK_EQ(ok, 1, "Ed25519 bench: every call succeeded");
	log_printf("bench: %-34s %6llu instructions\n",
		   "Ed25519 sign of 64 bytes (keystore)",
		   (unsigned long long)t[1]);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

void scenario_bench(void)
{
	u64 m1, m16, m256;
	u64 floor = 33, dr;

	/* cycle counter on, counting from zero */
	write_sysreg(pmcr_el0, BIT(0) | BIT(2));
	write_sysreg(pmcntenset_el0, BIT(31));
	isb();
	if (cycles() == cycles()) {
		log_printf("PMCCNTR_EL0 does not count here\n");
		nw_failed++;
		return;
	}
	measure("null SMC at the monitor (PSCI_VERSION)", PSCI_VERSION, 0, 0, 0,
		PSCI_VERSION_1_1);
	measure("FFA_VERSION answered by the SPMC", FFA_VERSION,
		FFA_VERSION_1_1, 0, 0, FFA_VERSION_1_2);
	dr = measure("direct request round trip to alpha",
		     FFA_MSG_SEND_DIRECT_REQ_32, ALPHA_ID, 0, TOS_CMD_ADD,
		     FFA_MSG_SEND_DIRECT_RESP_32);
	log_printf("bench: direct request = %llu.%02llu x the 33-instruction "
		   "floor\n",
		   (unsigned long long)(dr / floor),
		   (unsigned long long)(dr * 100 / floor % 100));

	check_success(nw_call(FFA_RXTX_MAP_64, (u64)nw_tx, (u64)nw_rx, 1, 0, 0),
		      "RX/TX mapped for the memory benchmarks");
	nw_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0);
	m1 = measure_mem(1);
	m16 = measure_mem(16);
	m256 = measure_mem(256);
	log_printf("bench: memory, cost per extra page %llu (1->16), %llu "
		   "(16->256)\n",
		   (unsigned long long)((m16 - m1) / 15),
		   (unsigned long long)((m256 - m16) / 240));
	measure_send2();
	measure_teec();
	measure_sign();
}
