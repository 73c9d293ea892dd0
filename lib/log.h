/* Per-image log: a prefix and a character sink chosen by the image. */
#ifndef LIB_LOG_H
#define LIB_LOG_H

#include "lib/fmt.h"

void log_init(const char *prefix, void (*putc)(char c));
void log_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
