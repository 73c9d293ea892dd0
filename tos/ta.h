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

/* Normal-world memory (already retrieved) behind one memory reference */
struct mem_range;
struct ta_memref {
	const struct mem_range *ranges;
	unsigned count;
	u64 offset, size;
};

/*
 * Opens a session with the TA named by uuid (the four words FF-A and our
 * clients carry in w-registers), or invokes command cmd of a session. The
 * parameters typed as memory references are refs[i] (refs may be NULL when
 * there are none): each mapped into the TA (non-secure, never executable)
 * for this one entry, at most 256 KiB each.
 */
TEE_Result ta_open(const u32 uuid[4], u32 types, TEE_Param params[4],
		   const struct ta_memref refs[4], u32 *session);
TEE_Result ta_invoke(u32 session, u32 cmd, u32 types, TEE_Param params[4],
		     const struct ta_memref refs[4]);
TEE_Result ta_close(u32 session);

#endif
