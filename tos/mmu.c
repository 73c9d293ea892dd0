/* The trusted OS's own stage-1 translation at S-EL1. */
#include "arch/aarch64/sysreg.h"
#include "lib/log.h"
#include "lib/pgtable.h"
#include "plat/qemu-virt/platform.h"
#include "tos/mmu.h"

extern char __image_start[], __text_end[], __image_end[];
extern char __pgt_pool_start[], __pgt_pool_end[];

#define NORMAL (S1_ATTR_IDX(S1_MAIR_NORMAL) | PTE_SH_INNER)
/* EL1 stage 1 has two XN bits: UXN (54) and PXN (53) */
#define S1_EL1_XN (BIT(54) | BIT(53))

static struct pgt_pool pool;
static struct pgt tables;

int tos_mmu_map(u64 pa, u64 size, bool writable, bool ns)
{
	return pgt_map(&tables, pa, pa, size,
		       NORMAL | S1_EL1_XN | (ns ? S1_NS : 0) |
			       (writable ? 0 : S1_RO));
}

void tos_mmu_unmap(u64 va, u64 size)
{
	u64 off;

	pgt_unmap(&tables, va, size);
	dsb(ishst);
	for (off = 0; off < size; off += PAGE_SIZE)
		__asm__ volatile("tlbi vaae1is, %0" ::"r"((va + off) >> 12)
				 : "memory");
	dsb(ish);
	isb();
}

/* EL0 may touch it (AP[1]); only its own address space has it (nG) */
#define S1_EL0 BIT(6)
#define S1_NG BIT(11)
#define S1_PXN BIT(53)
#define S1_UXN BIT(54)

/*
 * The trusted OS as it sees itself, in its own tables and in every TA's:
 * nothing of it is accessible or executable at S-EL0.
 */
static int map_kernel(struct pgt *t)
{
	u64 image = (u64)__image_start, text_end = (u64)__text_end;
	u64 end = ALIGN_UP((u64)__image_end, 0x200000);
	int err;

	err = pgt_map(t, image, image, text_end - image,
		      NORMAL | S1_RO | S1_UXN);
	if (!err)
		err = pgt_map(t, text_end, text_end, end - text_end,
			      NORMAL | S1_EL1_XN);
	return err;
}

int tos_mmu_space_init(struct pgt *t)
{
	int err = pgt_init(t, &pool, 39);

	if (!err && map_kernel(t)) {
		pgt_destroy(t);
		err = -1;
	}
	return err;
}

int tos_mmu_space_map(struct pgt *t, u64 va, u64 pa, u64 size, bool exec,
		      bool writable)
{
	return pgt_map(t, va, pa, size,
		       NORMAL | S1_EL0 | S1_NG | S1_PXN | (exec ? 0 : S1_UXN) |
			       (writable ? 0 : S1_RO));
}

int tos_mmu_space_map_ns(struct pgt *t, u64 va, u64 pa, u64 size)
{
	return pgt_map(t, va, pa, size,
		       NORMAL | S1_EL0 | S1_NG | S1_PXN | S1_UXN | S1_NS);
}

void tos_mmu_space_unmap(struct pgt *t, u16 asid, u64 va, u64 size)
{
	u64 off;

	pgt_unmap(t, va, size);
	dsb(ishst);
	for (off = 0; off < size; off += PAGE_SIZE)
		__asm__ volatile("tlbi vae1is, %0" ::"r"((va + off) >> 12 |
							 (u64)asid << 48)
				 : "memory");
	dsb(ish);
	isb();
}

void tos_mmu_space_enter(const struct pgt *t, u16 asid)
{
	write_sysreg(ttbr0_el1, t->root_pa | (u64)asid << 48);
	isb();
}

void tos_mmu_space_leave(void)
{
	write_sysreg(ttbr0_el1, tables.root_pa);
	isb();
}

void tos_mmu_space_destroy(struct pgt *t, u16 asid)
{
	dsb(ishst);
	__asm__ volatile("tlbi aside1is, %0" ::"r"((u64)asid << 48) : "memory");
	dsb(ish);
	isb();
	pgt_destroy(t);
}

void tos_mmu_init(void)
{
	u64 image = (u64)__image_start;
	u64 end = ALIGN_UP((u64)__image_end, 0x200000);
	int err;

	pgt_pool_init(&pool, __pgt_pool_start, (u64)__pgt_pool_start,
		      (u32)(((u64)__pgt_pool_end - (u64)__pgt_pool_start) >>
			    PAGE_SHIFT));
	err = pgt_init(&tables, &pool, 39);
	if (!err)
		err = map_kernel(&tables);
	(void)image; /* for the probe build's extra mappings */
	(void)end;
#ifdef TOS_PROBE
	/*
	 * A hostile trusted OS maps whatever it likes: only the SPMC's stage 2
	 * stands between it and other partitions, the SPMC and the monitor.
	 */
	if (!err)
		err = pgt_map(&tables, PLAT_SRAM_BASE, PLAT_SRAM_BASE,
			      image - PLAT_SRAM_BASE, NORMAL | S1_EL1_XN);
	if (!err)
		err = pgt_map(&tables, end, end, PLAT_SP_RAM_END - end,
			      NORMAL | S1_EL1_XN);
	if (!err)
		err = pgt_map(&tables, PLAT_NS_DRAM_BASE, PLAT_NS_DRAM_BASE,
			      PLAT_NS_DRAM_SIZE, NORMAL | S1_EL1_XN | S1_NS);
#endif
	if (err) {
		log_printf("cannot build translation tables (%d)\n", err);
		return;
	}
	write_sysreg(mair_el1, 0xff04);
	/* T0SZ 25, WB walks, inner shareable, 4K, TTBR1 walks off, 40-bit */
	write_sysreg(tcr_el1, 25 | (1ULL << 8) | (1ULL << 10) | (3ULL << 12) |
				      BIT(23) | (2ULL << 32));
	write_sysreg(ttbr0_el1, tables.root_pa);
	isb();
	__asm__ volatile("tlbi vmalle1" ::: "memory");
	dsb(nsh);
	isb();
	write_sysreg(sctlr_el1, SCTLR_EL1_RES1 | SCTLR_M | SCTLR_C | SCTLR_SA |
					SCTLR_I | SCTLR_WXN);
	isb();
}
