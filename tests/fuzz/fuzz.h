/* Shared by the libFuzzer targets: a NUL-terminated copy of the input,
 * an assertion that survives -DNDEBUG, and the invariants several targets
 * check on text the core hands back. */
#ifndef JRC_FUZZ_H
#define JRC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_ASSERT(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

/* The input as a C string: stops at the first NUL, as every caller in
 * the program sees it. */
static inline char *fz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* An independent UTF-8 check (RFC 3629, table 3-7 of the Unicode
 * standard) to hold the core's validator against. */
static inline int fz_utf8_ok(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned lo = 0x80, hi = 0xBF;

		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			if (c == 0xE0)
				lo = 0xA0;
			if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			if (c == 0xF0)
				lo = 0x90;
			if (c == 0xF4)
				hi = 0x8F;
		} else {
			return 0;
		}
		if (i + n >= len)
			return 0;      /* truncated sequence */
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (size_t k = 2; k <= n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return 0;
		i += n + 1;
	}
	return 1;
}

/* 1 if s (valid UTF-8) holds a C0 control other than the allowed ones,
 * DEL, or a C1 control. */
static inline int fz_has_control(const char *s, int allow_newline)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; u[i]; i++) {
		if (u[i] < 0x20 && !(allow_newline && u[i] == '\n'))
			return 1;
		if (u[i] == 0x7F)
			return 1;
		/* C1 controls are U+0080..U+009F: C2 80 .. C2 9F. */
		if (u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
			return 1;
	}
	return 0;
}

#endif
