/* libFuzzer: the UTF-8 validator, the sanitizer and the wrapper.
 * Sanitized text is valid UTF-8 without controls, escapes or doubled
 * spaces, and sanitizing it again changes nothing; every wrapped line fits
 * its columns (a single character wider than the line excepted), never
 * splits a character, and no character is lost or invented.  The
 * export's masked text (mask_text) stays valid UTF-8 and keeps no run of
 * 7 digits nor the case's name. */
#include "fuzz.h"

#include "jrc/mask.h"
#include "jrc/text.h"

/* s without spaces and newlines: what wrapping must keep. */
static char *ink(const char *s, size_t len)
{
	char *r = malloc(len + 1);
	size_t o = 0;

	if (!r)
		abort();
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\n')
			r[o++] = s[i];
	r[o] = '\0';
	return r;
}

static void check_wrap(const char *s, size_t cols)
{
	size_t *starts, *lens, n, len = strlen(s), prev_end = 0;
	char *want, *got;
	size_t o = 0;

	n = text_wrap(s, cols, &starts, &lens);
	if (!*s) {
		FZ_ASSERT(n == 0 && !starts);
		return;
	}
	FZ_ASSERT(n > 0 && starts && lens);
	want = ink(s, len);
	got = malloc(len + 1);
	if (!got)
		abort();
	for (size_t i = 0; i < n; i++) {
		char *l;
		size_t w;
		uint32_t cp;

		FZ_ASSERT(starts[i] >= prev_end);
		FZ_ASSERT(starts[i] + lens[i] <= len);
		prev_end = starts[i] + lens[i];
		l = strndup(s + starts[i], lens[i]);
		if (!l)
			abort();
		FZ_ASSERT(fz_utf8_ok(l, lens[i]));
		FZ_ASSERT(!strchr(l, '\n'));
		w = text_width(l);
		if (w > cols) {
			/* Only one character (and its combining marks) too
			 * wide for the line may stand alone on it. */
			size_t k = text_utf8_decode(l, lens[i], &cp);

			FZ_ASSERT(k > 0 && (size_t)text_cp_width(cp) > cols);
			FZ_ASSERT(text_width(l + k) == 0);
		}
		for (size_t k = 0; k < lens[i]; k++)
			if (l[k] != ' ')
				got[o++] = l[k];
		free(l);
	}
	got[o] = '\0';
	FZ_ASSERT(strcmp(want, got) == 0);
	free(want);
	free(got);
	free(starts);
	free(lens);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *clean, *again, *cut;
	size_t cols, fit, len;
	int wcut;

	if (size < 1)
		return 0;
	/* First byte: the columns and the flags. */
	cols = (size_t)(data[0] & 0x3F) + 1;
	s = fz_cstr(data + 1, size - 1);
	len = strlen(s);

	FZ_ASSERT(text_utf8_valid(s, len) == fz_utf8_ok(s, len));
	FZ_ASSERT(text_utf8_valid((const char *)data + 1, size - 1) ==
		  fz_utf8_ok((const char *)data + 1, size - 1));

	for (int keep = 0; keep <= 1; keep++) {
		size_t cl;

		clean = text_sanitize(s, keep);
		FZ_ASSERT(clean);
		cl = strlen(clean);
		FZ_ASSERT(fz_utf8_ok(clean, cl));
		FZ_ASSERT(!fz_has_control(clean, keep));
		FZ_ASSERT(!strstr(clean, "  "));
		FZ_ASSERT(!strstr(clean, "\n\n\n"));
		FZ_ASSERT(!strstr(clean, " \n") && !strstr(clean, "\n "));
		if (cl) {
			FZ_ASSERT(clean[0] != ' ' && clean[0] != '\n');
			FZ_ASSERT(clean[cl - 1] != ' ' && clean[cl - 1] != '\n');
		}
		/* No bidi overrides or zero-width characters survive. */
		FZ_ASSERT(!strstr(clean, "\xE2\x80\xAE") && !strstr(clean, "\xE2\x80\x8B"));
		again = text_sanitize(clean, keep);
		FZ_ASSERT(again && strcmp(again, clean) == 0);
		free(again);
		FZ_ASSERT(text_utf8_count(clean) <= cl);
		check_wrap(clean, cols);

		fit = text_fit(clean, cols);
		FZ_ASSERT(fit <= cl && fz_utf8_ok(clean, fit));
		cut = strndup(clean, fit);
		FZ_ASSERT(cut && text_width(cut) <= cols);
		free(cut);

		cut = text_truncate_chars(clean, cols, &wcut);
		FZ_ASSERT(cut && text_utf8_count(cut) <= cols);
		FZ_ASSERT(wcut == (text_utf8_count(clean) > cols));
		FZ_ASSERT(strncmp(cut, clean, strlen(cut)) == 0);
		free(cut);
		free(clean);
	}
	/* The raw input must not crash the wrapper or the width counters. */
	{
		size_t *st, *ln, n = text_wrap(s, cols, &st, &ln);

		for (size_t i = 0; i < n; i++)
			FZ_ASSERT(st[i] + ln[i] <= len);
		free(st);
		free(ln);
		(void)text_width(s);
		FZ_ASSERT(text_fit(s, cols) <= len);
	}
	/* An export's masked text: valid UTF-8 stays valid, and no 7 digits in a
	 * row are left (every such run is an identifier's shape or masked). */
	{
		const char *names[] = { "张三丰", NULL };
		char *m = mask_text(s, names);
		size_t run = 0;

		FZ_ASSERT(m);
		if (fz_utf8_ok(s, len))
			FZ_ASSERT(fz_utf8_ok(m, strlen(m)));
		for (const char *p = m; *p; p++) {
			run = *p >= '0' && *p <= '9' ? run + 1 : 0;
			FZ_ASSERT(run < 7);
		}
		FZ_ASSERT(!strstr(m, "张三丰"));
		free(m);
	}
	free(s);
	return 0;
}
