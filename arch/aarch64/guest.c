/* EL2 controls for running guests: traps, stage-2 roots, exit syndrome. */
#include "arch/aarch64/mmu.h"
#include "arch/aarch64/sysreg.h"
#include "arch/aarch64/vcpu.h"

#define VSTTBR_EL2 S3_4_C2_C6_0
#define VSTCR_EL2 S3_4_C2_C6_2

void guest_el2_init(bool secure)
{
	write_sysreg(vbar_el2, (u64)hv_vectors);
	/* only a secure EL2 has VSTCR_EL2, and nobody else changes it */
	if (secure)
		write_sysreg(VSTCR_EL2, MMU_VSTCR);
	isb();
}

void guest_el2_setup(u64 hcr, u64 cptr, u64 cnthctl)
{
	write_sysreg(vtcr_el2, MMU_VTCR);
	write_sysreg(hcr_el2, hcr);
	write_sysreg(cptr_el2, cptr);
	write_sysreg(cnthctl_el2, cnthctl);
}

void guest_stage2_load(u64 vsttbr, u64 vttbr)
{
	write_sysreg(VSTTBR_EL2, vsttbr);
	write_sysreg(vttbr_el2, vttbr);
}

void guest_stage2_flush(void)
{
	/* page-table writes visible to the walker before the invalidation */
	dsb(ishst);
	__asm__ volatile("tlbi vmalls12e1is" ::: "memory");
	dsb(ish);
	isb();
}

u64 guest_exit_esr(void)
{
	return read_sysreg(esr_el2);
}

u64 guest_fault_ipa(void)
{
	/* HPFAR_EL2.FIPA holds IPA[47:12] in bits [39:4] */
	return (read_sysreg(hpfar_el2) & 0xffffffffff0ULL) << 8 |
	       (read_sysreg(far_el2) & 0xfff);
}
