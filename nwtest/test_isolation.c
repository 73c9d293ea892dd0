/* Scenario "isolation": a hostile partition probes memory; it alone stops. */
#include "lib/smccc.h"
#include "nwtest/nwtest.h"
#include "plat/qemu-virt/platform.h"
#include "tos/tos.h"

struct probe {
	const char *what;
	u32 cmd;
	u64 addr;
};

static const struct probe probes[] = {
	[1] = { "alpha reads beta's memory", TOS_CMD_READ, 0x0e600000 },
	[2] = { "alpha writes beta's memory", TOS_CMD_WRITE, 0x0e600100 },
	[3] = { "alpha reads the SPMC's memory", TOS_CMD_READ, PLAT_SPMC_BASE },
	[4] = { "alpha reads the monitor's memory", TOS_CMD_READ,
		PLAT_MONITOR_BASE },
	[5] = { "alpha calls PSCI SYSTEM_OFF", TOS_CMD_BAD_CALL, 0 },
	[6] = { "alpha reads normal-world memory not given to it", TOS_CMD_READ,
		PLAT_NS_DRAM_BASE + 0x1000000 },
	[7] = { "alpha executes an undefined instruction", TOS_CMD_UNDEF, 0 },
};

void scenario_isolation(int which)
{
	const struct probe *p = &probes[which];
	struct ffa_value r;
	char what[96];

	r = nw_call(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0, TOS_CMD_PING, 0,
		    0);
	CHECK_EQ(r.x[4], ALPHA_ID, "alpha answers before the probe");
	log_printf("probe: %s (0x%llx)\n", p->what,
		   (unsigned long long)p->addr);
	r = nw_call(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0, p->cmd, p->addr,
		    0x5a5a5a5a);
	fmt_snprintf(what, sizeof(what), "%s: caller gets ABORTED", p->what);
	check_error(r, FFA_ABORTED, what);
	r = nw_call(FFA_MSG_SEND_DIRECT_REQ_32, BETA_ID, 0, TOS_CMD_PING, 0, 0);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32, "beta still answers");
	CHECK_EQ(r.x[4], BETA_ID, "beta's answer is intact");
	check_error(nw_call(FFA_MSG_SEND_DIRECT_REQ_32, ALPHA_ID, 0,
			    TOS_CMD_PING, 0, 0),
		    FFA_ABORTED, "alpha stays stopped: requests get ABORTED");
	check_error(nw_call(FFA_RUN, (u64)ALPHA_ID << 16, 0, 0, 0, 0),
		    FFA_ABORTED, "FFA_RUN on stopped alpha gets ABORTED");
	r = nw_call(FFA_MSG_SEND_DIRECT_REQ_32, BETA_ID, 0, TOS_CMD_CALL,
		    ALPHA_ID, 0);
	CHECK_EQ(r.x[3], TOS_ERR_CALL_FAILED,
		 "beta's request to stopped alpha fails");
	CHECK_EQ((s32)r.x[5], FFA_ABORTED, "... with ABORTED");
	CHECK_EQ(nw_call(PSCI_VERSION, 0, 0, 0, 0, 0).x[0], PSCI_VERSION_1_1,
		 "the monitor still answers");
}
