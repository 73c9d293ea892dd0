/* This core's interrupts at an EL2: private ones enabled, taken and ended. */
#include "arch/aarch64/sysreg.h"
#include "plat/qemu-virt/gic_cpu.h"
#include "plat/qemu-virt/platform.h"

/* The redistributor's SGI/PPI frame */
#define GICR_SGI (PLAT_GICR_BASE + 0x10000)
#define GICR_ISENABLER0 0x100
#define GICR_ICENABLER0 0x180
#define GICR_IPRIORITYR 0x400

#define ICC_PMR_EL1 S3_0_C4_C6_0
#define ICC_IAR1_EL1 S3_0_C12_C12_0
#define ICC_EOIR1_EL1 S3_0_C12_C12_1
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7

static volatile u32 *gicr_sgi(u32 off)
{
	return (volatile u32 *)(uintptr_t)(GICR_SGI + off);
}

void gic_cpu_open(void)
{
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();
}

void gic_ppi_enable(u32 intid, u8 prio)
{
	*((volatile u8 *)gicr_sgi(GICR_IPRIORITYR) + intid) = prio;
	*gicr_sgi(GICR_ISENABLER0) = 1u << intid;
	dsb(sy);
}

void gic_ppi_disable(u32 intid)
{
	*gicr_sgi(GICR_ICENABLER0) = 1u << intid;
	dsb(sy);
}

u32 gic_ack(void)
{
	return (u32)read_sysreg(ICC_IAR1_EL1) & 0xffffff;
}

void gic_eoi(u32 intid)
{
	write_sysreg(ICC_EOIR1_EL1, intid);
	isb();
}
