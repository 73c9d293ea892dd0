/* Running partition vCPUs, and keeping the normal world's state meanwhile. */
#include "arch/aarch64/sysreg.h"
#include "arch/aarch64/vcpu.h"
#include "lib/log.h"
#include "spmc/spmc.h"

#define HCR_SP                                                                \
	(HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_TSC | HCR_RW | \
	 HCR_APK | HCR_API)
/* CPTR_EL2: RES1 bits, and SVE (TZ), FP/SIMD (TFP) and SME (TSM) trapped */
#define CPTR_SP 0x37ffULL
/* CNTHCTL_EL2: EL1 may read the physical counter and use its timer */
#define CNTHCTL_SP 0x3ULL

/*
 * What running a partition overwrites of the normal world's state: its EL1
 * registers and the EL2 registers the monitor does not swap (HCR_EL2 and
 * VBAR_EL2 it does). Saved once per call that runs a partition, however
 * many partitions it runs, and restored before the answer goes back.
 */
struct ns_state {
	struct el1_context el1;
	struct el2_host_state el2;
};

/*
 * Whose EL1 registers are in the CPU while sp_run works (NULL: the normal
 * world's). A partition's calls to the SPMC come back to the same
 * partition, so its EL1 state stays in place until another one runs.
 */
static struct partition *el1_owner;

static void enter_partition(struct partition *p)
{
	if (el1_owner == p)
		return;
	if (el1_owner)
		el1_context_save(&el1_owner->vcpu.el1);
	guest_stage2_load(p->s2_secure.root_pa,
			  p->s2_ns.root_pa | (u64)p->vmid << 48);
	el1_context_load(&p->vcpu.el1);
	el1_owner = p;
	/* the ERET into the partition makes all of this take effect */
}

/* The partition's EL1 state back in its vCPU; the CPU's is free again. */
static void leave_partitions(void)
{
	if (el1_owner)
		el1_context_save(&el1_owner->vcpu.el1);
	el1_owner = NULL;
}

/* One trip into p; on return p's state is saved. Returns true if the next
 * thing to do is answer the normal world with *out. */
static bool run_once(struct partition *p, struct partition **next,
		     struct ffa_value *out)
{
	u64 exit, esr;

	enter_partition(p);
	exit = vcpu_run(&p->vcpu);
	esr = guest_exit_esr();
	*next = p;

	if (__builtin_expect(exit != VCPU_EXIT_SYNC, 0)) {
		if (exit == VCPU_EXIT_IRQ || exit == VCPU_EXIT_FIQ)
			return sp_preempt(p, next, out);
		return sp_fault(p, next, out, "SError (exit %llu)",
				(unsigned long long)exit);
	}
	switch (ESR_EC(esr)) {
	case EC_SMC64:
		p->vcpu.pc += 4; /* a trapped SMC returns to itself */
		return sp_handle_call(p, next, out);
	case EC_HVC64:
		return sp_handle_call(p, next, out);
	case EC_DABT_LOW:
	case EC_IABT_LOW:
		return sp_fault(
			p, next, out,
			"stage-2 %s abort at 0x%llx (ESR 0x%llx, PC 0x%llx)",
			ESR_EC(esr) == EC_DABT_LOW ? "data" : "instruction",
			(unsigned long long)guest_fault_ipa(),
			(unsigned long long)esr,
			(unsigned long long)p->vcpu.pc);
	case EC_FP:
		return sp_fault(p, next, out,
				"FP/SIMD use, not supported in partitions "
				"(PC 0x%llx)",
				(unsigned long long)p->vcpu.pc);
	default:
		return sp_fault(p, next, out,
				"trapped instruction (ESR 0x%llx, PC 0x%llx)",
				(unsigned long long)esr,
				(unsigned long long)p->vcpu.pc);
	}
}

void sp_run(struct partition *p, struct ffa_value *out)
{
	struct ns_state ns;

	el1_context_save(&ns.el1);
	el2_host_save(&ns.el2);
	guest_el2_setup(HCR_SP, CPTR_SP, CNTHCTL_SP);
	while (!run_once(p, &p, out))
		;
	leave_partitions();
	el1_context_load(&ns.el1);
	el2_host_restore(&ns.el2);
}

void sp_boot(struct partition *p)
{
	struct partition *next;
	struct ffa_value out;

	log_printf("booting partition 0x%04x '%s'\n", p->m.id, p->m.name);
	guest_el2_setup(HCR_SP, CPTR_SP, CNTHCTL_SP);
	/* a booting partition only ever hands control back by waiting or
	 * dying; a call that would involve the normal world is refused */
	while (p->state == SP_BOOTING)
		if (run_once(p, &next, &out) || next != p)
			break;
	leave_partitions();
}
