/* How the trusted OS and its TAs at S-EL0 talk: entry operations, syscalls. */
#ifndef TOS_TA_TA_ABI_H
#define TOS_TA_TA_ABI_H

/* Where every TA lives in its own address space */
#define TA_CODE_VA 0x00400000ULL /* image: code and constants, RX */
#define TA_CODE_MAX 0x00010000ULL
#define TA_DATA_VA 0x00410000ULL /* image goes on: data and bss, RW */
#define TA_DATA_MAX 0x00010000ULL
#define TA_STACK_VA 0x00500000ULL
#define TA_STACK_SIZE 0x00004000ULL
#define TA_PARAMS_VA 0x00600000ULL /* TEE_Param[4], one page */
#define TA_MEMREF_VA 0x00700000ULL /* memory references, one after another */
#define TA_MEMREF_MAX 0x00100000ULL

/* x0 at TA entry: what to do; x1 session context, x2 command, x3 types */
#define TA_OP_CREATE 0
#define TA_OP_OPEN 1
#define TA_OP_INVOKE 2
#define TA_OP_CLOSE 3
#define TA_OP_DESTROY 4

/* SVC #0 with x8 = call: the TA's only way into the trusted OS */
#define TA_SVC_RETURN 0 /* x0 TEE_Result, x1 new session context */
#define TA_SVC_LOG 1 /* x0 string, x1 length */

#endif
