/* Host tests: compile DTS text to a DTB with Debian's dtc, in memory. */
#ifndef TEST_UNIT_DTC_HELPER_H
#define TEST_UNIT_DTC_HELPER_H

#define _POSIX_C_SOURCE 200809L /* mkstemp, ssize_t in C11 mode */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Returns a malloc'd blob of exactly *size bytes (so ASan sees any read
 * past it), or NULL if dtc refused the source.
 */
static inline void *dtc_compile(const char *dts, size_t *size)
{
	char in[] = "/tmp/tessera-dts-XXXXXX", cmd[128];
	char out[sizeof(in) + 4];
	FILE *f;
	void *blob = NULL;
	long n;
	int fd = mkstemp(in);

	if (fd < 0)
		return NULL;
	if (write(fd, dts, strlen(dts)) != (ssize_t)strlen(dts)) {
		close(fd);
		unlink(in);
		return NULL;
	}
	close(fd);
	snprintf(out, sizeof(out), "%s.dtb", in);
	snprintf(cmd, sizeof(cmd), "dtc -q -I dts -O dtb -o %s %s", out, in);
	if (system(cmd) == 0 && (f = fopen(out, "rb"))) {
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		rewind(f);
		blob = malloc((size_t)n);
		if (blob && fread(blob, 1, (size_t)n, f) == (size_t)n) {
			*size = (size_t)n;
		} else {
			free(blob);
			blob = NULL;
		}
		fclose(f);
	}
	unlink(in);
	unlink(out);
	return blob;
}

/* Reads a whole file into an exactly-sized buffer, or NULL. */
static inline void *read_whole(const char *dir, const char *name, size_t *size)
{
	char path[512];
	FILE *f;
	void *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s", dir ? dir : ".", name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc(n ? (size_t)n : 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*size = (size_t)n;
	return buf;
}

/* A fixed-seed generator, so every run flips the same bytes. */
static inline unsigned long long test_rand(unsigned long long *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

#endif
