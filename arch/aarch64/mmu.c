/* Turning on EL2 stage-1 translation and setting up stage 2 registers. */
#include "arch/aarch64/mmu.h"
#include "arch/aarch64/sysreg.h"

void mmu_enable_el2(u64 root_pa)
{
	write_sysreg(mair_el2, MAIR_VALUE);
	write_sysreg(tcr_el2, TCR_EL2_RES1 | TCR_T0SZ(VA_BITS) | TCR_IRGN0_WB |
				      TCR_ORGN0_WB | TCR_SH0_INNER |
				      TCR_EL2_PS_40);
	write_sysreg(ttbr0_el2, root_pa);
	isb();
	__asm__ volatile("tlbi alle2" ::: "memory");
	dsb(ish);
	isb();
	write_sysreg(sctlr_el2, SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_SA |
					SCTLR_I | SCTLR_WXN);
	isb();
}
