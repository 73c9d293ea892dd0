/* A guest's view of the secure world: only the TEE the policy gives it. */
#include "lib/ffa_partinfo.h"
#include "lib/smccc.h"
#include "manifests/uuids.h"
#include "nwtest/nwtest.h"
#include "guest/guest.h" /* after nwtest.h: its CHECK_EQ is ours */

static u16 rd16(const u8 *p)
{
	return (u16)(p[0] | p[1] << 8);
}

static struct ffa_value info(const u32 uuid[4], u32 flags)
{
	return nw_call(FFA_PARTITION_INFO_GET, uuid[0], uuid[1], uuid[2],
		       uuid[3], flags);
}

void guest_test_discovery(u16 mine)
{
	static const u32 nil[4], alpha[4] = { ALPHA_UUID },
				 beta[4] = { BETA_UUID },
				 optee[4] = { OPTEE_UUID };
	const u32 *theirs = mine == 0x8001 ? beta : alpha;
	struct ffa_value r;

	/* v1.1: one descriptor per UUID, ours and OP-TEE's, nobody else's */
	r = info(nil, 0);
	CHECK_EQ(r.x[0], FFA_SUCCESS_32, "discovery: PARTITION_INFO_GET");
	CHECK_EQ(r.x[2], 2, "discovery: our TEE alone, under its two UUIDs");
	CHECK_EQ(r.x[3], FFA_PARTINFO_V1_1_SIZE, "discovery: 24-byte entries");
	CHECK_EQ(rd16(nw_rx) == mine && rd16(nw_rx + 24) == mine, 1,
		 "discovery: both entries are our TEE");
	CHECK_EQ(ffa_err(info(nil, 0)), (u64)(s64)FFA_BUSY,
		 "discovery: again before RX_RELEASE: BUSY");
	CHECK_EQ(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0).x[0], FFA_SUCCESS_32,
		 "discovery: RX_RELEASE");
	CHECK_EQ(ffa_err(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0)),
		 (u64)(s64)FFA_DENIED, "discovery: RX_RELEASE twice: DENIED");
	r = info(nil, 1);
	CHECK_EQ(r.x[2], 2, "discovery: count only");
	CHECK_EQ(ffa_err(info(theirs, 0)), (u64)(s64)FFA_INVALID_PARAMETERS,
		 "discovery: the other guest's TEE does not exist for us");
	CHECK_EQ(ffa_err(info(nil, 2)), (u64)(s64)FFA_INVALID_PARAMETERS,
		 "discovery: unknown flags refused");
	r = info(optee, 0);
	CHECK_EQ(r.x[2] == 1 && rd16(nw_rx) == mine, 1,
		 "discovery: OP-TEE's service: only in our TEE");
	nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);

	/* v1.0: one 8-byte descriptor per partition, no count-only */
	nw_call(FFA_VERSION, FFA_VERSION_1_0, 0, 0, 0, 0);
	r = info(nil, 0);
	CHECK_EQ(r.x[2] == 1 && r.x[3] == 0 && rd16(nw_rx) == mine, 1,
		 "discovery: v1.0: our TEE once, in 8 bytes");
	CHECK_EQ(*(const u32 *)(nw_rx + 4) & ~7u, 0,
		 "discovery: v1.0: only properties bits 0-2");
	nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
	CHECK_EQ(ffa_err(info(nil, 1)), (u64)(s64)FFA_INVALID_PARAMETERS,
		 "discovery: v1.0: no count-only flag");
	nw_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0);

	CHECK_EQ(nw_call(FFA_FEATURES, FFA_PARTITION_INFO_GET, 0, 0, 0, 0).x[0],
		 FFA_SUCCESS_32, "FFA_FEATURES: discovery is offered");
	CHECK_EQ(ffa_err(nw_call(FFA_FEATURES, FFA_NOTIFICATION_BIND, 0, 0, 0,
				 0)),
		 (u64)(s64)FFA_NOT_SUPPORTED,
		 "FFA_FEATURES: what the proxy does not offer: NOT_SUPPORTED");
}
