/* The system manifest read into a checked struct (portable, host-tested). */
#include "lib/fdt.h"
#include "lib/string.h"
#include "lib/system_manifest.h"

/* A list of at most SYSTEM_MAX_TEES secure partition IDs; none if absent. */
static const char *parse_tees(const void *m, int node, const char *name,
			      u16 *out, u8 *count)
{
	u32 tees[SYSTEM_MAX_TEES + 1];
	int n = fdt_prop_u32_array(m, node, name, tees, SYSTEM_MAX_TEES + 1);
	unsigned i;

	if (n == FDT_ERR_NOTFOUND)
		n = 0;
	if (n < 0 || n > SYSTEM_MAX_TEES)
		return "a TEE list (tees, host-tees) is not at most 4 "
		       "partition IDs";
	for (i = 0; i < (unsigned)n; i++) {
		if (tees[i] < 0x8001 || tees[i] > 0xffff)
			return "a TEE list lists an ID that is not a secure "
			       "partition";
		out[i] = (u16)tees[i];
	}
	*count = (u8)n;
	return NULL;
}

static const char *parse_tas(const void *m, int node, struct system_vm *vm)
{
	u32 cells[5 * SYSTEM_MAX_TAS + 1];
	int n = fdt_prop_u32_array(m, node, "tas", cells,
				   5 * SYSTEM_MAX_TAS + 1);
	unsigned i;

	if (n == FDT_ERR_NOTFOUND)
		return NULL; /* any TA in each of its TEEs */
	if (n <= 0 || n % 5 || n > 5 * SYSTEM_MAX_TAS)
		return "tas is not a list of at most 8 <tee uuid> (5 cells)";
	for (i = 0; i < (unsigned)n / 5; i++) {
		struct system_ta *t = &vm->tas[i];

		if (cells[5 * i] > 0xffff ||
		    !system_vm_may_call(vm, (u16)cells[5 * i]))
			return "tas names a TEE that is not in tees";
		t->tee = (u16)cells[5 * i];
		memcpy(t->uuid, &cells[5 * i + 1], sizeof(t->uuid));
	}
	vm->ta_count = (u8)(n / 5);
	return NULL;
}

static const char *parse_vm(const void *m, int node, struct system_vm *vm)
{
	const char *label = fdt_prop_string(m, node, "label");
	u32 id, cells[5];
	const char *why;

	memset(vm, 0, sizeof(*vm));
	if (!label || !label[0] ||
	    strnlen(label, SYSTEM_NAME_MAX) == SYSTEM_NAME_MAX)
		return "label missing or longer than 15 characters";
	memcpy(vm->name, label, strlen(label) + 1);
	if (!fdt_prop_u32(m, node, "vm-id", &id) || id == 0 || id >= 0x8000)
		return "vm-id missing or not a normal-world VM ID (1-0x7fff)";
	vm->id = (u16)id;
	if (fdt_prop_u32_array(m, node, "memory", cells, 5) != 4)
		return "memory is not <base size> in two cells each";
	vm->ram_base = (u64)cells[0] << 32 | cells[1];
	vm->ram_size = (u64)cells[2] << 32 | cells[3];
	why = parse_tees(m, node, "tees", vm->tees, &vm->tee_count);
	return why ? why : parse_tas(m, node, vm);
}

int system_manifest_parse(const void *m, size_t size,
			  struct system_manifest *out, const char **why)
{
	const char *compat;
	int node;
	unsigned i;

	*why = NULL;
	memset(out, 0, sizeof(*out));
	if (fdt_check(m, size)) {
		*why = "not a valid device tree blob";
		return -1;
	}
	compat = fdt_prop_string(m, 0, "compatible");
	if (!compat || strcmp(compat, "tessera,system-1.0")) {
		*why = "root is not compatible with tessera,system-1.0";
		return -1;
	}
	out->host_tees_given = fdt_prop(m, 0, "host-tees", NULL) != NULL;
	*why = parse_tees(m, 0, "host-tees", out->host_tees,
			  &out->host_tee_count);
	if (*why)
		return -1;
	for (node = fdt_first_child(m, 0); node >= 0;
	     node = fdt_next_sibling(m, node)) {
		const char *name = fdt_node_name(m, node);
		struct system_vm *vm = &out->vms[out->vm_count];

		if (!name || strncmp(name, "vm@", 3))
			continue;
		if (out->vm_count == SYSTEM_MAX_VMS) {
			*why = "more than 8 guests";
			return -1;
		}
		*why = parse_vm(m, node, vm);
		if (*why)
			return -1;
		for (i = 0; i < out->vm_count; i++)
			if (out->vms[i].id == vm->id) {
				*why = "vm-id used twice";
				return -1;
			}
		out->vm_count++;
	}
	return 0;
}

const struct system_vm *system_vm_find(const struct system_manifest *s, u16 id)
{
	unsigned i;

	for (i = 0; i < s->vm_count; i++)
		if (s->vms[i].id == id)
			return &s->vms[i];
	return NULL;
}

bool system_vm_may_call(const struct system_vm *vm, u16 partition)
{
	unsigned i;

	for (i = 0; i < vm->tee_count; i++)
		if (vm->tees[i] == partition)
			return true;
	return false;
}

bool system_vm_may_open(const struct system_vm *vm, u16 tee, const u32 uuid[4])
{
	bool listed = false;
	unsigned i;

	if (!system_vm_may_call(vm, tee))
		return false;
	for (i = 0; i < vm->ta_count; i++) {
		if (vm->tas[i].tee != tee)
			continue;
		if (!memcmp(vm->tas[i].uuid, uuid, sizeof(vm->tas[i].uuid)))
			return true;
		listed = true;
	}
	return !listed;
}

bool system_host_may_call(const struct system_manifest *s, u16 partition)
{
	unsigned i;

	if (s->host_tees_given) {
		for (i = 0; i < s->host_tee_count; i++)
			if (s->host_tees[i] == partition)
				return true;
		return false;
	}
	for (i = 0; i < s->vm_count; i++)
		if (system_vm_may_call(&s->vms[i], partition))
			return true;
	return false;
}
