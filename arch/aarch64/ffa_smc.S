/* An FF-A call by SMC, x0-x17 in and out (SMCCC 1.2), for any caller EL. */
/* struct ffa_value ffa_smc(struct ffa_value a): x0 = &a, x8 = &result */
	.text
	.global	ffa_smc
ffa_smc:
	sub	sp, sp, #16
	str	x8, [sp]
	ldp	x16, x17, [x0, #128]
	ldp	x14, x15, [x0, #112]
	ldp	x12, x13, [x0, #96]
	ldp	x10, x11, [x0, #80]
	ldp	x8, x9, [x0, #64]
	ldp	x6, x7, [x0, #48]
	ldp	x4, x5, [x0, #32]
	ldp	x2, x3, [x0, #16]
	ldp	x0, x1, [x0, #0]
	smc	#0
	str	x0, [sp, #8]
	ldr	x0, [sp]
	str	x1, [x0, #8]
	stp	x2, x3, [x0, #16]
	stp	x4, x5, [x0, #32]
	stp	x6, x7, [x0, #48]
	stp	x8, x9, [x0, #64]
	stp	x10, x11, [x0, #80]
	stp	x12, x13, [x0, #96]
	stp	x14, x15, [x0, #112]
	stp	x16, x17, [x0, #128]
	ldr	x1, [sp, #8]
	str	x1, [x0]
	add	sp, sp, #16
	ret
