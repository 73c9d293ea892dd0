/* OP-TEE's FF-A message ABI: command numbers and flags (public ABI facts). */
#ifndef TOS_OPTEE_ABI_H
#define TOS_OPTEE_ABI_H

#include "lib/ffa.h"
#include "lib/optee_msg.h"

/* w3 of a direct request */
#define OPTEE_FFA_GET_API_VERSION 0u
#define OPTEE_FFA_GET_OS_VERSION 1u
#define OPTEE_FFA_EXCHANGE_CAPABILITIES 2u
#define OPTEE_FFA_UNREGISTER_SHM 3u
#define OPTEE_FFA_YIELDING_CALL_WITH_ARG 0x80000000u

#define OPTEE_FFA_VERSION_MAJOR 1
#define OPTEE_FFA_VERSION_MINOR 0
#define OPTEE_FFA_SEC_CAP_ARG_OFFSET BIT(0)
/* w4 of a yielding call's answer */
#define OPTEE_FFA_YIELDING_CALL_RETURN_DONE 0

/* What GET_OS_VERSION says of this trusted OS */
#define TOS_OS_VERSION_MAJOR 0
#define TOS_OS_VERSION_MINOR 4

/* Serves an OP-TEE ABI request into *out; false if w3 is not one. */
bool tos_optee_serve(struct ffa_value *out, const struct ffa_value *req,
		     u16 self);

#endif
