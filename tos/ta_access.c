/* Which TAs each normal-world VM may open here: the grants the SPMC hands us at
 * boot. */
#include "lib/ffa.h"
#include "lib/log.h"
#include "lib/ta_policy.h"
#include "tos/mmu.h"
#include "tos/ta_access.h"

static struct ta_grant grants[TA_POLICY_MAX];
static unsigned grant_count;
static bool grants_broken; /* boot information there but unreadable */

void tos_ta_access_load(u64 boot_info)
{
	u64 page = boot_info & ~(u64)(PAGE_SIZE - 1);
	const u8 *content;
	u32 size;
	int n;

	if (!boot_info)
		return; /* our manifest asks for none: no VM is held to TAs */
	if (tos_mmu_map(page, PAGE_SIZE, false, false)) {
		grants_broken = true;
		return;
	}
	content = ffa_boot_info_find((const u8 *)boot_info,
				     PAGE_SIZE - (boot_info - page), boot_info,
				     TA_POLICY_BOOT_INFO, &size);
	n = content ? ta_policy_read(content, size, grants, TA_POLICY_MAX) : 0;
	tos_mmu_unmap(page, PAGE_SIZE);
	if (!content || n < 0) {
		grants_broken = true;
		log_printf("boot information without a readable TA policy: "
			   "no VM may open a TA\n");
		return;
	}
	grant_count = (unsigned)n;
	log_printf("TA policy: %u grant(s) from the system manifest\n",
		   grant_count);
}

bool tos_ta_may_open(u16 owner, const u32 uuid[4])
{
	char text[37];

	if (owner == FFA_HOST_ID || (owner & FFA_SECURE_BIT))
		return true; /* the normal world's own endpoint; partitions */
	if (!grants_broken &&
	    ta_policy_allows(grants, grant_count, owner, uuid))
		return true;
	ta_uuid_format(uuid, text);
	log_printf("VM %u: TA %s refused by policy\n", owner, text);
	return false;
}
