/* Which normal-world VM may call which partition: the system manifest, checked
 * again here. */
#include "lib/bootpkg.h"
#include "lib/fdt.h"
#include "lib/log.h"
#include "lib/string.h"
#include "lib/system_manifest.h"
#include "lib/ta_policy.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"

/*
 * The normal world's hypervisor enforces the binding policy first; the
 * SPMC enforces it again, from its own copy of the manifest (loaded and
 * measured by the boot code), so a hypervisor that is compromised still
 * cannot reach a partition that no guest may.
 */
static struct system_manifest policy;
/* the boot package has a system manifest (refused or not): the normal
 * world is a hypervisor's, and its own endpoint is held to it too */
static bool policy_given;

void ns_policy_load(const struct bootinfo *bi)
{
	const char *why;
	unsigned i;

	for (i = 0; i < bi->count && i < BOOTPKG_MAX_ENTRIES; i++) {
		const struct bootinfo_image *im = &bi->image[i];

		if (im->type != BOOTPKG_SYSTEM)
			continue;
		policy_given = true;
		if (system_manifest_parse((const void *)im->addr, im->size,
					  &policy, &why)) {
			log_printf("system manifest refused: %s; the normal "
				   "world may call nothing\n",
				   why);
			break;
		}
		log_printf("system manifest: %u normal-world VM(s) may call\n",
			   policy.vm_count);
		break;
	}
	for (i = 0; i < spmc_partition_count; i++)
		ns_policy_apply(&spmc_partitions[i]);
}

const char *ns_policy_vm_name(u16 vm)
{
	const struct system_vm *v = system_vm_find(&policy, vm);

	return v ? v->name : NULL;
}

/* Which normal-world endpoints may call p, as one bit each (IDs 0-15). */
static u16 callers_of(const struct partition *p)
{
	u16 bits = 0;
	unsigned i;

	if (!policy_given || system_host_may_call(&policy, p->m.id))
		bits |= 1;
	for (i = 0; i < policy.vm_count; i++)
		if (policy.vms[i].id <= SPMC_NS_VM_ID_MAX &&
		    system_vm_may_call(&policy.vms[i], p->m.id))
			bits |= (u16)(1u << policy.vms[i].id);
	return bits;
}

void ns_policy_apply(struct partition *p)
{
	p->ns_callers = callers_of(p);
}

s32 ns_policy_refuse(u16 vm, const struct partition *q)
{
	const struct system_vm *v;

	if (vm == FFA_HOST_ID) {
		log_printf("the normal world's own endpoint may not call "
			   "0x%04x: refused (system manifest)\n",
			   q->m.id);
		return FFA_DENIED;
	}
	v = system_vm_find(&policy, vm);
	if (!v)
		return FFA_INVALID_PARAMETERS;
	log_printf("VM %u '%s' may not call 0x%04x: refused (system "
		   "manifest)\n",
		   vm, v->name, q->m.id);
	return FFA_DENIED;
}

/*
 * Which TAs a VM may open is for the TEE to enforce: the TA's UUID travels
 * in memory the VM still holds, so only the TEE, reading it once, sees the
 * UUID it acts on. A partition whose manifest asks for boot information
 * (gp-register-num) gets its grants from our copy of the manifest, in a
 * page of ours it can only read, at its first run.
 */
const char *ns_policy_hand_over(struct partition *p, unsigned index)
{
	static u8 grants[TA_POLICY_MAX * TA_GRANT_SIZE];
	u64 pa;
	u8 *page = stage1_boot_info_page(index, &pa);
	struct ffa_boot_info_item item = { "ta-policy", TA_POLICY_BOOT_INFO,
					   grants, 0 };

	item.size = ta_policy_write(&policy, p->m.id, grants) * TA_GRANT_SIZE;
	if (p->m.boot_info_reg == MANIFEST_NO_BOOT_INFO) {
		if (item.size)
			log_printf("partition 0x%04x takes no boot "
				   "information: its TA grants go unenforced "
				   "in the secure world\n",
				   p->m.id);
		return NULL;
	}
	if (!ffa_boot_info_write(page, PAGE_SIZE, pa, &item, 1))
		return "boot information does not fit a page";
	if (pgt_map(&p->s2_secure, pa, pa, PAGE_SIZE,
		    S2_MEMATTR_NORMAL | PTE_SH_INNER | S2_AP_R | S2_XN))
		return "cannot map its boot information";
	p->vcpu.x[p->m.boot_info_reg] = pa;
	return NULL;
}
