/* Per-image log: a prefix and a character sink chosen by the image. */
#include "lib/log.h"

/* All zero at start: the boot code runs with no initialised data. */
static const char *log_prefix;
static void (*log_putc)(char c);
static bool mid_line;

void log_init(const char *prefix, void (*putc)(char c))
{
	log_prefix = prefix;
	log_putc = putc;
}

static void log_out(void *arg, char c)
{
	const char *p;

	(void)arg;
	if (!log_putc)
		return;
	if (!mid_line && log_prefix)
		for (p = log_prefix; *p; p++)
			log_putc(*p);
	log_putc(c);
	mid_line = c != '\n';
}

void log_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fmt_vformat(log_out, NULL, fmt, ap);
	va_end(ap);
}
