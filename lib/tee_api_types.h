/* GlobalPlatform TEE types, parameter kinds and result codes (GP spec facts).
 */
#ifndef LIB_TEE_API_TYPES_H
#define LIB_TEE_API_TYPES_H

#include "lib/types.h"

typedef u32 TEE_Result;

#define TEE_SUCCESS 0x00000000u
#define TEE_ERROR_GENERIC 0xffff0000u
#define TEE_ERROR_ACCESS_DENIED 0xffff0001u
#define TEE_ERROR_BAD_FORMAT 0xffff0005u
#define TEE_ERROR_BAD_PARAMETERS 0xffff0006u
#define TEE_ERROR_BAD_STATE 0xffff0007u
#define TEE_ERROR_ITEM_NOT_FOUND 0xffff0008u
#define TEE_ERROR_NOT_SUPPORTED 0xffff000au
#define TEE_ERROR_OUT_OF_MEMORY 0xffff000cu
#define TEE_ERROR_EXCESS_DATA 0xffff0004u
#define TEE_ERROR_SHORT_BUFFER 0xffff0010u
#define TEE_ERROR_OVERFLOW 0xffff300fu
#define TEE_ERROR_TARGET_DEAD 0xffff3024u

/* Parameter types, four of them packed in 4-bit fields */
#define TEE_PARAM_TYPE_NONE 0
#define TEE_PARAM_TYPE_VALUE_INPUT 1
#define TEE_PARAM_TYPE_VALUE_OUTPUT 2
#define TEE_PARAM_TYPE_VALUE_INOUT 3
#define TEE_PARAM_TYPE_MEMREF_INPUT 5
#define TEE_PARAM_TYPE_MEMREF_OUTPUT 6
#define TEE_PARAM_TYPE_MEMREF_INOUT 7
#define TEE_PARAM_TYPES(t0, t1, t2, t3) \
	((t0) | ((t1) << 4) | ((t2) << 8) | ((t3) << 12))
#define TEE_PARAM_TYPE_GET(t, i) (((t) >> ((i)*4)) & 0xf)

/* As a TA sees a parameter (64-bit TAs: 16 bytes each) */
typedef union {
	struct {
		void *buffer;
		size_t size;
	} memref;
	struct {
		u32 a, b;
	} value;
} TEE_Param;

typedef struct {
	u32 timeLow;
	u16 timeMid;
	u16 timeHiAndVersion;
	u8 clockSeqAndNode[8];
} TEE_UUID;

#endif
