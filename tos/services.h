/* What a trusted-OS build offers: each build links one implementation. */
#ifndef TOS_SERVICES_H
#define TOS_SERVICES_H

#include "lib/ffa.h"

/*
 * Serves command w3 of request req into *out (a prepared response);
 * false if this build has no such command. tos/services.c is the general
 * TEE's set, tos/keystore.c the key store's.
 */
bool tos_serve(struct ffa_value *out, const struct ffa_value *req, u16 self);

/*
 * Endpoint owner is gone: what this build's own services keep for it
 * (the key store's keys) is wiped. Returns how many things that was.
 */
unsigned tos_service_release(u16 owner);

#endif
