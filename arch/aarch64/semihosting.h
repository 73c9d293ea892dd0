/* Arm semihosting calls the tests use to end a QEMU run with a status. */
#ifndef ARCH_SEMIHOSTING_H
#define ARCH_SEMIHOSTING_H

#include "lib/types.h"

void __attribute__((noreturn)) semihosting_exit(u32 status);

#endif
