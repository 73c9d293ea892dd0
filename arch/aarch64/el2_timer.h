/* The EL2 physical timer: a deadline on the system counter, and its stop. */
#ifndef ARCH_EL2_TIMER_H
#define ARCH_EL2_TIMER_H

#include "arch/aarch64/sysreg.h"

static inline u64 el2_timer_now(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

/* Fires (its PPI pending) once the counter reaches deadline */
static inline void el2_timer_arm(u64 deadline)
{
	write_sysreg(cnthp_cval_el2, deadline);
	write_sysreg(cnthp_ctl_el2, 1); /* on, not masked */
	isb();
}

static inline void el2_timer_stop(void)
{
	write_sysreg(cnthp_ctl_el2, 0);
	isb();
}

#endif
