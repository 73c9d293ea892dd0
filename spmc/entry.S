/* SPMC entry points: cold boot, and the call entry every FF-A call uses. */
	.section .text.entry, "ax"
	.global	_start
_start:
	b	cold_boot	/* +0: first entry, x0 = boot info */
	b	call_entry	/* +4: an FF-A call from the normal world */

cold_boot:
	ldr	x1, =__stack_top
	mov	sp, x1
	mov	x19, x0
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	mov	x0, x19
	bl	spmc_main
	/*
	 * Ready: the stack pointer and EL2 registers at this SMC are what the
	 * monitor enters call_entry with from now on.
	 */
	ldr	x1, =__stack_top
	mov	sp, x1
	ldr	x0, =0x8400006b		/* FFA_MSG_WAIT */
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	mov	x4, xzr
	mov	x5, xzr
	mov	x6, xzr
	mov	x7, xzr
	smc	#0
	b	.

/*
 * x0-x7 hold the call. The normal world's x18-x30 and SP_EL2 are kept by
 * the C calling convention and the monitor, x8-x17 here; the answer goes
 * back in x0-x7 by SMC, which the monitor passes to the normal world.
 */
call_entry:
	sub	sp, sp, #160
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	str	x30, [sp, #144]
	mov	x0, sp
	bl	spmc_handle_ns_call
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldr	x30, [sp, #144]
	add	sp, sp, #160
	smc	#0
	b	.
