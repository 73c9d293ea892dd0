/* SPMC start-up: its own translation, the partitions, and their boot. */
#include "arch/aarch64/mmu.h"
#include "arch/aarch64/sysreg.h"
#include "arch/aarch64/vcpu.h"
#include "lib/bootpkg.h"
#include "lib/log.h"
#include "lib/string.h"
#include "plat/qemu-virt/platform.h"
#include "plat/qemu-virt/uart.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"

void spmc_main(const struct bootinfo *bi);
void hv_panic_exception(u64 esr, u64 elr, u64 far);

static void secure_putc(char c)
{
	uart_putc(PLAT_UART_S_BASE, c);
}

/* Only a bug in the SPMC itself gets here; nothing a partition does can. */
void hv_panic_exception(u64 esr, u64 elr, u64 far)
{
	log_printf("PANIC: exception in the SPMC itself: ESR 0x%llx ELR 0x%llx "
		   "FAR 0x%llx\n",
		   (unsigned long long)esr, (unsigned long long)elr,
		   (unsigned long long)far);
	for (;;)
		__asm__ volatile("wfi");
}

static int cmp_boot_order(const struct partition *a, const struct partition *b)
{
	return a->m.boot_order < b->m.boot_order ? -1
	       : a->m.boot_order > b->m.boot_order
		       ? 1
		       : (int)a->m.id - (int)b->m.id;
}

void spmc_main(const struct bootinfo *bi)
{
	struct partition *order[SPMC_MAX_PARTITIONS];
	struct el1_context clean = { .sctlr = SCTLR_EL1_RES1 };
	unsigned i, j;

	log_init("[spmc] ", secure_putc);
	guest_el2_init(true);
	mem_txn_init(&spmc_mem);
	if (stage1_init()) {
		log_printf("cannot build the SPMC's own translation tables\n");
		return;
	}
	log_printf("S-EL2 SPMC up, FF-A v%u.%u, MMU on\n",
		   FFA_VERSION_MAJOR(SPMC_VERSION),
		   FFA_VERSION_MINOR(SPMC_VERSION));
	ns_policy_load(bi);
	if (partitions_create(bi) < 0)
		log_printf("no partition could be created\n");

	for (i = 0; i < spmc_partition_count; i++) {
		order[i] = &spmc_partitions[i];
		for (j = i; j > 0 && cmp_boot_order(order[j], order[j - 1]) < 0;
		     j--) {
			struct partition *t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	}
	for (i = 0; i < spmc_partition_count; i++)
		sp_boot(order[i]);

	log_printf("%u partition(s):\n", spmc_partition_count);
	for (i = 0; i < spmc_partition_count; i++) {
		const struct partition *p = &spmc_partitions[i];

		log_printf("  0x%04x %-8s %s, %u page(s) at 0x%llx\n", p->m.id,
			   p->m.name, sp_state_name(p->state),
			   p->m.mem_size >> PAGE_SHIFT,
			   (unsigned long long)p->m.load_address);
	}
	/* The normal world must not find a partition's EL1 state. */
	el1_context_load(&clean);
}
