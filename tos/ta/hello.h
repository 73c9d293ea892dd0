/* The test TA's UUID and commands, for the trusted OS and its clients. */
#ifndef TOS_TA_HELLO_H
#define TOS_TA_HELLO_H

/* 8aaaf200-2450-11e4-abe2-0002a5d5c51b is OP-TEE's hello world; ours: */
/* 3f6c1a2e-9d84-4b57-a0c3-5e1f7b2d8c90, as the four w-register words */
#define HELLO_UUID 0x2e1a6c3f, 0x574b849d, 0x1f5ec3a0, 0x908c2d7b
/* the same, as device-tree cells (the system manifest's "tas") */
#define HELLO_UUID_CELLS 0x2e1a6c3f 0x574b849d 0x1f5ec3a0 0x908c2d7b

/* Open may carry a memref in and a value out: the session's counter starts
 * at the sum of the memref's bytes, which value out a reports. */
#define HELLO_OPEN_PARAMS                                                 \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,                      \
			TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE, \
			TEE_PARAM_TYPE_NONE)

#define HELLO_CMD_ADD 0 /* value in (a, b) -> value out a + b */
#define HELLO_CMD_COUNT 1 /* -> value out: calls in this session */
#define HELLO_CMD_CRASH 2 /* writes to address 0 */
#define HELLO_CMD_READ_KERNEL 3 /* reads the address in value a */
/* memref inout: reversed in place; value out a: the sum of its bytes */
#define HELLO_CMD_REVERSE 4
/* memref in -> memref out: copied; the output's size becomes the input's,
 * or TEE_ERROR_SHORT_BUFFER if it does not fit */
#define HELLO_CMD_COPY 5

#endif
