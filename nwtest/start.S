/* Normal-world test program entry at NS-EL2 (Linux boot protocol: x0 = DTB). */
	.section .text.entry, "ax"
	.global	_start
_start:
	mov	x19, x0
	adr	x1, nw_vectors
	msr	vbar_el2, x1
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
	bl	nwtest_main
	b	.

/* Synchronous exceptions at EL2 go to C, which may skip the instruction. */
	.macro	to_c
	.balign	0x80
	sub	sp, sp, #32
	stp	x0, x30, [sp]
	mrs	x0, esr_el2
	bl	nw_exception
	ldp	x0, x30, [sp]
	add	sp, sp, #32
	eret
	.endm

	.balign	0x800
nw_vectors:
	.rept	16
	to_c
	.endr
