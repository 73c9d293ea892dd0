/* Scenario "isolation": a hostile partition probes memory; it alone stops. */
#include "lib/smccc.h"
#include "nwtest/nwtest.h"
#include "plat/qemu-virt/platform.h"
#include "tos/tos.h"

/* Memory shared with alpha before the probe, at the probed address */
enum { NO_MEMORY, SHARED_THEN_RELINQUISHED, SHARED_AND_HELD };

struct probe {
	const char *what;
	u32 cmd;
	u64 addr;
	int memory;
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
	[8] = { "alpha reads memory it relinquished", TOS_CMD_READ,
		PLAT_NS_DRAM_BASE + 0x1000000, SHARED_THEN_RELINQUISHED },
	[9] = { "alpha dies holding borrowed memory", TOS_CMD_UNDEF,
		PLAT_NS_DRAM_BASE + 0x1000000, SHARED_AND_HELD },
	[10] = { "beta touches memory it lent (see below)", 0, 0 },
	[11] = { "alpha reads the key store's memory", TOS_CMD_READ,
		 0x0e800000 },
};

static u64 share_first(const struct probe *p)
{
	struct ffa_value r;
	u64 h;

	check_success(nw_call(FFA_RXTX_MAP_64, (u64)nw_tx, (u64)nw_rx, 1, 0, 0),
		      "RX/TX mapped");
	*(volatile u64 *)p->addr = 41;
	h = nw_mem_share(ALPHA_ID, p->addr, 1);
	CHECK_EQ(h != 0, 1, "a page shared with alpha");
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, 0);
	CHECK_EQ(r.x[4], 41, "alpha retrieved it and read what we wrote");
	CHECK_EQ(*(volatile u64 *)p->addr, 42, "and wrote to it");
	if (p->memory == SHARED_THEN_RELINQUISHED) {
		r = nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0);
		CHECK_EQ(r.x[3], TOS_OK, "alpha relinquished it");
	}
	return h;
}

/*
 * Probe 10: a lender touches memory it lent. Beta (an honest build that
 * reads its own page on request) is the one stopped this time.
 */
static void lender_touches_lent_memory(void)
{
	struct ffa_value r;
	u64 h;

	r = nw_tos(BETA_ID, TOS_CMD_MEM_GIVE, ALPHA_ID, FFA_MEM_LEND_32, 5);
	CHECK_EQ(r.x[3], TOS_OK, "beta lends a page to alpha");
	h = r.x[4];
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_USE, (u32)h, h >> 32, BETA_ID);
	CHECK_EQ(r.x[4], 5, "alpha retrieved it");
	log_printf("probe: beta reads the page it lent\n");
	check_error(nw_call(FFA_MSG_SEND_DIRECT_REQ_64, BETA_ID, 0,
			    TOS_CMD_MEM_TOUCH, 0, 0),
		    FFA_ABORTED,
		    "beta touching lent memory: caller gets ABORTED");
	CHECK_EQ(nw_call(FFA_MSG_SEND_DIRECT_REQ_32, ALPHA_ID, 0, TOS_CMD_PING,
			 0, 0)
			 .x[4],
		 ALPHA_ID, "alpha still answers");
	r = nw_tos(ALPHA_ID, TOS_CMD_MEM_DONE, (u32)h, h >> 32, 0);
	CHECK_EQ(r.x[3], TOS_OK, "alpha relinquishes the page normally");
	CHECK_EQ(nw_call(PSCI_VERSION, 0, 0, 0, 0, 0).x[0], PSCI_VERSION_1_1,
		 "the monitor still answers");
}

void scenario_isolation(int which)
{
	const struct probe *p = &probes[which];
	struct ffa_value r;
	char what[96];
	u64 h = 0;

	if (which == 10) {
		lender_touches_lent_memory();
		return;
	}
	r = nw_call(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0, TOS_CMD_PING, 0,
		    0);
	CHECK_EQ(r.x[4], ALPHA_ID, "alpha answers before the probe");
	if (p->memory != NO_MEMORY)
		h = share_first(p);
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
	if (p->memory != NO_MEMORY)
		check_success(
			nw_call(FFA_MEM_RECLAIM, (u32)h, h >> 32, 0, 0, 0),
			"the lender reclaims its page");
}
