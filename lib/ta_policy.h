/* The TAs each normal-world VM may open in one TEE: the system manifest's slice
 * that the SPMC hands that TEE. */
#ifndef LIB_TA_POLICY_H
#define LIB_TA_POLICY_H

#include "lib/ffa_boot_info.h"
#include "lib/system_manifest.h"

/* Its FF-A boot information type (implementation-defined, number 1) */
#define TA_POLICY_BOOT_INFO (FFA_BOOT_INFO_IMPDEF | 1)
#define TA_POLICY_MAX (SYSTEM_MAX_VMS * SYSTEM_MAX_TAS)
#define TA_GRANT_SIZE 20 /* vm (2), reserved (2), uuid (16) */

/* VM vm may open the TA uuid; a VM with no grant in a TEE may open any TA. */
struct ta_grant {
	u16 vm;
	u32 uuid[4];
};

/* This TEE's grants from the manifest, TA_GRANT_SIZE bytes each into out
 * (room for TA_POLICY_MAX): returns how many. */
unsigned ta_policy_write(const struct system_manifest *s, u16 tee, u8 *out);

/* Reads n = size / TA_GRANT_SIZE grants (at most max); -1 if size is not
 * a whole number of them or there are too many. */
int ta_policy_read(const u8 *in, u32 size, struct ta_grant *out, unsigned max);

/* May vm open uuid, by these grants? */
bool ta_policy_allows(const struct ta_grant *g, unsigned n, u16 vm,
		      const u32 uuid[4]);

/* The UUID in its usual text form (36 characters and a NUL). */
void ta_uuid_format(const u32 uuid[4], char out[37]);

#endif
