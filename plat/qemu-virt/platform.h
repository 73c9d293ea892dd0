/* QEMU virt memory map and where each Tessera image lives in it. */
#ifndef PLAT_PLATFORM_H
#define PLAT_PLATFORM_H

/* Devices */
#define PLAT_UART_NS_BASE 0x09000000ULL
#define PLAT_UART_S_BASE 0x09040000ULL
#define PLAT_GICD_BASE 0x08000000ULL
#define PLAT_GICR_BASE 0x080a0000ULL
/* The EL2 physical timer's PPI (the device tree's fourth timer interrupt) */
#define PLAT_INTID_EL2_TIMER 26

/* Secure flash: the boot code runs in place, the boot package follows it. */
#define PLAT_FLASH_BASE 0x00000000ULL
#define PLAT_FLASH_SIZE 0x04000000ULL
#define PLAT_BOOTPKG_OFFSET 0x00040000ULL

/* Secure RAM: only the secure world can reach it. */
#define PLAT_SRAM_BASE 0x0e000000ULL
#define PLAT_SRAM_SIZE 0x01000000ULL

#define PLAT_MONITOR_BASE 0x0e000000ULL
#define PLAT_MONITOR_SIZE 0x00080000ULL
#define PLAT_BOOT_RAM_BASE 0x0e080000ULL
#define PLAT_BOOT_RAM_SIZE 0x0007f000ULL
/* Boot hands the list of what it loaded and measured to the monitor here. */
#define PLAT_BOOTINFO_BASE 0x0e0ff000ULL
#define PLAT_BOOTINFO_SIZE 0x00001000ULL
#define PLAT_SPMC_BASE 0x0e100000ULL
#define PLAT_SPMC_SIZE 0x00300000ULL
/* Partitions: the rest of secure RAM, placed by their manifests. */
#define PLAT_SP_RAM_BASE 0x0e400000ULL
#define PLAT_SP_RAM_END 0x0f000000ULL

/* Normal world */
#define PLAT_NS_DRAM_BASE 0x40000000ULL
#define PLAT_NS_DRAM_SIZE 0x40000000ULL
#define PLAT_NS_DTB_BASE 0x40000000ULL
#define PLAT_NS_DTB_MAX 0x00200000ULL
#define PLAT_NS_IMAGE_BASE 0x40200000ULL

#endif
