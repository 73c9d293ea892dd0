/* Saving and loading EL1 (guest) and EL2 (host) system registers, in pairs. */

	.macro	pair op, a, b, off
	.ifc	\op, save
	mrs	x2, \a
	mrs	x3, \b
	stp	x2, x3, [x0, #\off]
	.else
	ldp	x2, x3, [x0, #\off]
	msr	\a, x2
	msr	\b, x3
	.endif
	.endm

	.macro	all op
	pair	\op, sctlr_el1, cpacr_el1, 0
	pair	\op, ttbr0_el1, ttbr1_el1, 16
	pair	\op, tcr_el1, mair_el1, 32
	pair	\op, amair_el1, vbar_el1, 48
	pair	\op, contextidr_el1, tpidr_el0, 64
	pair	\op, tpidrro_el0, tpidr_el1, 80
	pair	\op, sp_el0, sp_el1, 96
	pair	\op, elr_el1, spsr_el1, 112
	pair	\op, esr_el1, far_el1, 128
	pair	\op, par_el1, afsr0_el1, 144
	pair	\op, afsr1_el1, cntkctl_el1, 160
	pair	\op, cntv_ctl_el0, cntv_cval_el0, 176
	pair	\op, cntp_ctl_el0, cntp_cval_el0, 192
	pair	\op, mdscr_el1, csselr_el1, 208
	.endm

	.text
	.global	el1_context_save
el1_context_save:
	all	save
	ret

	.global	el1_context_load
el1_context_load:
	all	load
	ret

/*
 * EL2 registers that running a guest overwrites and the host (for the
 * SPMC: the normal world) may still need: stage-2 and trap controls, and
 * the syndrome of the host's own last exception.
 */
	.macro	el2_all op
	pair	\op, vttbr_el2, vtcr_el2, 0
	pair	\op, cptr_el2, cnthctl_el2, 16
	pair	\op, elr_el2, spsr_el2, 32
	pair	\op, esr_el2, far_el2, 48
	.ifc	\op, save
	mrs	x2, hpfar_el2
	str	x2, [x0, #64]
	.else
	ldr	x2, [x0, #64]
	msr	hpfar_el2, x2
	.endif
	.endm

	.global	el2_host_save
el2_host_save:
	el2_all	save
	ret

	.global	el2_host_restore
el2_host_restore:
	el2_all	load
	ret
