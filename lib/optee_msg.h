/* OP-TEE message parameters (optee_msg_param, 32 bytes) and GP parameters. */
#ifndef LIB_OPTEE_MSG_H
#define LIB_OPTEE_MSG_H

#include "lib/tee_api_types.h"

/* optee_msg_arg: eight 32-bit fields, then its parameters */
#define OPTEE_MSG_ARG_HDR 32
#define PARAM_SIZE 32
/* optee_msg_arg commands */
#define OPTEE_MSG_CMD_OPEN_SESSION 0u
#define OPTEE_MSG_CMD_INVOKE_COMMAND 1u
#define OPTEE_MSG_CMD_CLOSE_SESSION 2u
/* optee_msg_param attributes */
#define ATTR_TYPE_MASK 0xff
#define ATTR_VALUE_INPUT 0x1
#define ATTR_VALUE_OUTPUT 0x2
#define ATTR_VALUE_INOUT 0x3
#define ATTR_RMEM_INPUT 0x5
#define ATTR_RMEM_OUTPUT 0x6
#define ATTR_RMEM_INOUT 0x7
#define ATTR_META BIT(8)

/* Message fields, little-endian and naturally aligned: inline loads even
 * in images built with -fno-builtin */
static inline u32 optee_get32(const u8 *p)
{
	u32 v;

	__builtin_memcpy(&v, p, 4);
	return v;
}

static inline u64 optee_get64(const u8 *p)
{
	u64 v;

	__builtin_memcpy(&v, p, 8);
	return v;
}

/*
 * n message parameters at p (after any meta ones) into GP parameters:
 * values, and FF-A memory references, whose handle, offset (offs plus
 * internal_offs) and size go to mem[i][0..2] (bit i of *mem_mask set). Returns
 * TEE_SUCCESS or TEE_ERROR_BAD_PARAMETERS (unknown or flagged attribute, more
 * than four).
 */
TEE_Result optee_msg_to_gp(const u8 *p, u32 n, TEE_Param gp[4], u32 *types,
			   u32 *mem_mask, u64 mem[4][3]);

/* Output values, and memory sizes as the TA left them, back into p. */
void optee_msg_from_gp(u8 *p, u32 n, const TEE_Param gp[4], u32 types);

/*
 * The TA's UUID if the message whose first OPTEE_MSG_ARG_HDR + PARAM_SIZE
 * bytes are at arg opens a session: true, or false if it is no such
 * message (the TEE and a normal-world hypervisor read it the same way).
 */
bool optee_msg_open_uuid(const u8 *arg, u32 uuid[4]);

#endif
