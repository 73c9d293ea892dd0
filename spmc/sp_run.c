/* Running partition vCPUs, and keeping the normal world's state meanwhile. */
#include "arch/aarch64/mmu.h"
#include "arch/aarch64/sysreg.h"
#include "lib/log.h"
#include "spmc/spmc.h"

#define VSTTBR_EL2 S3_4_C2_C6_0
#define VSTCR_EL2 S3_4_C2_C6_2

#define HCR_SP (HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_TSC | \
		HCR_RW | HCR_APK | HCR_API)
/* CPTR_EL2: RES1 bits, and SVE (TZ), FP/SIMD (TFP) and SME (TSM) trapped */
#define CPTR_SP 0x37ffULL

/*
 * What running a partition overwrites of the normal world's state: its EL1
 * registers and the EL2 registers the monitor does not swap (HCR_EL2 and
 * VBAR_EL2 it does). Saved once per call that runs a partition, restored
 * before the answer goes back.
 */
struct ns_state {
	struct el1_context el1;
	u64 vttbr, vtcr, cptr, cnthctl;
	u64 elr, spsr, esr, far, hpfar;
};

static void ns_state_save(struct ns_state *s)
{
	el1_context_save(&s->el1);
	s->vttbr = read_sysreg(vttbr_el2);
	s->vtcr = read_sysreg(vtcr_el2);
	s->cptr = read_sysreg(cptr_el2);
	s->cnthctl = read_sysreg(cnthctl_el2);
	s->elr = read_sysreg(elr_el2);
	s->spsr = read_sysreg(spsr_el2);
	s->esr = read_sysreg(esr_el2);
	s->far = read_sysreg(far_el2);
	s->hpfar = read_sysreg(hpfar_el2);
}

static void ns_state_restore(const struct ns_state *s)
{
	el1_context_load(&s->el1);
	write_sysreg(vttbr_el2, s->vttbr);
	write_sysreg(vtcr_el2, s->vtcr);
	write_sysreg(cptr_el2, s->cptr);
	write_sysreg(cnthctl_el2, s->cnthctl);
	write_sysreg(elr_el2, s->elr);
	write_sysreg(spsr_el2, s->spsr);
	write_sysreg(esr_el2, s->esr);
	write_sysreg(far_el2, s->far);
	write_sysreg(hpfar_el2, s->hpfar);
	isb();
}

/* EL2 set-up common to every partition, once per call that runs one. */
static void enter_partitions(void)
{
	write_sysreg(VSTCR_EL2, mmu_vstcr());
	write_sysreg(vtcr_el2, mmu_vtcr());
	write_sysreg(hcr_el2, HCR_SP);
	/* FP/SIMD is trapped: partitions are built without it so far */
	write_sysreg(cptr_el2, CPTR_SP);
	/* EL1 may read the physical counter and use its timer */
	write_sysreg(cnthctl_el2, 3);
}

static void enter_partition(const struct partition *p)
{
	write_sysreg(VSTTBR_EL2, p->s2_secure.root_pa);
	write_sysreg(vttbr_el2, p->s2_ns.root_pa | (u64)p->vmid << 48);
	el1_context_load(&p->vcpu.el1);
	isb();
}

/* One trip into p; on return p's state is saved. Returns true if the next
 * thing to do is answer the normal world with *out. */
static bool run_once(struct partition *p, struct partition **next,
		     struct ffa_value *out)
{
	u64 exit, esr;

	enter_partition(p);
	exit = vcpu_run(&p->vcpu);
	el1_context_save(&p->vcpu.el1);
	esr = read_sysreg(esr_el2);
	*next = p;

	if (exit != VCPU_EXIT_SYNC)
		/* no interrupt is routed to partitions yet */
		return sp_fault(p, next, out,
				"unexpected interrupt or SError (exit %llu)",
				(unsigned long long)exit);
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
			(unsigned long long)((read_sysreg(hpfar_el2) &
					      0xffffffffff0ULL)
						     << 8 |
					     (read_sysreg(far_el2) & 0xfff)),
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

struct ffa_value sp_run(struct partition *p)
{
	struct ns_state ns;
	struct ffa_value out;

	ns_state_save(&ns);
	enter_partitions();
	while (!run_once(p, &p, &out))
		;
	ns_state_restore(&ns);
	return out;
}

void sp_boot(struct partition *p)
{
	struct partition *next;
	struct ffa_value out;

	log_printf("booting partition 0x%04x '%s'\n", p->m.id, p->m.name);
	enter_partitions();
	/* a booting partition only ever hands control back by waiting or
	 * dying; a call that would involve the normal world is refused */
	while (p->state == SP_BOOTING)
		if (run_once(p, &next, &out) || next != p)
			break;
}
