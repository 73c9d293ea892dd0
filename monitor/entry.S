/* EL3 vectors and the world switch: the only code that changes worlds. */
#include "monitor/context.h"

	.section .text.entry, "ax"
	.global _start
/* Entered from the boot code at EL3 with x0 = boot info. */
_start:
	adr	x1, el3_vectors
	msr	vbar_el3, x1
	ldr	x1, =__stack_top
	mov	sp, x1
	mov	x19, x0
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	ldr	x0, =monitor_cpu0
	msr	tpidr_el3, x0
	sub	sp, sp, #FRAME_SIZE
	mov	x0, x19
	mov	x1, sp
	bl	monitor_init
	b	frame_restore_eret

/*
 * Fast path. From the normal world: an FF-A call (SMC32/64 function
 * 0x60-0xff of owning entity 4) goes to the SPMC. From the SPMC: anything
 * but an SMCCC architecture or standard-service (PSCI) call is its answer
 * to the normal world (FFA_VERSION answers with a bare version number).
 * x0-x17 pass untouched; x14-x17 are borrowed and given back before ERET.
 * The frame is the slow path's, so giving up costs nothing extra.
 */
	.macro	to_slow
	.balign	0x80
	b	slow_entry
	.endm

	.balign	0x800
el3_vectors:
	.rept	8		/* current EL: never expected */
	to_slow
	.endr

	.balign	0x80		/* lower EL, AArch64: synchronous */
	sub	sp, sp, #FRAME_SIZE
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	mrs	x16, esr_el3
	lsr	w16, w16, #26
	cmp	w16, #0x17		/* SMC from AArch64 */
	b.ne	slow_rest
	mrs	x17, tpidr_el3
	ubfx	x15, x0, #8, #24	/* w0[31:8] */
	orr	w15, w15, #0x400000	/* SMC32 and SMC64 alike */
	mov	w14, #0xc40000		/* standard secure service, fast */
	mrs	x16, scr_el3
	tbz	x16, #0, from_secure

	/* normal world → SPMC, for FF-A only */
	cmp	w15, w14
	b.ne	slow_rest
	and	w15, w0, #0xff
	cmp	w15, #0x60
	b.lo	slow_rest
	ldr	x15, [x17, #CPU_S + WORLD_ELR]
	cbz	x15, slow_rest		/* no secure world to take it */
	mrs	x14, elr_el3
	mrs	x15, spsr_el3
	stp	x14, x15, [x17, #CPU_NS + WORLD_ELR]
	mrs	x15, sp_el2
	stp	x16, x15, [x17, #CPU_NS + WORLD_SCR]
	mrs	x14, hcr_el2
	mrs	x15, sctlr_el2
	stp	x14, x15, [x17, #CPU_NS + WORLD_HCR]
	mrs	x14, tcr_el2
	mrs	x15, ttbr0_el2
	stp	x14, x15, [x17, #CPU_NS + WORLD_TCR]
	mrs	x14, mair_el2
	mrs	x15, vbar_el2
	stp	x14, x15, [x17, #CPU_NS + WORLD_MAIR]
	add	x17, x17, #CPU_S
	b	load_world

from_secure:
	/* SPMC → normal world; its own EL2 view is constant, not saved */
	ldr	x16, [x17, #CPU_NS_STARTED]
	cbz	x16, slow_rest
	lsr	w16, w0, #16
	cmp	w16, #0x8000		/* SMCCC architecture calls */
	b.eq	slow_rest
	cmp	w15, w14
	b.ne	load_world
	and	w15, w0, #0xff
	cmp	w15, #0x60		/* PSCI and the rest below FF-A */
	b.lo	slow_rest
load_world:			/* x17 = world to enter */
	ldp	x14, x15, [x17, #WORLD_ELR]
	msr	elr_el3, x14
	msr	spsr_el3, x15
	ldp	x14, x15, [x17, #WORLD_SCR]
	msr	scr_el3, x14
	msr	sp_el2, x15
	ldp	x14, x15, [x17, #WORLD_HCR]
	msr	hcr_el2, x14
	msr	sctlr_el2, x15
	ldp	x14, x15, [x17, #WORLD_TCR]
	msr	tcr_el2, x14
	msr	ttbr0_el2, x15
	ldp	x14, x15, [x17, #WORLD_MAIR]
	msr	mair_el2, x14
	msr	vbar_el2, x15
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	add	sp, sp, #FRAME_SIZE
	eret

	.balign	0x80		/* lower EL, AArch64: IRQ, FIQ, SError */
	b	slow_entry
	.balign	0x80
	b	slow_entry
	.balign	0x80
	b	slow_entry
	.rept	4		/* lower EL, AArch32: not supported */
	to_slow
	.endr

/*
 * Slow path: every other SMC and anything unexpected, handled in C. Only
 * what C may clobber is saved (x0-x17, x30; x18 is reserved in our images
 * and x19-x29 are callee-saved). When the C handler changed worlds it
 * returns true and every register comes from the frame it filled.
 */
slow_entry:
	sub	sp, sp, #FRAME_SIZE
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
slow_rest:
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	str	x30, [sp, #240]
	mov	x0, sp
	bl	monitor_handle_exception
	cbz	w0, restore_clobbered
	/* fall through: the world changed and the frame holds all of it */

/* Enters a world with every general register taken from the frame. */
frame_restore_eret:
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
/* What C may have clobbered (x0-x17, x30), back from the frame. */
restore_clobbered:
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldr	x30, [sp, #240]
	add	sp, sp, #FRAME_SIZE
	eret
