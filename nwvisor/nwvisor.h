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

enum vm_state { VM_RUNNING, VM_OFF, VM_STOPPED };

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
	u32 version; /* the FF-A version it asked for: its descriptors' layout */
	u64 tx_pa, rx_pa; /* its RX/TX buffers, one page each */
	bool rxtx_mapped;
};

extern struct vm nwv_vms[NWV_MAX_VMS];
extern unsigned nwv_vm_count;

/* vm.c: guests from the system manifest, and running them */
int vm_create_all(const void *manifest, size_t size, const void *dtb);
void vm_run_all(void);

/*
 * ffa_proxy.c: an SMC or HVC the guest made (x0-x17 in its vCPU). The
 * answer goes into its registers; returns false if the VM is now off.
 */
bool vm_handle_call(struct vm *vm);
bool vm_may_reach(const struct vm *vm, u16 partition);

/* ffa_mem_proxy.c: the guest's RX/TX and memory shares */
int nwv_mem_init(void);
struct ffa_value nwv_rxtx_map(struct vm *vm, const struct ffa_value *a);
struct ffa_value nwv_rxtx_unmap(struct vm *vm, const struct ffa_value *a);
struct ffa_value nwv_mem_share(struct vm *vm, const struct ffa_value *a);
struct ffa_value nwv_mem_reclaim(struct vm *vm, const struct ffa_value *a);
/*
 * A VM going away: reclaims every share it still has (its TEEs have been
 * told, and gave back what they held). Returns how many were reclaimed;
 * *kept counts those a partition still holds, which stay out of the VM's
 * reach for good.
 */
unsigned nwv_mem_release_vm(struct vm *vm, unsigned *kept);

#endif
