/* Board power control: QEMU virt's secure GPIO lines for off and reset. */
#ifndef PLAT_POWER_H
#define PLAT_POWER_H

void __attribute__((noreturn)) plat_system_off(void);
void __attribute__((noreturn)) plat_system_reset(void);

#endif
