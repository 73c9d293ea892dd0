/* FF-A partition information descriptors, in the v1.0 and v1.1+ layouts. */
#include "lib/ffa.h"
#include "lib/ffa_partinfo.h"

u32 ffa_partinfo_size(u32 version)
{
	return version >= FFA_VERSION_1_1 ? FFA_PARTINFO_V1_1_SIZE
					  : FFA_PARTINFO_V1_0_SIZE;
}

u32 ffa_partinfo_props(u32 messaging_method, u32 vm_availability, u32 version)
{
	u32 props =
		messaging_method & (FFA_PROP_DIRECT_RECV |
				    FFA_PROP_DIRECT_SEND | FFA_PROP_INDIRECT);

	if (version >= FFA_VERSION_1_1) {
		props |= FFA_PROP_ID_PE | FFA_PROP_AARCH64;
		/* the manifest's bits 0 and 1 are properties 6 and 7 */
		props |= (vm_availability & 3u) << 6;
	}
	if (version >= FFA_VERSION_1_2)
		props |= messaging_method &
			 (FFA_PROP_DIRECT2_RECV | FFA_PROP_DIRECT2_SEND);
	return props;
}

static void put16(u8 *p, u16 v)
{
	p[0] = (u8)v;
	p[1] = (u8)(v >> 8);
}

static void put32(u8 *p, u32 v)
{
	put16(p, (u16)v);
	put16(p + 2, (u16)(v >> 16));
}

void ffa_partinfo_write(void *dst, u32 version, u16 id, u16 exec_ctx_count,
			u32 props, const u32 uuid[4])
{
	u8 *d = dst;
	unsigned i;

	put16(d, id);
	put16(d + 2, exec_ctx_count);
	put32(d + 4, props);
	if (version < FFA_VERSION_1_1)
		return;
	/* the UUID in the same word order as w1-w4 of the request */
	for (i = 0; i < 4; i++)
		put32(d + 8 + 4 * i, uuid[i]);
}

bool ffa_uuid_match(const u32 want[4], const u32 uuid[4])
{
	unsigned i;
	bool null = true;

	for (i = 0; i < 4; i++)
		null = null && want[i] == 0;
	if (null)
		return true;
	for (i = 0; i < 4; i++)
		if (want[i] != uuid[i])
			return false;
	return true;
}
