/* Turning on EL2 stage-1 translation and setting up stage 2 registers. */
#include "arch/aarch64/mmu.h"
#include "arch/aarch64/sysreg.h"

#define TCR_T0SZ(bits) (64ULL - (bits))
#define TCR_IRGN0_WB (1ULL << 8)
#define TCR_ORGN0_WB (1ULL << 10)
#define TCR_SH0_INNER (3ULL << 12)
#define TCR_EL2_PS_40 (2ULL << 16)
#define TCR_EL2_RES1 (BIT(31) | BIT(23))
#define VTCR_SL0_L1 (1ULL << 6)
#define VTCR_PS_40 (2ULL << 16)
#define VTCR_NSA BIT(30)

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

static u64 stage2_tcr_common(void)
{
	return TCR_T0SZ(VA_BITS) | VTCR_SL0_L1 | TCR_IRGN0_WB | TCR_ORGN0_WB |
	       TCR_SH0_INNER;
}

u64 mmu_vtcr(void)
{
	/* the non-secure IPA space always lands in non-secure PA space */
	return stage2_tcr_common() | VTCR_PS_40 | VTCR_NSA | BIT(31);
}

u64 mmu_vstcr(void)
{
	/* secure IPA space: walks and output both secure (SW = SA = 0) */
	return stage2_tcr_common();
}
