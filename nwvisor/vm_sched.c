/* Running the guests: time slices on the EL2 timer, their exits, their ends. */
#include "arch/aarch64/el2_timer.h"
#include "arch/aarch64/sysreg.h"
#include "lib/log.h"
#include "nwvisor/nwvisor.h"
#include "plat/qemu-virt/gic_cpu.h"
#include "plat/qemu-virt/platform.h"

/*
 * Guests' EL2 controls: stage 2 on, SMC trapped (their FF-A calls and
 * PSCI come to us), WFI trapped (a waiting guest gives the CPU up),
 * physical interrupts to us, FP/SIMD/SVE/SME trapped (not saved yet).
 */
#define HCR_GUEST                                                              \
	(HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_TSC | HCR_TWI | \
	 HCR_RW | HCR_APK | HCR_API)
#define CPTR_GUEST 0x37ffULL
#define CNTHCTL_GUEST 0x3ULL

#define EC_WFX 0x01
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_DABT_LOW 0x24
#define EC_IABT_LOW 0x20

/*
 * A guest runs for at most a slice of the 62.5 MHz counter, 1 ms (a
 * million instructions under -icount), then the next one does: a guest
 * that loops, or whose call keeps a TEE busy, cannot hold the CPU.
 */
#define SLICE_TICKS 62500ULL

/* The guest whose EL1 registers are in the CPU: switching costs a save */
static struct vm *loaded;

static void load(struct vm *vm)
{
	if (loaded == vm)
		return;
	if (loaded)
		el1_context_save(&loaded->vcpu.el1);
	el1_context_load(&vm->vcpu.el1);
	write_sysreg(vttbr_el2, vm->s2.root_pa | (u64)vm->id << 48);
	isb();
	loaded = vm;
}

/* Takes what is pending: true if it was the end of the slice. */
static bool take_interrupts(void)
{
	bool slice_over = false;
	u32 intid;

	while ((intid = gic_ack()) < GIC_INTID_SPURIOUS) {
		if (intid == PLAT_INTID_EL2_TIMER) {
			el2_timer_stop();
			slice_over = true;
		} else {
			log_printf("interrupt %u: not ours, ignored\n", intid);
		}
		gic_eoi(intid);
	}
	return slice_over;
}

static void vm_stop(struct vm *vm, const char *why, u64 esr)
{
	vm->state = VM_STOPPED;
	log_printf("VM %u '%s' stopped: %s (ESR 0x%llx, PC 0x%llx, FAR "
		   "0x%llx)\n",
		   vm->id, vm->name, why, (unsigned long long)esr,
		   (unsigned long long)vm->vcpu.pc,
		   (unsigned long long)read_sysreg(far_el2));
}

/* Runs vm until its next exit and deals with it: false ends its slice. */
static bool vm_step(struct vm *vm)
{
	u64 exit, esr;

	load(vm);
	exit = vcpu_run(&vm->vcpu);
	esr = guest_exit_esr();
	if (exit == VCPU_EXIT_IRQ || exit == VCPU_EXIT_FIQ)
		return !take_interrupts();
	if (exit != VCPU_EXIT_SYNC) {
		vm_stop(vm, "SError", esr);
		return false;
	}
	switch (esr >> 26) {
	case EC_SMC64:
		vm->vcpu.pc += 4; /* a trapped SMC returns to itself */
		vm_handle_call(vm);
		break;
	case EC_HVC64:
		vm_handle_call(vm);
		break;
	case EC_WFX:
		vm->vcpu.pc += 4;
		return false; /* it waits: the others may run */
	case EC_DABT_LOW:
	case EC_IABT_LOW:
		vm_stop(vm, "stage-2 abort outside its memory", esr);
		return false;
	default:
		vm_stop(vm, "trapped instruction", esr);
		return false;
	}
	/* a call left in a preempted partition waits for its next turn */
	return vm->state == VM_RUNNING && !(vm->preempted && take_interrupts());
}

/*
 * One slice of vm: its own code, or the TEE call it is waiting for. Its
 * virtual counter runs only in its slices (CNTVOFF_EL2 moves on by the
 * time it was away), so what a guest measures with it is its own time,
 * TEE calls included; CNTPCT stays the wall clock.
 */
static void run_slice(struct vm *vm)
{
	u64 start = el2_timer_now();

	write_sysreg(cntvoff_el2, start - vm->vtime);
	el2_timer_arm(start + SLICE_TICKS);
	for (;;) {
		if (vm->preempted) {
			vm_resume_call(vm);
			if (vm->preempted) {
				take_interrupts();
				break;
			}
			continue;
		}
		if (!vm_step(vm))
			break;
	}
	el2_timer_stop();
	vm->vtime += el2_timer_now() - start;
	vm->ticks += el2_timer_now() - start;
}

/* What becomes of a guest that is done: its end told, or a new boot. */
static void vm_end(struct vm *vm)
{
	const char *why;

	if (vm->state == VM_RUNNING)
		return;
	if (loaded == vm)
		loaded = NULL; /* its registers are of no one now */
	vm_destroy(vm);
	if (vm->state != VM_RESET) {
		vm->state = vm->state == VM_OFF ? VM_OFF_DONE : VM_STOPPED_DONE;
		return;
	}
	why = vm_boot(vm);
	if (why) {
		log_printf("VM %u '%s' cannot boot again: %s\n", vm->id,
			   vm->name, why);
		vm->state = VM_STOPPED_DONE;
		return;
	}
	log_printf("VM %u '%s' restarted (boot %u) at tick %llu\n", vm->id,
		   vm->name, vm->boots, (unsigned long long)el2_timer_now());
}

/*
 * Each guest in turn, a slice each, until none is running; a guest that
 * powers off, is stopped, or resets is destroyed (its TEEs told) and, if
 * it reset, booted again while the others go on.
 */
void vm_run_all(void)
{
	unsigned i, next = 0;
	bool any = true;

	guest_el2_setup(HCR_GUEST, CPTR_GUEST, CNTHCTL_GUEST);
	gic_ppi_enable(PLAT_INTID_EL2_TIMER, 0x80);
	gic_cpu_open();
	while (any) {
		any = false;
		for (i = 0; i < nwv_vm_count; i++) {
			struct vm *vm = &nwv_vms[(next + i) % nwv_vm_count];

			if (vm->state != VM_RUNNING)
				continue;
			run_slice(vm);
			vm_end(vm);
			next = (unsigned)(vm - nwv_vms) + 1;
			any = true;
			break;
		}
	}
	gic_ppi_disable(PLAT_INTID_EL2_TIMER);
	for (i = 0; i < nwv_vm_count; i++)
		log_printf("VM %u '%s' ran %llu ticks of the counter in %u "
			   "boot(s)\n",
			   nwv_vms[i].id, nwv_vms[i].name,
			   (unsigned long long)nwv_vms[i].ticks,
			   nwv_vms[i].boots);
}
