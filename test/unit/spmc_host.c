/* Host stand-ins for what the SPMC's FF-A handlers use of the hardware. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/bootpkg.h"

#include "spmc/spmc.h"
#include "spmc/stage1.h"
#include "test/unit/spmc_host.h"

struct pgt_pool spmc_pgt_pool;
u8 host_ns_ram[HOST_NS_RAM_SIZE] __attribute__((aligned(4096)));
u8 host_sp_ram[HOST_SP_RAM_SIZE] __attribute__((aligned(4096)));
unsigned sp_run_calls;
struct partition *sp_run_last;

/* Normal-world RAM and partition RAM are host buffers here. */
void *stage1_va(u64 pa)
{
	if (pa >= PLAT_NS_DRAM_BASE &&
	    pa - PLAT_NS_DRAM_BASE < HOST_NS_RAM_SIZE)
		return host_ns_ram + (pa - PLAT_NS_DRAM_BASE);
	if (pa >= PLAT_SP_RAM_BASE && pa - PLAT_SP_RAM_BASE < HOST_SP_RAM_SIZE)
		return host_sp_ram + (pa - PLAT_SP_RAM_BASE);
	abort(); /* the SPMC touched memory it had no business with */
}

/* A partition's boot information: a host buffer at a made-up address. */
u8 *stage1_boot_info_page(unsigned index, u64 *pa)
{
	static u8 pages[SPMC_BOOT_INFO_PAGES][4096]
		__attribute__((aligned(4096)));

	*pa = 0x0e180000 + (u64)index * 4096;
	return pages[index];
}

/* Running a partition: it answers at once, as the test service would. */
void sp_run(struct partition *p, struct ffa_value *out)
{
	u16 caller = p->caller;

	sp_run_calls++;
	sp_run_last = p;
	p->state = SP_WAITING;
	p->serving = false;
	*out = ffa_value8(FFA_MSG_SEND_DIRECT_RESP_32,
			  (u64)p->m.id << 16 | caller, 0, 0, p->vcpu.x[3] + 1,
			  0, 0, 0);
}

/* No TLB on the host. */
void guest_stage2_flush(void)
{
}

void host_spmc_reset(void)
{
	static u8 pool[64 * 4096] __attribute__((aligned(4096)));

	memset(spmc_partitions, 0, sizeof(spmc_partitions));
	spmc_partition_count = 0;
	memset(&spmc_ns, 0, sizeof(spmc_ns));
	spmc_ns.version = FFA_VERSION_1_0;
	pgt_pool_init(&spmc_pgt_pool, pool, 0x0e200000, 64);
	mem_txn_init(&spmc_mem);
	sp_run_calls = 0;
	sp_run_last = NULL;
}

u8 *host_load_manifest(const char *name, u32 *size)
{
	const char *dir = getenv("MANIFEST_DIR");
	char path[512];
	static u8 bufs[4][4096];
	static int next;
	u8 *buf = bufs[next++ % 4];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir ? dir : "build/manifests",
		 name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	*size = (u32)fread(buf, 1, sizeof(bufs[0]), f);
	fclose(f);
	return buf;
}

struct bootinfo host_bi;

void host_add_image(const char *name, u32 type, u64 addr, u32 size)
{
	struct bootinfo_image *im = &host_bi.image[host_bi.count++];

	strncpy(im->name, name, sizeof(im->name) - 1);
	im->type = type;
	im->addr = addr;
	im->size = size;
}

int host_spmc_boot(void)
{
	u32 size;
	u8 *m;

	host_spmc_reset();
	memset(&host_bi, 0, sizeof(host_bi));
	host_bi.magic = BOOTINFO_MAGIC;
	m = host_load_manifest("sp-alpha.dtb", &size);
	if (!m)
		return -1;
	host_add_image("alpha", BOOTPKG_SP_MANIFEST, (u64)(uintptr_t)m, size);
	host_add_image("alpha", BOOTPKG_SP, 0x0e400000, 0x3000);
	m = host_load_manifest("sp-beta.dtb", &size);
	if (!m)
		return -1;
	host_add_image("beta", BOOTPKG_SP_MANIFEST, (u64)(uintptr_t)m, size);
	host_add_image("beta", BOOTPKG_SP, 0x0e600000, 0x3000);
	if (partitions_create(&host_bi) || spmc_partition_count != 2)
		return -1;
	spmc_partitions[0].state = SP_WAITING;
	spmc_partitions[1].state = SP_WAITING;
	return 0;
}
