/* The per-TEE TA grants: written from the system manifest, read and applied in
 * the TEE (portable, host-tested). */
#include "lib/string.h"
#include "lib/ta_policy.h"

unsigned ta_policy_write(const struct system_manifest *s, u16 tee, u8 *out)
{
	unsigned v, i, n = 0;

	for (v = 0; v < s->vm_count; v++) {
		const struct system_vm *vm = &s->vms[v];

		for (i = 0; i < vm->ta_count; i++) {
			u8 *e = out + n * TA_GRANT_SIZE;

			if (vm->tas[i].tee != tee)
				continue;
			n++;
			e[0] = (u8)vm->id;
			e[1] = (u8)(vm->id >> 8);
			e[2] = e[3] = 0;
			memcpy(e + 4, vm->tas[i].uuid, 16);
		}
	}
	return n;
}

int ta_policy_read(const u8 *in, u32 size, struct ta_grant *out, unsigned max)
{
	unsigned i, n = size / TA_GRANT_SIZE;

	if (size % TA_GRANT_SIZE || n > max)
		return -1;
	for (i = 0; i < n; i++) {
		const u8 *e = in + i * TA_GRANT_SIZE;

		out[i].vm = (u16)(e[0] | e[1] << 8);
		memcpy(out[i].uuid, e + 4, 16);
	}
	return (int)n;
}

bool ta_policy_allows(const struct ta_grant *g, unsigned n, u16 vm,
		      const u32 uuid[4])
{
	bool listed = false;
	unsigned i;

	for (i = 0; i < n; i++) {
		if (g[i].vm != vm)
			continue;
		if (!memcmp(g[i].uuid, uuid, sizeof(g[i].uuid)))
			return true;
		listed = true;
	}
	return !listed;
}

void ta_uuid_format(const u32 uuid[4], char out[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned i, k = 0;

	for (i = 0; i < 16; i++) {
		u8 o = (u8)(uuid[i / 4] >> (8 * (i % 4)));

		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = hex[o >> 4];
		out[k++] = hex[o & 15];
	}
	out[k] = 0;
}
