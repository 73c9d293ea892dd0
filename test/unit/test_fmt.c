/* Host tests of the printf-style formatter all images log with (lib/fmt.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "lib/fmt.h"

#define SENTINEL 0x7e

static char buf[128];

/* Formats into buf (sentinel-filled first) and checks text and length. */
#define CHECK(want, ...)                                                      \
	do {                                                                  \
		memset(buf, SENTINEL, sizeof(buf));                           \
		assert_int_equal(fmt_snprintf(buf, sizeof(buf), __VA_ARGS__), \
				 strlen(want));                               \
		assert_string_equal(buf, want);                               \
		assert_int_equal(buf[strlen(want) + 1], SENTINEL);            \
	} while (0)

/* Without the format attribute: for formats the compiler would refuse. */
static int raw_snprintf(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(dst, size, fmt, ap);
	va_end(ap);
	return n;
}

static void plain_text_and_percent(void **state)
{
	(void)state;
	CHECK("", "%s", "");
	CHECK("hello, world", "hello, world");
	CHECK("100%", "100%%");
	CHECK("%%", "%%%%");
	CHECK("a%b", "a%%b");
}

static void chars(void **state)
{
	(void)state;
	CHECK("x", "%c", 'x');
	CHECK("[  x]", "[%3c]", 'x');
	CHECK("[x  ]", "[%-3c]", 'x');
	CHECK("a-b", "%c%c%c", 'a', '-', 'b');
	/* a char is passed as an int and cut back to 8 bits */
	CHECK("A", "%c", 0x141);
}

static void strings(void **state)
{
	(void)state;
	CHECK("abc", "%s", "abc");
	CHECK("[   abc]", "[%6s]", "abc");
	CHECK("[abc   ]", "[%-6s]", "abc");
	CHECK("[abcdef]", "[%3s]", "abcdef");
	CHECK("[abc]", "[%3s]", "abc");
	CHECK("k=v;", "%s=%s;", "k", "v");
}

/* volatile, so that the compiler cannot see the NULL and refuse it */
static const char *volatile null_str;

static void null_string(void **state)
{
	(void)state;
	CHECK("(null)", "%s", null_str);
	CHECK("[  (null)]", "[%8s]", null_str);
	CHECK("[(null)  ]", "[%-8s]", null_str);
	CHECK("a(null)b", "a%sb", null_str);
}

static void signed_decimal(void **state)
{
	(void)state;
	CHECK("0", "%d", 0);
	CHECK("42", "%d", 42);
	CHECK("-42", "%d", -42);
	CHECK("-1", "%i", -1);
	CHECK("7", "%i", 7);
	CHECK("2147483647", "%d", INT_MAX);
	CHECK("-2147483648", "%d", INT_MIN);
	CHECK("-2147483648", "%i", INT_MIN);
}

static void unsigned_decimal(void **state)
{
	(void)state;
	CHECK("0", "%u", 0u);
	CHECK("4294967295", "%u", UINT_MAX);
	/* an unsigned int is not widened as a signed one */
	CHECK("4294967295", "%u", (unsigned)-1);
	CHECK("123456789", "%u", 123456789u);
}

static void hex(void **state)
{
	(void)state;
	CHECK("0", "%x", 0u);
	CHECK("deadbeef", "%x", 0xdeadbeefu);
	CHECK("DEADBEEF", "%X", 0xdeadbeefu);
	CHECK("ffffffff", "%x", (unsigned)-1);
	CHECK("abcdef", "%x", 0xabcdefu);
	CHECK("ABCDEF", "%X", 0xabcdefu);
	CHECK("10", "%x", 16u);
}

static void width_and_flags(void **state)
{
	(void)state;
	CHECK("[   42]", "[%5d]", 42);
	CHECK("[42   ]", "[%-5d]", 42);
	CHECK("[00042]", "[%05d]", 42);
	CHECK("[  -42]", "[%5d]", -42);
	CHECK("[-42  ]", "[%-5d]", -42);
	CHECK("[42]", "[%1d]", 42);
	CHECK("[42]", "[%2d]", 42);
	CHECK("[          42]", "[%12d]", 42);
	CHECK("[0000001f]", "[%08x]", 0x1fu);
	CHECK("[0000001F]", "[%08X]", 0x1fu);
	CHECK("[1f    ]", "[%-6x]", 0x1fu);
	CHECK("[00000]", "[%05u]", 0u);
	CHECK("[0]", "[%0d]", 0);
	/* '-' wins over '0', in either order (C says so; GCC warns) */
	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(raw_snprintf(buf, sizeof(buf), "[%-05d]", 42), 7);
	assert_string_equal(buf, "[42   ]");
	assert_int_equal(raw_snprintf(buf, sizeof(buf), "[%0-5d]", 42), 7);
	assert_string_equal(buf, "[42   ]");
}

static void negative_zero_padded(void **state)
{
	(void)state;
	/* the sign goes before the zeros and counts in the width */
	CHECK("-0042", "%05d", -42);
	CHECK("-05", "%03d", -5);
	CHECK("-5", "%02d", -5);
	CHECK("-123", "%02d", -123);
	CHECK("-123", "%04d", -123);
	CHECK("-0000000001", "%011d", -1);
	CHECK("-2147483648", "%05d", INT_MIN);
	CHECK("-002147483648", "%013d", INT_MIN);
	CHECK("-00000000000000000001", "%021lld", -1LL);
	/* left-justified: spaces after, never zeros */
	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(raw_snprintf(buf, sizeof(buf), "[%-05d]", -42), 7);
	assert_string_equal(buf, "[-42  ]");
	assert_int_equal(raw_snprintf(buf, sizeof(buf), "[%0-6d]", -42), 8);
	assert_string_equal(buf, "[-42   ]");
}

static void length_modifiers(void **state)
{
	(void)state;
	CHECK("-1", "%ld", -1L);
	CHECK("9223372036854775807", "%ld", LONG_MAX);
	CHECK("18446744073709551615", "%lu", ULONG_MAX);
	CHECK("ffffffffffffffff", "%lx", ULONG_MAX);
	CHECK("-9223372036854775808", "%lld", (long long)INT64_MIN);
	CHECK("-9223372036854775808", "%lli", LLONG_MIN);
	CHECK("9223372036854775807", "%lld", LLONG_MAX);
	CHECK("18446744073709551615", "%llu", (unsigned long long)UINT64_MAX);
	CHECK("ffffffffffffffff", "%llx", (unsigned long long)UINT64_MAX);
	CHECK("FFFFFFFFFFFFFFFF", "%llX", (unsigned long long)UINT64_MAX);
	CHECK("100000000", "%llx", 0x100000000ULL);
	CHECK("0000000000000abc", "%016llx", 0xabcULL);
	CHECK("18446744073709551615", "%zu", SIZE_MAX);
	CHECK("ffffffffffffffff", "%zx", SIZE_MAX);
	CHECK("4096", "%zu", (size_t)4096);
	CHECK("-5", "%zd", (ptrdiff_t)-5);
	/* a 64-bit argument after one: both come through whole */
	CHECK("1 2 3", "%d %llu %d", 1, 2ULL, 3);
	CHECK("fedcba9876543210 -1", "%llx %d", 0xfedcba9876543210ULL, -1);
}

static void pointers(void **state)
{
	(void)state;
	CHECK("0x1234", "%p", (void *)(uintptr_t)0x1234);
	CHECK("0xffff800012345678", "%p",
	      (void *)(uintptr_t)0xffff800012345678ULL);
	CHECK("0x0", "%p", (void *)NULL);
}

/* Against the host's snprintf, where both follow C. */
static void matches_libc(void **state)
{
	static const char *const fmts[] = {
		"%d",	 "%i",	  "%5d", "%-5d|", "%05d",   "%012d",
		"%1d",	 "%x",	  "%X",	 "%08x",  "%-9x|",  "%u",
		"%011u", "%-3u|", "%3d", "%03d",  "%-12i|",
	};
	static const int vals[] = {
		0,   1,	   -1,	  9,	   10,	    -10,      99,	-100,
		255, 4096, -4096, INT_MAX, INT_MIN, 12345678, -12345678
	};
	char want[64], got[64];
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		for (j = 0; j < sizeof(vals) / sizeof(vals[0]); j++) {
			int n = snprintf(want, sizeof(want), fmts[i], vals[j]);

			assert_int_equal(fmt_snprintf(got, sizeof(got), fmts[i],
						      vals[j]),
					 n);
			assert_string_equal(got, want);
		}
	}
}

static void mixed(void **state)
{
	(void)state;
	CHECK("sp alpha: id 0x8001, 3 vcpus, state RUN (-22)",
	      "sp %s: id 0x%04x, %u vcpus, state %s (%d)", "alpha", 0x8001u, 3u,
	      "RUN", -22);
}

/* Unknown conversions print as written; a trailing '%' stops cleanly. */
static void odd_formats(void **state)
{
	char small[8];

	(void)state;
	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(raw_snprintf(buf, sizeof(buf), "a%qb"), 4);
	assert_string_equal(buf, "a%qb");
	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(raw_snprintf(buf, sizeof(buf), "abc%"), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(raw_snprintf(buf, sizeof(buf), "abc%05"), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(raw_snprintf(buf, sizeof(buf), "x%-"), 1);
	assert_string_equal(buf, "x");
	/* format right at the end of an array: nothing read past it */
	memcpy(small, "1234567%", 8);
	small[7] = '\0';
	assert_int_equal(raw_snprintf(buf, sizeof(buf), small), 7);
	assert_string_equal(buf, "1234567");
}

static void truncates(void **state)
{
	(void)state;
	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(fmt_snprintf(buf, 5, "hello world"), 11);
	assert_string_equal(buf, "hell");
	assert_int_equal(buf[5], SENTINEL);

	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(fmt_snprintf(buf, 4, "%d", 123456), 6);
	assert_string_equal(buf, "123");
	assert_int_equal(buf[4], SENTINEL);

	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(fmt_snprintf(buf, 6, "%05d|%s", -42, "tail"), 10);
	assert_string_equal(buf, "-0042");
	assert_int_equal(buf[6], SENTINEL);

	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(fmt_snprintf(buf, 3, "%-8s|", "ab"), 9);
	assert_string_equal(buf, "ab");
	assert_int_equal(buf[3], SENTINEL);
}

static void exact_fit(void **state)
{
	(void)state;
	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(fmt_snprintf(buf, 6, "%s", "abcde"), 5);
	assert_string_equal(buf, "abcde");
	assert_int_equal(buf[6], SENTINEL);

	/* one byte short: the last character gives way to the NUL */
	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(fmt_snprintf(buf, 5, "%s", "abcde"), 5);
	assert_string_equal(buf, "abcd");
	assert_int_equal(buf[5], SENTINEL);
}

static void size_one(void **state)
{
	(void)state;
	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(fmt_snprintf(buf, 1, "abc%d", 12), 5);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(buf[1], SENTINEL);
}

static void size_zero(void **state)
{
	(void)state;
	memset(buf, SENTINEL, sizeof(buf));
	assert_int_equal(fmt_snprintf(buf, 0, "abc%d", 12), 5);
	assert_int_equal(buf[0], SENTINEL);
	/* nothing is written, so no buffer at all will do */
	assert_int_equal(fmt_snprintf(NULL, 0, "%s-%llu", "xyz",
				      (unsigned long long)UINT64_MAX),
			 24);
	assert_int_equal(raw_snprintf(NULL, 0, ""), 0);
}

/* Truncating at every size gives a prefix of the whole and its length. */
static void every_size(void **state)
{
	static const char whole[] = "id=-00017 name=beta    x=0xBEEF!";
	char small[sizeof(whole) + 4];
	size_t size;

	(void)state;
	for (size = 0; size <= sizeof(small); size++) {
		memset(small, SENTINEL, sizeof(small));
		assert_int_equal(fmt_snprintf(small, size,
					      "id=%06d name=%-8sx=0x%X!", -17,
					      "beta", 0xbeefu),
				 sizeof(whole) - 1);
		if (size == 0) {
			assert_int_equal(small[0], SENTINEL);
			continue;
		}
		if (size < sizeof(whole)) {
			assert_memory_equal(small, whole, size - 1);
			assert_int_equal(small[size - 1], '\0');
		} else {
			assert_string_equal(small, whole);
		}
		if (size < sizeof(small))
			assert_int_equal(small[size], SENTINEL);
	}
}

struct collect {
	char text[64];
	unsigned n;
};

static void collect_putc(void *arg, char c)
{
	struct collect *c_ = arg;

	if (c_->n < sizeof(c_->text))
		c_->text[c_->n] = c;
	c_->n++;
}

static void format_through(struct collect *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fmt_vformat(collect_putc, c, fmt, ap);
	va_end(ap);
}

/* The raw formatter sends each character once and no terminator. */
static void vformat_callback(void **state)
{
	struct collect c;

	(void)state;
	memset(&c, 0, sizeof(c));
	format_through(&c, "%s:%5d|%c", "ab", -3, 'z');
	assert_int_equal(c.n, 10);
	assert_memory_equal(c.text, "ab:   -3|z", 10);
	assert_int_equal(c.text[10], '\0');

	memset(&c, 0, sizeof(c));
	format_through(&c, "");
	assert_int_equal(c.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_text_and_percent),
		cmocka_unit_test(chars),
		cmocka_unit_test(strings),
		cmocka_unit_test(null_string),
		cmocka_unit_test(signed_decimal),
		cmocka_unit_test(unsigned_decimal),
		cmocka_unit_test(hex),
		cmocka_unit_test(width_and_flags),
		cmocka_unit_test(negative_zero_padded),
		cmocka_unit_test(length_modifiers),
		cmocka_unit_test(pointers),
		cmocka_unit_test(matches_libc),
		cmocka_unit_test(mixed),
		cmocka_unit_test(odd_formats),
		cmocka_unit_test(truncates),
		cmocka_unit_test(exact_fit),
		cmocka_unit_test(size_one),
		cmocka_unit_test(size_zero),
		cmocka_unit_test(every_size),
		cmocka_unit_test(vformat_callback),
	};

	return cmocka_run_group_tests_name("fmt", tests, NULL, NULL);
}
