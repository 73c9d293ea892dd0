/* The SPMC's own stage-1 translation at S-EL2, and its table pool. */
#include "arch/aarch64/mmu.h"
#include "plat/qemu-virt/platform.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"

extern char __image_start[], __text_end[], __image_end[];
extern char __pgt_pool_start[], __pgt_pool_end[];

struct pgt_pool spmc_pgt_pool;
static struct pgt stage1;

#define NORMAL (S1_ATTR_IDX(S1_MAIR_NORMAL) | PTE_SH_INNER)
#define DEVICE (S1_ATTR_IDX(S1_MAIR_DEVICE) | S1_XN)

int stage1_init(void)
{
	u64 image = (u64)__image_start, text_end = (u64)__text_end;
	u64 end = ALIGN_UP((u64)__image_end, PAGE_SIZE);
	const struct {
		u64 base, size, attrs;
	} map[] = {
		/* code read-only and executable; nothing else executable */
		{ image, text_end - image, NORMAL | S1_RO },
		{ text_end, end - text_end, NORMAL | S1_XN },
		/* manifests the boot code placed at the end of our region */
		{ end, PLAT_SPMC_BASE + PLAT_SPMC_SIZE - end,
		  NORMAL | S1_XN | S1_RO },
		{ PLAT_BOOTINFO_BASE, PLAT_BOOTINFO_SIZE,
		  NORMAL | S1_XN | S1_RO },
		/* partitions' RX/TX buffers live in their own memory */
		{ PLAT_SP_RAM_BASE, PLAT_SP_RAM_END - PLAT_SP_RAM_BASE,
		  NORMAL | S1_XN },
		/* the normal world's RAM, for its RX/TX buffers */
		{ PLAT_NS_DRAM_BASE, PLAT_NS_DRAM_SIZE,
		  NORMAL | S1_XN | S1_NS },
		{ PLAT_UART_S_BASE, PAGE_SIZE, DEVICE },
	};
	unsigned i;
	int err;

	pgt_pool_init(&spmc_pgt_pool, __pgt_pool_start, (u64)__pgt_pool_start,
		      (u32)(((u64)__pgt_pool_end - (u64)__pgt_pool_start) >>
			    PAGE_SHIFT));
	err = pgt_init(&stage1, &spmc_pgt_pool, VA_BITS);
	for (i = 0; !err && i < ARRAY_SIZE(map); i++)
		err = pgt_map(&stage1, map[i].base, map[i].base, map[i].size,
			      map[i].attrs);
	if (err)
		return err;
	mmu_enable_el2(stage1.root_pa);
	return 0;
}

/* The SPMC maps RAM at its physical address. */
void *stage1_va(u64 pa)
{
	return (void *)(uintptr_t)pa;
}

u8 *stage1_boot_info_page(unsigned index, u64 *pa)
{
	static u8 pages[SPMC_BOOT_INFO_PAGES][PAGE_SIZE]
		__attribute__((aligned(PAGE_SIZE)));

	*pa = (u64)pages[index]; /* our own mapping is the identity */
	return pages[index];
}
