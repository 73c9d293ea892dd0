/* Trusted OS entry at S-EL1: vectors, stack, and into C. */
	.section .text.entry, "ax"
	.global	_start
_start:
	mov	x19, x0			/* FF-A boot information, if any */
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
2:	mov	x0, x19
	bl	tos_main
	b	.

/* An exception the trusted OS itself takes is fatal for it. */
	.macro	fatal
	.balign	0x80
	mrs	x0, esr_el1
	mrs	x1, elr_el1
	mrs	x2, far_el1
	b	tos_exception
	.endm

/* One from a TA at S-EL0 ends its run (tos/ta_entry.S). */
	.macro	from_ta reason
	.balign	0x80
	stp	x0, x1, [sp, #-16]!
	mov	x1, #\reason
	b	ta_exit
	.endm

	.balign	0x800
tos_vectors:
	.rept	8		/* current EL */
	fatal
	.endr
	from_ta	0		/* lower EL, AArch64: synchronous */
	from_ta	1		/* IRQ */
	from_ta	2		/* FIQ */
	from_ta	3		/* SError */
	.rept	4		/* lower EL, AArch32: never runs */
	fatal
	.endr
