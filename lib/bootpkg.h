/* Boot package format (flash → boot code) and the boot info handed onwards. */
#ifndef LIB_BOOTPKG_H
#define LIB_BOOTPKG_H

#include "lib/types.h"

#define BOOTPKG_MAGIC 0x4b505354u /* "TSPK" little-endian */
#define BOOTPKG_VERSION 1u
#define BOOTPKG_MAX_ENTRIES 16
#define BOOTPKG_NAME_MAX 16

enum bootpkg_type {
	BOOTPKG_MONITOR = 1,
	BOOTPKG_SPMC = 2,
	BOOTPKG_SP = 3,
	BOOTPKG_SP_MANIFEST = 4,
	BOOTPKG_NS_IMAGE = 5,
	BOOTPKG_SYSTEM = 6, /* the system manifest: guests and binding policy */
	BOOTPKG_TYPE_COUNT
};

struct bootpkg_entry {
	char name[BOOTPKG_NAME_MAX]; /* NUL-padded; a partition's image and
					manifest share its name */
	u32 type;
	u32 flags;
	u64 load_addr;
	u32 offset; /* from the start of the package */
	u32 size;
	u8 sha256[32];
};

/*
 * The signature (not checked yet) will cover the header with its hashes,
 * which in turn cover every image: sig_offset/sig_size locate it.
 */
struct bootpkg_header {
	u32 magic;
	u32 version;
	u32 count;
	u32 total_size;
	u32 sig_offset;
	u32 sig_size;
	u32 reserved[2];
	struct bootpkg_entry entry[BOOTPKG_MAX_ENTRIES];
};

/* Where an image of each type may be loaded: [base, end). */
struct bootpkg_region {
	u64 base, end;
};

/*
 * Checks the header against the package size and every entry's load range
 * against allowed[type] and against each other. Returns 0, or -1 with *why
 * set and *bad the index of the offending entry (-1 for the header).
 * Hashes are checked by the loader after copying, not here.
 */
int bootpkg_check(const void *pkg, size_t size,
		  const struct bootpkg_region allowed[BOOTPKG_TYPE_COUNT],
		  const char **why, int *bad);

const char *bootpkg_type_name(u32 type);

/* What the boot code loaded and measured, for the monitor and the SPMC. */
#define BOOTINFO_MAGIC 0x464e4954u /* "TINF" */
struct bootinfo_image {
	char name[BOOTPKG_NAME_MAX];
	u32 type;
	u32 size;
	u64 addr;
	u8 sha256[32];
};

struct bootinfo {
	u32 magic;
	u32 count;
	u64 ns_dtb;
	struct bootinfo_image image[BOOTPKG_MAX_ENTRIES];
};

const struct bootinfo_image *bootinfo_find(const struct bootinfo *bi, u32 type,
					   const char *name);

#endif
