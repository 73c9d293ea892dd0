/* Which normal-world VM may call which partition: the system manifest, checked
 * again here. */
#include "lib/bootpkg.h"
#include "lib/fdt.h"
#include "lib/log.h"
#include "lib/system_manifest.h"
#include "spmc/spmc.h"

/*
 * The normal world's hypervisor enforces the binding policy first; the
 * SPMC enforces it again, from its own copy of the manifest (loaded and
 * measured by the boot code), so a hypervisor that is compromised still
 * cannot reach a partition that no guest may.
 */
static struct system_manifest policy;

void ns_policy_load(const struct bootinfo *bi)
{
	const char *why;
	unsigned i;

	for (i = 0; i < bi->count && i < BOOTPKG_MAX_ENTRIES; i++) {
		const struct bootinfo_image *im = &bi->image[i];

		if (im->type != BOOTPKG_SYSTEM)
			continue;
		if (system_manifest_parse((const void *)im->addr, im->size,
					  &policy, &why)) {
			log_printf("system manifest refused: %s; no VM may "
				   "call\n",
				   why);
			return;
		}
		log_printf("system manifest: %u normal-world VM(s) may call\n",
			   policy.vm_count);
		return;
	}
}

const char *ns_policy_vm_name(u16 vm)
{
	const struct system_vm *v = system_vm_find(&policy, vm);

	return v ? v->name : NULL;
}

s32 ns_policy_check(u16 vm, u16 partition)
{
	const struct system_vm *v;

	if (vm == FFA_HOST_ID)
		return FFA_OK; /* the normal world's own endpoint */
	v = system_vm_find(&policy, vm);
	if (!v)
		return FFA_INVALID_PARAMETERS;
	if (!system_vm_may_call(v, partition)) {
		log_printf("VM %u '%s' may not call 0x%04x: refused (system "
			   "manifest)\n",
			   vm, v->name, partition);
		return FFA_DENIED;
	}
	return FFA_OK;
}
