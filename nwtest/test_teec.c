/* The GP TEE Client API against the TEEs, by name, with every error case. */
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "nwtest/tee_client_api.h"
#include "tos/ta/counter_ta.h"
#include "tos/ta/hello.h"
#include "lib/ed25519.h"
#include "tos/ta/keystore_ta.h"

static const TEEC_UUID hello = { 0x3f6c1a2e,
				 0x9d84,
				 0x4b57,
				 { 0xa0, 0xc3, 0x5e, 0x1f, 0x7b, 0x2d, 0x8c,
				   0x90 } };

static u32 add(TEEC_Session *s, u32 a, u32 b, u32 *origin)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = a;
	op.params[0].value.b = b;
	if (TEEC_InvokeCommand(s, HELLO_CMD_ADD, &op, origin))
		return ~0u;
	return op.params[1].value.a;
}

static void contexts(void)
{
	TEEC_Context ctx;

	CHECK_EQ(TEEC_InitializeContext("nope", &ctx),
		 TEEC_ERROR_ITEM_NOT_FOUND, "TEEC: an unknown TEE name");
	{
		static const u32 ks[4] = { KEYSTORE_TA_UUID };
		TEEC_UUID u = nw_teec_uuid(ks);
		TEEC_Session s;
		u32 origin;

		CHECK_EQ(TEEC_InitializeContext("keystore", &ctx), TEEC_SUCCESS,
			 "TEEC: the key-store TEE by name");
		CHECK_EQ(ctx.partition, 0x8003, "TEEC: ... partition 0x8003");
		CHECK_EQ(TEEC_OpenSession(&ctx, &s, &hello, TEEC_LOGIN_PUBLIC,
					  NULL, NULL, &origin),
			 TEEC_ERROR_ITEM_NOT_FOUND,
			 "TEEC: the single-purpose TEE has no test TA");
		CHECK_EQ(TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_PUBLIC, NULL,
					  NULL, &origin),
			 TEEC_SUCCESS, "TEEC: only its key-store TA");
		TEEC_CloseSession(&s);
		TEEC_FinalizeContext(&ctx);
	}
	CHECK_EQ(TEEC_InitializeContext(NULL, &ctx), TEEC_SUCCESS,
		 "TEEC: NULL picks the default TEE");
	CHECK_EQ(ctx.partition, ALPHA_ID, "TEEC: ... which is alpha");
	TEEC_FinalizeContext(&ctx);
}

static void sessions_and_memory(const char *tee, u16 id)
{
	static u8 buf[256] __attribute__((aligned(64)));
	TEEC_Context ctx;
	TEEC_Session s, s2;
	TEEC_SharedMemory reg, alloc;
	TEEC_Operation op;
	u32 origin;
	char what[80];

	CHECK_EQ(TEEC_InitializeContext(tee, &ctx), TEEC_SUCCESS,
		 "TEEC: context on a TEE chosen by name");
	CHECK_EQ(ctx.partition, id, "TEEC: ... the TEE of that name");
	CHECK_EQ(TEEC_OpenSession(&ctx, &s, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  NULL, &origin),
		 TEEC_SUCCESS, "TEEC: session with 'hello'");
	fmt_snprintf(what, sizeof(what), "TEEC: %s's TA adds", tee);
	CHECK_EQ(add(&s, 40, 2, &origin), 42, what);
	CHECK_EQ(origin, TEEC_ORIGIN_TRUSTED_APP, "TEEC: ... said the TA");

	/* a temporary memory reference */
	memset(&op, 0, sizeof(op));
	memcpy(buf, "temporary", 9);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, TEEC_VALUE_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = 9;
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_REVERSE, &op, &origin),
		 TEEC_SUCCESS, "TEEC: temporary memref");
	CHECK_EQ(memcmp(buf, "yraropmet", 9), 0, "TEEC: ... worked on");

	/* registered memory, part of it */
	reg.buffer = buf;
	reg.size = sizeof(buf);
	reg.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	CHECK_EQ(TEEC_RegisterSharedMemory(&ctx, &reg), TEEC_SUCCESS,
		 "TEEC: memory registered");
	memcpy(buf + 10, "partial", 7);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_INOUT, TEEC_VALUE_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &reg;
	op.params[0].memref.offset = 10;
	op.params[0].memref.size = 7;
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_REVERSE, &op, &origin),
		 TEEC_SUCCESS, "TEEC: partial registered memref");
	CHECK_EQ(memcmp(buf + 10, "laitrap", 7), 0, "TEEC: ... worked on");
	op.params[0].memref.offset = 250;
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_REVERSE, &op, &origin),
		 TEEC_ERROR_BAD_PARAMETERS, "TEEC: a memref past its buffer");
	CHECK_EQ(origin, TEEC_ORIGIN_API, "TEEC: ... refused by the API");
	TEEC_ReleaseSharedMemory(&reg);

	/* allocated memory, whole */
	alloc.size = 5;
	alloc.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	CHECK_EQ(TEEC_AllocateSharedMemory(&ctx, &alloc), TEEC_SUCCESS,
		 "TEEC: memory allocated");
	memcpy(alloc.buffer, "whole", 5);
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &alloc;
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_REVERSE, &op, &origin),
		 TEEC_SUCCESS, "TEEC: whole memref");
	CHECK_EQ(memcmp(alloc.buffer, "elohw", 5), 0, "TEEC: ... worked on");
	TEEC_ReleaseSharedMemory(&alloc);

	/* two memory references in one call: temporary in, registered out */
	{
		/* its own page: a page is in one FF-A share at a time */
		static u8 out[64] __attribute__((aligned(4096)));

		reg.buffer = out;
		reg.size = sizeof(out);
		reg.flags = TEEC_MEM_OUTPUT;
		TEEC_RegisterSharedMemory(&ctx, &reg);
		memcpy(buf, "copy me", 7);
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
						 TEEC_MEMREF_WHOLE, TEEC_NONE,
						 TEEC_NONE);
		op.params[0].tmpref.buffer = buf;
		op.params[0].tmpref.size = 7;
		op.params[1].memref.parent = &reg;
		CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_COPY, &op, &origin),
			 TEEC_SUCCESS, "TEEC: two memory references in a call");
		CHECK_EQ(memcmp(out, "copy me", 7), 0,
			 "TEEC: ... copied from one to the other");
		CHECK_EQ(op.params[1].memref.size, 7,
			 "TEEC: ... output size updated");
		op.params[0].tmpref.size = 100;
		CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_COPY, &op, &origin),
			 TEEC_ERROR_SHORT_BUFFER,
			 "TEEC: output too small: TEEC_ERROR_SHORT_BUFFER");
		CHECK_EQ(op.params[1].memref.size, 100,
			 "TEEC: ... with the size needed");
		TEEC_ReleaseSharedMemory(&reg);
	}

	/* errors: parameter types, TA, session */
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_ADD, &op, &origin),
		 TEEC_ERROR_BAD_PARAMETERS, "TEEC: bad parameter types");
	CHECK_EQ(origin, TEEC_ORIGIN_TRUSTED_APP, "TEEC: ... the TA said so");
	op.paramTypes = 0x9; /* not a GP type */
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_ADD, &op, &origin),
		 TEEC_ERROR_BAD_PARAMETERS, "TEEC: an unknown parameter type");
	{
		TEEC_UUID nobody = hello;

		nobody.timeLow ^= 1;
		CHECK_EQ(TEEC_OpenSession(&ctx, &s2, &nobody, TEEC_LOGIN_PUBLIC,
					  NULL, NULL, &origin),
			 TEEC_ERROR_ITEM_NOT_FOUND, "TEEC: an unknown TA UUID");
	}
	/* a memory reference on open: the TA reads it while opening */
	memset(&op, 0, sizeof(op));
	memcpy(buf, "\x01\x02\x03\x04", 4);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_VALUE_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = 4;
	CHECK_EQ(TEEC_OpenSession(&ctx, &s2, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  &op, &origin),
		 TEEC_SUCCESS, "TEEC: open with a memory reference");
	CHECK_EQ(op.params[1].value.a, 10,
		 "TEEC: ... the TA read it while opening");
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	CHECK_EQ(TEEC_InvokeCommand(&s2, HELLO_CMD_COUNT, &op, &origin),
		 TEEC_SUCCESS, "TEEC: ... and the session it opened works");
	CHECK_EQ(op.params[0].value.a, 11, "TEEC: ... from what it read");
	TEEC_CloseSession(&s2);
	reg.buffer = buf;
	reg.size = 16;
	reg.flags = TEEC_MEM_INPUT;
	TEEC_RegisterSharedMemory(&ctx, &reg);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_INPUT, TEEC_VALUE_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &reg;
	op.params[0].memref.offset = 8;
	op.params[0].memref.size = 9;
	CHECK_EQ(TEEC_OpenSession(&ctx, &s2, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  &op, &origin),
		 TEEC_ERROR_BAD_PARAMETERS,
		 "TEEC: open with a memref past its buffer");
	CHECK_EQ(origin, TEEC_ORIGIN_API, "TEEC: ... refused by the API");
	TEEC_ReleaseSharedMemory(&reg);

	CHECK_EQ(TEEC_OpenSession(&ctx, &s2, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  NULL, &origin),
		 TEEC_SUCCESS, "TEEC: a second session");
	CHECK_EQ(TEEC_InvokeCommand(&s2, HELLO_CMD_CRASH, NULL, &origin),
		 TEEC_ERROR_TARGET_DEAD, "TEEC: the TA crashes: TARGET_DEAD");
	CHECK_EQ(add(&s, 1, 1, &origin), ~0u,
		 "TEEC: the other session of the dead TA fails too");
	TEEC_CloseSession(&s2);
	TEEC_CloseSession(&s);
	CHECK_EQ(add(&s, 1, 1, &origin), ~0u, "TEEC: a closed session");
	TEEC_FinalizeContext(&ctx);
	CHECK_EQ(TEEC_OpenSession(&ctx, &s, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  NULL, &origin),
		 TEEC_ERROR_BAD_STATE, "TEEC: a session on a closed context");
}

static TEEC_Result keystore_op(TEEC_Session *s, u32 cmd, u32 slot,
			       TEEC_SharedMemory *m, u32 *match)
{
	TEEC_Operation op;
	u32 origin;
	TEEC_Result r;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INOUT, TEEC_MEMREF_WHOLE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = slot;
	op.params[1].memref.parent = m;
	r = TEEC_InvokeCommand(s, cmd, &op, &origin);
	*match = op.params[0].value.a;
	return r;
}

/* PUBLIC_KEY + SIGN_ED25519 on slot into sig: the TEEC result. */
static TEEC_Result ed25519_op(TEEC_Session *s, u32 cmd, u32 slot, void *in,
			      size_t in_len, void *out, size_t *out_len)
{
	TEEC_Operation op;
	u32 origin;
	TEEC_Result r;

	memset(&op, 0, sizeof(op));
	op.params[0].value.a = slot;
	if (cmd == KEYSTORE_CMD_PUBLIC_KEY) {
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
						 TEEC_MEMREF_TEMP_OUTPUT,
						 TEEC_NONE, TEEC_NONE);
		op.params[1].tmpref.buffer = out;
		op.params[1].tmpref.size = *out_len;
	} else {
		op.paramTypes = TEEC_PARAM_TYPES(
			TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT,
			TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
		op.params[1].tmpref.buffer = in;
		op.params[1].tmpref.size = in_len;
		op.params[2].tmpref.buffer = out;
		op.params[2].tmpref.size = *out_len;
	}
	r = TEEC_InvokeCommand(s, cmd, &op, &origin);
	*out_len =
		op.params[cmd == KEYSTORE_CMD_PUBLIC_KEY ? 1 : 2].tmpref.size;
	return r;
}

/* Ed25519: the normal world checks what the key store signed. */
static void keystore_ed25519(TEEC_Session *s)
{
	/* each in a page of its own: a page is in one FF-A share at a time */
	static u8 pub[32] __attribute__((aligned(4096)));
	static u8 sig[64] __attribute__((aligned(4096)));
	static u8 msg[600] __attribute__((aligned(4096)));
	u8 pub2[32];
	size_t n;
	unsigned i;

	for (i = 0; i < sizeof(msg); i++)
		msg[i] = (u8)(i * 7 + 1);
	n = sizeof(pub);
	CHECK_EQ(ed25519_op(s, KEYSTORE_CMD_PUBLIC_KEY, 0, NULL, 0, pub, &n),
		 TEEC_SUCCESS, "key-store TA: Ed25519 public key given out");
	CHECK_EQ(n, 32, "key-store TA: ... 32 bytes");
	memcpy(pub2, pub, 32);
	n = 16;
	CHECK_EQ(ed25519_op(s, KEYSTORE_CMD_PUBLIC_KEY, 0, NULL, 0, pub, &n),
		 TEEC_ERROR_SHORT_BUFFER,
		 "key-store TA: public key into 16 bytes: SHORT_BUFFER");
	CHECK_EQ(n, 32, "key-store TA: ... with the size needed");
	n = sizeof(sig);
	CHECK_EQ(ed25519_op(s, KEYSTORE_CMD_SIGN_ED25519, 0, msg, sizeof(msg),
			    sig, &n),
		 TEEC_SUCCESS, "key-store TA: message signed with Ed25519");
	CHECK_EQ(n, 64, "key-store TA: ... a 64-byte signature");
	CHECK_EQ(memcmp(pub, pub2, 32), 0,
		 "key-store TA: the public key stays the same");
	CHECK_EQ(ed25519_verify(sig, pub, msg, sizeof(msg)), true,
		 "key-store TA: the normal world verifies the signature");
	msg[599] ^= 0x80;
	CHECK_EQ(ed25519_verify(sig, pub, msg, sizeof(msg)), false,
		 "key-store TA: ... and refuses it on a changed message");
	n = sizeof(sig);
	CHECK_EQ(ed25519_op(s, KEYSTORE_CMD_SIGN_ED25519, 0, msg, 0, sig, &n),
		 TEEC_SUCCESS, "key-store TA: an empty message signed");
	CHECK_EQ(ed25519_verify(sig, pub, msg, 0), true,
		 "key-store TA: ... and verified");
	{
		static u8 big[4097] __attribute__((aligned(4096)));

		n = sizeof(sig);
		CHECK_EQ(ed25519_op(s, KEYSTORE_CMD_SIGN_ED25519, 0, big,
				    sizeof(big), sig, &n),
			 TEEC_ERROR_EXCESS_DATA,
			 "key-store TA: a message over 4 KiB: EXCESS_DATA");
	}
	n = 63;
	CHECK_EQ(ed25519_op(s, KEYSTORE_CMD_SIGN_ED25519, 0, msg, 8, sig, &n),
		 TEEC_ERROR_SHORT_BUFFER,
		 "key-store TA: a signature into 63 bytes: SHORT_BUFFER");
	n = sizeof(sig);
	CHECK_EQ(ed25519_op(s, KEYSTORE_CMD_SIGN_ED25519, 2, msg, 8, sig, &n),
		 TEEC_ERROR_ITEM_NOT_FOUND,
		 "key-store TA: no key pair in slot 2");
	n = sizeof(sig);
	CHECK_EQ(ed25519_op(s, KEYSTORE_CMD_SIGN_ED25519, 9, msg, 8, sig, &n),
		 TEEC_ERROR_ITEM_NOT_FOUND,
		 "key-store TA: slot 9 does not exist");
}

static void keystore_ta(void)
{
	static const u32 ks[4] = { KEYSTORE_TA_UUID };
	static const char msg[] = "transfer 100 to the bank";
	TEEC_UUID uuid = nw_teec_uuid(ks);
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_SharedMemory m;
	TEEC_Operation op;
	u32 origin, match;

	TEEC_InitializeContext("alpha", &ctx);
	CHECK_EQ(TEEC_OpenSession(&ctx, &s, &uuid, TEEC_LOGIN_PUBLIC, NULL,
				  NULL, &origin),
		 TEEC_SUCCESS, "key-store TA: session");
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	CHECK_EQ(TEEC_InvokeCommand(&s, KEYSTORE_CMD_GENERATE, &op, &origin),
		 TEEC_SUCCESS, "key-store TA: key generated inside");
	CHECK_EQ(TEEC_InvokeCommand(&s, KEYSTORE_CMD_GENERATE, &op, &origin),
		 TEEC_ERROR_BAD_STATE, "key-store TA: a key is never replaced");
	m.size = sizeof(msg) + 32;
	m.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	TEEC_AllocateSharedMemory(&ctx, &m);
	memcpy(m.buffer, msg, sizeof(msg));
	CHECK_EQ(keystore_op(&s, KEYSTORE_CMD_SIGN, 0, &m, &match),
		 TEEC_SUCCESS, "key-store TA: message signed");
	CHECK_EQ(keystore_op(&s, KEYSTORE_CMD_VERIFY, 0, &m, &match),
		 TEEC_SUCCESS, "key-store TA: verified");
	CHECK_EQ(match, 1, "key-store TA: the signature matches");
	((u8 *)m.buffer)[9] ^= 1;
	keystore_op(&s, KEYSTORE_CMD_VERIFY, 0, &m, &match);
	CHECK_EQ(match, 0, "key-store TA: a changed message does not");
	CHECK_EQ(keystore_op(&s, KEYSTORE_CMD_SIGN, 3, &m, &match),
		 TEEC_ERROR_ITEM_NOT_FOUND, "key-store TA: no key in slot 3");
	TEEC_ReleaseSharedMemory(&m);
	keystore_ed25519(&s);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

static u64 increment(TEEC_Session *s)
{
	TEEC_Operation op;
	u32 origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	if (TEEC_InvokeCommand(s, COUNTER_CMD_INCREMENT, &op, &origin))
		return 0;
	return op.params[0].value.a | (u64)op.params[0].value.b << 32;
}

static void counter_ta(void)
{
	static const u32 c[4] = { COUNTER_TA_UUID };
	TEEC_UUID uuid = nw_teec_uuid(c);
	TEEC_Context alpha, beta;
	TEEC_Session s;
	u32 origin;
	u64 first;

	TEEC_InitializeContext("alpha", &alpha);
	TEEC_InitializeContext("beta", &beta);
	TEEC_OpenSession(&alpha, &s, &uuid, TEEC_LOGIN_PUBLIC, NULL, NULL,
			 &origin);
	/* earlier tests may have counted in alpha: from wherever it is */
	first = increment(&s);
	CHECK_EQ(first != 0, 1, "counter TA: counts");
	CHECK_EQ(increment(&s), first + 1, "counter TA: one more");
	TEEC_CloseSession(&s);
	TEEC_OpenSession(&alpha, &s, &uuid, TEEC_LOGIN_PUBLIC, NULL, NULL,
			 &origin);
	CHECK_EQ(increment(&s), first + 2,
		 "counter TA: a new session goes on, never back");
	TEEC_CloseSession(&s);
	TEEC_OpenSession(&beta, &s, &uuid, TEEC_LOGIN_PUBLIC, NULL, NULL,
			 &origin);
	CHECK_EQ(increment(&s), 1, "counter TA: beta's TEE has its own");
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&alpha);
	TEEC_FinalizeContext(&beta);
}

void test_teec(void)
{
	keystore_ta();
	counter_ta();
	contexts();
	sessions_and_memory("alpha", ALPHA_ID);
	sessions_and_memory("beta", BETA_ID);
}
