/* The GP TEE Internal Core API entry points a TA provides. */
#ifndef TOS_TA_TEE_INTERNAL_H
#define TOS_TA_TEE_INTERNAL_H

#include "lib/tee_api_types.h"

TEE_Result TA_CreateEntryPoint(void);
void TA_DestroyEntryPoint(void);
TEE_Result TA_OpenSessionEntryPoint(u32 paramTypes, TEE_Param params[4],
				    void **sessionContext);
void TA_CloseSessionEntryPoint(void *sessionContext);
TEE_Result TA_InvokeCommandEntryPoint(void *sessionContext, u32 commandID,
				      u32 paramTypes, TEE_Param params[4]);

#endif
