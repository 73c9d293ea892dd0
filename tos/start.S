/* Trusted OS entry at S-EL1: vectors, stack, and into C. */
	.section .text.entry, "ax"
	.global	_start
_start:
	adr	x0, tos_vectors
	msr	vbar_el1, x0
	isb
	ldr	x0, =__stack_top
	mov	sp, x0
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	bl	tos_main
	b	.

/* Every exception the trusted OS takes is fatal for it. */
	.macro	fatal
	.balign	0x80
	mrs	x0, esr_el1
	mrs	x1, elr_el1
	mrs	x2, far_el1
	b	tos_exception
	.endm

	.balign	0x800
tos_vectors:
	.rept	16
	fatal
	.endr
