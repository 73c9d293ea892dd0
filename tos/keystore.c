/* The key-store TEE's service: keys made inside, used inside, never exported.
 */
#include "arch/aarch64/ffa_smc.h"
#include "arch/aarch64/random.h"
#include "lib/hmac_sha256.h"
#include "lib/string.h"
#include "tos/mem.h"
#include "tos/optee_abi.h"
#include "tos/services.h"
#include "tos/tos.h"

#define KEY_SLOTS 4
#define KEY_BYTES 32
/* In a shared page: the message from offset 0, the MAC in the last 32 */
#define MAC_OFFSET (PAGE_SIZE - 32)

/* A key is its maker's: no other endpoint (another guest) can use it */
static struct {
	bool made;
	u16 owner;
	u8 key[KEY_BYTES];
} slots[KEY_SLOTS];

static void key_gen(struct ffa_value *out, u64 slot, u16 owner)
{
	unsigned i;

	if (slot >= KEY_SLOTS || slots[slot].made) {
		out->x[3] = TOS_ERR_KEY;
		return;
	}
	for (i = 0; i < KEY_BYTES; i += 8) {
		u64 v;

		if (!arch_random_u64(&v)) {
			out->x[3] = TOS_ERR_KEY;
			return;
		}
		memcpy(slots[slot].key + i, &v, 8);
	}
	slots[slot].made = true;
	slots[slot].owner = owner;
}

/* Signs or checks the first len bytes of a one-page share. */
static void key_use(struct ffa_value *out, const struct ffa_value *req,
		    u16 self, bool sign)
{
	u64 slot = (u32)req->x[4], handle = req->x[5], len = (u32)req->x[6];
	u16 owner = (u16)(req->x[1] >> 16);
	const struct ffa_mem_desc *d;
	u8 mac[32], *page;

	if (slot >= KEY_SLOTS || !slots[slot].made ||
	    slots[slot].owner != owner || len > MAC_OFFSET) {
		out->x[3] = TOS_ERR_KEY;
		return;
	}
	d = tos_mem_map_in(out, handle, owner, self);
	if (!d)
		return;
	if (d->range_count != 1 || d->ranges[0].pages != 1) {
		out->x[3] = TOS_ERR_KEY;
	} else {
		page = (u8 *)d->ranges[0].base.pa;
		hmac_sha256(slots[slot].key, KEY_BYTES, page, len, mac);
		if (sign)
			memcpy(page + MAC_OFFSET, mac, sizeof(mac));
		else
			out->x[4] = mac_equal(mac, page + MAC_OFFSET);
		memset(mac, 0, sizeof(mac));
	}
	tos_mem_done(out, handle, self);
}

bool tos_serve(struct ffa_value *out, const struct ffa_value *req, u16 self)
{
	/* the key store as a TA, for OP-TEE's clients, first */
	if (tos_optee_serve(out, req, self))
		return true;
	switch ((u32)req->x[3]) {
	case TOS_CMD_KEY_GEN:
		key_gen(out, (u32)req->x[4], (u16)(req->x[1] >> 16));
		return true;
	case TOS_CMD_KEY_SIGN:
	case TOS_CMD_KEY_VERIFY:
		key_use(out, req, self, (u32)req->x[3] == TOS_CMD_KEY_SIGN);
		return true;
	default:
		return false;
	}
}

unsigned tos_service_release(u16 owner)
{
	unsigned i, n = 0;

	for (i = 0; i < KEY_SLOTS; i++)
		if (slots[i].made && slots[i].owner == owner) {
			memset(slots[i].key, 0, KEY_BYTES);
			slots[i].made = false;
			n++;
		}
	return n;
}
