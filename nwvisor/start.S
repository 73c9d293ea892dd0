/* Normal-world hypervisor entry at NS-EL2 (Linux boot protocol: x0 = DTB). */
	.section .text.entry, "ax"
	.global	_start
_start:
	mov	x19, x0
	ldr	x1, =__stack_top
	mov	sp, x1
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	mov	x0, x19
	bl	nwvisor_main
	b	.
