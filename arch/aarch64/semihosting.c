/* Arm semihosting calls the tests use to end a QEMU run with a status. */
#include "arch/aarch64/semihosting.h"

#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026ULL

void semihosting_exit(u32 status)
{
	u64 block[2] = { ADP_STOPPED_APPLICATION_EXIT, status };
	register u64 op __asm__("x0") = SYS_EXIT;
	register u64 arg __asm__("x1") = (u64)block;

	__asm__ volatile("hlt #0xf000" : "+r"(op) : "r"(arg) : "memory");
	for (;;)
		__asm__ volatile("wfi");
}
