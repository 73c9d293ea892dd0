/* The key-store TEE: keys made and used inside it, and what it refuses. */
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "tos/tos.h"

static u8 page[4096] __attribute__((aligned(4096)));

/* Signs or verifies the first len bytes of page with key slot. */
static struct ffa_value use_key(u32 cmd, u64 slot, u32 len)
{
	u64 h = nw_mem_share(KEYSTORE_ID, (u64)page, 1);
	struct ffa_value r = nw_tos(KEYSTORE_ID, cmd, slot, h, len);

	check_success(nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0),
		      "key store: the page comes back after each use");
	return r;
}

void test_keystore(void)
{
	static const char msg[] = "open the gate";
	u8 mac[32];

	CHECK_EQ(nw_tos(KEYSTORE_ID, TOS_CMD_ADD, 1, 2, 0).x[3],
		 TOS_ERR_UNKNOWN_CMD,
		 "key store: a different build, without the general services");
	CHECK_EQ(nw_tos(KEYSTORE_ID, TOS_CMD_KEY_GEN, 1, 0, 0).x[3], TOS_OK,
		 "key store: key made in slot 1");
	CHECK_EQ(nw_tos(KEYSTORE_ID, TOS_CMD_KEY_GEN, 1, 0, 0).x[3],
		 TOS_ERR_KEY, "key store: slot 1 is not overwritten");
	CHECK_EQ(nw_tos(KEYSTORE_ID, TOS_CMD_KEY_GEN, 9, 0, 0).x[3],
		 TOS_ERR_KEY, "key store: no slot 9");
	CHECK_EQ(nw_tos(KEYSTORE_ID, TOS_CMD_KEY_SIGN, 2, 0, 8).x[3],
		 TOS_ERR_KEY, "key store: no signing with an empty slot");
	memset(page, 0, sizeof(page));
	memcpy(page, msg, sizeof(msg));
	CHECK_EQ(use_key(TOS_CMD_KEY_SIGN, 1, sizeof(msg)).x[3], TOS_OK,
		 "key store: signed");
	memcpy(mac, page + 4064, 32);
	CHECK_EQ(use_key(TOS_CMD_KEY_VERIFY, 1, sizeof(msg)).x[4], 1,
		 "key store: verified");
	CHECK_EQ(use_key(TOS_CMD_KEY_SIGN, 1, sizeof(msg)).x[3], TOS_OK,
		 "key store: signed again");
	CHECK_EQ(memcmp(mac, page + 4064, 32), 0,
		 "key store: the same key gives the same MAC");
	page[0] ^= 0x20;
	CHECK_EQ(use_key(TOS_CMD_KEY_VERIFY, 1, sizeof(msg)).x[4], 0,
		 "key store: a changed message fails");
	page[0] ^= 0x20;
	page[4064] ^= 1;
	CHECK_EQ(use_key(TOS_CMD_KEY_VERIFY, 1, sizeof(msg)).x[4], 0,
		 "key store: a changed MAC fails");
	CHECK_EQ(use_key(TOS_CMD_KEY_SIGN, 1, 4090).x[3], TOS_ERR_KEY,
		 "key store: a message over the MAC's place is refused");
}
