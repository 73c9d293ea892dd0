/* Scenario "bench": instruction counts of calls, read from PMCCNTR_EL0. */
#include "arch/aarch64/sysreg.h"
#include "lib/smccc.h"
#include "nwtest/nwtest.h"
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

void scenario_bench(void)
{
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
}
