/* Normal-world hypervisor start-up: its guests from the system manifest, run to
 * the end. */
#include "arch/aarch64/ffa_smc.h"
#include "arch/aarch64/sysreg.h"
#include "arch/aarch64/vcpu.h"
#include "lib/log.h"
#include "lib/smccc.h"
#include "nwvisor/nwvisor.h"
#include "plat/qemu-virt/platform.h"
#include "plat/qemu-virt/uart.h"

void nwvisor_main(u64 dtb);
void hv_panic_exception(u64 esr, u64 elr, u64 far);

extern const u8 system_manifest[], system_manifest_end[];

static void ns_putc(char c)
{
	uart_putc(PLAT_UART_NS_BASE, c);
}

static void __attribute__((noreturn)) power_off(void)
{
	struct ffa_value a = { { PSCI_SYSTEM_OFF } };

	ffa_smc(a);
	for (;;)
		__asm__ volatile("wfi");
}

/* Only a bug in the hypervisor itself gets here; nothing a guest does can. */
void hv_panic_exception(u64 esr, u64 elr, u64 far)
{
	log_printf("PANIC: exception in the hypervisor itself: ESR 0x%llx "
		   "ELR 0x%llx FAR 0x%llx\n",
		   (unsigned long long)esr, (unsigned long long)elr,
		   (unsigned long long)far);
	power_off();
}

void nwvisor_main(u64 dtb)
{
	unsigned i, off = 0, stopped = 0;

	log_init("[nwvisor] ", ns_putc);
	log_printf("normal-world hypervisor at NS-EL%llu\n",
		   (unsigned long long)(read_sysreg(CurrentEL) >> 2));
	guest_el2_init(false);
	if (nwv_mem_init())
		log_printf(
			"no RX/TX buffers with the SPMC: guests cannot share "
			"memory\n");
	vm_lifecycle_init();
	if (vm_create_all(system_manifest,
			  (size_t)(system_manifest_end - system_manifest),
			  (const void *)dtb)) {
		log_printf("no guest to run\n");
		power_off();
	}
	vm_run_all();
	for (i = 0; i < nwv_vm_count; i++) {
		off += nwv_vms[i].state == VM_OFF_DONE;
		stopped += nwv_vms[i].state == VM_STOPPED_DONE;
	}
	log_printf("every guest is done: %u powered off, %u stopped\n", off,
		   stopped);
	power_off();
}
