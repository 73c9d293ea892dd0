/* FF-A boot information: the blob a partition manager hands a partition at its
 * first run. */
#ifndef LIB_FFA_BOOT_INFO_H
#define LIB_FFA_BOOT_INFO_H

#include "lib/types.h"

#define FFA_BOOT_INFO_SIGNATURE 0xffau
#define FFA_BOOT_INFO_VERSION 0x10002u /* the layout of FF-A v1.1 and v1.2 */
#define FFA_BOOT_INFO_HEADER_SIZE 32
#define FFA_BOOT_INFO_DESC_SIZE 32
#define FFA_BOOT_INFO_NAME_SIZE 16
/* descriptor type: bit 7 set for implementation-defined information */
#define FFA_BOOT_INFO_IMPDEF 0x80u

struct ffa_boot_info_item {
	const char *name; /* at most 15 characters */
	u8 type;
	const void *data;
	u32 size;
};

/*
 * Writes into buf (size bytes, which the partition sees at address at) a
 * blob of one descriptor per item, each item's content copied after the
 * descriptors on an 8-byte boundary and named by its address. Returns the
 * blob's size, or 0 if it does not fit.
 */
size_t ffa_boot_info_write(u8 *buf, size_t size, u64 at,
			   const struct ffa_boot_info_item *items, unsigned n);

/*
 * The content of the first item of this type in the blob at buf (of
 * which max bytes may be read; the partition sees it at at), and its size
 * in *size; NULL if the blob is malformed, lies outside those bytes or has
 * no such item.
 */
const u8 *ffa_boot_info_find(const u8 *buf, size_t max, u64 at, u8 type,
			     u32 *size);

#endif
