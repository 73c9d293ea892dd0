/* The system manifest: the normal world's guests, their memory, and the TEEs each may call. */
#ifndef LIB_SYSTEM_MANIFEST_H
#define LIB_SYSTEM_MANIFEST_H

#include "lib/types.h"

#define SYSTEM_MAX_VMS 8
#define SYSTEM_MAX_TEES 4
#define SYSTEM_NAME_MAX 16

struct system_vm {
	char name[SYSTEM_NAME_MAX]; /* "label" */
	u16 id; /* "vm-id": its FF-A endpoint ID, 1-0x7fff */
	u64 ram_base, ram_size; /* "memory": <base size>, two cells each */
	u16 tees[SYSTEM_MAX_TEES]; /* "tees": the partitions it may call */
	u8 tee_count;
};

struct system_manifest {
	u8 vm_count;
	struct system_vm vms[SYSTEM_MAX_VMS];
};

/*
 * Reads a compiled system manifest (compatible "tessera,system-1.0", one
 * vm@N node per guest). Returns 0, or -1 with *why saying what is wrong.
 * Memory placement is the hypervisor's to check; IDs must be unique.
 */
int system_manifest_parse(const void *dtb, size_t size,
			  struct system_manifest *out, const char **why);

/* The VM with this ID, or NULL. */
const struct system_vm *system_vm_find(const struct system_manifest *s,
				       u16 id);

/* May this VM call this partition? */
bool system_vm_may_call(const struct system_vm *vm, u16 partition);

#endif
