/* EL3 monitor: SMCCC/PSCI answers and the slow half of the world switch. */
#include "arch/aarch64/sysreg.h"
#include "lib/bootpkg.h"
#include "lib/ffa.h"
#include "lib/log.h"
#include "lib/smccc.h"
#include "lib/string.h"
#include "monitor/context.h"
#include "plat/qemu-virt/platform.h"
#include "plat/qemu-virt/power.h"
#include "plat/qemu-virt/uart.h"

struct monitor_cpu monitor_cpu0;

static u64 ns_entry, ns_dtb, spmc_base;

void monitor_init(const struct bootinfo *bi, struct el3_frame *f);
bool monitor_handle_exception(struct el3_frame *f);

#define SCR_SECURE (SCR_RES1 | SCR_HCE | SCR_RW | SCR_APK | SCR_API | SCR_EEL2)
#define SPSR_ENTRY (SPSR_EL2H | SPSR_DAIF)

static void secure_putc(char c)
{
	uart_putc(PLAT_UART_S_BASE, c);
}

/* The EL2 registers a hypervisor expects to find as at reset. */
static void el2_reset_view(void)
{
	write_sysreg(hcr_el2, 0);
	write_sysreg(sctlr_el2, SCTLR_EL2_RES1);
	write_sysreg(tcr_el2, 0);
	write_sysreg(ttbr0_el2, 0);
	write_sysreg(mair_el2, 0);
	write_sysreg(vbar_el2, 0);
	write_sysreg(sp_el2, 0);
}

void monitor_init(const struct bootinfo *bi, struct el3_frame *f)
{
	const struct bootinfo_image *spmc, *ns;

	log_init("[monitor] ", secure_putc);
	/* The boot code checked both exist before starting us. */
	spmc = bootinfo_find(bi, BOOTPKG_SPMC, NULL);
	ns = bootinfo_find(bi, BOOTPKG_NS_IMAGE, NULL);
	spmc_base = spmc->addr;
	ns_entry = ns->addr;
	ns_dtb = bi->ns_dtb;
	log_printf("EL3 monitor up; entering the SPMC at 0x%llx (S-EL2)\n",
		   (unsigned long long)spmc_base);

	memset(f, 0, sizeof(*f));
	f->x[0] = (u64)(uintptr_t)bi;
	write_sysreg(scr_el3, SCR_SECURE);
	write_sysreg(elr_el3, spmc_base);
	write_sysreg(spsr_el3, SPSR_ENTRY);
	el2_reset_view();
}

/*
 * The SPMC's first FFA_MSG_WAIT says it is ready. Its EL2 registers at this
 * point are the ones every later call enters with, through its call entry
 * (the second instruction of its image). Then the normal world starts.
 */
static void start_normal_world(struct el3_frame *f, bool secure_ok)
{
	struct world_ctx *s = &monitor_cpu0.s;

	if (secure_ok) {
		s->elr = spmc_base + 4;
		s->spsr = SPSR_ENTRY;
		s->scr = SCR_SECURE;
		s->sp_el2 = read_sysreg(sp_el2);
		s->hcr = read_sysreg(hcr_el2);
		s->sctlr = read_sysreg(sctlr_el2);
		s->tcr = read_sysreg(tcr_el2);
		s->ttbr0 = read_sysreg(ttbr0_el2);
		s->mair = read_sysreg(mair_el2);
		s->vbar = read_sysreg(vbar_el2);
	}
	monitor_cpu0.ns_started = 1;

	log_printf("entering the normal world at 0x%llx (NS-EL2), device tree "
		   "at 0x%llx\n",
		   (unsigned long long)ns_entry, (unsigned long long)ns_dtb);
	memset(f, 0, sizeof(*f));
	f->x[0] = ns_dtb;
	write_sysreg(scr_el3, SCR_SECURE | SCR_NS);
	write_sysreg(elr_el3, ns_entry);
	write_sysreg(spsr_el3, SPSR_ENTRY);
	el2_reset_view();
}

static u64 psci_features(u32 fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_FEATURES:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_CPU_ON_64:
	case SMCCC_VERSION:
		return PSCI_SUCCESS;
	default:
		return (u64)(s64)PSCI_NOT_SUPPORTED;
	}
}

static bool is_ffa(u32 fid)
{
	return (fid & 0xbfffff00u) == 0x84000000u && (fid & 0xff) >= 0x60;
}

/*
 * An FF-A call the fast path did not take: the SPMC's first call, or no
 * secure world to take it. Returns true when the world changed.
 */
static bool ffa_slow(struct el3_frame *f, bool from_ns)
{
	u32 fid = (u32)f->x[0];

	if (!from_ns && !monitor_cpu0.ns_started) {
		if (fid != FFA_MSG_WAIT)
			log_printf("the SPMC failed to start (0x%x, error "
				   "%lld): no secure services\n",
				   fid, (long long)(s32)f->x[2]);
		else
			log_printf("secure world ready\n");
		start_normal_world(f, fid == FFA_MSG_WAIT);
		return true;
	}
	memset(f->x, 0, 8 * sizeof(u64));
	f->x[0] = FFA_ERROR;
	f->x[2] = (u64)(u32)FFA_NOT_SUPPORTED;
	return false;
}

static bool handle_smc(struct el3_frame *f, bool from_ns)
{
	u32 fid = (u32)f->x[0];
	u64 ret;

	switch (fid) {
	case SMCCC_VERSION:
		ret = SMCCC_VERSION_1_2;
		break;
	case SMCCC_ARCH_FEATURES:
		ret = (u32)f->x[1] == SMCCC_VERSION ||
				      (u32)f->x[1] == SMCCC_ARCH_FEATURES
			      ? 0
			      : (u64)(s64)SMCCC_NOT_SUPPORTED;
		break;
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_1;
		break;
	case PSCI_FEATURES:
		ret = psci_features((u32)f->x[1]);
		break;
	case PSCI_AFFINITY_INFO_64:
		/* One core on this board, and it is on. */
		ret = (f->x[1] & 0xff00ffffffULL) == 0 && f->x[2] == 0
			      ? 0
			      : (u64)(s64)PSCI_INVALID_PARAMETERS;
		break;
	case PSCI_CPU_ON_64:
		ret = (f->x[1] & 0xff00ffffffULL) == 0
			      ? (u64)(s64)PSCI_ALREADY_ON
			      : (u64)(s64)PSCI_INVALID_PARAMETERS;
		break;
	case PSCI_SYSTEM_OFF:
		log_printf("PSCI SYSTEM_OFF from the %s world\n",
			   from_ns ? "normal" : "secure");
		plat_system_off();
	case PSCI_SYSTEM_RESET:
		log_printf("PSCI SYSTEM_RESET from the %s world\n",
			   from_ns ? "normal" : "secure");
		plat_system_reset();
	default:
		if (is_ffa(fid))
			return ffa_slow(f, from_ns);
		ret = (u64)(s64)SMCCC_NOT_SUPPORTED;
		break;
	}
	f->x[0] = ret;
	return false;
}

/*
 * Nothing but SMCs is meant to reach EL3. Anything else (a trapped register
 * or instruction) is reflected to the EL2 of the world that caused it as an
 * undefined-instruction exception, so a misbehaving world hurts only itself.
 */
static void reflect_to_el2(void)
{
	u64 spsr = read_sysreg(spsr_el3);
	u64 from_el = (spsr >> 2) & 3;
	u64 offset = from_el == 2 ? ((spsr & 1) ? 0x200 : 0x000) : 0x400;

	write_sysreg(elr_el2, read_sysreg(elr_el3));
	write_sysreg(spsr_el2, spsr);
	write_sysreg(esr_el2, (u64)EC_UNKNOWN << 26 | BIT(25));
	write_sysreg(elr_el3, read_sysreg(vbar_el2) + offset);
	write_sysreg(spsr_el3, SPSR_ENTRY);
}

static u64 traps;

/* Returns true when it switched worlds and f holds every register. */
bool monitor_handle_exception(struct el3_frame *f)
{
	u64 esr = read_sysreg(esr_el3);
	bool from_ns = read_sysreg(scr_el3) & SCR_NS;

	if (ESR_EC(esr) == EC_SMC64)
		return handle_smc(f, from_ns);
	/* a world that traps in a loop must not fill the secure log: the
	 * first few are said, then one in 4096 */
	if (traps < 4 || !(traps & 0xfff))
		log_printf("reflecting a trap from the %s world to its EL2: "
			   "ESR 0x%llx ELR 0x%llx (%llu so far)\n",
			   from_ns ? "normal" : "secure",
			   (unsigned long long)esr,
			   (unsigned long long)read_sysreg(elr_el3),
			   (unsigned long long)traps + 1);
	traps++;
	reflect_to_el2();
	return false;
}
