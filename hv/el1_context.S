/* Saving and loading a guest's EL1 system registers, two at a time. */

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
