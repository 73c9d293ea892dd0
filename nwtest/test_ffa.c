/* Scenario "ffa": SMCCC/PSCI, FF-A discovery, messaging and every bad call. */
#include "arch/aarch64/sysreg.h"
#include "lib/fdt.h"
#include "lib/ffa_mem_desc.h"
#include "lib/ffa_partinfo.h"
#include "lib/smccc.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "plat/qemu-virt/platform.h"
#include "manifests/uuids.h"
#include "lib/tee_api_types.h"
#include "tos/ta/counter_ta.h"
#include "tos/ta/hello.h"
#include "tos/tos.h"

/* UUIDs from manifests/sp-alpha.dts and sp-beta.dts, w1-w4 order */
static const u32 alpha_uuid[4] = { ALPHA_UUID };
static const u32 beta_uuid[4] = { BETA_UUID };
static const u32 optee_uuid[4] = { OPTEE_UUID };

static u16 rd16(const u8 *p)
{
	return (u16)(p[0] | p[1] << 8);
}

static u32 rd32(const u8 *p)
{
	return (u32)rd16(p) | (u32)rd16(p + 2) << 16;
}

static struct ffa_value ping(u16 dst, bool wide)
{
	return nw_call(wide ? FFA_MSG_SEND_DIRECT_REQ_64
			    : FFA_MSG_SEND_DIRECT_REQ_32,
		       dst, 0, TOS_CMD_PING, 0, 0);
}

static u64 served(u16 dst)
{
	struct ffa_value r = ping(dst, false);

	return r.x[0] == FFA_MSG_SEND_DIRECT_RESP_32 ? r.x[6] : ~0ULL;
}

static void smccc_psci(void)
{
	CHECK_EQ(nw_call(SMCCC_VERSION, 0, 0, 0, 0, 0).x[0], SMCCC_VERSION_1_2,
		 "SMCCC_VERSION reports 1.2");
	CHECK_EQ(nw_call(SMCCC_ARCH_FEATURES, SMCCC_VERSION, 0, 0, 0, 0).x[0],
		 0, "SMCCC_ARCH_FEATURES(SMCCC_VERSION) = 0");
	CHECK_EQ(nw_call(PSCI_VERSION, 0, 0, 0, 0, 0).x[0], PSCI_VERSION_1_1,
		 "PSCI_VERSION reports 1.1");
	CHECK_EQ(nw_call(PSCI_FEATURES, SMCCC_VERSION, 0, 0, 0, 0).x[0], 0,
		 "PSCI_FEATURES(SMCCC_VERSION) = 0");
	CHECK_EQ(nw_call(PSCI_FEATURES, PSCI_SYSTEM_OFF, 0, 0, 0, 0).x[0], 0,
		 "PSCI_FEATURES(SYSTEM_OFF) = 0");
	CHECK_EQ((s32)nw_call(PSCI_FEATURES, 0x8400001f, 0, 0, 0, 0).x[0], -1,
		 "PSCI_FEATURES(unknown) = NOT_SUPPORTED");
	CHECK_EQ((s32)nw_call(0x82000010, 0, 0, 0, 0, 0).x[0], -1,
		 "unknown SMC (SiP range) = NOT_SUPPORTED");
	CHECK_EQ((s32)nw_call(0xc3000001, 0, 0, 0, 0, 0).x[0], -1,
		 "unknown SMC64 (OEM range) = NOT_SUPPORTED");
}

static void version_and_ids(void)
{
	struct ffa_value r;

	CHECK_EQ(nw_call(FFA_VERSION, FFA_VERSION_1_0, 0, 0, 0, 0).x[0],
		 FFA_VERSION_1_2, "FFA_VERSION(1.0) answers 1.2");
	CHECK_EQ((u32)nw_call(FFA_VERSION, 0x20000, 0, 0, 0, 0).x[0],
		 (u32)FFA_NOT_SUPPORTED, "FFA_VERSION(2.0) = NOT_SUPPORTED");
	CHECK_EQ((u32)nw_call(FFA_VERSION, 0x80010000, 0, 0, 0, 0).x[0],
		 (u32)FFA_NOT_SUPPORTED,
		 "FFA_VERSION with bit 31 set = NOT_SUPPORTED");
	r = nw_call(FFA_ID_GET, 0, 0, 0, 0, 0);
	check_success(r, "FFA_ID_GET succeeds");
	CHECK_EQ(r.x[2], 0, "FFA_ID_GET: the normal world is ID 0");
	r = nw_call(FFA_SPM_ID_GET, 0, 0, 0, 0, 0);
	check_success(r, "FFA_SPM_ID_GET succeeds");
	CHECK_EQ(r.x[2], FFA_SPMC_ID, "FFA_SPM_ID_GET = 0x8000");
	check_success(nw_call(FFA_FEATURES, FFA_RXTX_MAP_64, 0, 0, 0, 0),
		      "FFA_FEATURES(RXTX_MAP_64) supported");
	check_success(
		nw_call(FFA_FEATURES, FFA_MSG_SEND_DIRECT_REQ_32, 0, 0, 0, 0),
		"FFA_FEATURES(DIRECT_REQ_32) supported");
	check_error(nw_call(FFA_FEATURES, FFA_MSG_WAIT, 0, 0, 0, 0),
		    FFA_NOT_SUPPORTED,
		    "FFA_FEATURES(MSG_WAIT) not for the normal world");
	check_error(nw_call(FFA_FEATURES, 0x840000fe, 0, 0, 0, 0),
		    FFA_NOT_SUPPORTED, "FFA_FEATURES(unknown) = NOT_SUPPORTED");
	check_error(nw_call(FFA_FEATURES, 1, 0, 0, 0, 0), FFA_NOT_SUPPORTED,
		    "FFA_FEATURES(feature 1) = NOT_SUPPORTED");
	check_error(nw_call(0x840000fe, 0, 0, 0, 0, 0), FFA_NOT_SUPPORTED,
		    "unknown FF-A function = NOT_SUPPORTED");
	check_error(nw_call(0xc40000fd, 0, 0, 0, 0, 0), FFA_NOT_SUPPORTED,
		    "unknown FF-A SMC64 function = NOT_SUPPORTED");
	check_error(nw_call(FFA_MSG_WAIT, 0, 0, 0, 0, 0), FFA_NOT_SUPPORTED,
		    "FFA_MSG_WAIT from the normal world = NOT_SUPPORTED");
}

static void rxtx(void)
{
	u64 tx = (u64)nw_tx, rx = (u64)nw_rx;

	check_error(nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0), FFA_BUSY,
		    "PARTITION_INFO_GET with no RX buffer");
	check_error(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0), FFA_DENIED,
		    "RX_RELEASE with no RX buffer");
	check_error(nw_call(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0),
		    FFA_INVALID_PARAMETERS, "RXTX_UNMAP with nothing mapped");
	check_error(nw_call(FFA_RXTX_MAP_64, tx + 8, rx, 1, 0, 0),
		    FFA_INVALID_PARAMETERS, "RXTX_MAP with unaligned TX");
	check_error(nw_call(FFA_RXTX_MAP_64, tx, rx + 0x800, 1, 0, 0),
		    FFA_INVALID_PARAMETERS, "RXTX_MAP with unaligned RX");
	check_error(nw_call(FFA_RXTX_MAP_64, tx, tx, 1, 0, 0),
		    FFA_INVALID_PARAMETERS, "RXTX_MAP with TX = RX");
	check_error(nw_call(FFA_RXTX_MAP_64, tx, tx + 4096, 2, 0, 0),
		    FFA_INVALID_PARAMETERS,
		    "RXTX_MAP with TX and RX overlapping");
	check_error(nw_call(FFA_RXTX_MAP_64, tx, rx, 0, 0, 0),
		    FFA_INVALID_PARAMETERS, "RXTX_MAP with zero pages");
	check_error(nw_call(FFA_RXTX_MAP_64, PLAT_SRAM_BASE + 0x400000, rx, 1,
			    0, 0),
		    FFA_INVALID_PARAMETERS, "RXTX_MAP with TX in secure RAM");
	check_error(nw_call(FFA_RXTX_MAP_64, tx, PLAT_SPMC_BASE, 1, 0, 0),
		    FFA_INVALID_PARAMETERS, "RXTX_MAP with RX on the SPMC");
	check_success(nw_call(FFA_RXTX_MAP_64, tx, rx, 1, 0, 0),
		      "RXTX_MAP of one page each");
	check_error(nw_call(FFA_RXTX_MAP_64, tx, rx, 1, 0, 0), FFA_DENIED,
		    "RXTX_MAP a second time");
	check_error(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0), FFA_DENIED,
		    "RX_RELEASE when the caller does not own its RX buffer");
}

static void partition_info(void)
{
	struct ffa_value r;

	/* v1.0 caller: 8-byte descriptors, count only in w2 */
	nw_call(FFA_VERSION, FFA_VERSION_1_0, 0, 0, 0, 0);
	r = nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 1);
	check_success(r, "PARTITION_INFO_GET count-only");
	CHECK_EQ(r.x[2], 3, "count-only: three partitions");
	r = nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0);
	check_success(r, "PARTITION_INFO_GET (v1.0, null UUID)");
	CHECK_EQ(r.x[2], 3, "v1.0: three partitions");
	CHECK_EQ(r.x[3], 0, "v1.0: w3 MBZ");
	CHECK_EQ(rd16(nw_rx), ALPHA_ID, "v1.0: entry 0 is alpha");
	CHECK_EQ(rd16(nw_rx + 2), 1, "v1.0: alpha has one context");
	CHECK_EQ(
		rd32(nw_rx + 4),
		FFA_PROP_DIRECT_RECV | FFA_PROP_DIRECT_SEND | FFA_PROP_INDIRECT,
		"v1.0: alpha receives and sends direct requests, indirect too");
	CHECK_EQ(rd16(nw_rx + 8), BETA_ID,
		 "v1.0: entry 1 (8 bytes on) is beta");
	check_error(nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0), FFA_BUSY,
		    "PARTITION_INFO_GET before RX_RELEASE = BUSY");
	check_success(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0), "RX_RELEASE");
	check_error(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0), FFA_DENIED,
		    "RX_RELEASE twice = DENIED");

	/* v1.1 caller: 24-byte descriptors with UUIDs, size in w3 */
	CHECK_EQ(nw_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0).x[0],
		 FFA_VERSION_1_2, "FFA_VERSION(1.1)");
	r = nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0);
	check_success(r, "PARTITION_INFO_GET (v1.1, null UUID)");
	/* each TEE twice: its own UUID, then OP-TEE's ABI */
	CHECK_EQ(r.x[2], 6, "v1.1: three partitions, two UUIDs each");
	CHECK_EQ(r.x[3], 24, "v1.1: descriptor size 24 in w3");
	CHECK_EQ(rd16(nw_rx + 24), ALPHA_ID,
		 "v1.1: entry 1 (24 bytes on) is alpha again");
	CHECK_EQ(rd16(nw_rx + 48), BETA_ID, "v1.1: entry 2 is beta");
	CHECK_EQ(rd32(nw_rx + 4),
		 FFA_PROP_DIRECT_RECV | FFA_PROP_DIRECT_SEND |
			 FFA_PROP_INDIRECT | FFA_PROP_VM_CREATED |
			 FFA_PROP_VM_DESTROYED | FFA_PROP_AARCH64,
		 "v1.1: alpha properties with AArch64, told of VMs created "
		 "and destroyed");
	CHECK_EQ(memcmp(nw_rx + 8, alpha_uuid, 16), 0, "v1.1: alpha's UUID");
	CHECK_EQ(memcmp(nw_rx + 32, optee_uuid, 16), 0,
		 "v1.1: alpha's second UUID is OP-TEE's");
	CHECK_EQ(memcmp(nw_rx + 56, beta_uuid, 16), 0, "v1.1: beta's UUID");
	check_success(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0), "RX_RELEASE");

	r = nw_call(FFA_PARTITION_INFO_GET, optee_uuid[0], optee_uuid[1],
		    optee_uuid[2], optee_uuid[3], 0);
	CHECK_EQ(r.x[2], 3, "PARTITION_INFO_GET(OP-TEE UUID): every TEE");
	CHECK_EQ(rd16(nw_rx + 48), KEYSTORE_ID,
		 "PARTITION_INFO_GET(OP-TEE UUID): ... the key store too");
	CHECK_EQ(memcmp(nw_rx + 56, optee_uuid, 16), 0,
		 "PARTITION_INFO_GET(OP-TEE UUID): ... for that UUID");
	nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
	r = nw_call(FFA_PARTITION_INFO_GET, beta_uuid[0], beta_uuid[1],
		    beta_uuid[2], beta_uuid[3], 0);
	CHECK_EQ(r.x[2], 1, "PARTITION_INFO_GET(beta UUID): one partition");
	CHECK_EQ(rd16(nw_rx), BETA_ID, "PARTITION_INFO_GET(beta UUID): beta");
	nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
	check_error(nw_call(FFA_PARTITION_INFO_GET, 1, 2, 3, 4, 0),
		    FFA_INVALID_PARAMETERS, "PARTITION_INFO_GET(unknown UUID)");
	check_error(nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 2),
		    FFA_INVALID_PARAMETERS, "PARTITION_INFO_GET(unknown flag)");
	/* the failures left the buffer free */
	check_success(nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0),
		      "PARTITION_INFO_GET after refused calls");
	check_success(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0), "RX_RELEASE");
}

static void direct_messages(void)
{
	struct ffa_value r;
	u64 before_a, before_b;

	r = ping(ALPHA_ID, false);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32,
		 "direct request 32 to alpha answered by DIRECT_RESP_32");
	CHECK_EQ(r.x[1], (u64)ALPHA_ID << 16, "response from alpha to ID 0");
	CHECK_EQ(r.x[4], ALPHA_ID, "alpha knows its ID");
	CHECK_EQ(r.x[5], TOS_MAGIC, "alpha's service answered");
	r = ping(BETA_ID, true);
	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64,
		 "direct request 64 to beta answered by DIRECT_RESP_64");
	CHECK_EQ(r.x[4], BETA_ID, "beta answered");
	r = nw_call(FFA_MSG_SEND_DIRECT_REQ_32, ALPHA_ID, 0, TOS_CMD_ADD,
		    0xffffffff, 2);
	CHECK_EQ(r.x[4], 1, "32-bit add wraps at 32 bits");
	r = nw_call(FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0, TOS_CMD_ADD,
		    0xffffffff, 2);
	CHECK_EQ(r.x[4], 0x100000001ULL, "64-bit add carries");
	r = nw_call(FFA_MSG_SEND_DIRECT_REQ_32, ALPHA_ID, 0, TOS_CMD_CALL,
		    BETA_ID, 0);
	CHECK_EQ(r.x[3], TOS_OK, "alpha's direct request to beta succeeded");
	CHECK_EQ(r.x[4], BETA_ID,
		 "partition to partition: beta answered alpha");

	before_a = served(ALPHA_ID);
	before_b = served(BETA_ID);
	check_error(nw_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8009, 0, 1, 0, 0),
		    FFA_INVALID_PARAMETERS, "direct request to unknown 0x8009");
	check_error(nw_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x0000, 0, 1, 0, 0),
		    FFA_INVALID_PARAMETERS, "direct request to itself (ID 0)");
	check_error(nw_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x0001, 0, 1, 0, 0),
		    FFA_INVALID_PARAMETERS,
		    "direct request to a normal-world ID");
	check_error(
		nw_call(FFA_MSG_SEND_DIRECT_REQ_64, FFA_SPMC_ID, 0, 1, 0, 0),
		FFA_INVALID_PARAMETERS, "direct request to the SPMC ID");
	check_error(nw_call(FFA_MSG_SEND_DIRECT_REQ_32,
			    (u64)BETA_ID << 16 | ALPHA_ID, 0, 1, 0, 0),
		    FFA_INVALID_PARAMETERS,
		    "direct request with a forged sender (beta)");
	check_error(nw_call(FFA_MSG_SEND_DIRECT_REQ_32, ALPHA_ID, 1u << 31, 1,
			    0, 0),
		    FFA_INVALID_PARAMETERS,
		    "direct request flagged as a framework message");
	check_error(nw_call(FFA_MSG_SEND_DIRECT_RESP_32, ALPHA_ID, 0, 0, 0, 0),
		    FFA_NOT_SUPPORTED, "DIRECT_RESP from the normal world");
	check_error(nw_call(FFA_RUN, 0x8009ULL << 16, 0, 0, 0, 0),
		    FFA_INVALID_PARAMETERS, "FFA_RUN on an unknown partition");
	check_error(nw_call(FFA_RUN, (u64)ALPHA_ID << 16 | 3, 0, 0, 0, 0),
		    FFA_INVALID_PARAMETERS, "FFA_RUN on a vCPU alpha lacks");
	CHECK_EQ(served(ALPHA_ID), before_a + 1,
		 "refused requests never reached alpha");
	CHECK_EQ(served(BETA_ID), before_b + 1,
		 "refused requests never reached beta");
	r = nw_call(FFA_RUN, (u64)ALPHA_ID << 16, 0, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_MSG_WAIT,
		 "FFA_RUN on waiting alpha: it runs and waits again");
	CHECK_EQ(ping(ALPHA_ID, false).x[4], ALPHA_ID,
		 "alpha still answers after FFA_RUN");
}

u64 smc_preserved_mask(const u64 args[8]);

/* SMCCC v1.2: x18-x30 and SP come back as they went, on every path. */
static void registers_preserved(void)
{
	static const struct {
		const char *what;
		u64 args[8];
	} calls[] = {
		{ "x18-x30, SP kept: PSCI_VERSION (monitor)",
		  { PSCI_VERSION } },
		{ "x18-x30, SP kept: FFA_VERSION (SPMC)",
		  { FFA_VERSION, FFA_VERSION_1_1 } },
		{ "x18-x30, SP kept: unknown FF-A call (SPMC error)",
		  { 0x840000ff } },
		{ "x18-x30, SP kept: direct request to alpha",
		  { FFA_MSG_SEND_DIRECT_REQ_64, ALPHA_ID, 0, TOS_CMD_PING } },
		{ "x18-x30, SP kept: alpha calling beta on our behalf",
		  { FFA_MSG_SEND_DIRECT_REQ_32, ALPHA_ID, 0, TOS_CMD_CALL,
		    BETA_ID } },
	};
	unsigned i;

	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		CHECK_EQ(smc_preserved_mask(calls[i].args), 0, calls[i].what);
}

static void ns_reads_secure_ram(void)
{
	volatile u64 *secure = (volatile u64 *)PLAT_SPMC_BASE;
	u64 v;

	nw_last_esr = 0;
	v = *secure;
	(void)v;
	CHECK_EQ(ESR_EC(nw_last_esr), EC_DABT_CUR,
		 "normal world reading secure RAM takes a data abort");
	CHECK_EQ(ping(BETA_ID, false).x[4], BETA_ID,
		 "partitions unaffected by the normal world's fault");
}

/* The boot code added /psci, as Linux needs to find SMCCC and PSCI. */
static void device_tree(u64 dtb)
{
	const void *blob = (const void *)dtb;
	const char *method, *compat;
	int psci;

	CHECK_EQ(fdt_check(blob, 0x200000), 0,
		 "device tree handed over is valid");
	psci = fdt_path_offset(blob, "/psci");
	nw_check(psci >= 0, "device tree has a /psci node", (u64)psci, 0);
	if (psci < 0)
		return;
	method = fdt_prop_string(blob, psci, "method");
	compat = fdt_prop_string(blob, psci, "compatible");
	nw_check(method && !strcmp(method, "smc"), "/psci method is \"smc\"", 0,
		 0);
	nw_check(compat && !strcmp(compat, "arm,psci-1.0"),
		 "/psci is compatible with arm,psci-1.0", 0, 0);
	nw_check(fdt_path_offset(blob, "/memory") >= 0,
		 "QEMU's nodes are still there (/memory)", 0, 0);
}

/* TOS_CMD_TA_OPEN to alpha in VM vm's name */
static struct ffa_value open_as(u16 vm, const u32 uuid[4])
{
	return ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32,
				  (u64)vm << 16 | ALPHA_ID, 0, TOS_CMD_TA_OPEN,
				  uuid[0], uuid[1], uuid[2], uuid[3]));
}

/*
 * The TEE holds VM 1 to TA hello in alpha (its grants from the SPMC's
 * copy of the system manifest), whatever the hypervisor lets through;
 * a UUID it may not open is refused before the TEE looks for it.
 */
static void ta_policy(void)
{
	static const u32 hello[4] = { HELLO_UUID },
			 counter[4] = { COUNTER_TA_UUID },
			 none[4] = { 1, 2, 3, 4 };
	struct ffa_value r = open_as(1, hello);

	CHECK_EQ(r.x[0] == FFA_MSG_SEND_DIRECT_RESP_32 && r.x[4] == 0, 1,
		 "VM policy: VM 1 opens TA hello in alpha");
	ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32, 1u << 16 | ALPHA_ID, 0,
			   TOS_CMD_TA_CLOSE, r.x[5], 0, 0, 0));
	CHECK_EQ((u32)open_as(1, counter).x[4], TEE_ERROR_ACCESS_DENIED,
		 "VM policy: VM 1 may not open TA counter: the TEE says "
		 "TEE_ERROR_ACCESS_DENIED");
	CHECK_EQ((u32)open_as(1, none).x[4], TEE_ERROR_ACCESS_DENIED,
		 "VM policy: ... nor learn whether a TA exists");
	r = open_as(0, counter);
	CHECK_EQ(r.x[0] == FFA_MSG_SEND_DIRECT_RESP_32 && r.x[4] == 0, 1,
		 "VM policy: our own endpoint is held to no TA");
	ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32, ALPHA_ID, 0,
			   TOS_CMD_TA_CLOSE, r.x[5], 0, 0, 0));
}

/*
 * We play a normal-world hypervisor gone bad: requests and shares in the
 * names of the system manifest's VMs. The SPMC holds each VM to the TEEs
 * the manifest gives it, whatever the hypervisor lets through.
 */
static void vm_policy(void)
{
	static u8 page[4096] __attribute__((aligned(4096)));
	struct ffa_value r;
	u32 len;

	r = nw_call(FFA_MSG_SEND_DIRECT_REQ_32, 1u << 16 | ALPHA_ID, 0,
		    TOS_CMD_ADD, 2, 3);
	CHECK_EQ(r.x[0] == FFA_MSG_SEND_DIRECT_RESP_32 && r.x[4] == 5 &&
			 r.x[1] == ((u64)ALPHA_ID << 16 | 1),
		 1, "VM policy: VM 1 may call alpha, and is answered");
	check_error(nw_call(FFA_MSG_SEND_DIRECT_REQ_32, 1u << 16 | BETA_ID, 0,
			    TOS_CMD_ADD, 2, 3),
		    FFA_DENIED, "VM policy: VM 1 may not call beta: DENIED");
	check_error(nw_call(FFA_MSG_SEND_DIRECT_REQ_32, 9u << 16 | ALPHA_ID, 0,
			    TOS_CMD_ADD, 2, 3),
		    FFA_INVALID_PARAMETERS,
		    "VM policy: a VM the manifest does not have");
	ta_policy();
	/* a share in VM 2's name with alpha, which VM 2 may not call */
	nw_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0);
	len = nw_mem_desc(FFA_VERSION_1_1, ALPHA_ID, (u64)page, 1,
			  FFA_DATA_ACCESS_RW);
	nw_tx[0] = 2; /* the sender ID opens the header */
	nw_tx[1] = 0;
	check_error(nw_call(FFA_MEM_SHARE_32, len, len, 0, 0, 0), FFA_DENIED,
		    "VM policy: a share in VM 2's name with alpha: DENIED");
}

void scenario_ffa(u64 dtb)
{
	device_tree(dtb);
	smccc_psci();
	version_and_ids();
	rxtx();
	partition_info();
	direct_messages();
	vm_policy();
	registers_preserved();
	ns_reads_secure_ram();
	test_memory();
	test_notifications();
	test_keystore();
	test_ta();
	test_optee();
	test_teec();
	test_preempt();
	check_success(nw_call(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0), "RXTX_UNMAP");
	check_error(nw_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0), FFA_BUSY,
		    "PARTITION_INFO_GET after RXTX_UNMAP");
}
