/* Small printf-style formatter: every image's log goes through it. */
#include "lib/fmt.h"

struct spec {
	unsigned width;
	bool zero, left;
};

static void pad(fmt_putc_fn out, void *arg, unsigned n, char c)
{
	while (n--)
		out(arg, c);
}

static void emit(fmt_putc_fn out, void *arg, const char *s, unsigned len,
		 const struct spec *sp)
{
	unsigned fill = sp->width > len ? sp->width - len : 0;

	if (!sp->left)
		pad(out, arg, fill, sp->zero ? '0' : ' ');
	while (len--)
		out(arg, *s++);
	if (sp->left)
		pad(out, arg, fill, ' ');
}

static void number(fmt_putc_fn out, void *arg, u64 v, bool neg, unsigned base,
		   bool upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];
	unsigned i = sizeof(buf);

	do {
		buf[--i] = digits[v % base];
		v /= base;
	} while (v);
	if (neg) {
		if (sp->zero && sp->width) {
			/* sign goes before the zero padding */
			struct spec rest = *sp;

			out(arg, '-');
			rest.width = sp->width ? sp->width - 1 : 0;
			emit(out, arg, buf + i, sizeof(buf) - i, &rest);
			return;
		}
		buf[--i] = '-';
	}
	emit(out, arg, buf + i, sizeof(buf) - i, sp);
}

void fmt_vformat(fmt_putc_fn out, void *arg, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		struct spec sp = { 0 };
		unsigned longs = 0;

		if (*fmt != '%') {
			out(arg, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '0')
				sp.zero = true;
			else if (*fmt == '-')
				sp.left = true;
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp.width = sp.width * 10 + (unsigned)(*fmt++ - '0');
		for (; *fmt == 'l' || *fmt == 'z'; fmt++)
			longs = *fmt == 'z' ? 2 : longs + 1;

		switch (*fmt) {
		case 'c': {
			char c = (char)va_arg(ap, int);

			emit(out, arg, &c, 1, &sp);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			unsigned n = 0;

			if (!s)
				s = "(null)";
			while (s[n])
				n++;
			emit(out, arg, s, n, &sp);
			break;
		}
		case 'd':
		case 'i': {
			s64 v = longs ? va_arg(ap, s64) : va_arg(ap, int);

			number(out, arg, v < 0 ? (u64)0 - (u64)v : (u64)v,
			       v < 0, 10, false, &sp);
			break;
		}
		case 'u':
		case 'x':
		case 'X': {
			u64 v = longs ? va_arg(ap, u64) : va_arg(ap, unsigned);

			number(out, arg, v, false, *fmt == 'u' ? 10 : 16,
			       *fmt == 'X', &sp);
			break;
		}
		case 'p':
			out(arg, '0');
			out(arg, 'x');
			number(out, arg, (uintptr_t)va_arg(ap, void *), false,
			       16, false, &sp);
			break;
		case '%':
			out(arg, '%');
			break;
		case '\0':
			return;
		default:
			out(arg, '%');
			out(arg, *fmt);
			break;
		}
	}
}

struct sbuf {
	char *p;
	size_t left;
	int count;
};

static void sbuf_putc(void *arg, char c)
{
	struct sbuf *b = arg;

	if (b->left > 1) {
		*b->p++ = c;
		b->left--;
	}
	b->count++;
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sbuf b = { buf, size, 0 };

	fmt_vformat(sbuf_putc, &b, fmt, ap);
	if (size)
		*b.p = '\0';
	return b.count;
}

int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
