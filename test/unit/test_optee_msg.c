/* Host tests of OP-TEE message parameters to GP parameters (lib/optee_msg.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lib/optee_msg.h"

static u8 msg[4 * PARAM_SIZE];

static void param(unsigned i, u64 attr, u64 a, u64 b, u64 c)
{
	u64 v[4] = { attr, a, b, c };

	memcpy(msg + i * PARAM_SIZE, v, sizeof(v));
}

static u64 word(unsigned i, unsigned w)
{
	u64 v;

	memcpy(&v, msg + i * PARAM_SIZE + 8 * w, 8);
	return v;
}

static void values_and_one_reference(void **state)
{
	TEE_Param gp[4];
	u32 types;
	u32 mask;
	u64 mem[4][3];

	(void)state;
	memset(msg, 0, sizeof(msg));
	param(0, ATTR_VALUE_INPUT, 40, 2, 99);
	param(1, ATTR_VALUE_OUTPUT, 0, 0, 0);
	param(2, ATTR_RMEM_INOUT, 100, 7, 0xabcdef);
	assert_int_equal(optee_msg_to_gp(msg, 4, gp, &types, &mask, mem),
			 TEE_SUCCESS);
	assert_int_equal(types, TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
						TEE_PARAM_TYPE_VALUE_OUTPUT,
						TEE_PARAM_TYPE_MEMREF_INOUT,
						TEE_PARAM_TYPE_NONE));
	assert_int_equal(gp[0].value.a, 40);
	assert_int_equal(gp[0].value.b, 2);
	assert_int_equal(mask, 1u << 2);
	assert_int_equal(mem[2][0], 0xabcdef); /* the FF-A handle */
	assert_int_equal(mem[2][1], 100);
	assert_int_equal(mem[2][2], 7);

	/* outputs go back; inputs are left as they were */
	gp[0].value.a = 1000;
	gp[1].value.a = 42;
	gp[1].value.b = 43;
	gp[2].memref.size = 5;
	optee_msg_from_gp(msg, 4, gp, types);
	assert_int_equal(word(0, 1), 40);
	assert_int_equal(word(1, 1), 42);
	assert_int_equal(word(1, 2), 43);
	assert_int_equal(word(2, 2), 5);
	assert_int_equal(word(2, 1), 100); /* offset untouched */
}

static void refusals(void **state)
{
	TEE_Param gp[4];
	u32 types;
	u32 mask;
	u64 mem[4][3];

	(void)state;
	memset(msg, 0, sizeof(msg));
	assert_int_equal(optee_msg_to_gp(msg, 5, gp, &types, &mask, mem),
			 TEE_ERROR_BAD_PARAMETERS); /* more than four */
	param(0, ATTR_META | ATTR_VALUE_INPUT, 0, 0, 0);
	assert_int_equal(
		optee_msg_to_gp(msg, 1, gp, &types, &mask, mem),
		TEE_ERROR_BAD_PARAMETERS); /* meta where none belongs */
	param(0, 0x9, 0, 0, 0); /* a temporary-memory type: not over FF-A */
	assert_int_equal(optee_msg_to_gp(msg, 1, gp, &types, &mask, mem),
			 TEE_ERROR_BAD_PARAMETERS);
	param(0, 0x4, 0, 0, 0);
	assert_int_equal(optee_msg_to_gp(msg, 1, gp, &types, &mask, mem),
			 TEE_ERROR_BAD_PARAMETERS);
	param(0, ATTR_RMEM_INPUT, 0, 1, 1);
	param(1, ATTR_RMEM_OUTPUT, 0, 1, 2);
	assert_int_equal(optee_msg_to_gp(msg, 2, gp, &types, &mask, mem),
			 TEE_SUCCESS); /* two references */
	assert_int_equal(mask, 3);
	assert_int_equal(mem[1][0], 2);
	/* Linux's fmem layout: offs_low, offs_high, internal_offs */
	param(1, ATTR_RMEM_OUTPUT, 0x0123ULL << 48 | 0x4567ULL << 32 | 0x89ab,
	      1, 2);
	assert_int_equal(optee_msg_to_gp(msg, 2, gp, &types, &mask, mem),
			 TEE_SUCCESS);
	assert_int_equal(mem[1][1], 0x456700000000ULL + 0x89ab + 0x0123);
	param(1, 1ULL << 40 | ATTR_VALUE_INPUT, 0, 0, 0);
	assert_int_equal(optee_msg_to_gp(msg, 2, gp, &types, &mask, mem),
			 TEE_ERROR_BAD_PARAMETERS); /* stray attribute bits */
}

/* The UUID of an OPEN_SESSION message, read as the TEE and a hypervisor read
 * it. */
static void open_uuid(void **state)
{
	u8 arg[OPTEE_MSG_ARG_HDR + PARAM_SIZE];
	const u32 want[4] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444 };
	u32 uuid[4],
		hdr[8] = { OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 0, 0, 0, 0, 2 };
	u64 attr = ATTR_META | ATTR_VALUE_INPUT;

	(void)state;
	memset(arg, 0, sizeof(arg));
	memcpy(arg, hdr, sizeof(hdr));
	memcpy(arg + OPTEE_MSG_ARG_HDR, &attr, 8);
	memcpy(arg + OPTEE_MSG_ARG_HDR + 8, want, 16);
	assert_true(optee_msg_open_uuid(arg, uuid));
	assert_memory_equal(uuid, want, 16);
	hdr[7] = 1; /* the client's meta value missing */
	memcpy(arg, hdr, sizeof(hdr));
	assert_false(optee_msg_open_uuid(arg, uuid));
	hdr[7] = 2;
	hdr[0] = OPTEE_MSG_CMD_INVOKE_COMMAND;
	memcpy(arg, hdr, sizeof(hdr));
	assert_false(optee_msg_open_uuid(arg, uuid));
	hdr[0] = OPTEE_MSG_CMD_OPEN_SESSION;
	memcpy(arg, hdr, sizeof(hdr));
	attr = ATTR_VALUE_INPUT; /* not flagged meta */
	memcpy(arg + OPTEE_MSG_ARG_HDR, &attr, 8);
	assert_false(optee_msg_open_uuid(arg, uuid));
}

/* Any bytes at all: a clean answer, and types that say what was read. */
static void fuzz(void **state)
{
	unsigned long long s = 0x2545f4914f6cdd1dULL;
	unsigned i, k, ok = 0;

	(void)state;
	for (i = 0; i < 50000; i++) {
		TEE_Param gp[4];
		u32 types, mask, n = 1 + (u32)(s % 4);
		u64 mem[4][3];

		for (k = 0; k < sizeof(msg); k++) {
			s ^= s << 13;
			s ^= s >> 7;
			s ^= s << 17;
			msg[k] = (u8)s;
		}
		/* keep the attribute words plausible half of the time */
		if (i & 1)
			for (k = 0; k < 4; k++)
				memset(msg + k * PARAM_SIZE + 1, 0, 7);
		if (optee_msg_to_gp(msg, n, gp, &types, &mask, mem) ==
		    TEE_SUCCESS) {
			ok++;
			assert_true(types >> (4 * n) == 0);
			assert_true(mask >> n == 0);
			optee_msg_from_gp(msg, n, gp, types);
		}
	}
	print_message("optee_msg fuzz: %u of 50000 accepted\n", ok);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_and_one_reference),
		cmocka_unit_test(refusals),
		cmocka_unit_test(open_uuid),
		cmocka_unit_test(fuzz),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
