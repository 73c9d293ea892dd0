/* FF-A function IDs, error codes and the register-file value type. */
#ifndef LIB_FFA_H
#define LIB_FFA_H

#include "lib/types.h"

#define FFA_ERROR 0x84000060u
#define FFA_SUCCESS_32 0x84000061u
#define FFA_SUCCESS_64 0xc4000061u
#define FFA_INTERRUPT 0x84000062u
#define FFA_VERSION 0x84000063u
#define FFA_FEATURES 0x84000064u
#define FFA_RX_RELEASE 0x84000065u
#define FFA_RXTX_MAP_32 0x84000066u
#define FFA_RXTX_MAP_64 0xc4000066u
#define FFA_RXTX_UNMAP 0x84000067u
#define FFA_PARTITION_INFO_GET 0x84000068u
#define FFA_ID_GET 0x84000069u
#define FFA_MSG_WAIT 0x8400006bu
#define FFA_YIELD 0x8400006cu
#define FFA_RUN 0x8400006du
#define FFA_MSG_SEND_DIRECT_REQ_32 0x8400006fu
#define FFA_MSG_SEND_DIRECT_REQ_64 0xc400006fu
#define FFA_MSG_SEND_DIRECT_RESP_32 0x84000070u
#define FFA_MSG_SEND_DIRECT_RESP_64 0xc4000070u
#define FFA_MEM_DONATE_32 0x84000071u
#define FFA_MEM_DONATE_64 0xc4000071u
#define FFA_MEM_LEND_32 0x84000072u
#define FFA_MEM_LEND_64 0xc4000072u
#define FFA_MEM_SHARE_32 0x84000073u
#define FFA_MEM_SHARE_64 0xc4000073u
#define FFA_MEM_RETRIEVE_REQ_32 0x84000074u
#define FFA_MEM_RETRIEVE_REQ_64 0xc4000074u
#define FFA_MEM_RETRIEVE_RESP 0x84000075u
#define FFA_MEM_RELINQUISH 0x84000076u
#define FFA_MEM_RECLAIM 0x84000077u
#define FFA_MEM_FRAG_RX 0x8400007au
#define FFA_MEM_FRAG_TX 0x8400007bu
#define FFA_NOTIFICATION_BITMAP_CREATE 0x8400007du
#define FFA_NOTIFICATION_BITMAP_DESTROY 0x8400007eu
#define FFA_NOTIFICATION_BIND 0x8400007fu
#define FFA_NOTIFICATION_UNBIND 0x84000080u
#define FFA_NOTIFICATION_SET 0x84000081u
#define FFA_NOTIFICATION_GET 0x84000082u
#define FFA_NOTIFICATION_INFO_GET_32 0x84000083u
#define FFA_NOTIFICATION_INFO_GET_64 0xc4000083u
#define FFA_RX_ACQUIRE 0x84000084u
#define FFA_SPM_ID_GET 0x84000085u
#define FFA_MSG_SEND2 0x84000086u
#define FFA_CONSOLE_LOG_32 0x8400008au
#define FFA_CONSOLE_LOG_64 0xc400008au

#define FFA_OK 0
#define FFA_NOT_SUPPORTED (-1)
#define FFA_INVALID_PARAMETERS (-2)
#define FFA_NO_MEMORY (-3)
#define FFA_BUSY (-4)
#define FFA_INTERRUPTED (-5)
#define FFA_DENIED (-6)
#define FFA_RETRY (-7)
#define FFA_ABORTED (-8)
#define FFA_NO_DATA (-9)
#define FFA_NOT_READY (-10)

#define FFA_VERSION_1_0 0x10000u
#define FFA_VERSION_1_1 0x10001u
#define FFA_VERSION_1_2 0x10002u
#define FFA_VERSION_MAJOR(v) (((v) >> 16) & 0x7fff)
#define FFA_VERSION_MINOR(v) ((v)&0xffff)

/* Endpoint IDs: bit 15 set means the secure world. */
#define FFA_SECURE_BIT 0x8000u
#define FFA_SPMC_ID 0x8000u
#define FFA_HOST_ID 0x0000u
#define ffa_id_is_secure(id) (((id)&FFA_SECURE_BIT) != 0)

/*
 * Framework messages: direct requests with bit 31 of w2 set and the
 * message type in bits 7-0. VM availability messages come from the
 * hypervisor (ID 0) to partitions that subscribe; w5 is the VM's ID, w3/w4
 * its handle; the response's w2 is the matching type, w3 the status.
 */
#define FFA_FWK_MSG BIT(31)
#define FFA_FWK_TYPE_MASK 0xffu
#define FFA_FWK_VM_CREATED 4u
#define FFA_FWK_VM_CREATED_ACK 5u
#define FFA_FWK_VM_DESTROYED 6u
#define FFA_FWK_VM_DESTROYED_ACK 7u

/* Is this an SMC64 (x-register) function ID? */
#define ffa_is_64(fid) (((fid) & (1u << 30)) != 0)

/*
 * One FF-A call or answer: w/x0-7. Every handler takes and returns this, so
 * nothing about the registers is implicit. x8-x17 (SMCCC 1.2) carry nothing
 * in the calls implemented so far; the SPMC preserves them for the caller.
 * Kept to 64 bytes so that copies are a few load/store pairs.
 */
#define FFA_VALUE_REGS 8
struct ffa_value {
	u64 x[FFA_VALUE_REGS];
};

/*
 * Every field is written: a zero-initialised struct would cost a memset
 * call in images built without SIMD registers.
 */
static inline struct ffa_value ffa_value8(u64 x0, u64 x1, u64 x2, u64 x3,
					  u64 x4, u64 x5, u64 x6, u64 x7)
{
	struct ffa_value v;

	v.x[0] = x0;
	v.x[1] = x1;
	v.x[2] = x2;
	v.x[3] = x3;
	v.x[4] = x4;
	v.x[5] = x5;
	v.x[6] = x6;
	v.x[7] = x7;
	return v;
}

static inline struct ffa_value ffa_error(s32 code)
{
	return ffa_value8(FFA_ERROR, 0, (u32)code, 0, 0, 0, 0, 0);
}

static inline struct ffa_value ffa_success(u64 a2)
{
	return ffa_value8(FFA_SUCCESS_32, 0, a2, 0, 0, 0, 0, 0);
}

#endif
