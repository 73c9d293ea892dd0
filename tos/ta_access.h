/* Which TAs each normal-world VM may open in this TEE. */
#ifndef TOS_TA_ACCESS_H
#define TOS_TA_ACCESS_H

#include "lib/types.h"

/* Reads the grants from the FF-A boot information at boot_info (0: none
 * given). Call once, with our MMU on. */
void tos_ta_access_load(u64 boot_info);

/* May endpoint owner open the TA uuid? A refusal is logged. */
bool tos_ta_may_open(u16 owner, const u32 uuid[4]);

#endif
