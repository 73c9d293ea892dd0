/* GlobalPlatform TEE Client API (names, types and codes from the GP spec). */
#ifndef NWTEST_TEE_CLIENT_API_H
#define NWTEST_TEE_CLIENT_API_H

#include "lib/types.h"

typedef u32 TEEC_Result;

#define TEEC_SUCCESS 0x00000000u
#define TEEC_ERROR_GENERIC 0xffff0000u
#define TEEC_ERROR_ACCESS_DENIED 0xffff0001u
#define TEEC_ERROR_BAD_PARAMETERS 0xffff0006u
#define TEEC_ERROR_BAD_STATE 0xffff0007u
#define TEEC_ERROR_ITEM_NOT_FOUND 0xffff0008u
#define TEEC_ERROR_NOT_SUPPORTED 0xffff000au
#define TEEC_ERROR_OUT_OF_MEMORY 0xffff000cu
#define TEEC_ERROR_COMMUNICATION 0xffff000eu
#define TEEC_ERROR_EXCESS_DATA 0xffff0004u
#define TEEC_ERROR_SHORT_BUFFER 0xffff0010u
#define TEEC_ERROR_TARGET_DEAD 0xffff3024u

#define TEEC_ORIGIN_API 1
#define TEEC_ORIGIN_COMMS 2
#define TEEC_ORIGIN_TEE 3
#define TEEC_ORIGIN_TRUSTED_APP 4

#define TEEC_LOGIN_PUBLIC 0

#define TEEC_NONE 0x0
#define TEEC_VALUE_INPUT 0x1
#define TEEC_VALUE_OUTPUT 0x2
#define TEEC_VALUE_INOUT 0x3
#define TEEC_MEMREF_TEMP_INPUT 0x5
#define TEEC_MEMREF_TEMP_OUTPUT 0x6
#define TEEC_MEMREF_TEMP_INOUT 0x7
#define TEEC_MEMREF_WHOLE 0xc
#define TEEC_MEMREF_PARTIAL_INPUT 0xd
#define TEEC_MEMREF_PARTIAL_OUTPUT 0xe
#define TEEC_MEMREF_PARTIAL_INOUT 0xf
#define TEEC_PARAM_TYPES(p0, p1, p2, p3) \
	((p0) | ((p1) << 4) | ((p2) << 8) | ((p3) << 12))

#define TEEC_MEM_INPUT 0x1
#define TEEC_MEM_OUTPUT 0x2

typedef struct {
	u32 timeLow;
	u16 timeMid;
	u16 timeHiAndVersion;
	u8 clockSeqAndNode[8];
} TEEC_UUID;

/* Implementation fields: the TEE's partition, the message page */
typedef struct {
	u16 partition;
	bool live;
	u8 *arg;
	u64 arg_handle;
} TEEC_Context;

typedef struct {
	TEEC_Context *ctx;
	u32 id;
	bool live;
} TEEC_Session;

typedef struct {
	void *buffer;
	size_t size;
	u32 flags;
	/* implementation: the FF-A handle and where buffer sits in it */
	TEEC_Context *ctx;
	u64 handle;
	size_t offset;
	bool allocated;
} TEEC_SharedMemory;

typedef struct {
	void *buffer;
	size_t size;
} TEEC_TempMemoryReference;

typedef struct {
	TEEC_SharedMemory *parent;
	size_t size;
	size_t offset;
} TEEC_RegisteredMemoryReference;

typedef struct {
	u32 a, b;
} TEEC_Value;

typedef union {
	TEEC_TempMemoryReference tmpref;
	TEEC_RegisteredMemoryReference memref;
	TEEC_Value value;
} TEEC_Parameter;

typedef struct {
	u32 started;
	u32 paramTypes;
	TEEC_Parameter params[4];
} TEEC_Operation;

/* name: a TEE's name from its manifest; NULL: the first TEE there is */
TEEC_Result TEEC_InitializeContext(const char *name, TEEC_Context *context);
void TEEC_FinalizeContext(TEEC_Context *context);
TEEC_Result TEEC_OpenSession(TEEC_Context *context, TEEC_Session *session,
			     const TEEC_UUID *destination, u32 connectionMethod,
			     const void *connectionData,
			     TEEC_Operation *operation, u32 *returnOrigin);
void TEEC_CloseSession(TEEC_Session *session);
TEEC_Result TEEC_InvokeCommand(TEEC_Session *session, u32 commandID,
			       TEEC_Operation *operation, u32 *returnOrigin);
TEEC_Result TEEC_RegisterSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *sharedMem);
TEEC_Result TEEC_AllocateSharedMemory(TEEC_Context *context,
				      TEEC_SharedMemory *sharedMem);
void TEEC_ReleaseSharedMemory(TEEC_SharedMemory *sharedMem);
void TEEC_RequestCancellation(TEEC_Operation *operation);

/* Not GP: a TEEC_UUID from the four w-register words our headers use */
TEEC_UUID nw_teec_uuid(const u32 w[4]);

#endif
