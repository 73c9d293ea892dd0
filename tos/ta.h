/* Trusted Applications at S-EL0: open a session, invoke it, close it. */
#ifndef TOS_TA_H
#define TOS_TA_H

#include "lib/tee_api_types.h"

/* A TA image a trusted-OS build carries (tos/ta_table_*.c) */
struct ta_image {
	u32 uuid[4]; /* as the four words FF-A carries in w-registers */
	const char *name;
	const u8 *start, *end;
	bool keep_alive; /* the instance outlives its sessions */
};

/* uuid as the four words FF-A and our clients carry it in w-registers */
TEE_Result ta_open(const u32 uuid[4], u32 types, TEE_Param params[4],
		   u32 *session);
TEE_Result ta_invoke(u32 session, u32 cmd, u32 types, TEE_Param params[4]);
/*
 * ta_invoke with parameter index a memory reference of size bytes at
 * offset into ranges (normal-world memory already retrieved by the trusted
 * OS), mapped into the TA for this one call.
 */
struct mem_range;
TEE_Result ta_invoke_memref(u32 session, u32 cmd, u32 types,
			    TEE_Param params[4], unsigned index,
			    const struct mem_range *ranges, unsigned count,
			    u64 offset, u64 size);
TEE_Result ta_close(u32 session);

#endif
