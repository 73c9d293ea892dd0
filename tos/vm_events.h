/* Guests coming and going: the VM availability messages, and what a guest
 * holds. */
#ifndef TOS_VM_EVENTS_H
#define TOS_VM_EVENTS_H

#include "lib/ffa.h"

/* A framework message (bit 31 of w2) into *out, a prepared response */
void tos_vm_event(struct ffa_value *out, const struct ffa_value *req, u16 self);
/* TOS_CMD_OWNER_STATS: what endpoint w4 has here */
void tos_owner_stats(struct ffa_value *out, const struct ffa_value *req);

#endif
