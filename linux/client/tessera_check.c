/* Linux user-space checks of every Tessera TEE through Debian's libteec. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <tee_client_api.h>

#include "lib/ed25519.h"
#include "tos/ta/hello.h"
#include "tos/ta/keystore_ta.h"

static unsigned passed, failed;

static void check(int ok, const char *what, unsigned long long got,
		  unsigned long long want)
{
	if (ok) {
		passed++;
		printf("ok - %s\n", what);
	} else {
		failed++;
		printf("FAIL - %s: got 0x%llx, want 0x%llx\n", what, got, want);
	}
}

#define CHECK_EQ(got, want, what)                           \
	do {                                                \
		unsigned long long g_ = (got), w_ = (want); \
		check(g_ == w_, what, g_, w_);              \
	} while (0)

/* Our headers give UUIDs as the four words FF-A carries in registers. */
static TEEC_UUID uuid_of(const uint32_t w[4])
{
	uint8_t o[16];
	TEEC_UUID u;

	memcpy(o, w, 16);
	u.timeLow = (uint32_t)o[0] << 24 | (uint32_t)o[1] << 16 |
		    (uint32_t)o[2] << 8 | o[3];
	u.timeMid = (uint16_t)(o[4] << 8 | o[5]);
	u.timeHiAndVersion = (uint16_t)(o[6] << 8 | o[7]);
	memcpy(u.clockSeqAndNode, o + 8, 8);
	return u;
}

static const uint32_t hello_w[4] = { HELLO_UUID };
static const uint32_t keystore_w[4] = { KEYSTORE_TA_UUID };

/*
 * The TEEs as the boot code names them in the device tree, in FF-A
 * partition order; Linux's OP-TEE driver made /dev/tee<i> for the i-th of
 * them (it probes the FF-A devices in order).
 */
#define TEES_MAX 8
static struct tee {
	char name[32];
	unsigned id;
	int dev;
} tees[TEES_MAX];
static unsigned tee_count;

static int read_file(const char *path, void *buf, size_t n)
{
	FILE *f = fopen(path, "rb");
	size_t got;

	if (!f)
		return -1;
	got = fread(buf, 1, n, f);
	fclose(f);
	return (int)got;
}

static int by_id(const void *a, const void *b)
{
	return (int)((const struct tee *)a)->id -
	       (int)((const struct tee *)b)->id;
}

static void find_tees(void)
{
	DIR *d = opendir("/proc/device-tree");
	struct dirent *e;
	unsigned i;

	while (d && (e = readdir(d)) && tee_count < TEES_MAX) {
		char path[300];
		uint8_t id[4];
		struct tee *t = &tees[tee_count];

		if (strncmp(e->d_name, "tessera-tee@", 12))
			continue;
		snprintf(path, sizeof(path), "/proc/device-tree/%s/label",
			 e->d_name);
		if (read_file(path, t->name, sizeof(t->name) - 1) <= 0)
			continue;
		snprintf(path, sizeof(path),
			 "/proc/device-tree/%s/ffa-partition-id", e->d_name);
		if (read_file(path, id, 4) != 4)
			continue;
		t->id = (unsigned)id[2] << 8 | id[3];
		tee_count++;
	}
	if (d)
		closedir(d);
	qsort(tees, tee_count, sizeof(tees[0]), by_id);
	for (i = 0; i < tee_count; i++)
		tees[i].dev = (int)i;
}

static struct tee *tee_named(const char *name)
{
	unsigned i;

	for (i = 0; i < tee_count; i++)
		if (!strcmp(tees[i].name, name))
			return &tees[i];
	return NULL;
}

/*
 * libteec opens the first /dev/tee<n> that answers: in a mount namespace
 * of our own, the chosen TEE's device is put where it looks first. The
 * context keeps its file open after the view is taken down again.
 */
static TEEC_Result context_on(const char *name, TEEC_Context *ctx)
{
	static int own_namespace;
	struct tee *t = tee_named(name);
	char dev[32];
	TEEC_Result r;

	if (!t)
		return TEEC_ERROR_ITEM_NOT_FOUND;
	if (!own_namespace) {
		if (unshare(CLONE_NEWNS) ||
		    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
			return TEEC_ERROR_GENERIC;
		own_namespace = 1;
	}
	snprintf(dev, sizeof(dev), "/dev/tee%d", t->dev);
	if (t->dev && mount(dev, "/dev/tee0", NULL, MS_BIND, NULL))
		return TEEC_ERROR_GENERIC;
	r = TEEC_InitializeContext(NULL, ctx);
	/* detached at once: the context's open file keeps it alive */
	if (t->dev && umount2("/dev/tee0", MNT_DETACH))
		return TEEC_ERROR_GENERIC;
	return r;
}

static uint32_t add(TEEC_Session *s, uint32_t a, uint32_t b, TEEC_Result *res)
{
	TEEC_Operation op;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = a;
	op.params[0].value.b = b;
	*res = TEEC_InvokeCommand(s, HELLO_CMD_ADD, &op, &origin);
	return op.params[1].value.a;
}

/* The general TEE: values, and memory of every kind Linux can share. */
static void general(const char *name)
{
	TEEC_UUID hello = uuid_of(hello_w);
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_SharedMemory m;
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;
	char what[100], *buf = malloc(5000);

	snprintf(what, sizeof(what), "%s: context", name);
	CHECK_EQ(context_on(name, &ctx), TEEC_SUCCESS, what);
	snprintf(what, sizeof(what), "%s: session with TA hello", name);
	CHECK_EQ(TEEC_OpenSession(&ctx, &s, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  NULL, &origin),
		 TEEC_SUCCESS, what);
	snprintf(what, sizeof(what), "%s: values: 40 + 2", name);
	CHECK_EQ(add(&s, 40, 2, &res), 42, what);

	/* registered user memory, not page-aligned: Linux shares its pages
	 * with FFA_MEM_SHARE and points into them */
	memcpy(buf + 4090, "registered", 10);
	m.buffer = buf + 4090;
	m.size = 10;
	m.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	snprintf(what, sizeof(what), "%s: user memory registered", name);
	CHECK_EQ(TEEC_RegisterSharedMemory(&ctx, &m), TEEC_SUCCESS, what);
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &m;
	snprintf(what, sizeof(what), "%s: memref over a page boundary", name);
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_REVERSE, &op, &origin),
		 TEEC_SUCCESS, what);
	snprintf(what, sizeof(what), "%s: ... reversed in place", name);
	CHECK_EQ(memcmp(buf + 4090, "deretsiger", 10), 0, what);
	TEEC_ReleaseSharedMemory(&m);

	/* allocated shared memory, part of it */
	m.size = 300;
	m.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	snprintf(what, sizeof(what), "%s: shared memory allocated", name);
	CHECK_EQ(TEEC_AllocateSharedMemory(&ctx, &m), TEEC_SUCCESS, what);
	memcpy((char *)m.buffer + 200, "partial", 7);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_INOUT, TEEC_VALUE_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &m;
	op.params[0].memref.offset = 200;
	op.params[0].memref.size = 7;
	TEEC_InvokeCommand(&s, HELLO_CMD_REVERSE, &op, &origin);
	snprintf(what, sizeof(what), "%s: partial memref at its offset", name);
	CHECK_EQ(memcmp((char *)m.buffer + 200, "laitrap", 7), 0, what);
	TEEC_ReleaseSharedMemory(&m);

	/* temporary memory: in, and out through a second reference */
	memcpy(buf, "temporary", 9);
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
				 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = 9;
	op.params[1].tmpref.buffer = buf + 100;
	op.params[1].tmpref.size = 64;
	snprintf(what, sizeof(what), "%s: two temporary memrefs", name);
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_COPY, &op, &origin),
		 TEEC_SUCCESS, what);
	snprintf(what, sizeof(what), "%s: ... copied, output size 9", name);
	CHECK_EQ(memcmp(buf + 100, "temporary", 9) == 0 &&
			 op.params[1].tmpref.size == 9,
		 1, what);

	/* wrong parameter types: the TA's own answer */
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	snprintf(what, sizeof(what), "%s: bad parameter types", name);
	CHECK_EQ(TEEC_InvokeCommand(&s, HELLO_CMD_ADD, &op, &origin),
		 TEEC_ERROR_BAD_PARAMETERS, what);
	CHECK_EQ(origin, TEEC_ORIGIN_TRUSTED_APP, "... said the TA");
	TEEC_CloseSession(&s);

	hello.timeLow ^= 1;
	snprintf(what, sizeof(what), "%s: unknown TA: ITEM_NOT_FOUND", name);
	CHECK_EQ(TEEC_OpenSession(&ctx, &s, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  NULL, &origin),
		 TEEC_ERROR_ITEM_NOT_FOUND, what);
	TEEC_FinalizeContext(&ctx);
	free(buf);
}

/* The key-store TEE signs; we check the signature with its public key. */
static void keystore(const char *name)
{
	TEEC_UUID ks = uuid_of(keystore_w), hello = uuid_of(hello_w);
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Operation op;
	uint32_t origin;
	uint8_t pub[32], sig[64];
	static const char msg[] = "signed in a TEE, checked by Linux";

	CHECK_EQ(context_on(name, &ctx), TEEC_SUCCESS, "keystore: context");
	CHECK_EQ(TEEC_OpenSession(&ctx, &s, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  NULL, &origin),
		 TEEC_ERROR_ITEM_NOT_FOUND,
		 "keystore: carries no hello TA (its own build)");
	CHECK_EQ(TEEC_OpenSession(&ctx, &s, &ks, TEEC_LOGIN_PUBLIC, NULL, NULL,
				  &origin),
		 TEEC_SUCCESS, "keystore: session with TA keystore");
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].value.a = 3;
	CHECK_EQ(TEEC_InvokeCommand(&s, KEYSTORE_CMD_GENERATE, &op, &origin),
		 TEEC_SUCCESS, "keystore: key pair made inside");
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
				 TEEC_NONE, TEEC_NONE);
	op.params[1].tmpref.buffer = pub;
	op.params[1].tmpref.size = sizeof(pub);
	CHECK_EQ(TEEC_InvokeCommand(&s, KEYSTORE_CMD_PUBLIC_KEY, &op, &origin),
		 TEEC_SUCCESS, "keystore: public key");
	op.paramTypes =
		TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT,
				 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
	op.params[1].tmpref.buffer = (void *)msg;
	op.params[1].tmpref.size = sizeof(msg) - 1;
	op.params[2].tmpref.buffer = sig;
	op.params[2].tmpref.size = sizeof(sig);
	CHECK_EQ(
		TEEC_InvokeCommand(&s, KEYSTORE_CMD_SIGN_ED25519, &op, &origin),
		TEEC_SUCCESS, "keystore: message signed (Ed25519)");
	CHECK_EQ(ed25519_verify(sig, pub, msg, sizeof(msg) - 1), 1,
		 "keystore: Linux verifies the signature");
	sig[10] ^= 4;
	CHECK_EQ(ed25519_verify(sig, pub, msg, sizeof(msg) - 1), 0,
		 "keystore: ... and refuses a changed one");
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

/* A TA that crashes dies alone: TARGET_DEAD, and every TEE serves on. */
static void crash(void)
{
	TEEC_UUID hello = uuid_of(hello_w);
	TEEC_Context a, b;
	TEEC_Session sa, sb;
	TEEC_Result res;
	uint32_t origin;

	CHECK_EQ(context_on("alpha", &a) | context_on("beta", &b), TEEC_SUCCESS,
		 "crash: contexts on alpha and beta");
	CHECK_EQ(TEEC_OpenSession(&a, &sa, &hello, TEEC_LOGIN_PUBLIC, NULL,
				  NULL, &origin) |
			 TEEC_OpenSession(&b, &sb, &hello, TEEC_LOGIN_PUBLIC,
					  NULL, NULL, &origin),
		 TEEC_SUCCESS, "crash: a session in each");
	CHECK_EQ(TEEC_InvokeCommand(&sa, HELLO_CMD_CRASH, NULL, &origin),
		 TEEC_ERROR_TARGET_DEAD, "crash: alpha's TA dies: TARGET_DEAD");
	add(&sa, 1, 1, &res);
	CHECK_EQ(res, TEEC_ERROR_TARGET_DEAD,
		 "crash: ... its session stays dead");
	CHECK_EQ(add(&sb, 2, 3, &res), 5, "crash: beta's session serves on");
	{
		TEEC_UUID ks = uuid_of(keystore_w);
		TEEC_Context k;
		TEEC_Session sk;

		CHECK_EQ(context_on("keystore", &k) |
				 TEEC_OpenSession(&k, &sk, &ks,
						  TEEC_LOGIN_PUBLIC, NULL, NULL,
						  &origin),
			 TEEC_SUCCESS, "crash: the key store serves on");
		TEEC_CloseSession(&sk);
		TEEC_FinalizeContext(&k);
	}
	TEEC_CloseSession(&sa);
	TEEC_OpenSession(&a, &sa, &hello, TEEC_LOGIN_PUBLIC, NULL, NULL,
			 &origin);
	CHECK_EQ(add(&sa, 3, 4, &res), 7,
		 "crash: alpha serves a new session (a fresh instance)");
	TEEC_CloseSession(&sa);
	TEEC_CloseSession(&sb);
	TEEC_FinalizeContext(&a);
	TEEC_FinalizeContext(&b);
}

/* MemFree from /proc/meminfo, in kB: what Linux itself says it has left. */
static long mem_free_kb(void)
{
	char line[128];
	long kb = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "MemFree: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

/*
 * Many calls across every TEE, in turn: values or a temporary memref (so
 * that each of those shares and reclaims memory) to alpha and beta, the
 * public key into a temporary memref from the key store. Every answer is
 * checked; Linux's free memory must come back to where it was.
 */
static void many(unsigned n)
{
	static const char *const names[3] = { "alpha", "beta", "keystore" };
	TEEC_UUID uuid[3] = { uuid_of(hello_w), uuid_of(hello_w),
			      uuid_of(keystore_w) };
	TEEC_Context ctx[3];
	TEEC_Session s[3];
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;
	unsigned i, bad = 0, opened = 0;
	long before, after;
	char what[80], buf[64];

	for (i = 0; i < 3; i++)
		opened += !context_on(names[i], &ctx[i]) &&
			  !TEEC_OpenSession(&ctx[i], &s[i], &uuid[i],
					    TEEC_LOGIN_PUBLIC, NULL, NULL,
					    &origin);
	CHECK_EQ(opened, 3, "many: a session in each TEE");
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE,
					 TEEC_NONE);
	op.params[0].value.a = 1;
	TEEC_InvokeCommand(&s[2], KEYSTORE_CMD_GENERATE, &op, &origin);
	before = mem_free_kb();
	for (i = 0; i < n; i++) {
		TEEC_Session *t = &s[i % 3];

		memset(&op, 0, sizeof(op));
		if (i % 3 == 2) {
			op.paramTypes = TEEC_PARAM_TYPES(
				TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
				TEEC_NONE, TEEC_NONE);
			op.params[0].value.a = 1;
			op.params[1].tmpref.buffer = buf;
			op.params[1].tmpref.size = 32;
			res = TEEC_InvokeCommand(t, KEYSTORE_CMD_PUBLIC_KEY,
						 &op, &origin);
			bad += res || op.params[1].tmpref.size != 32;
		} else if (i % 2) {
			bad += add(t, i, 1000, &res) != i + 1000 || res;
		} else {
			snprintf(buf, sizeof(buf), "ab%05u", i);
			op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT,
							 TEEC_VALUE_OUTPUT,
							 TEEC_NONE, TEEC_NONE);
			op.params[0].tmpref.buffer = buf;
			op.params[0].tmpref.size = 7;
			res = TEEC_InvokeCommand(t, HELLO_CMD_REVERSE, &op,
						 &origin);
			bad += res || buf[6] != 'a' || buf[5] != 'b';
		}
	}
	after = mem_free_kb();
	snprintf(what, sizeof(what), "%u calls across the three TEEs", n);
	CHECK_EQ(bad, 0, what);
	printf("many: MemFree %ld kB before, %ld kB after\n", before, after);
	snprintf(what, sizeof(what),
		 "... and Linux's free memory is where it was (%ld kB)",
		 before - after);
	CHECK_EQ(before > 0 && before - after < 256, 1, what);
	for (i = 0; i < 3; i++) {
		TEEC_CloseSession(&s[i]);
		TEEC_FinalizeContext(&ctx[i]);
	}
}

static inline uint64_t counter(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
	return v;
}

/*
 * One TEEC_InvokeCommand with values, user space to the TA and back,
 * averaged over n calls less an empty loop. Under QEMU -icount shift=0 one
 * instruction is one nanosecond of the virtual clock.
 */
static void bench(unsigned n)
{
	TEEC_UUID hello = uuid_of(hello_w);
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Result res;
	uint64_t freq, t0, t1, e0, e1;
	uint32_t origin;
	unsigned i, bad = 0;
	volatile unsigned sink = 0;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
	context_on("alpha", &ctx);
	TEEC_OpenSession(&ctx, &s, &hello, TEEC_LOGIN_PUBLIC, NULL, NULL,
			 &origin);
	add(&s, 1, 1, &res);
	t0 = counter();
	for (i = 0; i < n; i++)
		bad += add(&s, i, 1, &res) != i + 1;
	t1 = counter();
	e0 = counter();
	for (i = 0; i < n; i++)
		sink += i;
	e1 = counter();
	CHECK_EQ(bad, 0, "bench: every call answered");
	printf("bench: TEEC_InvokeCommand from Linux user space, values: "
	       "%llu ns of the virtual clock per call (%u calls): under QEMU "
	       "-icount shift=0, instructions\n",
	       (unsigned long long)(((t1 - t0) - (e1 - e0)) * 1000000000ULL /
				    freq / n),
	       n);
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "check";
	unsigned i;

	find_tees();
	for (i = 0; i < tee_count; i++)
		printf("TEE '%s': FF-A partition 0x%04x, /dev/tee%d\n",
		       tees[i].name, tees[i].id, tees[i].dev);
	if (!strcmp(mode, "bench")) {
		bench(argc > 2 ? (unsigned)atoi(argv[2]) : 1000);
	} else if (!strcmp(mode, "check")) {
		CHECK_EQ(tee_count, 3, "three TEEs in the device tree");
		general("alpha");
		general("beta");
		keystore("keystore");
		crash();
		many(argc > 2 ? (unsigned)atoi(argv[2]) : 1000);
	} else {
		fprintf(stderr, "usage: %s [check [N] | bench [N]]\n", argv[0]);
		return 2;
	}
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
