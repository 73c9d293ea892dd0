/* The trusted OS's service commands (w3 of a direct request) and replies. */
#ifndef TOS_TOS_H
#define TOS_TOS_H

/* Commands */
#define TOS_CMD_PING 1 /* -> w4 own ID, w5 TOS_MAGIC, w6 requests served */
#define TOS_CMD_ADD 2 /* w4 + w5 -> w4 (x4 + x5 in the 64-bit form) */
#define TOS_CMD_CALL 3 /* ping partition w4 -> w4/w5 its answer */
#define TOS_CMD_READ 4 /* probe builds: read u64 at x4 -> x4 */
#define TOS_CMD_WRITE 5 /* probe builds: write x5 at x4 */
#define TOS_CMD_BAD_CALL 6 /* probe builds: make a call partitions may not */
#define TOS_CMD_UNDEF 7 /* probe builds: execute an undefined instruction */

/* w3 of the response */
#define TOS_OK 0
#define TOS_ERR_UNKNOWN_CMD 1
#define TOS_ERR_CALL_FAILED 2

#define TOS_MAGIC 0x54535241u /* "TSRA" */

#endif
