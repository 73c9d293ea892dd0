/* Lending and donating a guest's pages: out of its stage 2 until reclaimed. */
#include "arch/aarch64/ffa_smc.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "tos/tos.h"
#include "guest/guest.h" /* after nwtest.h: its CHECK_EQ is ours */

/* Pages high in our RAM, away from our kernel (it is reloaded on reboot) */
#define LENT_PAGE 0x40f00000ULL
#define DONATED_PAGE 0x40f01000ULL

/* One of our pages to receiver by fid; the handle, or 0 with *err set */
static u64 give(u32 fid, u16 receiver, u64 addr, u64 *err)
{
	return guest_mem_send(fid, receiver, addr, 1, err);
}

/* Our TEE retrieves h (from us, w6), adds 1 to the page's first word:
 * its answer (w4) is what the word held; or gives h back */
static struct ffa_value tee_mem(u16 me, u16 tee, u32 cmd, u64 h)
{
	return ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32,
				  (u64)me << 16 | tee, 0, cmd, (u32)h, h >> 32,
				  me, 0));
}

void guest_test_lend(u16 me, u16 mine, u16 theirs)
{
	volatile u64 *lent = (volatile u64 *)LENT_PAGE;
	struct ffa_value r;
	u64 h, h2, err;

	*lent = 41;
	h = give(FFA_MEM_LEND_32, mine, LENT_PAGE, &err);
	CHECK_EQ(h != 0, 1, "lend: a page of ours to our TEE");
	give(FFA_MEM_SHARE_32, mine, LENT_PAGE, &err);
	CHECK_EQ(err, (u64)(s64)FFA_INVALID_PARAMETERS,
		 "lend: the lent page cannot be shared again (not in our "
		 "stage 2)");
	r = tee_mem(me, mine, TOS_CMD_MEM_USE, h);
	CHECK_EQ(r.x[3] == 0 && r.x[4] == 41, 1,
		 "lend: our TEE retrieved it and read 41");
	CHECK_EQ(ffa_err(nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0)),
		 (u64)(s64)FFA_DENIED,
		 "lend: not reclaimable while our TEE holds it (DENIED)");
	r = tee_mem(me, mine, TOS_CMD_MEM_DONE, h);
	CHECK_EQ(r.x[3], 0, "lend: our TEE gave it back");
	CHECK_EQ(nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0).x[0],
		 FFA_SUCCESS_32, "lend: reclaimed");
	CHECK_EQ(*lent, 42, "lend: ours again, with the TEE's +1 in it");
	h2 = give(FFA_MEM_SHARE_32, mine, LENT_PAGE, &err);
	CHECK_EQ(h2 != 0, 1, "lend: and ours to share again");
	nw_call(FFA_MEM_RECLAIM, (u32)h2, h2 >> 32, 0, 0, 0);

	give(FFA_MEM_LEND_32, theirs, LENT_PAGE, &err);
	CHECK_EQ(err, (u64)(s64)FFA_DENIED,
		 "lend: to the other guest's TEE: DENIED");

	h = give(FFA_MEM_DONATE_32, mine, DONATED_PAGE, &err);
	CHECK_EQ(h != 0, 1, "donate: a page of ours to our TEE");
	CHECK_EQ(ffa_err(nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0)),
		 (u64)(s64)FFA_INVALID_PARAMETERS,
		 "donate: not ours to reclaim");
	give(FFA_MEM_SHARE_32, mine, DONATED_PAGE, &err);
	CHECK_EQ(err, (u64)(s64)FFA_INVALID_PARAMETERS,
		 "donate: nor to share again");
}

/* After a reset: what we donated is still not ours, what we lent is. */
void guest_test_donated_gone(u16 mine)
{
	u64 err, h = give(FFA_MEM_SHARE_32, mine, LENT_PAGE, &err);

	CHECK_EQ(h != 0, 1, "restart: the page we lent and reclaimed is ours");
	nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0);
	give(FFA_MEM_SHARE_32, mine, DONATED_PAGE, &err);
	CHECK_EQ(err, (u64)(s64)FFA_INVALID_PARAMETERS,
		 "restart: the page we donated stays given away");
}
