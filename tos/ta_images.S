/* The TA images built into a trusted OS (the key store carries one). */
	.section .rodata.ta, "a"
#ifndef TOS_KEYSTORE
	.balign	4096
	.global	ta_hello_start, ta_hello_end
ta_hello_start:
	.incbin	TA_HELLO_BIN
ta_hello_end:
#endif

	.balign	4096
	.global	ta_keystore_start, ta_keystore_end
ta_keystore_start:
	.incbin	TA_KEYSTORE_BIN
ta_keystore_end:

#ifndef TOS_KEYSTORE
	.balign	4096
	.global	ta_counter_start, ta_counter_end
ta_counter_start:
	.incbin	TA_COUNTER_BIN
ta_counter_end:
#endif
