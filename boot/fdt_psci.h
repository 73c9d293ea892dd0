/* Adds the /psci node the normal world needs to the device tree in place. */
#ifndef BOOT_FDT_PSCI_H
#define BOOT_FDT_PSCI_H

#include "lib/types.h"

/*
 * Adds /psci { compatible = "arm,psci-1.0", "arm,psci-0.2"; method = "smc"; }
 * to the DTB at blob, growing it within max bytes. Leaves an existing /psci
 * node alone. Returns 0, or -1 (blob unchanged) if it cannot.
 */
int fdt_add_psci(void *blob, size_t max);

#endif
