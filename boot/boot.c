/* Boot code: set up EL3, load and verify every image, start the monitor. */
#include "arch/aarch64/semihosting.h"
#include "arch/aarch64/sysreg.h"
#include "boot/fdt_psci.h"
#include "lib/bootpkg.h"
#include "lib/fdt.h"
#include "lib/fmt.h"
#include "lib/log.h"
#include "lib/sha256.h"
#include "lib/string.h"
#include "plat/qemu-virt/gic.h"
#include "plat/qemu-virt/platform.h"
#include "plat/qemu-virt/uart.h"

void boot_main(void);
void boot_exception(u64 esr, u64 elr, u64 far);

static void secure_putc(char c)
{
	uart_putc(PLAT_UART_S_BASE, c);
}

static void __attribute__((noreturn)) boot_fail(void)
{
	log_printf("boot stopped\n");
	semihosting_exit(1);
}

void boot_exception(u64 esr, u64 elr, u64 far)
{
	log_printf("unexpected exception: ESR 0x%llx ELR 0x%llx FAR 0x%llx\n",
		   (unsigned long long)esr, (unsigned long long)elr,
		   (unsigned long long)far);
	boot_fail();
}

static void setup_el3(void)
{
	/* Secure state, lower ELs AArch64, S-EL2 enabled, pointer auth
	 * keys not trapped. The monitor sets NS per world. */
	write_sysreg(scr_el3, SCR_RES1 | SCR_HCE | SCR_RW | SCR_APK | SCR_API |
				      SCR_EEL2);
	/* Secure-side event counting allowed, so PMCCNTR counts every EL. */
	write_sysreg(mdcr_el3, BIT(17));
	/* Count in EL3, S-EL2 (SH == NSH) and NS-EL2 as well as EL1/EL0. */
	write_sysreg(pmccfiltr_el0, BIT(27) | BIT(24));
	/*
	 * FP/SIMD, SVE and SME not trapped at EL3: Linux's EL2 start-up writes
	 * ZCR_EL2 and SMCR_EL2 whenever the CPU has them. The secure world
	 * stays out of them: every secure image is built without FP/SIMD and
	 * the SPMC traps all three for its partitions (CPTR_EL2).
	 */
	write_sysreg(cptr_el3, CPTR_EL3_EZ | CPTR_EL3_ESM);
	isb();
	/* the longest vector length the CPU has, for every lower EL */
	if ((read_sysreg(id_aa64pfr0_el1) >> 32) & 0xf)
		write_sysreg(ZCR_EL3, 0xf);
	if ((read_sysreg(id_aa64pfr1_el1) >> 24) & 0xf)
		write_sysreg(SMCR_EL3, 0xf);
	write_sysreg(cntfrq_el0, read_sysreg(cntfrq_el0));
	isb();
	gic_init_el3();
}

static const struct bootpkg_region allowed[BOOTPKG_TYPE_COUNT] = {
	[BOOTPKG_MONITOR] = { PLAT_MONITOR_BASE,
			      PLAT_MONITOR_BASE + PLAT_MONITOR_SIZE },
	[BOOTPKG_SPMC] = { PLAT_SPMC_BASE, PLAT_SPMC_BASE + PLAT_SPMC_SIZE },
	[BOOTPKG_SP] = { PLAT_SP_RAM_BASE, PLAT_SP_RAM_END },
	[BOOTPKG_SP_MANIFEST] = { PLAT_SPMC_BASE,
				  PLAT_SPMC_BASE + PLAT_SPMC_SIZE },
	[BOOTPKG_SYSTEM] = { PLAT_SPMC_BASE, PLAT_SPMC_BASE + PLAT_SPMC_SIZE },
	[BOOTPKG_NS_IMAGE] = { PLAT_NS_IMAGE_BASE,
			       PLAT_NS_DRAM_BASE + PLAT_NS_DRAM_SIZE },
};

/*
 * Each image is hashed after it is copied, so what runs is exactly what was
 * measured even if flash changed during the copy.
 */
static void load_images(const struct bootpkg_header *pkg, struct bootinfo *bi)
{
	u32 i;

	for (i = 0; i < pkg->count; i++) {
		const struct bootpkg_entry *e = &pkg->entry[i];
		struct bootinfo_image *im = &bi->image[i];
		void *dst = (void *)(uintptr_t)e->load_addr;

		memcpy(dst, (const u8 *)pkg + e->offset, e->size);
		sha256(dst, e->size, im->sha256);
		if (memcmp(im->sha256, e->sha256, sizeof(im->sha256))) {
			memset(dst, 0, e->size);
			log_printf("image '%s' (%s): SHA-256 mismatch, package "
				   "refused\n",
				   e->name, bootpkg_type_name(e->type));
			boot_fail();
		}
		memcpy(im->name, e->name, BOOTPKG_NAME_MAX);
		im->type = e->type;
		im->size = e->size;
		im->addr = e->load_addr;
		log_printf("loaded %-10s %-12s at 0x%08llx, %6u bytes, "
			   "sha256 %02x%02x%02x%02x...\n",
			   e->name, bootpkg_type_name(e->type),
			   (unsigned long long)e->load_addr, e->size,
			   im->sha256[0], im->sha256[1], im->sha256[2],
			   im->sha256[3]);
	}
	bi->count = pkg->count;
}

/*
 * The normal world picks a TEE by name (GP's TEEC_InitializeContext): each
 * partition's name, FF-A ID and UUID, from the manifests just verified, go
 * into its device tree as /tessera-tee@<id> { compatible = "tessera,tee";
 * label; ffa-partition-id; uuid (the four words FF-A carries) }. A
 * manifest the SPMC later refuses still appears here; calls to it fail.
 */
static void publish_tees(const struct bootinfo *bi)
{
	static const char compat[] = "tessera,tee";
	unsigned i;

	for (i = 0; i < bi->count && i < BOOTPKG_MAX_ENTRIES; i++) {
		const struct bootinfo_image *im = &bi->image[i];
		const void *m = (const void *)im->addr;
		const char *label;
		u32 id, uuid[4], cells[4], be_id;
		char node[32];
		unsigned k;

		if (im->type != BOOTPKG_SP_MANIFEST || fdt_check(m, im->size))
			continue;
		label = fdt_prop_string(m, 0, "description");
		if (!label || strlen(label) > 31 ||
		    !fdt_prop_u32(m, 0, "id", &id) ||
		    fdt_prop_u32_array(m, 0, "uuid", uuid, 4) != 4)
			continue;
		for (k = 0; k < 4; k++)
			cells[k] = __builtin_bswap32(uuid[k]);
		be_id = __builtin_bswap32(id);
		fmt_snprintf(node, sizeof(node), "tessera-tee@%x", id);
		{
			const struct fdt_new_prop props[] = {
				{ "compatible", compat, sizeof(compat) },
				{ "label", label, (u32)strlen(label) + 1 },
				{ "ffa-partition-id", &be_id, 4 },
				{ "uuid", cells, 16 },
			};

			if (fdt_add_root_node((void *)PLAT_NS_DTB_BASE,
					      PLAT_NS_DTB_MAX, node, props, 4))
				log_printf("warning: TEE '%s' not published in "
					   "the device tree\n",
					   label);
		}
	}
}

void boot_main(void)
{
	const struct bootpkg_header *pkg =
		(const void *)(PLAT_FLASH_BASE + PLAT_BOOTPKG_OFFSET);
	struct bootinfo *bi = (void *)PLAT_BOOTINFO_BASE;
	const struct bootinfo_image *mon;
	const char *why;
	int bad;

	log_init("[boot] ", secure_putc);
	log_printf("Tessera boot code, EL%llu\n",
		   (unsigned long long)(read_sysreg(CurrentEL) >> 2));
	setup_el3();

	if (bootpkg_check(pkg, PLAT_FLASH_SIZE - PLAT_BOOTPKG_OFFSET, allowed,
			  &why, &bad)) {
		if (bad >= 0) {
			char name[BOOTPKG_NAME_MAX];

			memcpy(name, pkg->entry[bad].name, sizeof(name));
			name[sizeof(name) - 1] = '\0';
			log_printf("image '%s': %s, package refused\n", name,
				   why);
		} else
			log_printf("boot package: %s\n", why);
		boot_fail();
	}
	memset(bi, 0, sizeof(*bi));
	bi->magic = BOOTINFO_MAGIC;
	load_images(pkg, bi);

	mon = bootinfo_find(bi, BOOTPKG_MONITOR, NULL);
	if (!mon || !bootinfo_find(bi, BOOTPKG_SPMC, NULL) ||
	    !bootinfo_find(bi, BOOTPKG_NS_IMAGE, NULL)) {
		log_printf("boot package lacks a monitor, SPMC or normal-world "
			   "image\n");
		boot_fail();
	}
	bi->ns_dtb = PLAT_NS_DTB_BASE;
	if (fdt_add_psci((void *)PLAT_NS_DTB_BASE, PLAT_NS_DTB_MAX))
		log_printf("warning: no /psci node added to the normal-world "
			   "device tree\n");
	publish_tees(bi);

	log_printf("starting the monitor at 0x%llx\n",
		   (unsigned long long)mon->addr);
	((void (*)(struct bootinfo *))(uintptr_t)mon->addr)(bi);
	boot_fail();
}
