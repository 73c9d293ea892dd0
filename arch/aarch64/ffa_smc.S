/* An FF-A call by SMC, w/x0-7 in and out, for any caller EL. */
/* struct ffa_value ffa_smc(struct ffa_value a): x0 = &a, x8 = &result */
	.text
	.global	ffa_smc
ffa_smc:
	mov	x9, x8
	ldp	x6, x7, [x0, #48]
	ldp	x4, x5, [x0, #32]
	ldp	x2, x3, [x0, #16]
	ldp	x0, x1, [x0, #0]
	str	x9, [sp, #-16]!
	smc	#0
	ldr	x9, [sp], #16
	stp	x0, x1, [x9, #0]
	stp	x2, x3, [x9, #16]
	stp	x4, x5, [x9, #32]
	stp	x6, x7, [x9, #48]
	ret
