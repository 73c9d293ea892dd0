/* A virtual CPU: the register state of one execution context of a guest. */
#ifndef ARCH_VCPU_H
#define ARCH_VCPU_H

#include "lib/types.h"

/*
 * EL1 system registers a guest owns. The order is fixed by
 * arch/aarch64/el1_context.S, which saves and loads them in pairs.
 */
struct el1_context {
	u64 sctlr, cpacr;
	u64 ttbr0, ttbr1;
	u64 tcr, mair;
	u64 amair, vbar;
	u64 contextidr, tpidr_el0;
	u64 tpidrro_el0, tpidr_el1;
	u64 sp_el0, sp_el1;
	u64 elr, spsr;
	u64 esr, far;
	u64 par, afsr0;
	u64 afsr1, cntkctl;
	u64 cntv_ctl, cntv_cval;
	u64 cntp_ctl, cntp_cval;
	u64 mdscr, csselr;
};

struct vcpu {
	u64 x[31];
	u64 pc; /* ELR_EL2 at exit */
	u64 pstate; /* SPSR_EL2 at exit */
	struct el1_context el1;
};

/* Why vcpu_run returned */
#define VCPU_EXIT_SYNC 0
#define VCPU_EXIT_IRQ 1
#define VCPU_EXIT_FIQ 2
#define VCPU_EXIT_SERROR 3

/* Saved and loaded by arch/aarch64/el1_context.S */
void el1_context_save(struct el1_context *c);
void el1_context_load(const struct el1_context *c);

/* EL2 registers a guest's run overwrites that the host may still need */
struct el2_host_state {
	u64 vttbr, vtcr, cptr, cnthctl, elr, spsr, esr, far, hpfar;
};
void el2_host_save(struct el2_host_state *s);
void el2_host_restore(const struct el2_host_state *s);

/*
 * Once per boot: hv_vectors become this EL2's vectors (guests' exits come
 * back to us), and in the secure world the secure stage-2 controls are set.
 */
void guest_el2_init(bool secure);

/*
 * Trap and stage-2 controls shared by every guest of this hypervisor; the
 * other world's EL2 uses the same registers, so this is done on each entry.
 */
void guest_el2_setup(u64 hcr, u64 cptr, u64 cnthctl);
/* Stage-2 roots of one guest: secure and non-secure IPA spaces. */
void guest_stage2_load(u64 vsttbr, u64 vttbr);

/*
 * After a stage-2 entry of the guest whose VMID is loaded was removed or
 * weakened: no stale translation of it survives.
 */
void guest_stage2_flush(void);

/* The syndrome of the guest's last exit, and the IPA of a stage-2 abort. */
u64 guest_exit_esr(void);
u64 guest_fault_ipa(void);

/*
 * Enters the vCPU at EL1 with its general registers, pc and pstate (EL1
 * state must already be loaded) and returns when it traps to EL2, with the
 * vCPU's registers saved. Returns a VCPU_EXIT_* value.
 */
u64 vcpu_run(struct vcpu *v);

/* The EL2 vectors used while guests run; install before vcpu_run. */
extern char hv_vectors[];

#endif
