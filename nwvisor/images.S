/* What the hypervisor carries: the system manifest and the guest kernel. */
	.section .rodata
	.balign	8
	.global	system_manifest, system_manifest_end
system_manifest:
	.incbin	SYSTEM_DTB
system_manifest_end:
	.balign	4096
	.global	guest_image, guest_image_end
guest_image:
	.incbin	GUEST_BIN
guest_image_end:
