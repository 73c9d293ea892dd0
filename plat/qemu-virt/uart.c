/* PL011 UART output: the secure and the normal world each have one. */
#include "plat/qemu-virt/uart.h"

#define PL011_DR 0x00
#define PL011_FR 0x18
#define PL011_FR_TXFF (1u << 5)

void uart_putc(u64 base, char c)
{
	volatile u32 *dr = (volatile u32 *)(base + PL011_DR);
	volatile u32 *fr = (volatile u32 *)(base + PL011_FR);

	if (c == '\n')
		uart_putc(base, '\r');
	while (*fr & PL011_FR_TXFF)
		;
	*dr = (u8)c;
}
