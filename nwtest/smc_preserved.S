/* Checks that an SMC gives back x18-x30 and SP as SMCCC v1.2 requires. */
/*
 * u64 smc_preserved_mask(const u64 args[8]): makes the call in args with
 * x18-x29 holding known patterns and returns a mask with bit n set for
 * every register xn (18..30) that came back changed, bit 31 for SP.
 */
	.text
	.global	smc_preserved_mask
smc_preserved_mask:
	stp	x29, x30, [sp, #-112]!
	stp	x18, x19, [sp, #16]
	stp	x20, x21, [sp, #32]
	stp	x22, x23, [sp, #48]
	stp	x24, x25, [sp, #64]
	stp	x26, x27, [sp, #80]
	str	x28, [sp, #96]
	mov	x8, x0
	mov	x9, sp
	ldp	x0, x1, [x8, #0]
	ldp	x2, x3, [x8, #16]
	ldp	x4, x5, [x8, #32]
	ldp	x6, x7, [x8, #48]
	/* xn = 0x5a5a0000_0000_00nn */
	.irp	n, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
	movz	x\n, #0x5a5a, lsl #48
	movk	x\n, #\n
	.endr
	smc	#0
	mov	x0, #0
	.irp	n, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
	movz	x1, #0x5a5a, lsl #48
	movk	x1, #\n
	cmp	x\n, x1
	cset	x2, ne
	orr	x0, x0, x2, lsl #\n
	.endr
	mov	x1, sp
	cmp	x1, x9
	cset	x2, ne
	orr	x0, x0, x2, lsl #31
	mov	sp, x9
	ldp	x18, x19, [sp, #16]
	ldp	x20, x21, [sp, #32]
	ldp	x22, x23, [sp, #48]
	ldp	x24, x25, [sp, #64]
	ldp	x26, x27, [sp, #80]
	ldr	x28, [sp, #96]
	ldp	x29, x30, [sp], #112
	ret
