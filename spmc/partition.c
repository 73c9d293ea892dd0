/* Partitions from their manifests: checks, stage-2 tables, first vCPU state. */
#include "arch/aarch64/mmu.h"
#include "arch/aarch64/sysreg.h"
#include "lib/bootpkg.h"
#include "lib/log.h"
#include "lib/string.h"
#include "plat/qemu-virt/platform.h"
#include "spmc/spmc.h"
#include "spmc/stage1.h"

struct partition spmc_partitions[SPMC_MAX_PARTITIONS];
unsigned spmc_partition_count;
struct ns_endpoint spmc_ns = { .version = FFA_VERSION_1_0 };

struct partition *spmc_find_partition(u16 id)
{
	unsigned i;

	for (i = 0; i < spmc_partition_count; i++)
		if (spmc_partitions[i].m.id == id)
			return &spmc_partitions[i];
	return NULL;
}

static bool inside(u64 base, u64 size, u64 lo, u64 hi)
{
	return base >= lo && base <= hi && size <= hi - base;
}

static bool overlaps(u64 a, u64 alen, u64 b, u64 blen)
{
	return a < b + blen && b < a + alen;
}

/* Where may a region of this partition be? Returns a reason or NULL. */
static const char *check_region(const struct manifest_region *r, bool device)
{
	u64 size = (u64)r->pages << PAGE_SHIFT;
	unsigned i, k;

	if (device) {
		/* devices never alias RAM of either world */
		if (overlaps(r->base, size, PLAT_SRAM_BASE, PLAT_SRAM_SIZE) ||
		    overlaps(r->base, size, PLAT_NS_DRAM_BASE,
			     PLAT_NS_DRAM_SIZE) ||
		    overlaps(r->base, size, PLAT_FLASH_BASE, PLAT_FLASH_SIZE))
			return "device region covers RAM or flash";
		return NULL;
	}
	if (r->attributes & MANIFEST_ATTR_NS)
		return stage1_is_ns_ram(r->base, size)
			       ? NULL
			       : "non-secure region outside normal-world RAM";
	if (!inside(r->base, size, PLAT_SP_RAM_BASE, PLAT_SP_RAM_END))
		return "memory region outside partition RAM";
	for (i = 0; i < spmc_partition_count; i++) {
		const struct manifest *o = &spmc_partitions[i].m;

		for (k = 0; k < o->mem_count; k++)
			if (!(o->mem[k].attributes & MANIFEST_ATTR_NS) &&
			    overlaps(r->base, size, o->mem[k].base,
				     (u64)o->mem[k].pages << PAGE_SHIFT))
				return "memory region overlaps another "
				       "partition";
	}
	return NULL;
}

static u64 s2_attrs(const struct manifest_region *r, bool device)
{
	u64 a = device ? S2_MEMATTR_DEVICE | S2_XN
		       : S2_MEMATTR_NORMAL | PTE_SH_INNER;

	if (r->attributes & MANIFEST_ATTR_R)
		a |= S2_AP_R;
	if (r->attributes & MANIFEST_ATTR_W)
		a |= S2_AP_W;
	if (!(r->attributes & MANIFEST_ATTR_X))
		a |= S2_XN;
	return a;
}

u64 partition_mem_s2_attrs(const struct partition *p, u64 pa)
{
	unsigned i;

	for (i = 0; i < p->m.mem_count; i++) {
		const struct manifest_region *r = &p->m.mem[i];

		if (pa >= r->base && pa - r->base < (u64)r->pages << PAGE_SHIFT)
			return s2_attrs(r, false);
	}
	return 0;
}

static const char *map_regions(struct partition *p)
{
	const struct manifest *m = &p->m;
	unsigned i;

	for (i = 0; i < m->mem_count + m->dev_count; i++) {
		bool dev = i >= m->mem_count;
		const struct manifest_region *r =
			dev ? &m->dev[i - m->mem_count] : &m->mem[i];
		struct pgt *t = (r->attributes & MANIFEST_ATTR_NS)
					? &p->s2_ns
					: &p->s2_secure;
		const char *why = check_region(r, dev);

		if (why)
			return why;
		/* identity: the partition sees physical addresses */
		if (pgt_map(t, r->base, r->base, (u64)r->pages << PAGE_SHIFT,
			    s2_attrs(r, dev)))
			return "cannot map a region (overlap or no tables)";
	}
	return NULL;
}

static const char *check_image(const struct manifest *m,
			       const struct bootinfo_image *im)
{
	unsigned i;

	if (!im)
		return "no partition image of that name in the boot package";
	if (im->addr != m->load_address)
		return "image not loaded at the manifest's load-address";
	if (m->entrypoint_offset >= im->size ||
	    im->size - m->entrypoint_offset < 4)
		return "entry point outside the image";
	for (i = 0; i < m->mem_count; i++) {
		const struct manifest_region *r = &m->mem[i];

		if (!(r->attributes & MANIFEST_ATTR_NS) &&
		    inside(im->addr, im->size, r->base,
			   r->base + ((u64)r->pages << PAGE_SHIFT)))
			return (r->attributes & MANIFEST_ATTR_X)
				       ? NULL
				       : "image region is not executable";
	}
	return "image not inside one of its memory regions";
}

static int create_one(const struct bootinfo *bi,
		      const struct bootinfo_image *mf)
{
	struct partition *p = &spmc_partitions[spmc_partition_count];
	const char *why = NULL;
	int err;

	memset(p, 0, sizeof(*p));
	err = manifest_parse((const void *)mf->addr, mf->size, &p->m, &why);
	if (!err && spmc_find_partition(p->m.id))
		why = "partition ID already in use";
	if (!err && !why && p->m.exception_level != MANIFEST_EL_S_EL1)
		why = "only S-EL1 partitions are supported so far";
	if (!err && !why)
		why = check_image(&p->m,
				  bootinfo_find(bi, BOOTPKG_SP, mf->name));
	if (err || why) {
		log_printf("manifest '%s' refused: %s\n", mf->name,
			   why ? why : "malformed");
		return -1;
	}
	if (pgt_init(&p->s2_secure, &spmc_pgt_pool, VA_BITS) ||
	    pgt_init(&p->s2_ns, &spmc_pgt_pool, VA_BITS)) {
		log_printf("partition '%s': out of translation tables\n",
			   p->m.name);
		return -1;
	}
	why = map_regions(p);
	if (!why)
		why = ns_policy_hand_over(p, spmc_partition_count);
	ns_policy_apply(p);
	if (why) {
		log_printf("partition '%s' refused: %s\n", p->m.name, why);
		pgt_destroy(&p->s2_secure);
		pgt_destroy(&p->s2_ns);
		return -1;
	}
	p->vmid = (u16)(spmc_partition_count + 1);
	p->version = FFA_VERSION_1_0;
	p->state = SP_BOOTING;
	p->notif.created = true; /* partitions' bitmaps exist from boot */
	p->vcpu.pc = p->m.load_address + p->m.entrypoint_offset;
	p->vcpu.pstate = SPSR_EL1H | SPSR_DAIF;
	p->vcpu.el1.sctlr = SCTLR_EL1_RES1;
	spmc_partition_count++;
	log_printf("partition 0x%04x '%s' created: entry 0x%llx, %u memory "
		   "and %u device region(s)\n",
		   p->m.id, p->m.name, (unsigned long long)p->vcpu.pc,
		   p->m.mem_count, p->m.dev_count);
	return 0;
}

int partitions_create(const void *bootinfo)
{
	const struct bootinfo *bi = bootinfo;
	unsigned i;

	if (bi->magic != BOOTINFO_MAGIC)
		return -1;
	for (i = 0; i < bi->count && i < BOOTPKG_MAX_ENTRIES; i++) {
		if (bi->image[i].type != BOOTPKG_SP_MANIFEST)
			continue;
		if (spmc_partition_count == SPMC_MAX_PARTITIONS) {
			log_printf("manifest '%s' refused: too many "
				   "partitions\n",
				   bi->image[i].name);
			continue;
		}
		create_one(bi, &bi->image[i]);
	}
	return spmc_partition_count ? 0 : -1;
}
