/* The guest's indirect messages to its TEE through the hypervisor: sent in its
 * own name, to its own TEE only. */
#include "arch/aarch64/ffa_smc.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "tos/tos.h"

#include "guest/guest.h"

/* A message of 8 bytes (value) in our TX, from from to to. */
static void message(u16 from, u16 to, u64 value)
{
	u32 hdr[5] = { 0, 0, 20, (u32)from << 16 | to, 8 };

	memcpy(nw_tx, hdr, sizeof(hdr));
	memcpy(nw_tx + 20, &value, 8);
}

void guest_test_msg(u16 me, u16 other, u16 mine, u16 theirs)
{
	u64 value = 0x1000 + me;
	struct ffa_value r;

	message(me, mine, value);
	CHECK_EQ(ffa_smc(ffa_value8(FFA_MSG_SEND2, 0, 0, 0, 0, 0, 0, 0)).x[0],
		 FFA_SUCCESS_32, "MSG_SEND2: a message to our TEE");
	r = ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32, (u64)me << 16 | mine,
			       0, TOS_CMD_MSG_READ, 0, 0, 0, 0));
	CHECK_EQ(r.x[4], me, "MSG_SEND2: our TEE has it from our VM ID");
	CHECK_EQ(r.x[5] == 8 && r.x[6] == value && r.x[7] == 0, 1,
		 "MSG_SEND2: ... intact, and its RX released");
	message(other, mine, value);
	CHECK_EQ(ffa_err(ffa_smc(
			 ffa_value8(FFA_MSG_SEND2, 0, 0, 0, 0, 0, 0, 0))),
		 (u64)(s64)FFA_INVALID_PARAMETERS,
		 "MSG_SEND2: in the other guest's name: refused");
	message(me, theirs, value);
	CHECK_EQ(ffa_err(ffa_smc(
			 ffa_value8(FFA_MSG_SEND2, 0, 0, 0, 0, 0, 0, 0))),
		 (u64)(s64)FFA_DENIED,
		 "MSG_SEND2: to the other guest's TEE: DENIED");
	message(me, mine, value);
	CHECK_EQ(ffa_err(ffa_smc(ffa_value8(FFA_MSG_SEND2, (u64)other << 16, 0,
					    0, 0, 0, 0, 0))),
		 (u64)(s64)FFA_INVALID_PARAMETERS,
		 "MSG_SEND2: naming a VM in w1: refused");
}
