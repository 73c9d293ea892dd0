/* Trusted Applications at S-EL0: open a session, invoke it, close it. */
#ifndef TOS_TA_H
#define TOS_TA_H

#include "lib/tee_api_types.h"

/* uuid as the four words FF-A and our clients carry it in w-registers */
TEE_Result ta_open(const u32 uuid[4], u32 types, TEE_Param params[4],
		   u32 *session);
TEE_Result ta_invoke(u32 session, u32 cmd, u32 types, TEE_Param params[4]);
TEE_Result ta_close(u32 session);

#endif
