/* GICv3 set-up done once by the boot code at EL3. */
#ifndef PLAT_GIC_H
#define PLAT_GIC_H

/*
 * Enables affinity routing and all three groups, wakes this core's
 * redistributor, and puts every interrupt in Group 1 Non-secure until a
 * secure owner claims one.
 */
void gic_init_el3(void);

#endif
