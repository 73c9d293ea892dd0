/* Host tests of the SPMC's FF-A argument checks: every refusal changes nothing.
 */
#include "test/unit/dtc_helper.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/bootpkg.h"
#include "lib/ffa_partinfo.h"
#include "lib/ta_policy.h"
#include "tos/ta/hello.h"
#include "manifests/uuids.h"
#include "plat/qemu-virt/platform.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"
#include "test/unit/spmc_host.h"

void spmc_handle_ns_call(struct ffa_value *a);

static const u32 alpha_uuid[4] = { ALPHA_UUID };
static const u32 beta_uuid[4] = { BETA_UUID };
static const u32 optee_uuid[4] = { OPTEE_UUID };
#define NS_TX (PLAT_NS_DRAM_BASE + 0x10000)
#define NS_RX (PLAT_NS_DRAM_BASE + 0x11000)

static int setup(void **state)
{
	(void)state;
	return host_spmc_boot();
}

static struct ffa_value ns_call(u64 x0, u64 x1, u64 x2, u64 x3, u64 x4, u64 x5)
{
	struct ffa_value a = ffa_value8(x0, x1, x2, x3, x4, x5, 0, 0);

	spmc_handle_ns_call(&a);
	return a;
}

static void assert_error(struct ffa_value r, s32 code)
{
	assert_int_equal(r.x[0], FFA_ERROR);
	assert_int_equal((s32)r.x[2], code);
}

static void version_negotiation(void **state)
{
	(void)state;
	assert_int_equal(ns_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0).x[0],
			 FFA_VERSION_1_2);
	assert_int_equal(spmc_ns.version, FFA_VERSION_1_1);
	/* a newer minor than ours is answered in our formats */
	ns_call(FFA_VERSION, 0x10009, 0, 0, 0, 0);
	assert_int_equal(spmc_ns.version, FFA_VERSION_1_2);
	assert_int_equal((u32)ns_call(FFA_VERSION, 0x20000, 0, 0, 0, 0).x[0],
			 (u32)FFA_NOT_SUPPORTED);
	assert_int_equal((u32)ns_call(FFA_VERSION, 0x80010001, 0, 0, 0, 0).x[0],
			 (u32)FFA_NOT_SUPPORTED);
	/* refused requests leave the negotiated version alone */
	assert_int_equal(spmc_ns.version, FFA_VERSION_1_2);
}

static void features(void **state)
{
	(void)state;
	assert_int_equal(
		ns_call(FFA_FEATURES, FFA_RXTX_MAP_64, 0, 0, 0, 0).x[0],
		FFA_SUCCESS_32);
	assert_error(ns_call(FFA_FEATURES, FFA_MSG_WAIT, 0, 0, 0, 0),
		     FFA_NOT_SUPPORTED);
	assert_int_equal(
		ns_call(FFA_FEATURES, FFA_MEM_SHARE_64, 0, 0, 0, 0).x[0],
		FFA_SUCCESS_32);
	/* retrieving is for partitions: nobody retrieves for the NS world */
	assert_error(ns_call(FFA_FEATURES, FFA_MEM_RETRIEVE_REQ_64, 0, 0, 0, 0),
		     FFA_NOT_SUPPORTED);
	assert_int_equal(ns_call(FFA_FEATURES, FFA_MSG_SEND2, 0, 0, 0, 0).x[0],
			 FFA_SUCCESS_32);
	assert_error(ns_call(FFA_FEATURES, 0x84000088 /* MEM_PERM_GET */, 0, 0,
			     0, 0),
		     FFA_NOT_SUPPORTED);
	assert_error(ns_call(FFA_FEATURES, 2, 0, 0, 0, 0), FFA_NOT_SUPPORTED);
	assert_error(ns_call(0x840000ee, 0, 0, 0, 0, 0), FFA_NOT_SUPPORTED);
}

static void rxtx_map_refusals_change_nothing(void **state)
{
	struct mailbox before;

	(void)state;
	memcpy(&before, &spmc_ns.mb, sizeof(before));
	assert_error(ns_call(FFA_RXTX_MAP_64, NS_TX + 1, NS_RX, 1, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_RXTX_MAP_64, NS_TX, NS_TX, 1, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_RXTX_MAP_64, NS_TX, NS_RX, 2, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_RXTX_MAP_64, NS_TX, NS_RX, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_RXTX_MAP_64, NS_TX, NS_RX, 64, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_RXTX_MAP_64, 0x0e400000, NS_RX, 1, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_RXTX_MAP_64, NS_TX, 0x0e100000, 1, 0, 0),
		     FFA_INVALID_PARAMETERS);
	/* RX running off the end of normal-world RAM */
	assert_error(ns_call(FFA_RXTX_MAP_64, NS_TX,
			     PLAT_NS_DRAM_BASE + PLAT_NS_DRAM_SIZE - 0x1000, 2,
			     0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_memory_equal(&before, &spmc_ns.mb, sizeof(before));

	/* the SMC32 form ignores the upper halves of x1 and x2 */
	assert_int_equal(ns_call(FFA_RXTX_MAP_32, 0x100000000ULL | NS_TX,
				 0x700000000ULL | NS_RX, 1, 0, 0)
				 .x[0],
			 FFA_SUCCESS_32);
	assert_int_equal(spmc_ns.mb.tx, NS_TX);
	assert_int_equal(spmc_ns.mb.rx, NS_RX);
	memcpy(&before, &spmc_ns.mb, sizeof(before));
	assert_error(ns_call(FFA_RXTX_MAP_64, NS_TX + 0x4000, NS_RX + 0x4000, 1,
			     0, 0),
		     FFA_DENIED);
	assert_memory_equal(&before, &spmc_ns.mb, sizeof(before));
	assert_error(ns_call(FFA_RXTX_UNMAP, 0x80010000, 0, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_true(spmc_ns.mb.mapped);
	assert_int_equal(ns_call(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0).x[0],
			 FFA_SUCCESS_32);
	assert_false(spmc_ns.mb.mapped);
	assert_error(ns_call(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
}

/* Both shipped TEEs subscribe to VM created and destroyed messages */
#define VM_MESSAGES (FFA_PROP_VM_CREATED | FFA_PROP_VM_DESTROYED)

static void partition_info(void **state)
{
	const u8 *rx = host_ns_ram + (NS_RX - PLAT_NS_DRAM_BASE);
	struct ffa_value r;
	u8 expect[24];

	(void)state;
	assert_error(ns_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0), FFA_BUSY);
	r = ns_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 1);
	assert_int_equal(r.x[2], 2);
	ns_call(FFA_RXTX_MAP_64, NS_TX, NS_RX, 1, 0, 0);

	r = ns_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0);
	assert_int_equal(r.x[0], FFA_SUCCESS_32);
	assert_int_equal(r.x[2], 2);
	assert_int_equal(r.x[3], 0);
	ffa_partinfo_write(expect, FFA_VERSION_1_0, 0x8002, 1, 7, beta_uuid);
	assert_memory_equal(rx + 8, expect, 8);
	assert_true(spmc_ns.mb.rx_full);
	assert_error(ns_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0), FFA_BUSY);
	assert_int_equal(ns_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0).x[0],
			 FFA_SUCCESS_32);
	assert_error(ns_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0), FFA_DENIED);

	ns_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0);
	r = ns_call(FFA_PARTITION_INFO_GET, alpha_uuid[0], alpha_uuid[1],
		    alpha_uuid[2], alpha_uuid[3], 0);
	assert_int_equal(r.x[2], 1);
	assert_int_equal(r.x[3], 24);
	ffa_partinfo_write(expect, FFA_VERSION_1_1, 0x8001, 1,
			   7 | FFA_PROP_AARCH64 | VM_MESSAGES, alpha_uuid);
	assert_memory_equal(rx, expect, 24);
	ns_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);

	/* v1.1+, null UUID: a descriptor per UUID, OP-TEE's after each own */
	r = ns_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0);
	assert_int_equal(r.x[2], 4);
	ffa_partinfo_write(expect, FFA_VERSION_1_1, 0x8001, 1,
			   7 | FFA_PROP_AARCH64 | VM_MESSAGES, optee_uuid);
	assert_memory_equal(rx + 24, expect, 24);
	ffa_partinfo_write(expect, FFA_VERSION_1_1, 0x8002, 1,
			   7 | FFA_PROP_AARCH64 | VM_MESSAGES, beta_uuid);
	assert_memory_equal(rx + 48, expect, 24);
	ns_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
	r = ns_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 1);
	assert_int_equal(r.x[2], 4);
	/* a service UUID finds every partition offering it */
	r = ns_call(FFA_PARTITION_INFO_GET, optee_uuid[0], optee_uuid[1],
		    optee_uuid[2], optee_uuid[3], 0);
	assert_int_equal(r.x[2], 2);
	ffa_partinfo_write(expect, FFA_VERSION_1_1, 0x8002, 1,
			   7 | FFA_PROP_AARCH64 | VM_MESSAGES, optee_uuid);
	assert_memory_equal(rx + 24, expect, 24);
	ns_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
	/* and so for a v1.0 caller, in its own format, once per partition */
	ns_call(FFA_VERSION, FFA_VERSION_1_0, 0, 0, 0, 0);
	r = ns_call(FFA_PARTITION_INFO_GET, optee_uuid[0], optee_uuid[1],
		    optee_uuid[2], optee_uuid[3], 0);
	assert_int_equal(r.x[2], 2);
	assert_int_equal(rx[8], 0x02);
	ns_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
	ns_call(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0);

	assert_error(ns_call(FFA_PARTITION_INFO_GET, 1, 2, 3, 4, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 6),
		     FFA_INVALID_PARAMETERS);
	assert_false(spmc_ns.mb.rx_full);
}

static void direct_request_refusals_never_run(void **state)
{
	(void)state;
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8009, 0, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x0000, 0, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	/* in the name of a VM ID the normal world's hypervisor may not use,
	 * or of a secure endpoint */
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32,
			     (SPMC_NS_VM_ID_MAX + 1) << 16 | 0x8001, 0, 0, 0,
			     0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8002u << 16 | 0x8001,
			     0, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x0003, 0, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8000, 0, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(
		ns_call(FFA_MSG_SEND_DIRECT_REQ_64, 0x80028001, 0, 0, 0, 0),
		FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001, 1, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	spmc_partitions[1].state = SP_ABORTED;
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8002, 0, 0, 0, 0),
		     FFA_ABORTED);
	spmc_partitions[1].state = SP_RUNNING;
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8002, 0, 0, 0, 0),
		     FFA_BUSY);
	spmc_partitions[1].state = SP_WAITING;
	spmc_partitions[1].m.messaging_method = 0x2;
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8002, 0, 0, 0, 0),
		     FFA_DENIED);
	assert_int_equal(sp_run_calls, 0);
	assert_int_equal(spmc_partitions[1].state, SP_WAITING);
	assert_false(spmc_partitions[0].serving);
}

static void direct_request_delivered(void **state)
{
	struct ffa_value r;
	struct partition *a = &spmc_partitions[0];

	(void)state;
	/* the 32-bit form delivers w-registers only */
	r = ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0xffff00008001ULL, 0,
		    0x100000041ULL, 0, 0);
	assert_int_equal(sp_run_calls, 1);
	assert_ptr_equal(sp_run_last, a);
	assert_int_equal(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32);
	assert_int_equal(r.x[1], 0x80010000);
	assert_int_equal(r.x[4], 0x42);
	assert_int_equal(a->vcpu.x[1], 0x8001);
	assert_int_equal(a->caller, 0);
	assert_false(a->caller_64);
}

static void run_refusals(void **state)
{
	(void)state;
	assert_error(ns_call(FFA_RUN, 0x80090000, 0, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_RUN, 0x80010001, 0, 0, 0, 0),
		     FFA_INVALID_PARAMETERS);
	spmc_partitions[0].state = SP_BLOCKED;
	assert_error(ns_call(FFA_RUN, 0x80010000, 0, 0, 0, 0), FFA_BUSY);
	spmc_partitions[0].state = SP_ABORTED;
	assert_error(ns_call(FFA_RUN, 0x80010000, 0, 0, 0, 0), FFA_ABORTED);
	assert_int_equal(sp_run_calls, 0);
}

/* The system manifest as the boot code hands it over: VMs 1 and 2 */
static void load_policy(void)
{
	static struct bootinfo bi;
	u32 size;
	u8 *m = host_load_manifest("system.dtb", &size);

	assert_non_null(m);
	memset(&bi, 0, sizeof(bi));
	bi.count = 1;
	bi.image[0].type = BOOTPKG_SYSTEM;
	bi.image[0].size = size;
	bi.image[0].addr = (u64)(uintptr_t)m;
	ns_policy_load(&bi);
}

/*
 * A partition that asks for boot information (alpha: gp-register-num 0)
 * starts with its address in x0, in a page it may only read, holding the
 * TA grants the system manifest gives in it: VM 1, TA hello.
 */
static void boot_info_handed_over(void **state)
{
	static const u32 hello[4] = { HELLO_UUID }, other[4] = { 1 };
	struct ta_grant g[TA_POLICY_MAX];
	const struct partition *p;
	const u8 *page, *content;
	u64 pa, got, attrs;
	u32 size;

	(void)state;
	load_policy();
	assert_int_equal(host_spmc_boot(), 0);
	p = spmc_find_partition(0x8001);
	page = stage1_boot_info_page(0, &pa);
	assert_int_equal(p->vcpu.x[0], pa);
	assert_true(pgt_lookup(&p->s2_secure, pa, &got, &attrs));
	assert_int_equal(got, pa);
	assert_true(attrs & S2_AP_R);
	assert_false(attrs & S2_AP_W);
	content =
		ffa_boot_info_find(page, 4096, pa, TA_POLICY_BOOT_INFO, &size);
	assert_non_null(content);
	assert_int_equal(ta_policy_read(content, size, g, TA_POLICY_MAX), 1);
	assert_true(ta_policy_allows(g, 1, 1, hello));
	assert_false(ta_policy_allows(g, 1, 1, other));
	assert_true(ta_policy_allows(g, 1, 2, other));
}

/* A system manifest from DTS text, handed over as the boot code would. */
static void load_policy_dts(const char *dts)
{
	static struct bootinfo bi;
	size_t size;
	void *m = dtc_compile(dts, &size);

	assert_non_null(m);
	memset(&bi, 0, sizeof(bi));
	bi.count = 1;
	bi.image[0].type = BOOTPKG_SYSTEM;
	bi.image[0].size = (u32)size;
	bi.image[0].addr = (u64)(uintptr_t)m;
	ns_policy_load(&bi); /* keeps a parsed copy */
	free(m);
}

/* Under a hypervisor, its own ID may call only what some guest may. */
static void host_held_to_its_guests_tees(void **state)
{
	struct ffa_value r;

	(void)state;
	load_policy_dts("/dts-v1/; / { compatible = \"tessera,system-1.0\"; "
			"vm@1 { label = \"A\"; vm-id = <1>; memory = <0 "
			"0x48000000 0 0x1000000>; tees = <0x8001>; }; };");
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8002, 0, 1, 0, 0),
		     FFA_DENIED);
	assert_int_equal(sp_run_calls, 0);
	r = ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001, 0, 1, 0, 0);
	assert_int_equal(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32);
	load_policy_dts("/dts-v1/; / { compatible = \"tessera,system-1.0\"; "
			"host-tees = <0x8002>; };");
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001, 0, 1, 0, 0),
		     FFA_DENIED);
	r = ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8002, 0, 1, 0, 0);
	assert_int_equal(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32);
	load_policy(); /* the shipped one again, for the tests after */
}

#define VM_MSG (FFA_FWK_MSG | FFA_FWK_VM_CREATED)

/* VM availability messages: only the hypervisor's, about a VM it has,
 * to a partition that asked for them, acknowledged in kind. */
static void vm_messages(void **state)
{
	struct partition *a = &spmc_partitions[0], *next;
	struct ffa_value r, out;

	(void)state;
	load_policy();
	/* from a guest, about no VM, of no known type, in the 64-bit form,
	 * with w2 set but no framework bit: refused, nothing runs */
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 1u << 16 | 0x8001,
			     VM_MSG, 0, 0, 1),
		     FFA_INVALID_PARAMETERS);
	assert_error(
		ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001, VM_MSG, 0, 0, 9),
		FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001,
			     VM_MSG | 0x10000, 0, 0, 1),
		     FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001,
			     FFA_FWK_MSG | FFA_FWK_VM_CREATED_ACK, 0, 0, 1),
		     FFA_INVALID_PARAMETERS);
	assert_error(
		ns_call(FFA_MSG_SEND_DIRECT_REQ_64, 0x8001, VM_MSG, 0, 0, 1),
		FFA_INVALID_PARAMETERS);
	assert_error(ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001,
			     FFA_FWK_VM_CREATED, 0, 0, 1),
		     FFA_INVALID_PARAMETERS);
	a->m.vm_availability = MANIFEST_VM_DESTROYED;
	assert_error(
		ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001, VM_MSG, 0, 0, 1),
		FFA_DENIED);
	assert_int_equal(sp_run_calls, 0);
	assert_false(a->serving);

	/* delivered as sent; the partition must acknowledge that message */
	a->m.vm_availability = MANIFEST_VM_CREATED | MANIFEST_VM_DESTROYED;
	ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001, VM_MSG, 0, 0, 2);
	assert_int_equal(sp_run_calls, 1);
	assert_int_equal(a->vcpu.x[2], VM_MSG);
	assert_int_equal(a->vcpu.x[5], 2);
	a->state = SP_RUNNING;
	a->serving = true;
	*vcpu_ffa(a) = ffa_value8(FFA_MSG_SEND_DIRECT_RESP_32, 0x80010000, 0, 0,
				  0, 0, 0, 0);
	assert_false(sp_handle_call(a, &next, &out));
	assert_error(*vcpu_ffa(a), FFA_INVALID_PARAMETERS);
	*vcpu_ffa(a) =
		ffa_value8(FFA_MSG_SEND_DIRECT_RESP_32, 0x80010000,
			   FFA_FWK_MSG | FFA_FWK_VM_CREATED_ACK, 0, 0, 0, 0, 0);
	assert_true(sp_handle_call(a, &next, &out));
	assert_int_equal(out.x[2], FFA_FWK_MSG | FFA_FWK_VM_CREATED_ACK);
	/* and a plain request after it is answered plainly */
	r = ns_call(FFA_MSG_SEND_DIRECT_REQ_32, 0x8001, 0, 0x41, 0, 0);
	assert_int_equal(r.x[0], FFA_MSG_SEND_DIRECT_RESP_32);
	assert_int_equal(a->fwk_resp, 0);
}

/* A partition's own calls: answers land in its registers. */
static bool sp_call(struct partition *p, u64 x0, u64 x1, u64 x2, u64 x3,
		    struct partition **next, struct ffa_value *out)
{
	*vcpu_ffa(p) = ffa_value8(x0, x1, x2, x3, 0, 0, 0, 0);
	return sp_handle_call(p, next, out);
}

static void partition_calls(void **state)
{
	struct partition *a = &spmc_partitions[0], *b = &spmc_partitions[1];
	struct partition *next;
	struct ffa_value out;

	(void)state;
	/* a response with nothing to respond to */
	assert_false(sp_call(a, FFA_MSG_SEND_DIRECT_RESP_32, 0x80010000, 0, 0,
			     &next, &out));
	assert_int_equal(a->vcpu.x[0], FFA_ERROR);
	assert_int_equal((s32)a->vcpu.x[2], FFA_DENIED);
	assert_int_equal(a->state, SP_WAITING);

	/* serving the normal world: a wrong destination is refused */
	a->state = SP_RUNNING;
	a->serving = true;
	a->caller = 0;
	a->caller_64 = false;
	assert_false(sp_call(a, FFA_MSG_SEND_DIRECT_RESP_32, 0x80010005, 0, 0,
			     &next, &out));
	assert_int_equal((s32)a->vcpu.x[2], FFA_INVALID_PARAMETERS);
	assert_false(sp_call(a, FFA_MSG_SEND_DIRECT_RESP_64, 0x80010000, 0, 0,
			     &next, &out));
	assert_int_equal((s32)a->vcpu.x[2], FFA_INVALID_PARAMETERS);
	assert_false(sp_call(a, FFA_MSG_SEND_DIRECT_RESP_32, 0x80020000, 0, 0,
			     &next, &out));
	assert_int_equal((s32)a->vcpu.x[2], FFA_INVALID_PARAMETERS);
	assert_false(sp_call(a, FFA_MSG_WAIT, 0, 0, 0, &next, &out));
	assert_int_equal((s32)a->vcpu.x[2], FFA_DENIED);
	assert_int_equal(a->state, SP_RUNNING);

	/* partition to partition, and the answer back */
	assert_false(sp_call(a, FFA_MSG_SEND_DIRECT_REQ_32, 0x80018002, 0, 7,
			     &next, &out));
	assert_ptr_equal(next, b);
	assert_int_equal(a->state, SP_BLOCKED);
	assert_int_equal(b->caller, 0x8001);
	assert_int_equal(b->vcpu.x[3], 7);
	/* b may not call back into blocked a */
	assert_false(sp_call(b, FFA_MSG_SEND_DIRECT_REQ_32, 0x80028001, 0, 0,
			     &next, &out));
	assert_int_equal((s32)b->vcpu.x[2], FFA_BUSY);
	assert_false(sp_call(b, FFA_MSG_SEND_DIRECT_RESP_32, 0x80028001, 0, 8,
			     &next, &out));
	assert_ptr_equal(next, a);
	assert_int_equal(a->state, SP_RUNNING);
	assert_int_equal(a->vcpu.x[0], FFA_MSG_SEND_DIRECT_RESP_32);
	assert_int_equal(a->vcpu.x[3], 8);
	assert_int_equal(b->state, SP_WAITING);

	/* the response to the normal world ends the run */
	assert_true(sp_call(a, FFA_MSG_SEND_DIRECT_RESP_32, 0x80010000, 0, 9,
			    &next, &out));
	assert_int_equal(out.x[3], 9);
	assert_int_equal(a->state, SP_WAITING);

	/* unknown calls are refused, forbidden ones stop the partition */
	assert_false(sp_call(a, 0x840000ee, 0, 0, 0, &next, &out));
	assert_int_equal((s32)a->vcpu.x[2], FFA_NOT_SUPPORTED);
	assert_false(sp_call(a, 0x82000001, 0, 0, 0, &next, &out));
	assert_int_equal((s64)a->vcpu.x[0], -1);
	a->state = SP_RUNNING;
	a->serving = true;
	assert_true(sp_call(a, 0x84000008, 0, 0, 0, &next, &out));
	assert_int_equal(a->state, SP_ABORTED);
	assert_int_equal(out.x[0], FFA_ERROR);
	assert_int_equal((s32)out.x[2], FFA_ABORTED);
}

static void fault_in_chain_unwinds_to_caller(void **state)
{
	struct partition *a = &spmc_partitions[0], *b = &spmc_partitions[1];
	struct partition *next;
	struct ffa_value out;

	(void)state;
	a->state = SP_RUNNING;
	a->serving = true;
	*vcpu_ffa(a) = ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32, 0x80018002, 0, 1,
				  0, 0, 0, 0);
	sp_handle_call(a, &next, &out);
	assert_ptr_equal(next, b);
	assert_false(sp_fault(b, &next, &out, "test fault at 0x%x", 0x1234));
	assert_ptr_equal(next, a);
	assert_int_equal(b->state, SP_ABORTED);
	assert_int_equal(a->state, SP_RUNNING);
	assert_int_equal((s32)a->vcpu.x[2], FFA_ABORTED);
}

static void manifests_refused(void **state)
{
	u32 size;
	u8 *m = host_load_manifest("sp-alpha.dtb", &size);

	(void)state;
	host_spmc_reset();
	memset(&host_bi, 0, sizeof(host_bi));
	host_bi.magic = BOOTINFO_MAGIC;
	/* image not where the manifest says */
	host_add_image("alpha", BOOTPKG_SP_MANIFEST, (u64)(uintptr_t)m, size);
	host_add_image("alpha", BOOTPKG_SP, 0x0e500000, 0x3000);
	assert_int_equal(partitions_create(&host_bi), -1);
	/* the same manifest twice: the second is a duplicate ID */
	host_bi.image[1].addr = 0x0e400000;
	host_add_image("alpha", BOOTPKG_SP_MANIFEST, (u64)(uintptr_t)m, size);
	assert_int_equal(partitions_create(&host_bi), 0);
	assert_int_equal(spmc_partition_count, 1);
	/* a manifest cut short */
	host_spmc_reset();
	host_bi.count = 2;
	host_bi.image[0].size = 100;
	assert_int_equal(partitions_create(&host_bi), -1);
	assert_int_equal(spmc_partition_count, 0);
	assert_int_equal(spmc_pgt_pool.free_count, 64);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, setup)
	const struct CMUnitTest tests[] = {
		T(version_negotiation),
		T(features),
		T(rxtx_map_refusals_change_nothing),
		T(partition_info),
		T(direct_request_refusals_never_run),
		T(direct_request_delivered),
		T(run_refusals),
		T(partition_calls),
		T(fault_in_chain_unwinds_to_caller),
		T(boot_info_handed_over),
		T(host_held_to_its_guests_tees),
		T(vm_messages),
		T(manifests_refused),
	};

	return cmocka_run_group_tests_name("spmc_ffa", tests, NULL, NULL);
}
