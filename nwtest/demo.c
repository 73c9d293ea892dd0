/* Scenario "demo": what `make run` shows — discovery and answered calls. */
#include "lib/ffa_partinfo.h"
#include "nwtest/nwtest.h"
#include "lib/string.h"
#include "manifests/uuids.h"
#include "nwtest/tee_client_api.h"
#include "tos/ta/counter_ta.h"
#include "tos/ta/hello.h"
#include "lib/ed25519.h"
#include "tos/ta/keystore_ta.h"
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

/* Each general TEE by name, through the GP client API: its TAs at work. */
/*
 * The key-store TA in the TEE of ctx makes a key pair and signs msg with
 * Ed25519; the normal world checks the signature with the public key alone,
 * then sees it fail on a changed message. Returns the calls made.
 */
static unsigned signed_by_tee(TEEC_Context *ctx, const char *tee,
			      const char *msg, size_t len)
{
	static const u32 ks_w[4] = { KEYSTORE_TA_UUID };
	TEEC_UUID u = nw_teec_uuid(ks_w);
	/* each in a page of its own: a page is in one FF-A share at a time */
	static u8 pub[32] __attribute__((aligned(4096)));
	static u8 sig[64] __attribute__((aligned(4096)));
	static u8 text[256] __attribute__((aligned(4096)));
	TEEC_Session s;
	TEEC_Operation op;
	u8 changed[256];
	u32 origin;
	bool good, bad;

	if (len > sizeof(text))
		len = sizeof(text);
	memcpy(text, msg, len);

	if (TEEC_OpenSession(ctx, &s, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin)) {
		CHECK_EQ(1, 0, "GP client: key-store TA session");
		return 1;
	}
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	TEEC_InvokeCommand(&s, KEYSTORE_CMD_GENERATE, &op, &origin);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[1].tmpref.buffer = pub;
	op.params[1].tmpref.size = sizeof(pub);
	TEEC_InvokeCommand(&s, KEYSTORE_CMD_PUBLIC_KEY, &op, &origin);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT,
				 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
	op.params[1].tmpref.buffer = text;
	op.params[1].tmpref.size = len;
	op.params[2].tmpref.buffer = sig;
	op.params[2].tmpref.size = sizeof(sig);
	TEEC_InvokeCommand(&s, KEYSTORE_CMD_SIGN_ED25519, &op, &origin);
	TEEC_CloseSession(&s);
	good = ed25519_verify(sig, pub, msg, len);
	memcpy(changed, text, len);
	changed[0] ^= 1;
	bad = ed25519_verify(sig, pub, changed, len);
	log_printf("GP client -> TEE '%s', TA keystore: signed \"%s\" "
		   "(Ed25519, public key %02x%02x%02x%02x..., signature "
		   "%02x%02x%02x%02x...): the normal world %s it\n",
		   tee, msg, pub[0], pub[1], pub[2], pub[3], sig[0], sig[1],
		   sig[2], sig[3], good && !bad ? "verified" : "REJECTED");
	CHECK_EQ(good, true,
		 "GP client: the normal world verifies the TEE's signature");
	CHECK_EQ(bad, false,
		 "GP client: ... and refuses it on a changed "
		 "message");
	return 3;
}

static void gp_demo(void)
{
	static const char *const tees[] = { "alpha", "beta" };
	static const u32 hello_w[4] = { HELLO_UUID },
			 ctr_w[4] = { COUNTER_TA_UUID };
	static const char msg[] = "ticket #42 for the 20:15 train";
	unsigned calls[2] = { 0, 0 }, i, ks_calls = 0;
	u16 ids[2] = { 0, 0 }, ks_id = 0;

	for (i = 0; i < 2; i++) {
		TEEC_Context ctx;
		TEEC_Session s;
		TEEC_Operation op;
		TEEC_UUID u;
		u32 origin;

		if (TEEC_InitializeContext(tees[i], &ctx)) {
			CHECK_EQ(1, 0, "GP client: TEE found by name");
			continue;
		}
		ids[i] = ctx.partition;
		u = nw_teec_uuid(hello_w);
		TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
				 &origin);
		memset(&op, 0, sizeof(op));
		op.paramTypes =
			TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = 20;
		op.params[0].value.b = 22;
		TEEC_InvokeCommand(&s, HELLO_CMD_ADD, &op, &origin);
		calls[i]++;
		log_printf("GP client -> TEE '%s' (0x%04x), TA hello at S-EL0: "
			   "20 + 22 = %u\n",
			   tees[i], ctx.partition, op.params[1].value.a);
		CHECK_EQ(op.params[1].value.a, 42, "GP client: TA answered");
		TEEC_CloseSession(&s);

		u = nw_teec_uuid(ctr_w);
		TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
				 &origin);
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE,
						 TEEC_NONE, TEEC_NONE);
		TEEC_InvokeCommand(&s, 0, &op, &origin);
		calls[i]++;
		log_printf("GP client -> TEE '%s', TA counter: %u\n", tees[i],
			   op.params[0].value.a);
		TEEC_CloseSession(&s);

		if (i == 0)
			calls[i] += signed_by_tee(&ctx, tees[i], msg,
						  sizeof(msg) - 1);
		TEEC_FinalizeContext(&ctx);
	}
	/* the single-purpose TEE, by name too */
	{
		TEEC_Context ctx;

		CHECK_EQ(TEEC_InitializeContext("keystore", &ctx), TEEC_SUCCESS,
			 "GP client: the key-store TEE by name");
		ks_id = ctx.partition;
		ks_calls +=
			signed_by_tee(&ctx, "keystore", msg, sizeof(msg) - 1);
		TEEC_FinalizeContext(&ctx);
	}
	log_printf("summary:\n");
	log_printf("  TEE       partition  build      TAs used                 "
		   "calls\n");
	log_printf("  alpha     0x%04x     general    hello, counter, keystore "
		   "%u\n",
		   ids[0], calls[0]);
	log_printf("  beta      0x%04x     general    hello, counter           "
		   "%u\n",
		   ids[1], calls[1]);
	log_printf("  keystore  0x%04x     key store  keystore                 "
		   "%u\n",
		   ks_id, ks_calls);
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
	gp_demo();
}
