/* Boot package header checks, shared by the boot code and the host tools. */
#include "lib/bootpkg.h"
#include "lib/string.h"

const char *bootpkg_type_name(u32 type)
{
	static const char *const names[] = {
		[BOOTPKG_MONITOR] = "monitor",
		[BOOTPKG_SPMC] = "spmc",
		[BOOTPKG_SP] = "partition",
		[BOOTPKG_SP_MANIFEST] = "manifest",
		[BOOTPKG_NS_IMAGE] = "normal-world",
		[BOOTPKG_SYSTEM] = "system",
	};

	if (type == 0 || type >= BOOTPKG_TYPE_COUNT)
		return "unknown";
	return names[type];
}

static bool overlaps(u64 a, u64 alen, u64 b, u64 blen)
{
	return a < b + blen && b < a + alen;
}

int bootpkg_check(const void *pkg, size_t size,
		  const struct bootpkg_region allowed[BOOTPKG_TYPE_COUNT],
		  const char **why, int *bad)
{
	const struct bootpkg_header *h = pkg;
	u32 i, j;

	*bad = -1;
	if (size < sizeof(*h)) {
		*why = "package smaller than its header";
		return -1;
	}
	if (h->magic != BOOTPKG_MAGIC || h->version != BOOTPKG_VERSION) {
		*why = "bad package magic or version";
		return -1;
	}
	if (h->count == 0 || h->count > BOOTPKG_MAX_ENTRIES) {
		*why = "bad image count";
		return -1;
	}
	if (h->total_size < sizeof(*h) || h->total_size > size) {
		*why = "package size does not match";
		return -1;
	}
	for (i = 0; i < h->count; i++) {
		const struct bootpkg_entry *e = &h->entry[i];
		const struct bootpkg_region *r;

		*bad = (int)i;
		if (strnlen(e->name, BOOTPKG_NAME_MAX) == BOOTPKG_NAME_MAX ||
		    e->name[0] == '\0') {
			*why = "image name not terminated";
			return -1;
		}
		if (e->type == 0 || e->type >= BOOTPKG_TYPE_COUNT) {
			*why = "unknown image type";
			return -1;
		}
		if (e->offset < sizeof(*h) || e->size == 0 ||
		    e->offset > h->total_size ||
		    e->size > h->total_size - e->offset) {
			*why = "image lies outside the package";
			return -1;
		}
		r = &allowed[e->type];
		if (e->load_addr < r->base || e->load_addr > r->end ||
		    e->size > r->end - e->load_addr) {
			*why = "load address outside the region for its type";
			return -1;
		}
		for (j = 0; j < i; j++) {
			const struct bootpkg_entry *o = &h->entry[j];

			if (overlaps(e->load_addr, e->size, o->load_addr,
				     o->size)) {
				*why = "load range overlaps another image";
				return -1;
			}
		}
	}
	*bad = -1;
	return 0;
}

const struct bootinfo_image *bootinfo_find(const struct bootinfo *bi, u32 type,
					   const char *name)
{
	u32 i;

	for (i = 0; i < bi->count && i < BOOTPKG_MAX_ENTRIES; i++) {
		const struct bootinfo_image *im = &bi->image[i];

		if (im->type == type &&
		    (!name || strncmp(im->name, name, BOOTPKG_NAME_MAX) == 0))
			return im;
	}
	return NULL;
}
