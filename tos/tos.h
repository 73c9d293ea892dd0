/* The trusted OS's service commands (w3 of a direct request) and replies. */
#ifndef TOS_TOS_H
#define TOS_TOS_H

/*
 * Commands. OP-TEE's FF-A message ABI owns w3 values 0-3 and
 * 0x80000000-1 (tos/optee_abi.c); our own test and service commands sit
 * where it never goes.
 */
#define TOS_CMD_BASE 0x54000000u
#define TOS_CMD_PING                                                         \
	(TOS_CMD_BASE + 1) /* -> w4 own ID, w5 TOS_MAGIC, w6 requests served \
			    */
#define TOS_CMD_ADD \
	(TOS_CMD_BASE + 2) /* w4 + w5 -> w4 (x4 + x5 in the 64-bit form) */
#define TOS_CMD_CALL \
	(TOS_CMD_BASE + 3) /* ping partition w4 -> w4/w5 its answer */
#define TOS_CMD_READ                                             \
	(TOS_CMD_BASE + 4) /* probe builds: read u64 at x4 -> x4 \
			    */
#define TOS_CMD_WRITE (TOS_CMD_BASE + 5) /* probe builds: write x5 at x4 */
#define TOS_CMD_BAD_CALL \
	(TOS_CMD_BASE + 6) /* probe builds: make a call partitions may not */
#define TOS_CMD_UNDEF                                                        \
	(TOS_CMD_BASE + 7) /* probe builds: execute an undefined instruction \
			    */
/*
 * Memory lent or shared with us, handle in w4 (low) / w5 (high), sender in
 * w6: retrieve it and map it, add 1 to the first u64 of every page and
 * answer the sum of what they held in x4 (pages in w5). With
 * TOS_MEM_MAP_ONLY in w7 the pages are mapped but not touched (benchmarks).
 */
#define TOS_CMD_MEM_USE (TOS_CMD_BASE + 8)
#define TOS_MEM_MAP_ONLY 1
/* Unmap and relinquish handle w4/w5 */
#define TOS_CMD_MEM_DONE (TOS_CMD_BASE + 9)
/* Notifications: bind bits x5 to sender w4 / set bits x5 for receiver w4
 * (-> w4 0 or the FF-A error) / get -> x4 from partitions, x5 from the
 * normal world, w6 framework */
#define TOS_CMD_NOTIF_BIND (TOS_CMD_BASE + 10)
#define TOS_CMD_NOTIF_SET (TOS_CMD_BASE + 11)
#define TOS_CMD_NOTIF_GET (TOS_CMD_BASE + 12)
/* The message in our RX -> w4 sender, w5 size, x6 first 8 bytes, w7 the
 * RX_RELEASE status; send x5 as an 8-byte message to w4 -> w4 status */
#define TOS_CMD_MSG_READ (TOS_CMD_BASE + 13)
#define TOS_CMD_MSG_SEND (TOS_CMD_BASE + 14)
/* A page of ours to partition w4 by the FFA_MEM_* function in w5 (SHARE,
 * LEND or DONATE), its first word set to x6 -> x4 handle; reclaim handle
 * x4; read the first word of that page (a lent one faults) -> x4 */
#define TOS_CMD_MEM_GIVE (TOS_CMD_BASE + 15)
#define TOS_CMD_MEM_TAKE_BACK (TOS_CMD_BASE + 16)
#define TOS_CMD_MEM_TOUCH (TOS_CMD_BASE + 17)
/*
 * The key-store build only (besides PING): make a key in slot w4 from the
 * hardware generator; sign / verify with slot w4 the first w6 bytes of a
 * one-page share (handle x5) from the normal world, the MAC (HMAC-SHA-256)
 * in the page's last 32 bytes -> verify: w4 1 if it matches. Keys never
 * leave the key store.
 */
#define TOS_CMD_KEY_GEN (TOS_CMD_BASE + 20)
#define TOS_CMD_KEY_SIGN (TOS_CMD_BASE + 21)
#define TOS_CMD_KEY_VERIFY (TOS_CMD_BASE + 22)
/*
 * The general build's Trusted Applications at S-EL0 (until the OP-TEE
 * message ABI carries this): open a session with the TA whose UUID is in
 * w4-w7 -> w4 TEE result, w5 session; invoke command w5 of session w4 with
 * parameter types w6 and value 0 = x7 (a low, b high) -> w4 TEE result, x5
 * value 0, x6 value 1; close session w4 -> w4 TEE result.
 */
#define TOS_CMD_TA_OPEN (TOS_CMD_BASE + 30)
#define TOS_CMD_TA_INVOKE (TOS_CMD_BASE + 31)
#define TOS_CMD_TA_CLOSE (TOS_CMD_BASE + 32)
/* invoke command w5 of session w4 with (MEMREF_INOUT over the first w7
 * bytes of the normal world's one-page share x6, VALUE_OUTPUT) -> w4 TEE
 * result, x6 value 1 */
#define TOS_CMD_TA_INVOKE_MEM (TOS_CMD_BASE + 33)

/*
 * What endpoint w4 has in this TEE -> w4 sessions, w5 TA instances, w6
 * shares held. The normal world's own endpoint (a hypervisor) may ask
 * about any guest, a guest only about itself.
 */
#define TOS_CMD_OWNER_STATS (TOS_CMD_BASE + 34)

/* w3 of the response */
#define TOS_OK 0
#define TOS_ERR_UNKNOWN_CMD (TOS_CMD_BASE + 1)
#define TOS_ERR_CALL_FAILED (TOS_CMD_BASE + 2)
#define TOS_ERR_MEM \
	(TOS_CMD_BASE + 3) /* w4: the FF-A error, w5: the step that failed */
#define TOS_ERR_KEY \
	(TOS_CMD_BASE + 4) /* no such slot, slot taken, or no key in it */

#define TOS_MAGIC 0x54535241u /* "TSRA" */

#endif
