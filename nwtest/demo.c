/* Scenario "demo": what `make run` shows — discovery and answered calls. */
#include "lib/ffa_partinfo.h"
#include "nwtest/nwtest.h"
#include "lib/string.h"
#include "manifests/uuids.h"
#include "tos/tos.h"

static u16 rd16(const u8 *p)
{
	return (u16)(p[0] | p[1] << 8);
}

/* A message signed by the key store, checked by it, then tampered with. */
static void keystore_demo(u16 id)
{
	static u8 page[4096] __attribute__((aligned(4096)));
	static const char msg[] = "pay 10 EUR to the ticket issuer";
	struct ffa_value r;
	u64 h;

	memset(page, 0, sizeof(page));
	memcpy(page, msg, sizeof(msg));
	r = nw_tos(id, TOS_CMD_KEY_GEN, 0, 0, 0);
	CHECK_EQ(r.x[3], TOS_OK, "key store: key made inside it");
	h = nw_mem_share(id, (u64)page, 1);
	r = nw_tos(id, TOS_CMD_KEY_SIGN, 0, h, sizeof(msg));
	CHECK_EQ(r.x[3], TOS_OK, "key store: message signed (HMAC-SHA-256)");
	check_success(nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0),
		      "key store: our page back");
	log_printf("key store 0x%04x signed \"%s\": MAC %02x%02x%02x%02x...\n",
		   id, msg, page[4064], page[4065], page[4066], page[4067]);
	h = nw_mem_share(id, (u64)page, 1);
	r = nw_tos(id, TOS_CMD_KEY_VERIFY, 0, h, sizeof(msg));
	CHECK_EQ(r.x[4], 1, "key store: the signature checks out");
	nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0);
	page[4] ^= 1; /* "pay 10" becomes "pay 00"... or near enough */
	h = nw_mem_share(id, (u64)page, 1);
	r = nw_tos(id, TOS_CMD_KEY_VERIFY, 0, h, sizeof(msg));
	CHECK_EQ(r.x[4], 0, "key store: a tampered message is rejected");
	nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0);
	log_printf("key store: signature valid, and refused once the message "
		   "was changed\n");
}

void scenario_demo(void)
{
	struct ffa_value r;
	static const u32 keystore_uuid[4] = { KEYSTORE_UUID };
	bool is_keystore[8];
	u16 ids[8];
	u32 i, n;

	r = nw_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0);
	log_printf("FFA_VERSION: the SPMC speaks FF-A %llu.%llu\n",
		   (unsigned long long)FFA_VERSION_MAJOR(r.x[0]),
		   (unsigned long long)FFA_VERSION_MINOR(r.x[0]));
	check_success(nw_call(FFA_RXTX_MAP_64, (u64)nw_tx, (u64)nw_rx, 1, 0, 0),
		      "RX/TX buffers mapped");
	r = nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0);
	check_success(r, "partitions discovered");
	n = (u32)r.x[2] < 8 ? (u32)r.x[2] : 8;
	log_printf("%u secure partition(s):\n", n);
	for (i = 0; i < n; i++) {
		const u8 *d = nw_rx + i * r.x[3];

		ids[i] = rd16(d);
		is_keystore[i] = !memcmp(d + 8, keystore_uuid, 16);
		log_printf("  ID 0x%04x, %u execution context(s), properties "
			   "0x%x\n",
			   ids[i], rd16(d + 2),
			   (unsigned)(rd16(d + 4) | rd16(d + 6) << 16));
	}
	nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);

	for (i = 0; i < n; i++) {
		if (is_keystore[i]) {
			keystore_demo(ids[i]);
			continue;
		}
		r = nw_call(FFA_MSG_SEND_DIRECT_REQ_32, ids[i], 0, TOS_CMD_ADD,
			    40, 2);
		log_printf("direct request to 0x%04x: 40 + 2 = %llu\n", ids[i],
			   (unsigned long long)r.x[4]);
		CHECK_EQ(r.x[4], 42, "the trusted OS answered the call");
	}
	if (n >= 2 && !is_keystore[0] && !is_keystore[1]) {
		r = nw_call(FFA_MSG_SEND_DIRECT_REQ_32, ids[0], 0, TOS_CMD_CALL,
			    ids[1], 0);
		log_printf("0x%04x asked 0x%04x on our behalf: it answered "
			   "0x%04llx\n",
			   ids[0], ids[1], (unsigned long long)r.x[4]);
		CHECK_EQ(r.x[4], ids[1], "partition-to-partition request");
	}
}
