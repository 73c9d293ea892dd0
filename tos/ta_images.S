/* The TA images built into the general trusted OS. */
	.section .rodata.ta, "a"
	.balign	4096
	.global	ta_hello_start, ta_hello_end
ta_hello_start:
	.incbin	TA_HELLO_BIN
ta_hello_end:
