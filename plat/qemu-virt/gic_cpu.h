/* This core's interrupts at an EL2: private ones enabled, taken and ended. */
#ifndef PLAT_GIC_CPU_H
#define PLAT_GIC_CPU_H

#include "lib/types.h"

#define GIC_INTID_SPURIOUS 1020 /* an acknowledge with nothing pending */

/* Group 1 interrupts of any priority reach this EL from now on */
void gic_cpu_open(void);
/* A private peripheral interrupt of this core on, at priority prio, or off */
void gic_ppi_enable(u32 intid, u8 prio);
void gic_ppi_disable(u32 intid);
/* The highest pending Group 1 interrupt, now active (or spurious); its end */
u32 gic_ack(void);
void gic_eoi(u32 intid);

#endif
