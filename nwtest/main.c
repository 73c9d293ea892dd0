/* Normal-world test program: the checks, the exit, and scenario choice. */
#include "arch/aarch64/semihosting.h"
#include "arch/aarch64/sysreg.h"
#include "lib/smccc.h"
#include "nwtest/nwtest.h"
#include "plat/qemu-virt/platform.h"
#include "plat/qemu-virt/uart.h"

void nwtest_main(u64 dtb);
void nw_exception(u64 esr);

unsigned nw_passed, nw_failed;
volatile u64 nw_last_esr;
u8 nw_tx[4096] __attribute__((aligned(4096)));
u8 nw_rx[4096] __attribute__((aligned(4096)));
const void *nw_dtb;

static void ns_putc(char c)
{
	uart_putc(PLAT_UART_NS_BASE, c);
}

/* An abort we provoked on purpose: note it and step over the access. */
void nw_exception(u64 esr)
{
	nw_last_esr = esr;
	write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

void nw_check(bool ok, const char *what, u64 got, u64 want)
{
	if (ok) {
		nw_passed++;
		log_printf("ok - %s\n", what);
		return;
	}
	nw_failed++;
	log_printf("FAIL - %s: got 0x%llx, want 0x%llx\n", what,
		   (unsigned long long)got, (unsigned long long)want);
}

struct ffa_value nw_call(u64 x0, u64 x1, u64 x2, u64 x3, u64 x4, u64 x5)
{
	struct ffa_value a = { { x0, x1, x2, x3, x4, x5 } };

	return ffa_smc(a);
}

struct ffa_value nw_tos(u16 sp, u32 cmd, u64 a4, u64 a5, u64 a6)
{
	return ffa_smc(ffa_value8(FFA_MSG_SEND_DIRECT_REQ_64, sp, 0, cmd, a4,
				  a5, a6, 0));
}

void check_error(struct ffa_value r, s32 code, const char *what)
{
	nw_check(r.x[0] == FFA_ERROR && (s32)r.x[2] == code, what,
		 r.x[0] == FFA_ERROR ? (u64)(s64)(s32)r.x[2] : r.x[0],
		 (u64)(s64)code);
}

void check_success(struct ffa_value r, const char *what)
{
	nw_check(r.x[0] == FFA_SUCCESS_32 || r.x[0] == FFA_SUCCESS_64, what,
		 r.x[0] == FFA_ERROR ? (u64)(s64)(s32)r.x[2] : r.x[0],
		 FFA_SUCCESS_32);
}

static void __attribute__((noreturn)) finish(void)
{
	log_printf("%u passed, %u failed\n", nw_passed, nw_failed);
	if (nw_failed)
		semihosting_exit(1);
	nw_call(PSCI_SYSTEM_OFF, 0, 0, 0, 0, 0);
	semihosting_exit(2); /* SYSTEM_OFF must not return */
}

void nwtest_main(u64 dtb)
{
	log_init("[nwtest] ", ns_putc);
	nw_dtb = (const void *)dtb;
	log_printf("normal world at NS-EL%llu, device tree at 0x%llx\n",
		   (unsigned long long)(read_sysreg(CurrentEL) >> 2),
		   (unsigned long long)dtb);
#if defined(NW_SCENARIO_DEMO)
	scenario_demo();
#elif defined(NW_SCENARIO_BENCH)
	scenario_bench();
#elif defined(NW_SCENARIO_ISOLATION)
	scenario_isolation(NW_SCENARIO_ISOLATION);
#else
	scenario_ffa(dtb);
#endif
	finish();
}
