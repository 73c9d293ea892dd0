/* Scenario "demo": what `make run` shows — discovery and answered calls. */
#include "lib/ffa_partinfo.h"
#include "nwtest/nwtest.h"
#include "tos/tos.h"

static u16 rd16(const u8 *p)
{
	return (u16)(p[0] | p[1] << 8);
}

void scenario_demo(void)
{
	struct ffa_value r;
	u16 ids[8];
	u32 i, n;

	r = nw_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0);
	log_printf("FFA_VERSION: the SPMC speaks FF-A %llu.%llu\n",
		   (unsigned long long)FFA_VERSION_MAJOR(r.x[0]),
		   (unsigned long long)FFA_VERSION_MINOR(r.x[0]));
	check_success(nw_call(FFA_RXTX_MAP_64, (u64)nw_tx, (u64)nw_rx, 1, 0, 0),
		      "RX/TX buffers mapped");
	r = nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0);
	check_success(r, "partitions discovered");
	n = (u32)r.x[2] < 8 ? (u32)r.x[2] : 8;
	log_printf("%u secure partition(s):\n", n);
	for (i = 0; i < n; i++) {
		const u8 *d = nw_rx + i * r.x[3];

		ids[i] = rd16(d);
		log_printf("  ID 0x%04x, %u execution context(s), properties "
			   "0x%x\n",
			   ids[i], rd16(d + 2),
			   (unsigned)(rd16(d + 4) | rd16(d + 6) << 16));
	}
	nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);

	for (i = 0; i < n; i++) {
		r = nw_call(FFA_MSG_SEND_DIRECT_REQ_32, ids[i], 0, TOS_CMD_ADD,
			    40, 2);
		log_printf("direct request to 0x%04x: 40 + 2 = %llu\n", ids[i],
			   (unsigned long long)r.x[4]);
		CHECK_EQ(r.x[4], 42, "the trusted OS answered the call");
	}
	if (n >= 2) {
		r = nw_call(FFA_MSG_SEND_DIRECT_REQ_32, ids[0], 0, TOS_CMD_CALL,
			    ids[1], 0);
		log_printf("0x%04x asked 0x%04x on our behalf: it answered "
			   "0x%04llx\n",
			   ids[0], ids[1], (unsigned long long)r.x[4]);
		CHECK_EQ(r.x[4], ids[1], "partition-to-partition request");
	}
}
