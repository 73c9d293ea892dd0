/* FF-A partition information descriptors, in the v1.0 and v1.1+ layouts. */
#ifndef LIB_FFA_PARTINFO_H
#define LIB_FFA_PARTINFO_H

#include "lib/types.h"

#define FFA_PARTINFO_V1_0_SIZE 8
#define FFA_PARTINFO_V1_1_SIZE 24

/* Partition properties (v1.1 numbering; v1.0 has only bits 0-2) */
#define FFA_PROP_DIRECT_RECV BIT(0)
#define FFA_PROP_DIRECT_SEND BIT(1)
#define FFA_PROP_INDIRECT BIT(2)
#define FFA_PROP_NOTIFICATIONS BIT(3)
#define FFA_PROP_ID_PE (0ULL << 4)
#define FFA_PROP_VM_CREATED BIT(6) /* told when a VM is created */
#define FFA_PROP_VM_DESTROYED BIT(7) /* told when a VM is destroyed */
#define FFA_PROP_AARCH64 BIT(8)
#define FFA_PROP_DIRECT2_RECV BIT(9)
#define FFA_PROP_DIRECT2_SEND BIT(10)

/* Descriptor size a caller of this FF-A version expects. */
u32 ffa_partinfo_size(u32 version);

/* Properties for a manifest's messaging-method, as this version knows them. */
u32 ffa_partinfo_props(u32 messaging_method, u32 vm_availability, u32 version);

/* Writes one descriptor of ffa_partinfo_size(version) bytes at dst. */
void ffa_partinfo_write(void *dst, u32 version, u16 id, u16 exec_ctx_count,
			u32 props, const u32 uuid[4]);

/* Does the UUID in w1-w4 match? The null UUID matches every partition. */
bool ffa_uuid_match(const u32 want[4], const u32 uuid[4]);

#endif
