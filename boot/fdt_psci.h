/* Adds nodes (/psci, the TEE directory) to the device tree in place. */
#ifndef BOOT_FDT_PSCI_H
#define BOOT_FDT_PSCI_H

#include "lib/types.h"

/*
 * Adds /psci { compatible = "arm,psci-1.0", "arm,psci-0.2"; method = "smc"; }
 * to the DTB at blob, growing it within max bytes. Leaves an existing /psci
 * node alone. Returns 0, or -1 (blob unchanged) if it cannot.
 */
int fdt_add_psci(void *blob, size_t max);

/* A property to add: name, and value of len bytes (big-endian cells) */
struct fdt_new_prop {
	const char *name;
	const void *value;
	u32 len;
};
#define FDT_NODE_MAX 256 /* bytes of one new node */
#define FDT_NEW_STRINGS_MAX 96 /* new property names of one node */

/*
 * Appends /name with props as the root's last child, growing the DTB
 * within max bytes. Returns 0, or -1 (blob unchanged) if it cannot.
 */
int fdt_add_root_node(void *blob, size_t max, const char *name,
		      const struct fdt_new_prop *props, unsigned n);

#endif
