/* Guests from the system manifest: their memory, stage 2 and first vCPU state.
 */
#include "arch/aarch64/mmu.h"
#include "arch/aarch64/sysreg.h"
#include "lib/log.h"
#include "lib/string.h"
#include "nwvisor/nwvisor.h"
#include "plat/qemu-virt/platform.h"

struct vm nwv_vms[NWV_MAX_VMS];
unsigned nwv_vm_count;

extern const u8 guest_image[], guest_image_end[];
extern char __image_end[];

/* Stage-2 tables of every guest */
#define POOL_PAGES 64
static u8 pool_pages[POOL_PAGES][PAGE_SIZE] __attribute__((aligned(4096)));
static struct pgt_pool pool;

/* The device tree every guest is given (the boot code's, with its TEEs) */
static const void *guest_dtb;

static bool overlaps(u64 a, u64 alen, u64 b, u64 blen)
{
	return a < b + blen && b < a + alen;
}

/* Where may a guest's RAM be? A reason it may not, or NULL. */
static const char *check_ram(u64 base, u64 size)
{
	unsigned i;

	if (!size || !IS_ALIGNED(base | size, 0x200000) ||
	    base < PLAT_NS_DRAM_BASE ||
	    size > PLAT_NS_DRAM_BASE + PLAT_NS_DRAM_SIZE - base)
		return "memory not 2 MiB-aligned normal-world RAM";
	if (size < 0x400000)
		return "memory smaller than 4 MiB";
	if (overlaps(base, size, PLAT_NS_DRAM_BASE,
		     (u64)__image_end - PLAT_NS_DRAM_BASE))
		return "memory overlaps the hypervisor";
	for (i = 0; i < nwv_vm_count; i++)
		if (overlaps(base, size, nwv_vms[i].ram_pa,
			     nwv_vms[i].ram_size))
			return "memory overlaps another guest";
	return NULL;
}

/*
 * Boots vm afresh: zeroed RAM in a new stage 2, the device tree and its
 * kernel in it, the first vCPU state; x1 says which boot this is (the
 * boot protocol's reserved x1, zero on a first boot as it requires).
 */
const char *vm_boot(struct vm *vm)
{
	const void *dtb = guest_dtb;
	u64 dtb_size = (u64)((const u8 *)dtb)[4] << 24 |
		       ((const u8 *)dtb)[5] << 16 | ((const u8 *)dtb)[6] << 8 |
		       ((const u8 *)dtb)[7];
	u32 boots = vm->boots;
	u64 off;

	if ((u64)(guest_image_end - guest_image) >
		    vm->ram_size - (GUEST_IMAGE_IPA - GUEST_RAM_IPA) ||
	    dtb_size > GUEST_IMAGE_IPA - GUEST_RAM_IPA)
		return "guest kernel or device tree larger than its memory";
	/* pages it donated in an earlier boot are a partition's now */
	if (nwv_mem_donated(vm, GUEST_RAM_IPA, dtb_size) ||
	    nwv_mem_donated(vm, GUEST_IMAGE_IPA,
			    (u64)(guest_image_end - guest_image)))
		return "memory its kernel or device tree needs was donated";
	if (vm->s2.root_pa)
		pgt_destroy(&vm->s2);
	if (pgt_init(&vm->s2, &pool, VA_BITS) ||
	    pgt_map(&vm->s2, GUEST_RAM_IPA, vm->ram_pa, vm->ram_size,
		    S2_MEMATTR_NORMAL | PTE_SH_INNER | S2_AP_R | S2_AP_W) ||
	    nwv_mem_take_out_donated(vm)) {
		pgt_destroy(&vm->s2);
		return "no room for its stage-2 tables";
	}
	/* nothing of its last life survives in the TLB */
	write_sysreg(vttbr_el2, vm->s2.root_pa | (u64)vm->id << 48);
	isb();
	guest_stage2_flush();
	/* what the guest finds: zeroed RAM, the device tree, its kernel */
	if (!nwv_mem_donated(vm, GUEST_RAM_IPA, vm->ram_size))
		memset((void *)vm->ram_pa, 0, vm->ram_size);
	else
		for (off = 0; off < vm->ram_size; off += PAGE_SIZE)
			if (!nwv_mem_donated(vm, GUEST_RAM_IPA + off,
					     PAGE_SIZE))
				memset((void *)(vm->ram_pa + off), 0,
				       PAGE_SIZE);
	memcpy((void *)vm->ram_pa, dtb, dtb_size);
	memcpy((void *)(vm->ram_pa + GUEST_IMAGE_IPA - GUEST_RAM_IPA),
	       guest_image, (u64)(guest_image_end - guest_image));
	memset(&vm->vcpu, 0, sizeof(vm->vcpu));
	vm->vcpu.pc = GUEST_IMAGE_IPA;
	vm->vcpu.x[0] = GUEST_RAM_IPA;
	vm->vcpu.x[1] = boots;
	vm->vcpu.pstate = SPSR_EL1H | SPSR_DAIF;
	vm->vcpu.el1.sctlr = SCTLR_EL1_RES1;
	vm->version = FFA_VERSION_1_0; /* until it asks for another */
	vm->rxtx_mapped = false;
	vm->rx_full = false;
	vm->console_len = 0;
	vm->preempted = 0;
	vm->vtime = 0;
	vm->boots = boots + 1;
	vm->state = VM_RUNNING;
	vm_announce_created(vm);
	return NULL;
}

/* One guest of the system manifest into nwv_vms[nwv_vm_count]. */
static const char *vm_create(const struct system_vm *sv)
{
	struct vm *vm = &nwv_vms[nwv_vm_count];
	const char *why = check_ram(sv->ram_base, sv->ram_size);
	unsigned i;

	if (why)
		return why;
	memset(vm, 0, sizeof(*vm));
	vm->sys = sv;
	vm->id = sv->id;
	memcpy(vm->name, sv->name, sizeof(vm->name));
	vm->ram_pa = sv->ram_base;
	vm->ram_size = sv->ram_size;
	why = vm_boot(vm);
	if (why)
		return why;
	nwv_vm_count++;
	log_printf("VM %u '%s': %llu MiB at 0x%llx, may call", vm->id, vm->name,
		   (unsigned long long)(vm->ram_size >> 20),
		   (unsigned long long)vm->ram_pa);
	for (i = 0; i < sv->tee_count; i++)
		log_printf(" 0x%04x", sv->tees[i]);
	log_printf("%s\n", sv->tee_count ? "" : " no TEE");
	return NULL;
}

int vm_create_all(const void *m, size_t size, const void *dtb)
{
	static struct system_manifest sys;
	const char *why;
	unsigned i;

	guest_dtb = dtb;
	pgt_pool_init(&pool, pool_pages, (u64)pool_pages, POOL_PAGES);
	if (system_manifest_parse(m, size, &sys, &why)) {
		log_printf("system manifest refused: %s\n", why);
		return -1;
	}
	for (i = 0; i < sys.vm_count && nwv_vm_count < NWV_MAX_VMS; i++) {
		why = vm_create(&sys.vms[i]);
		if (why)
			log_printf("VM %u '%s' refused: %s\n", sys.vms[i].id,
				   sys.vms[i].name, why);
	}
	return nwv_vm_count ? 0 : -1;
}

bool vm_may_reach(const struct vm *vm, u16 partition)
{
	return system_vm_may_call(vm->sys, partition);
}
