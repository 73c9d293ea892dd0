/* What the guest kernel's checks share: counting results, FF-A error codes. */
#ifndef GUEST_GUEST_H
#define GUEST_GUEST_H

#include "lib/ffa.h"

extern u16 guest_id;
extern unsigned guest_passed, guest_failed;

/* Says "ok - what" or "FAIL - what: got, want" and counts it */
void guest_check(bool ok, const char *what, u64 got, u64 want);

#undef CHECK_EQ /* nwtest.h's counts in nwtest's globals; ours here */
#define CHECK_EQ(got, want, what)                    \
	do {                                         \
		u64 g_ = (got), w_ = (want);         \
		guest_check(g_ == w_, what, g_, w_); \
	} while (0)

/* The FF-A error code of r (sign-extended), or its function ID if none */
static inline u64 ffa_err(struct ffa_value r)
{
	return r.x[0] == FFA_ERROR ? (u64)(s64)(s32)r.x[2] : r.x[0];
}

/* Shares, lends or donates (fid) npages at addr: the handle, or 0 (*err) */
u64 guest_mem_send(u32 fid, u16 receiver, u64 addr, u32 npages, u64 *err);

/* guest/test_life.c: state left for a reset, and calls under load */
void guest_leave_state(u16 me, u16 tee, const char *name);
void guest_after_reset(u16 me, u16 tee, const char *name);
void guest_hog(u16 me, u16 tee, u64 ticks);
void guest_keep_calling(const char *name, u64 until);
void guest_quota(const char *name);

/* guest/test_discovery.c: partition discovery through the proxy */
void guest_test_discovery(u16 mine);
/* guest/test_lend.c: lending and donating through the proxy */
void guest_test_lend(u16 me, u16 mine, u16 theirs);
void guest_test_donated_gone(u16 mine);
/* guest/test_msg.c: indirect messages to our TEE */
void guest_test_msg(u16 me, u16 other, u16 mine, u16 theirs);
/* guest/test_ta_policy.c: which TAs the binding policy lets us open */
void guest_test_ta_policy(u16 me, u16 mine, const char *name);

#endif
