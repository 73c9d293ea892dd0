/* FF-A partition manifests (Arm binding, compiled DTB) to a checked struct. */
#ifndef LIB_MANIFEST_H
#define LIB_MANIFEST_H

#include "lib/types.h"

#define MANIFEST_MAX_REGIONS 8
#define MANIFEST_NAME_MAX 32
/* a partition may offer several services, each named by a UUID (FF-A v1.1+) */
#define MANIFEST_MAX_UUIDS 4

/* attributes of memory and device regions */
#define MANIFEST_ATTR_R 0x1
#define MANIFEST_ATTR_W 0x2
#define MANIFEST_ATTR_X 0x4
#define MANIFEST_ATTR_NS 0x8

/* exception-level values */
#define MANIFEST_EL_EL1 0
#define MANIFEST_EL_S_EL0 1
#define MANIFEST_EL_S_EL1 2

struct manifest_region {
	char name[MANIFEST_NAME_MAX];
	u64 base;
	u32 pages;
	u32 attributes;
};

/* vm-availability-messages: which VM availability messages it gets */
#define MANIFEST_VM_CREATED BIT(0)
#define MANIFEST_VM_DESTROYED BIT(1)

#define MANIFEST_NO_BOOT_INFO 0xffffffffu

struct manifest {
	char name[MANIFEST_NAME_MAX]; /* "description" */
	/* as FF-A carries each in w1-w4; the first names the partition */
	u32 uuid[MANIFEST_MAX_UUIDS][4];
	u8 uuid_count;
	u16 id;
	u8 exception_level;
	u8 execution_state;
	u16 exec_ctx_count;
	u64 load_address;
	u64 entrypoint_offset;
	u64 image_size; /* 0 if not given */
	u32 xlat_granule;
	u32 messaging_method;
	u32 vm_availability; /* MANIFEST_VM_* messages it subscribes to */
	u32 boot_order; /* 0xffffffff if not given */
	/* "gp-register-num": the register that gets the address of its
	 * boot information at its first run */
	u32 boot_info_reg;
	u32 mem_size; /* bytes in all memory regions */
	u8 mem_count, dev_count;
	struct manifest_region mem[MANIFEST_MAX_REGIONS];
	struct manifest_region dev[MANIFEST_MAX_REGIONS];
};

/*
 * Returns 0, or -1 with *why saying what is wrong. The struct is only
 * meaningful on success.
 */
int manifest_parse(const void *dtb, size_t size, struct manifest *out,
		   const char **why);

bool manifest_uuid_is_null(const u32 uuid[4]);

#endif
