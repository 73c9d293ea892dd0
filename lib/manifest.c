/* FF-A partition manifests (Arm binding, compiled DTB) to a checked struct. */
#include "lib/fdt.h"
#include "lib/manifest.h"
#include "lib/string.h"

#define MSG_METHOD_KNOWN (0x7u | BIT(9) | BIT(10))

static void copy_name(char *dst, const char *src)
{
	size_t n = src ? strnlen(src, MANIFEST_NAME_MAX - 1) : 0;

	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

static const char *parse_regions(const void *dtb, const char *path,
				 struct manifest_region *r, u8 *count,
				 bool device)
{
	int parent = fdt_path_offset(dtb, path), node;

	*count = 0;
	if (parent < 0)
		return NULL; /* optional */
	for (node = fdt_first_child(dtb, parent); node >= 0;
	     node = fdt_next_sibling(dtb, node), r++) {
		u64 base;

		if (*count == MANIFEST_MAX_REGIONS)
			return "too many regions";
		copy_name(r->name, fdt_node_name(dtb, node));
		if (!fdt_prop_u64(dtb, node, "base-address", &base) ||
		    !fdt_prop_u32(dtb, node, "pages-count", &r->pages) ||
		    !fdt_prop_u32(dtb, node, "attributes", &r->attributes))
			return "region lacks base-address, pages-count or "
			       "attributes";
		r->base = base;
		if (!IS_ALIGNED(base, PAGE_SIZE))
			return "region base not page aligned";
		if (r->pages == 0)
			return "region of zero pages";
		if (((u64)r->pages << PAGE_SHIFT) > ~0ULL - base)
			return "region wraps around the address space";
		if (r->attributes & ~0xfu ||
		    !(r->attributes & MANIFEST_ATTR_R) ||
		    (device && (r->attributes & MANIFEST_ATTR_X)))
			return "bad region attributes";
		(*count)++;
	}
	return node == FDT_ERR_NOTFOUND ? NULL : "malformed region list";
}

static bool overlap(const struct manifest_region *a,
		    const struct manifest_region *b)
{
	u64 aend = a->base + ((u64)a->pages << PAGE_SHIFT);
	u64 bend = b->base + ((u64)b->pages << PAGE_SHIFT);

	return a->base < bend && b->base < aend;
}

/* The image, or at least its entry point, lies in one memory region. */
static bool image_in_memory(const struct manifest *m)
{
	u64 start = m->load_address;
	u64 size = m->image_size ? m->image_size : m->entrypoint_offset + 4;
	unsigned i;

	/* an entry point at the very top would wrap the size to nothing */
	if (!m->image_size && m->entrypoint_offset > ~0ULL - 4)
		return false;
	if (size > ~0ULL - start)
		return false;
	for (i = 0; i < m->mem_count; i++) {
		u64 end = m->mem[i].base + ((u64)m->mem[i].pages << PAGE_SHIFT);

		if (start >= m->mem[i].base && start + size <= end)
			return true;
	}
	return false;
}

static const char *parse(const void *dtb, size_t size, struct manifest *m)
{
	const char *compat;
	u32 v, uuid_cells;
	u64 mem = 0;
	const char *why;
	unsigned i, j;

	if (fdt_check(dtb, size))
		return "not a valid device tree blob";
	compat = fdt_prop_string(dtb, 0, "compatible");
	if (!compat || strcmp(compat, "arm,ffa-manifest-1.0"))
		return "root is not compatible with arm,ffa-manifest-1.0";
	compat = fdt_prop_string(dtb, 0, "description");
	if (!compat || !compat[0])
		return "missing description";
	/* the name is how logs and TEE selection tell partitions apart:
	 * never shorten it silently */
	if (strnlen(compat, MANIFEST_NAME_MAX) == MANIFEST_NAME_MAX)
		return "description longer than 31 characters";
	copy_name(m->name, compat);
	if (!fdt_prop(dtb, 0, "uuid", &uuid_cells) || uuid_cells == 0 ||
	    uuid_cells % 16)
		return "missing uuid (four cells each)";
	if (uuid_cells > 16 * MANIFEST_MAX_UUIDS)
		return "more than 4 uuids";
	m->uuid_count = (u8)(uuid_cells / 16);
	if (fdt_prop_u32_array(dtb, 0, "uuid", &m->uuid[0][0],
			       4 * m->uuid_count) != 4 * m->uuid_count)
		return "missing uuid (four cells each)";
	for (i = 0; i < m->uuid_count; i++) {
		if (manifest_uuid_is_null(m->uuid[i]))
			return "null uuid";
		for (j = 0; j < i; j++)
			if (!memcmp(m->uuid[i], m->uuid[j], 16))
				return "uuid listed twice";
	}
	if (!fdt_prop_u32(dtb, 0, "id", &v))
		return "missing id";
	if (v < 0x8001 || v > 0xffff)
		return "id not a secure partition ID (0x8001-0xffff)";
	m->id = (u16)v;
	if (!fdt_prop_u32(dtb, 0, "exception-level", &v))
		return "missing exception-level";
	if (v > MANIFEST_EL_S_EL1)
		return "bad exception-level";
	m->exception_level = (u8)v;
	v = 0;
	if (fdt_prop(dtb, 0, "execution-state", NULL) &&
	    (!fdt_prop_u32(dtb, 0, "execution-state", &v) || v != 0))
		return "only AArch64 execution-state is supported";
	m->execution_state = 0;
	if (!fdt_prop_u32(dtb, 0, "execution-ctx-count", &v))
		return "missing execution-ctx-count";
	if (v < 1 || v > 8)
		return "execution-ctx-count out of range (1-8)";
	m->exec_ctx_count = (u16)v;
	if (!fdt_prop_u64(dtb, 0, "load-address", &m->load_address))
		return "missing load-address";
	if (!IS_ALIGNED(m->load_address, PAGE_SIZE))
		return "load-address not page aligned";
	if (!fdt_prop_u64(dtb, 0, "entrypoint-offset", &m->entrypoint_offset))
		return "missing entrypoint-offset";
	m->image_size = 0;
	if (fdt_prop(dtb, 0, "image-size", NULL) &&
	    !fdt_prop_u64(dtb, 0, "image-size", &m->image_size))
		return "bad image-size";
	/* the first instruction, all four bytes of it, inside the image */
	if (m->image_size && (m->entrypoint_offset >= m->image_size ||
			      m->image_size - m->entrypoint_offset < 4))
		return "entrypoint-offset outside image-size";
	if (m->entrypoint_offset & 3)
		return "entrypoint-offset not word aligned";
	m->xlat_granule = 0;
	if (fdt_prop(dtb, 0, "xlat-granule", NULL) &&
	    (!fdt_prop_u32(dtb, 0, "xlat-granule", &m->xlat_granule) ||
	     m->xlat_granule != 0))
		return "only the 4 KiB xlat-granule is supported";
	if (!fdt_prop_u32(dtb, 0, "messaging-method", &m->messaging_method))
		return "missing messaging-method";
	if (m->messaging_method & ~MSG_METHOD_KNOWN)
		return "unknown messaging-method bits";
	m->vm_availability = 0;
	if (fdt_prop(dtb, 0, "vm-availability-messages", NULL) &&
	    (!fdt_prop_u32(dtb, 0, "vm-availability-messages",
			   &m->vm_availability) ||
	     m->vm_availability &
		     ~(u32)(MANIFEST_VM_CREATED | MANIFEST_VM_DESTROYED)))
		return "bad vm-availability-messages";
	m->boot_info_reg = MANIFEST_NO_BOOT_INFO;
	if (fdt_prop(dtb, 0, "gp-register-num", NULL) &&
	    (!fdt_prop_u32(dtb, 0, "gp-register-num", &m->boot_info_reg) ||
	     m->boot_info_reg > 3))
		return "gp-register-num is not a register x0-x3";
	m->boot_order = 0xffffffffu;
	if (fdt_prop(dtb, 0, "boot-order", NULL) &&
	    !fdt_prop_u32(dtb, 0, "boot-order", &m->boot_order))
		return "bad boot-order";

	why = parse_regions(dtb, "/memory-regions", m->mem, &m->mem_count,
			    false);
	if (!why)
		why = parse_regions(dtb, "/device-regions", m->dev,
				    &m->dev_count, true);
	if (why)
		return why;
	if (m->mem_count == 0)
		return "no memory regions";
	for (i = 0; i < m->mem_count; i++) {
		mem += (u64)m->mem[i].pages << PAGE_SHIFT;
		for (j = 0; j < i; j++)
			if (overlap(&m->mem[i], &m->mem[j]))
				return "memory regions overlap";
		for (j = 0; j < m->dev_count; j++)
			if (overlap(&m->mem[i], &m->dev[j]))
				return "memory and device regions overlap";
	}
	for (i = 0; i < m->dev_count; i++)
		for (j = 0; j < i; j++)
			if (overlap(&m->dev[i], &m->dev[j]))
				return "device regions overlap";
	if (mem > 0xffffffffu)
		return "memory regions too large";
	if (!image_in_memory(m))
		return "image (load-address, image-size, entry point) outside "
		       "its memory regions";
	m->mem_size = (u32)mem;
	return NULL;
}

int manifest_parse(const void *dtb, size_t size, struct manifest *out,
		   const char **why)
{
	memset(out, 0, sizeof(*out));
	*why = parse(dtb, size, out);
	return *why ? -1 : 0;
}

bool manifest_uuid_is_null(const u32 uuid[4])
{
	return !(uuid[0] | uuid[1] | uuid[2] | uuid[3]);
}
