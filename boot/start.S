/* Boot code entry at the reset vector in secure flash (EL3, MMU off). */
	.section .text.entry, "ax"
	.global _start
_start:
	/* Only the primary core boots; secondaries wait for PSCI CPU_ON. */
	mrs	x0, mpidr_el1
	and	x0, x0, #0xffffff
	cbnz	x0, park

	adr	x0, boot_vectors
	msr	vbar_el3, x0
	/* RES1 bits, I-cache on, MMU and alignment checks off */
	ldr	x0, =0x30c51830
	msr	sctlr_el3, x0
	isb

	ldr	x0, =__stack_top
	mov	sp, x0
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	bl	boot_main
park:
	wfe
	b	park

/* Any exception during boot is fatal: report it and stop. */
	.macro	vector_entry
	.balign	0x80
	mrs	x0, esr_el3
	mrs	x1, elr_el3
	mrs	x2, far_el3
	b	boot_exception
	.endm

	.balign	0x800
boot_vectors:
	.rept	16
	vector_entry
	.endr
