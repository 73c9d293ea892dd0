/* Board power control: QEMU virt's secure GPIO lines for off and reset. */
#include "plat/qemu-virt/power.h"
#include "lib/types.h"

/* Secure PL061: line 0 is wired to power-off, line 1 to reset. */
#define SECURE_GPIO_BASE 0x090b0000ULL
#define PL061_DIR 0x400
#define LINE_OFF 0
#define LINE_RESET 1

static void __attribute__((noreturn)) pulse(unsigned line)
{
	volatile u32 *dir = (volatile u32 *)(SECURE_GPIO_BASE + PL061_DIR);
	/* PL061 data: address bits [9:2] mask which lines a write touches */
	volatile u32 *data =
		(volatile u32 *)(SECURE_GPIO_BASE + (BIT(line) << 2));

	*dir |= (u32)BIT(line);
	*data = 0;
	*data = (u32)BIT(line);
	for (;;)
		__asm__ volatile("wfi");
}

void plat_system_off(void)
{
	pulse(LINE_OFF);
}

void plat_system_reset(void)
{
	pulse(LINE_RESET);
}
