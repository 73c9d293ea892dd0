/* Normal-world test program: checks, FF-A helpers and the scenarios. */
#ifndef NWTEST_NWTEST_H
#define NWTEST_NWTEST_H

#include "arch/aarch64/ffa_smc.h"
#include "lib/ffa.h"
#include "lib/log.h"

extern unsigned nw_passed, nw_failed;

void nw_check(bool ok, const char *what, u64 got, u64 want);
/* got and want are evaluated once each: got is often a call */
#define CHECK_EQ(got, want, what)                           \
	do {                                                \
		u64 got_ = (u64)(got), want_ = (u64)(want); \
		nw_check(got_ == want_, what, got_, want_); \
	} while (0)

/* A call, with anything not given zero. */
struct ffa_value nw_call(u64 x0, u64 x1, u64 x2, u64 x3, u64 x4, u64 x5);

/* A 64-bit direct request for trusted-OS service cmd (tos/tos.h), x4-x6. */
struct ffa_value nw_tos(u16 sp, u32 cmd, u64 a4, u64 a5, u64 a6);

/* Checks r is FFA_ERROR with this code. */
void check_error(struct ffa_value r, s32 code, const char *what);
/* Checks r is FFA_SUCCESS (32 or 64). */
void check_success(struct ffa_value r, const char *what);

/* The last synchronous exception taken at EL2 (ESR), 0 if none since reset */
extern volatile u64 nw_last_esr;

/* The device tree we were handed (x0 at entry) */
extern const void *nw_dtb;

/* Where the normal world keeps its RX/TX buffers */
extern u8 nw_tx[4096], nw_rx[4096];

void scenario_ffa(u64 dtb);
/* Part of scenario "ffa": memory transactions (RX/TX mapped) */
void test_memory(void);
/* Part of scenario "ffa": notifications and indirect messages */
void test_notifications(void);
/* Part of scenario "ffa": the key-store TEE's service and its refusals */
void test_keystore(void);
/* Part of scenario "ffa": a Trusted Application at S-EL0 in alpha */
void test_ta(void);
/* Part of scenario "ffa": OP-TEE's FF-A message ABI to the same TA */
void test_optee(void);
/* Part of scenario "ffa": the GP TEE Client API (nwtest/teec.c) */
void test_teec(void);
/* Part of scenario "ffa": a normal-world interrupt preempts a partition */
void test_preempt(void);
/*
 * What the normal world does when a call comes back with FFA_INTERRUPT:
 * take the interrupt that is pending (nwtest/test_preempt.c), before
 * FFA_RUN resumes the partition.
 */
void nw_handle_interrupt(void);
/* A send descriptor for one range in our TX, in version's layout */
u32 nw_mem_desc(u32 version, u16 receiver, u64 addr, u32 npages, u8 perms);
/* Shares pages with a partition (v1.1 descriptor); the handle, or 0 */
u64 nw_mem_share(u16 receiver, u64 addr, u32 npages);
void scenario_isolation(int which);
void scenario_demo(void);
void scenario_bench(void);

#define ALPHA_ID 0x8001
#define BETA_ID 0x8002
#define KEYSTORE_ID 0x8003

#endif
