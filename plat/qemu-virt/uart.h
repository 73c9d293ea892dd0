/* PL011 UART output: the secure and the normal world each have one. */
#ifndef PLAT_UART_H
#define PLAT_UART_H

#include "lib/types.h"

void uart_putc(u64 base, char c);

#endif
