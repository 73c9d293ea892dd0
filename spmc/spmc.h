/* SPMC-internal types: partitions, endpoints' mailboxes and the handlers. */
#ifndef SPMC_SPMC_H
#define SPMC_SPMC_H

#include "arch/aarch64/vcpu.h"
#include "lib/ffa.h"
#include "lib/manifest.h"
#include "lib/mem_txn.h"
#include "lib/notif.h"
#include "lib/pgtable.h"

#define SPMC_MAX_PARTITIONS 6
#define SPMC_BOOT_INFO_PAGES SPMC_MAX_PARTITIONS
#define SPMC_VERSION FFA_VERSION_1_2
/* The most VM IDs a normal-world hypervisor may send in the name of */
#define SPMC_NS_VM_ID_MAX 15

enum sp_state {
	SP_BOOTING, /* started, has not called FFA_MSG_WAIT yet */
	SP_WAITING, /* idle, can take a direct request */
	SP_RUNNING, /* serving a direct request (or FFA_RUN) */
	SP_BLOCKED, /* sent a direct request, waits for the response */
	SP_PREEMPTED, /* a normal-world interrupt came; FFA_RUN resumes it */
	SP_ABORTED, /* stopped for good after a fault */
};

/* An endpoint's RX/TX buffer pair, as the endpoint registered it. */
struct mailbox {
	u64 tx, rx; /* addresses in the owner's physical/IPA space */
	u32 pages;
	bool mapped;
	bool rx_full; /* the SPMC wrote RX; the owner has not released it */
};

struct partition {
	struct manifest m;
	enum sp_state state;
	struct vcpu vcpu;
	struct pgt s2_secure; /* secure IPA space (VSTTBR_EL2) */
	struct pgt s2_ns; /* non-secure IPA space (VTTBR_EL2) */
	u16 vmid;
	u16 caller; /* whose direct request is being served */
	u16 callee; /* when blocked: whom it waits for */
	bool caller_64; /* request came in the 64-bit form */
	bool serving; /* caller is valid */
	u32 fwk_resp; /* w2 its response must carry: 0, or a framework type */
	u32 version; /* FF-A version it asked for */
	u16 ns_callers; /* bit n: normal-world endpoint n may call it */
	struct mailbox mb;
	struct notif_bitmap notif;
	char console[80]; /* FFA_CONSOLE_LOG text until its line ends */
	u8 console_len;
};

/* The normal world seen as one endpoint (ID 0) until it has a hypervisor. */
struct ns_endpoint {
	u32 version;
	struct mailbox mb;
	struct notif_bitmap notif; /* after FFA_NOTIFICATION_BITMAP_CREATE */
};

/* ns_policy.c: the system manifest's binding policy, from the boot info */
struct bootinfo;
void ns_policy_load(const struct bootinfo *bi);
/* Which normal-world endpoints may call p, from the manifest (at its
 * creation, and again whenever a manifest is loaded) */
void ns_policy_apply(struct partition *p);
/* Why vm may not call q: INVALID_PARAMETERS (no such VM) or DENIED
 * (logged) */
s32 ns_policy_refuse(u16 vm, const struct partition *q);

/* May normal-world endpoint vm call q? FFA_OK, or ns_policy_refuse's
 * answer. Inline: every allowed call pays one test. */
static inline s32 ns_policy_check(u16 vm, const struct partition *q)
{
	if (vm <= SPMC_NS_VM_ID_MAX && (q->ns_callers >> vm & 1))
		return FFA_OK;
	return ns_policy_refuse(vm, q);
}
/* The name of VM vm of the system manifest, or NULL if it has none */
const char *ns_policy_vm_name(u16 vm);
/* Boot information for partition p (spmc_partitions[index]), if its
 * manifest asks: NULL, or why it cannot have it */
const char *ns_policy_hand_over(struct partition *p, unsigned index);

extern struct partition spmc_partitions[SPMC_MAX_PARTITIONS];
extern unsigned spmc_partition_count;
extern struct ns_endpoint spmc_ns;

struct partition *spmc_find_partition(u16 id);

/* Who is calling: a partition, or the normal world (p == NULL). */
struct caller {
	struct partition *p;
	u16 id;
};

/* ffa_discovery.c */
/* The FF-A version the caller asked for: its answers' formats follow it */
u32 *caller_version(struct caller c);
struct ffa_value ffa_version(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_id_get(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_spm_id_get(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_features(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_partition_info_get(struct caller c,
					const struct ffa_value *a);

/* ffa_rxtx.c */
struct ffa_value ffa_rxtx_map(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_rxtx_unmap(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_rx_release(struct caller c, const struct ffa_value *a);
/* The caller's RX buffer as the SPMC sees it, or NULL. */
void *mailbox_rx(struct caller c);
struct mailbox *caller_mailbox(struct caller c);
/* Is [base, base+size) memory the caller owns outright (RW, its own)? */
bool caller_owns(struct caller c, u64 base, u64 size);

/* ffa_notif.c: notifications (lib/notif.c keeps the rules) */
struct ffa_value ffa_notif_bitmap_create(struct caller c,
					 const struct ffa_value *a);
struct ffa_value ffa_notif_bitmap_destroy(struct caller c,
					  const struct ffa_value *a);
struct ffa_value ffa_notif_bind(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_notif_set(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_notif_get(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_notif_info_get(struct caller c, const struct ffa_value *a);
/* The notification state of endpoint id (0: the normal world), or NULL */
struct notif_bitmap *endpoint_notif(u16 id);

/* ffa_indirect.c: FFA_MSG_SEND2 and RX buffer ownership for it */
struct ffa_value ffa_msg_send2(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_rx_acquire(struct caller c, const struct ffa_value *a);

/* ffa_mem.c: memory transactions (lib/mem_txn.c keeps the state) */
extern struct mem_txn_table spmc_mem;
struct ffa_value ffa_mem_send(struct caller c, const struct ffa_value *a);
/* The largest descriptor taken, in one fragment or several */
#define MEM_DESC_MAX 4096
/* A whole send descriptor in buf; reserved: its handle, if it has one */
struct ffa_value ffa_mem_send_desc(struct caller c, u32 fid, const u8 *buf,
				   u32 len, u64 reserved);
/* ffa_mem_frag.c: descriptors in several fragments */
struct ffa_value ffa_mem_frag_start(struct caller c, u32 fid, u32 total,
				    u32 frag);
struct ffa_value ffa_mem_frag_tx(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_mem_frag_rx(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_mem_retrieve(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_mem_relinquish(struct caller c, const struct ffa_value *a);
struct ffa_value ffa_mem_reclaim(struct caller c, const struct ffa_value *a);
/* A stopped partition's borrowings become reclaimable by their lenders */
void ffa_mem_endpoint_stopped(struct partition *p);

/*
 * ffa_msg.c: calls that make partitions run, from the normal world. The
 * answer replaces the call in *a.
 */
void ffa_direct_req_from_ns(struct ffa_value *a);
void ffa_run_from_ns(struct ffa_value *a);

/* ffa_msg.c: the same, from a partition (see sp_handle_call) */
bool sp_direct_req(struct partition *p, const struct ffa_value *a,
		   struct partition **next);
bool sp_direct_resp(struct partition *p, const struct ffa_value *a,
		    struct partition **next, struct ffa_value *out);
bool sp_msg_wait(struct partition *p, struct partition **next,
		 struct ffa_value *out);
/* a normal-world interrupt while p ran: back to the normal world */
bool sp_preempt(struct partition *p, struct partition **next,
		struct ffa_value *out);

/* ffa_dispatch.c: calls answered on the spot, from anyone; r may be a */
bool ffa_answer_simple(struct caller c, const struct ffa_value *a,
		       struct ffa_value *r);

/* sp_run.c */
/*
 * Runs partitions, starting with p, until one of them hands control back
 * to the normal world; *out is what the normal world receives.
 */
void sp_run(struct partition *p, struct ffa_value *out);
/* Runs p from its entry point until it waits or dies (boot only). */
void sp_boot(struct partition *p);

/* sp_call.c: an FF-A call from a partition. Sets *next to the partition
 * to run next or returns true with *out for the normal world. */
bool sp_handle_call(struct partition *p, struct partition **next,
		    struct ffa_value *out);

/* sp_fault.c: stops p for good; like sp_handle_call, says what is next */
bool sp_fault(struct partition *p, struct partition **next,
	      struct ffa_value *out, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* partition.c */
int partitions_create(const void *bootinfo);
/* Stage-2 attributes the manifest gives p's own memory at pa (0: none) */
u64 partition_mem_s2_attrs(const struct partition *p, u64 pa);

/* A partition's w/x0-7 seen as an FF-A value, for calls and answers. */
static inline struct ffa_value *vcpu_ffa(struct partition *p)
{
	return (struct ffa_value *)p->vcpu.x;
}

/* Shared helpers */
bool ffa_mbz(const struct ffa_value *a, unsigned from, unsigned to);
const char *sp_state_name(enum sp_state s);

#endif
