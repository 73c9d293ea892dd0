/* Entering a TA at S-EL0 and coming back when it traps. */
#define R_PC (8 * 31)
#define R_SP (8 * 32)
/* S-EL0, AArch64, interrupts masked: none is routed to TAs */
#define SPSR_EL0T_MASKED 0x3c0

	.bss
	.balign	16
/* the trusted OS's own registers while a TA runs, and the TA's regs */
ta_kernel:
	.skip	8 * 14

	.text
	.global	ta_enter
/* u64 ta_enter(struct ta_regs *r): runs the TA; returns why it stopped */
ta_enter:
	adrp	x9, ta_kernel
	add	x9, x9, :lo12:ta_kernel
	stp	x19, x20, [x9, #0]
	stp	x21, x22, [x9, #16]
	stp	x23, x24, [x9, #32]
	stp	x25, x26, [x9, #48]
	stp	x27, x28, [x9, #64]
	stp	x29, x30, [x9, #80]
	mov	x10, sp
	stp	x10, x0, [x9, #96]
	ldr	x10, [x0, #R_PC]
	msr	elr_el1, x10
	ldr	x10, [x0, #R_SP]
	msr	sp_el0, x10
	mov	x10, #SPSR_EL0T_MASKED
	msr	spsr_el1, x10
	ldp	x2, x3, [x0, #16]
	ldp	x4, x5, [x0, #32]
	ldp	x6, x7, [x0, #48]
	ldp	x8, x9, [x0, #64]
	ldp	x10, x11, [x0, #80]
	ldp	x12, x13, [x0, #96]
	ldp	x14, x15, [x0, #112]
	ldp	x16, x17, [x0, #128]
	ldp	x18, x19, [x0, #144]
	ldp	x20, x21, [x0, #160]
	ldp	x22, x23, [x0, #176]
	ldp	x24, x25, [x0, #192]
	ldp	x26, x27, [x0, #208]
	ldp	x28, x29, [x0, #224]
	ldr	x30, [x0, #240]
	ldp	x0, x1, [x0, #0]
	eret

/* From the vectors: the TA's x0/x1 on the stack, x1 = why. */
	.global	ta_exit
ta_exit:
	adrp	x0, ta_kernel
	add	x0, x0, :lo12:ta_kernel
	ldr	x0, [x0, #104]
	stp	x2, x3, [x0, #16]
	stp	x4, x5, [x0, #32]
	stp	x6, x7, [x0, #48]
	stp	x8, x9, [x0, #64]
	stp	x10, x11, [x0, #80]
	stp	x12, x13, [x0, #96]
	stp	x14, x15, [x0, #112]
	stp	x16, x17, [x0, #128]
	stp	x18, x19, [x0, #144]
	stp	x20, x21, [x0, #160]
	stp	x22, x23, [x0, #176]
	stp	x24, x25, [x0, #192]
	stp	x26, x27, [x0, #208]
	stp	x28, x29, [x0, #224]
	str	x30, [x0, #240]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0, #0]
	mrs	x2, elr_el1
	mrs	x3, sp_el0
	stp	x2, x3, [x0, #R_PC]
	mov	x0, x1
	adrp	x9, ta_kernel
	add	x9, x9, :lo12:ta_kernel
	ldp	x19, x20, [x9, #0]
	ldp	x21, x22, [x9, #16]
	ldp	x23, x24, [x9, #32]
	ldp	x25, x26, [x9, #48]
	ldp	x27, x28, [x9, #64]
	ldp	x29, x30, [x9, #80]
	ldr	x10, [x9, #96]
	mov	sp, x10
	ret
