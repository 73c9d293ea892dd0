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
 * Sessions and instances belong to the endpoint owner that opened them
 * (the sender of the request): no other endpoint can use them.
 *
 * Opens a session with the TA named by uuid (the four words FF-A and our
 * clients carry in w-registers), or invokes command cmd of a session. The
 * parameters typed as memory references are refs[i] (refs may be NULL when
 * there are none): each mapped into the TA (non-secure, never executable)
 * for this one entry, at most 256 KiB each.
 */
TEE_Result ta_open(u16 owner, const u32 uuid[4], u32 types, TEE_Param params[4],
		   const struct ta_memref refs[4], u32 *session);
TEE_Result ta_invoke(u16 owner, u32 session, u32 cmd, u32 types,
		     TEE_Param params[4], const struct ta_memref refs[4]);
TEE_Result ta_close(u16 owner, u32 session);

/* The sessions and TA instances endpoint owner has */
void ta_count(u16 owner, unsigned *sessions, unsigned *instances);
/*
 * Owner is gone (a guest destroyed): every session of its is closed and
 * every instance of its destroyed, keep-alive ones too; the counts are of
 * what it had.
 */
void ta_release_owner(u16 owner, unsigned *sessions, unsigned *instances);

#endif
