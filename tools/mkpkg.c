/* Host tool: builds the boot package from images and their load addresses. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/bootpkg.h"
#include "lib/sha256.h"

static u32 parse_type(const char *s)
{
	u32 t;

	for (t = 1; t < BOOTPKG_TYPE_COUNT; t++)
		if (!strcmp(s, bootpkg_type_name(t)))
			return t;
	fprintf(stderr, "mkpkg: unknown image type '%s'\n", s);
	exit(2);
}

static u8 *slurp(const char *path, u32 *size)
{
	FILE *f = fopen(path, "rb");
	long n;
	u8 *buf;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 ||
	    n > 0x1000000 || fseek(f, 0, SEEK_SET)) {
		fprintf(stderr, "mkpkg: cannot read '%s'\n", path);
		exit(1);
	}
	buf = malloc((size_t)n);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "mkpkg: cannot read '%s'\n", path);
		exit(1);
	}
	fclose(f);
	*size = (u32)n;
	return buf;
}

int main(int argc, char **argv)
{
	static struct bootpkg_header h;
	u8 *data[BOOTPKG_MAX_ENTRIES];
	u32 off = sizeof(h);
	FILE *out;
	int i;

	if (argc < 3 || argc - 2 > BOOTPKG_MAX_ENTRIES) {
		fprintf(stderr,
			"usage: mkpkg OUT NAME:TYPE:LOADADDR:FILE...\n"
			"  TYPE is monitor, spmc, partition, manifest, system or "
			"normal-world\n");
		return 2;
	}
	h.magic = BOOTPKG_MAGIC;
	h.version = BOOTPKG_VERSION;
	for (i = 2; i < argc; i++) {
		struct bootpkg_entry *e = &h.entry[h.count];
		char *spec = strdup(argv[i]);
		char *name = strtok(spec, ":");
		char *type = strtok(NULL, ":");
		char *load = strtok(NULL, ":");
		char *file = strtok(NULL, "");

		if (!name || !type || !load || !file ||
		    strlen(name) >= BOOTPKG_NAME_MAX) {
			fprintf(stderr, "mkpkg: bad image spec '%s'\n",
				argv[i]);
			return 2;
		}
		strncpy(e->name, name, BOOTPKG_NAME_MAX - 1);
		e->type = parse_type(type);
		e->load_addr = strtoull(load, NULL, 0);
		data[h.count] = slurp(file, &e->size);
		e->offset = off;
		off += (e->size + 15u) & ~15u;
		sha256(data[h.count], e->size, e->sha256);
		printf("  %-12s %-12s load 0x%08llx size %7u at package +0x%x\n",
		       e->name, type, (unsigned long long)e->load_addr, e->size,
		       e->offset);
		h.count++;
		free(spec);
	}
	h.total_size = off;
	out = fopen(argv[1], "wb");
	if (!out || fwrite(&h, sizeof(h), 1, out) != 1) {
		fprintf(stderr, "mkpkg: cannot write '%s'\n", argv[1]);
		return 1;
	}
	for (i = 0; i < (int)h.count; i++) {
		static const u8 zero[16];
		u32 pad = ((h.entry[i].size + 15u) & ~15u) - h.entry[i].size;

		fwrite(data[i], 1, h.entry[i].size, out);
		fwrite(zero, 1, pad, out);
	}
	return fclose(out) ? 1 : 0;
}
