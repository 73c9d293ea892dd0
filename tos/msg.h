/* The trusted OS's notifications and indirect messages. */
#ifndef TOS_MSG_H
#define TOS_MSG_H

#include "lib/ffa.h"

/* TOS_CMD_NOTIF_BIND / _SET / _GET; results into *out */
void tos_notif(struct ffa_value *out, const struct ffa_value *req, u16 self);
/* TOS_CMD_MSG_READ: the message in RX, then RX_RELEASE */
void tos_msg_read(struct ffa_value *out);
/* TOS_CMD_MSG_SEND: an 8-byte message by FFA_MSG_SEND2 */
void tos_msg_send(struct ffa_value *out, u16 to, u64 word, u16 self);

#endif
