/* GICv3 set-up done once by the boot code at EL3. */
#include "plat/qemu-virt/gic.h"
#include "plat/qemu-virt/platform.h"
#include "arch/aarch64/sysreg.h"

#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IGROUPR 0x0080
#define GICD_CTLR_RWP BIT(31)
#define GICD_CTLR_ARE_S BIT(4)
#define GICD_CTLR_ARE_NS BIT(5)
#define GICD_CTLR_GRP0 BIT(0)
#define GICD_CTLR_GRP1NS BIT(1)
#define GICD_CTLR_GRP1S BIT(2)

#define GICR_WAKER 0x0014
#define GICR_WAKER_SLEEP BIT(1)
#define GICR_WAKER_ASLEEP BIT(2)
#define GICR_SGI_BASE 0x10000
#define GICR_IGROUPR0 0x0080

static inline volatile u32 *reg32(u64 addr)
{
	return (volatile u32 *)addr;
}

void gic_init_el3(void)
{
	u32 lines, i;

	*reg32(PLAT_GICD_BASE + GICD_CTLR) = GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS;
	while (*reg32(PLAT_GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP)
		;
	lines = ((*reg32(PLAT_GICD_BASE + GICD_TYPER) & 0x1f) + 1) * 32;
	for (i = 32; i < lines; i += 32)
		*reg32(PLAT_GICD_BASE + GICD_IGROUPR + i / 8) = ~0u;
	*reg32(PLAT_GICD_BASE + GICD_CTLR) = GICD_CTLR_ARE_S |
					     GICD_CTLR_ARE_NS | GICD_CTLR_GRP0 |
					     GICD_CTLR_GRP1NS | GICD_CTLR_GRP1S;

	*reg32(PLAT_GICR_BASE + GICR_WAKER) &= ~(u32)GICR_WAKER_SLEEP;
	while (*reg32(PLAT_GICR_BASE + GICR_WAKER) & GICR_WAKER_ASLEEP)
		;
	*reg32(PLAT_GICR_BASE + GICR_SGI_BASE + GICR_IGROUPR0) = ~0u;

	/* System register interface at every EL, both Group 1 halves on. */
	write_sysreg(S3_6_C12_C12_5, 0xf); /* ICC_SRE_EL3 */
	isb();
	write_sysreg(S3_4_C12_C9_5, 0xf); /* ICC_SRE_EL2 */
	isb();
	write_sysreg(S3_6_C12_C12_7, 0x3); /* ICC_IGRPEN1_EL3 */
	isb();
}
