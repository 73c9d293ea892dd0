/* Small printf-style formatter: every image's log goes through it. */
#ifndef LIB_FMT_H
#define LIB_FMT_H

#include <stdarg.h>
#include "lib/types.h"

typedef void (*fmt_putc_fn)(void *arg, char c);

/* %% %c %s %d %i %u %x %X %p, with width, '0' and '-' flags, l/ll/z. */
void fmt_vformat(fmt_putc_fn out, void *arg, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
