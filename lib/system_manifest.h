/* The system manifest: the normal world's guests, their memory, and the TEEs
 * each may call. */
#ifndef LIB_SYSTEM_MANIFEST_H
#define LIB_SYSTEM_MANIFEST_H

#include "lib/types.h"

#define SYSTEM_MAX_VMS 8
#define SYSTEM_MAX_TEES 4
#define SYSTEM_NAME_MAX 16
#define SYSTEM_MAX_TAS 8

/* A Trusted Application a VM may open in one of its TEEs. */
struct system_ta {
	u16 tee;
	u32 uuid[4]; /* as the TEE compares it: the UUID's 16 octets as
		      * four little-endian words */
};

struct system_vm {
	char name[SYSTEM_NAME_MAX]; /* "label" */
	u16 id; /* "vm-id": its FF-A endpoint ID, 1-0x7fff */
	u64 ram_base, ram_size; /* "memory": <base size>, two cells each */
	u16 tees[SYSTEM_MAX_TEES]; /* "tees": the partitions it may call */
	u8 tee_count;
	/*
	 * "tas": <tee uuid0 uuid1 uuid2 uuid3>, ... A TEE named here lets
	 * this VM open only the TAs listed for it; one not named, any TA.
	 */
	struct system_ta tas[SYSTEM_MAX_TAS];
	u8 ta_count;
};

struct system_manifest {
	u8 vm_count;
	struct system_vm vms[SYSTEM_MAX_VMS];
	/*
	 * "host-tees" at the root: the partitions the normal world's own
	 * endpoint (ID 0: the hypervisor itself, or a kernel that runs
	 * without one) may call. Not given: those some VM may call.
	 */
	u16 host_tees[SYSTEM_MAX_TEES];
	u8 host_tee_count;
	bool host_tees_given;
};

/*
 * Reads a compiled system manifest (compatible "tessera,system-1.0", one
 * vm@N node per guest). Returns 0, or -1 with *why saying what is wrong.
 * Memory placement is the hypervisor's to check; IDs must be unique.
 */
int system_manifest_parse(const void *dtb, size_t size,
			  struct system_manifest *out, const char **why);

/* The VM with this ID, or NULL. */
const struct system_vm *system_vm_find(const struct system_manifest *s, u16 id);

/* May this VM call this partition? */
bool system_vm_may_call(const struct system_vm *vm, u16 partition);

/* May the normal world's own endpoint call this partition? */
bool system_host_may_call(const struct system_manifest *s, u16 partition);

/* May this VM open the TA with this UUID in TEE tee (one it may call)? */
bool system_vm_may_open(const struct system_vm *vm, u16 tee, const u32 uuid[4]);

#endif
