/* Entering a guest vCPU and coming back to the hypervisor when it traps. */
#define V_X(n) (8 * (n))
#define V_PC (8 * 31)
#define V_PSTATE (8 * 32)

	.text
	.global	vcpu_run
/* u64 vcpu_run(struct vcpu *v) */
vcpu_run:
	/*
	 * The hypervisor's callee-saved state stays on its own stack, with
	 * x18: our images never touch it, so it still holds the caller's
	 * value that SMCCC says must come back unchanged.
	 */
	stp	x29, x30, [sp, #-112]!
	str	x18, [sp, #96]
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	adrp	x1, hv_current_vcpu
	str	x0, [x1, :lo12:hv_current_vcpu]

	ldp	x1, x2, [x0, #V_PC]
	msr	elr_el2, x1
	msr	spsr_el2, x2
	ldp	x2, x3, [x0, #V_X(2)]
	ldp	x4, x5, [x0, #V_X(4)]
	ldp	x6, x7, [x0, #V_X(6)]
	ldp	x8, x9, [x0, #V_X(8)]
	ldp	x10, x11, [x0, #V_X(10)]
	ldp	x12, x13, [x0, #V_X(12)]
	ldp	x14, x15, [x0, #V_X(14)]
	ldp	x16, x17, [x0, #V_X(16)]
	ldp	x18, x19, [x0, #V_X(18)]
	ldp	x20, x21, [x0, #V_X(20)]
	ldp	x22, x23, [x0, #V_X(22)]
	ldp	x24, x25, [x0, #V_X(24)]
	ldp	x26, x27, [x0, #V_X(26)]
	ldp	x28, x29, [x0, #V_X(28)]
	ldr	x30, [x0, #V_X(30)]
	ldp	x0, x1, [x0, #V_X(0)]
	eret

/* Common exit: x0/x1 are on the stack, x1 = exit reason. */
vcpu_exit:
	adrp	x0, hv_current_vcpu
	ldr	x0, [x0, :lo12:hv_current_vcpu]
	stp	x2, x3, [x0, #V_X(2)]
	stp	x4, x5, [x0, #V_X(4)]
	stp	x6, x7, [x0, #V_X(6)]
	stp	x8, x9, [x0, #V_X(8)]
	stp	x10, x11, [x0, #V_X(10)]
	stp	x12, x13, [x0, #V_X(12)]
	stp	x14, x15, [x0, #V_X(14)]
	stp	x16, x17, [x0, #V_X(16)]
	stp	x18, x19, [x0, #V_X(18)]
	stp	x20, x21, [x0, #V_X(20)]
	stp	x22, x23, [x0, #V_X(22)]
	stp	x24, x25, [x0, #V_X(24)]
	stp	x26, x27, [x0, #V_X(26)]
	stp	x28, x29, [x0, #V_X(28)]
	str	x30, [x0, #V_X(30)]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0, #V_X(0)]
	mrs	x2, elr_el2
	mrs	x3, spsr_el2
	stp	x2, x3, [x0, #V_PC]
	mov	x0, x1
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldr	x18, [sp, #96]
	ldp	x29, x30, [sp], #112
	ret

	.macro	guest_exit reason
	.balign	0x80
	stp	x0, x1, [sp, #-16]!
	mov	x1, #\reason
	b	vcpu_exit
	.endm

	.macro	hv_fault
	.balign	0x80
	b	hv_self_fault
	.endm

/* The hypervisor faulting itself is a bug in it: report and stop. */
hv_self_fault:
	mrs	x0, esr_el2
	mrs	x1, elr_el2
	mrs	x2, far_el2
	b	hv_panic_exception

	.balign	0x800
	.global	hv_vectors
hv_vectors:
	hv_fault		/* current EL, SP_EL0 */
	hv_fault
	hv_fault
	hv_fault
	hv_fault		/* current EL, SP_ELx */
	hv_fault
	hv_fault
	hv_fault
	guest_exit 0		/* lower EL, AArch64 */
	guest_exit 1
	guest_exit 2
	guest_exit 3
	guest_exit 0		/* lower EL, AArch32: refused as a fault */
	guest_exit 1
	guest_exit 2
	guest_exit 3

	.bss
	.balign	8
	.global	hv_current_vcpu
hv_current_vcpu:
	.quad	0
