/* Guest kernel entry at NS-EL1 (Linux boot protocol: x0 = device tree; x1, zero
 * there, is the boot count our hypervisor gives). */
	.section .text.entry, "ax"
	.global	_start
_start:
	mov	x19, x0
	mov	x20, x1			/* which boot: our hypervisor says */
	adr	x1, guest_vectors
	msr	vbar_el1, x1
	isb
	ldr	x1, =__stack_top
	mov	sp, x1
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	mov	x0, x19
	mov	x1, x20
	bl	guest_main
	b	.

/* Any exception at EL1 is a bug in the guest: say so and stop it. */
	.macro	stop
	.balign	0x80
	mrs	x0, esr_el1
	mrs	x1, elr_el1
	b	guest_exception
	.endm

	.balign	0x800
guest_vectors:
	.rept	16
	stop
	.endr
