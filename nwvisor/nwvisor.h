/* The normal-world hypervisor: guests (VMs) at NS-EL1 and their FF-A proxy. */
#ifndef NWVISOR_NWVISOR_H
#define NWVISOR_NWVISOR_H

#include "arch/aarch64/vcpu.h"
#include "lib/ffa.h"
#include "lib/pgtable.h"
#include "lib/system_manifest.h"

#define NWV_MAX_VMS 4
#define NWV_NAME_MAX SYSTEM_NAME_MAX

/* Every guest sees its RAM at this IPA, its device tree at the start */
#define GUEST_RAM_IPA 0x40000000ULL
#define GUEST_IMAGE_IPA 0x40200000ULL

/*
 * A guest runs until it powers off, is stopped (it faulted), or resets;
 * then it is destroyed, and one that reset boots again.
 */
enum vm_state {
	VM_RUNNING,
	VM_OFF, /* it called SYSTEM_OFF: to be destroyed */
	VM_STOPPED, /* it faulted: to be destroyed */
	VM_RESET, /* it called SYSTEM_RESET: to be destroyed and booted */
	VM_OFF_DONE, /* destroyed after SYSTEM_OFF */
	VM_STOPPED_DONE, /* destroyed after a fault */
};

struct vm {
	char name[NWV_NAME_MAX];
	u16 id; /* its FF-A endpoint ID: the sender of every call it makes */
	enum vm_state state;
	u64 ram_pa, ram_size;
	struct pgt s2;
	struct vcpu vcpu;
	const struct system_vm *sys; /* its entry: the binding policy */
	char console[160]; /* FFA_CONSOLE_LOG text until its line ends */
	unsigned console_len;
	u32 version; /* the FF-A version it asked for: its descriptors' layout
		      */
	u64 tx_pa, rx_pa; /* its RX/TX buffers, one page each */
	bool rxtx_mapped;
	bool rx_full; /* its RX holds our answer until it releases it */
	u64 preempted; /* w1 of the FFA_INTERRUPT its call is waiting on */
	u32 boots;
	u64 ticks; /* counter ticks it has had, its TEE calls included */
	u64 vtime; /* what its virtual counter says: ticks of this boot */
};

extern struct vm nwv_vms[NWV_MAX_VMS];
extern unsigned nwv_vm_count;

/* The hypervisor's own RX/TX buffers with the SPMC (ffa_mem_proxy.c) */
extern u8 nwv_tx[PAGE_SIZE], nwv_rx[PAGE_SIZE];

/*
 * vm_lifecycle.c: which partitions are told of guests (from their
 * partition properties), telling them, and a guest's end: the TEEs told,
 * its shares reclaimed, what each TEE still holds of it counted. Returns
 * true if nothing of it is left.
 */
void vm_lifecycle_init(void);
void vm_announce_created(const struct vm *vm);
bool vm_destroy(struct vm *vm);

/* vm.c: guests from the system manifest, and running them */
int vm_create_all(const void *manifest, size_t size, const void *dtb);
/* (Re)boots vm from its kernel image; NULL or why it cannot */
const char *vm_boot(struct vm *vm);
/* vm_sched.c: every guest, a slice each, until none is left running */
void vm_run_all(void);

/*
 * ffa_proxy.c: an SMC or HVC the guest made (x0-x17 in its vCPU). The
 * answer goes into its registers; returns false if the VM is now off.
 */
bool vm_handle_call(struct vm *vm);
/* The call vm->preempted names, resumed: answered, or preempted again */
void vm_resume_call(struct vm *vm);
/* Every guest's call waiting in partition id, run to its end */
void vm_finish_calls_in(u16 id);
bool vm_may_reach(const struct vm *vm, u16 partition);
/* ta_access.c: does direct request a open no TA but one the policy lets
 * the VM open in that TEE? A refusal is logged. */
bool vm_may_open(const struct vm *vm, const struct ffa_value *a);

/* ffa_discovery_proxy.c: partition discovery and features, per guest */
struct ffa_value nwv_partition_info_get(struct vm *vm,
					const struct ffa_value *a);
struct ffa_value nwv_rx_release(struct vm *vm, const struct ffa_value *a);
struct ffa_value nwv_features(struct vm *vm, const struct ffa_value *a);

/* ffa_mem_proxy.c: the guest's RX/TX and memory shares */
int nwv_mem_init(void);
struct ffa_value nwv_rxtx_map(struct vm *vm, const struct ffa_value *a);
struct ffa_value nwv_rxtx_unmap(struct vm *vm, const struct ffa_value *a);
/* FFA_MEM_SHARE, LEND and DONATE (32/64) */
struct ffa_value nwv_mem_share(struct vm *vm, const struct ffa_value *a);
struct ffa_value nwv_mem_reclaim(struct vm *vm, const struct ffa_value *a);
/*
 * A VM going away: reclaims every share it still has (its TEEs have been
 * told, and gave back what they held). Returns how many were reclaimed;
 * *kept counts those a partition still holds, which stay out of the VM's
 * reach for good.
 */
unsigned nwv_mem_release_vm(struct vm *vm, unsigned *kept);
/*
 * What a VM donated is gone from it for good, across boots: whether any of
 * [ipa, ipa + size) was donated, and taking all of it out of a new stage 2.
 */
bool nwv_mem_donated(const struct vm *vm, u64 ipa, u64 size);
/* len bytes at offset of the guest's own transaction handle into buf:
 * false if it has no such transaction or they are not all in it */
bool nwv_mem_read(const struct vm *vm, u64 handle, u64 offset, void *buf,
		  u32 len);
int nwv_mem_take_out_donated(struct vm *vm);

#endif
