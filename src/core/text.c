/* UTF-8 text: validation, sanitizing, display width, wrapping.
 *
 * Everything here is locale-free on purpose: the kiosk must lay out a
 * screen and a receipt the same way on a machine that only has C.UTF-8.
 * Screen widths come from the Unicode data in libunistring (uc_width),
 * which agrees with the wcwidth() ncurses draws with; the printer's font
 * has a rule of its own (text_cp_print_width). */
#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>

#include "jrc/text.h"

/* Decode one character.  On malformed input *ok is 0, *cp U+FFFD, and the
 * return value is the length of the maximal ill-formed subpart (at least
 * 1), so that "\xE4\xB8" counts as one bad character, as Unicode
 * recommends, and the caller always makes progress. */
static size_t decode(const unsigned char *s, size_t len, uint32_t *cp, int *ok)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t n, i;
	uint32_t v;

	*ok = 1;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2) {		/* stray continuation or overlong C0/C1 lead */
		i = 1;
		goto bad;
	} else if (c < 0xE0) {
		n = 2;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		n = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (c == 0xED)
			hi = 0x9F;	/* surrogates */
	} else if (c < 0xF5) {
		n = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;	/* overlong */
		else if (c == 0xF4)
			hi = 0x8F;	/* past U+10FFFF */
	} else {
		i = 1;
		goto bad;
	}
	for (i = 1; i < n; i++) {
		unsigned char b;

		if (i >= len)
			goto bad;
		b = s[i];
		if (b < lo || b > hi)
			goto bad;
		v = (v << 6) | (b & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return n;
bad:
	*ok = 0;
	*cp = 0xFFFD;
	return i;
}

/* One display unit: a character, or a malformed run shown as one U+FFFD;
 * *w in screen columns, or in the printer's when print is set. */
static size_t unit_for(const unsigned char *s, size_t len, uint32_t *cp, int *w, int print)
{
	int ok;
	size_t n = decode(s, len, cp, &ok);

	*w = !ok ? (print ? 2 : 1) : print ? text_cp_print_width(*cp) : text_cp_width(*cp);
	return n;
}

static size_t unit(const unsigned char *s, size_t len, uint32_t *cp, int *w)
{
	return unit_for(s, len, cp, w, 0);
}

int text_utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	if (!s)
		return len == 0;
	while (i < len) {
		uint32_t cp;
		int ok;

		i += decode(u + i, len - i, &cp, &ok);
		if (!ok)
			return 0;
	}
	return 1;
}

size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	uint32_t v;
	size_t n;
	int ok;

	if (!s || len == 0) {
		if (cp)
			*cp = 0xFFFD;
		return 0;
	}
	n = decode((const unsigned char *)s, len, &v, &ok);
	if (cp)
		*cp = v;
	return ok ? n : 0;
}

size_t text_utf8_encode(uint32_t cp, char out[4])
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp <= 0x10FFFF) {
		o[0] = (unsigned char)(0xF0 | (cp >> 18));
		o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (unsigned char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

size_t text_utf8_count(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len, count = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (i < len) {
		uint32_t cp;
		int ok;

		i += decode(u + i, len - i, &cp, &ok);
		count++;
	}
	return count;
}

int text_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x300)
		return 1;
	/* Where glibc's wcwidth (what ncurses draws with) follows a later
	 * Unicode than libunistring 1.0, or treats prepended concatenation
	 * marks as visible, follow glibc: tests/unit/test_widths checks
	 * every code point against wcwidth. */
	if ((cp >= 0x3248 && cp <= 0x324F) || (cp >= 0x4DC0 && cp <= 0x4DFF))
		return 2;
	if ((cp >= 0x0600 && cp <= 0x0605) || cp == 0x06DD || cp == 0x070F ||
	    cp == 0x0890 || cp == 0x0891 || cp == 0x08E2 || cp == 0x110BD || cp == 0x110CD)
		return 1;
	if (cp == 0x0CBF || cp == 0x0CC6 || cp == 0x11A07 || cp == 0x11A08 || cp == 0x11C3F)
		return 0;
	/* "UTF-8": East Asian ambiguous characters are narrow, as in
	 * wcwidth() under a UTF-8 locale. */
	w = uc_width((ucs4_t)cp, "UTF-8");
	return w < 0 ? 1 : w > 2 ? 2 : w;
}

int text_cp_print_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x7F)
		return 1;
	/* An ASCII-only printer prints these as "..." and "EUR". */
	if (cp == 0x2026 || cp == 0x20AC)
		return 3;
	/* The GB18030 font draws every double-byte character two columns
	 * wide, narrow Latin ones (é ā · — “ ” …) too; a GBK or ASCII printer
	 * prints what it lacks as a stand-in no wider (￥, '?', '"'). */
	return 2;
}

size_t text_print_width(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len, cols = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (i < len) {
		uint32_t cp;
		int w;

		i += unit_for(u + i, len - i, &cp, &w, 1);
		cols += (size_t)w;
	}
	return cols;
}

size_t text_width(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len, cols = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (i < len) {
		uint32_t cp;
		int w;

		i += unit(u + i, len - i, &cp, &w);
		cols += (size_t)w;
	}
	return cols;
}

size_t text_fit(const char *s, size_t cols)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len, used = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (i < len) {
		uint32_t cp;
		int w;
		size_t n = unit(u + i, len - i, &cp, &w);

		if (used + (size_t)w > cols)
			break;
		used += (size_t)w;
		i += n;
	}
	return i;
}

char *text_truncate_chars(const char *s, size_t max, int *cut)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len, count = 0;
	char *out;

	if (cut)
		*cut = 0;
	if (!s)
		s = "";
	len = strlen(s);
	while (i < len && count < max) {
		uint32_t cp;
		int ok;

		i += decode(u + i, len - i, &cp, &ok);
		count++;
	}
	if (cut && i < len)
		*cut = 1;
	out = malloc(i + 1);
	if (!out)
		return NULL;
	memcpy(out, s, i);
	out[i] = '\0';
	return out;
}

/* ---------------------------------------------------------------- sanitize */

/* CSI: parameter and intermediate bytes, then one final byte.  A byte
 * that cannot be part of the sequence ends it and is left to the caller,
 * so that text after a broken sequence survives. */
static size_t skip_csi(const unsigned char *s, size_t len, size_t i)
{
	while (i < len && s[i] >= 0x20 && s[i] <= 0x3F)
		i++;
	if (i < len && s[i] >= 0x40 && s[i] <= 0x7E)
		i++;
	return i;
}

/* OSC, DCS, SOS, PM, APC: a string up to BEL or ST.  A terminal aborts
 * the string at any other ESC and starts a new sequence there, so we
 * stop at it too. */
static size_t skip_string(const unsigned char *s, size_t len, size_t i)
{
	while (i < len) {
		if (s[i] == 0x07)
			return i + 1;
		if (s[i] == 0x1B)
			return (i + 1 < len && s[i + 1] == '\\') ? i + 2 : i;
		if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0x9C)
			return i + 2;
		i++;
	}
	return len;
}

/* i is just past an ESC. */
static size_t skip_escape(const unsigned char *s, size_t len, size_t i)
{
	if (i >= len)
		return i;
	switch (s[i]) {
	case '[':
		return skip_csi(s, len, i + 1);
	case ']': case 'P': case 'X': case '^': case '_':
		return skip_string(s, len, i + 1);
	}
	while (i < len && s[i] >= 0x20 && s[i] <= 0x2F)
		i++;
	if (i < len && s[i] >= 0x30 && s[i] <= 0x7E)
		i++;
	return i;
}

/* Characters a person cannot see but that change what others see:
 * direction overrides can make "ABC" display as "CBA", zero-width ones
 * hide text inside text.  They have no place in a grievance record. */
static int is_invisible(uint32_t cp)
{
	return cp == 0x00AD || cp == 0x061C || cp == 0x180E ||
	       (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x206F) ||
	       cp == 0xFEFF ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	       (cp >= 0xE0000 && cp <= 0xE007F);
}

/* Unicode space separators, including the ideographic space that Chinese
 * input methods type in full-width mode: folded to one ASCII space so a
 * name or a line is trimmed and compared the same whichever was used. */
static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f' ||
	       cp == 0x00A0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

struct sink {
	char *buf;
	size_t len;
	int space;		/* a space is owed before the next character */
	int newlines;		/* newlines owed before the next character */
};

static void sink_put(struct sink *k, uint32_t cp)
{
	if (k->len > 0) {
		if (k->newlines) {
			int n = k->newlines > 2 ? 2 : k->newlines;

			while (n--)
				k->buf[k->len++] = '\n';
		} else if (k->space) {
			k->buf[k->len++] = ' ';
		}
	}
	k->space = 0;
	k->newlines = 0;
	k->len += text_utf8_encode(cp, k->buf + k->len);
}

static void sink_newline(struct sink *k, int keep_newlines)
{
	if (keep_newlines) {
		k->newlines++;
		k->space = 0;	/* trailing spaces of a line go */
	} else {
		k->space = 1;
	}
}

char *text_sanitize(const char *s, int keep_newlines)
{
	const unsigned char *u = (const unsigned char *)s;
	struct sink k = { NULL, 0, 0, 0 };
	size_t len, i = 0;

	if (!s)
		s = "";
	len = strlen(s);
	/* A lone bad byte grows to a 3-byte U+FFFD; nothing else grows. */
	if (len > (((size_t)-1) - 1) / 3)
		return NULL;
	k.buf = malloc(3 * len + 1);
	if (!k.buf)
		return NULL;

	while (i < len) {
		uint32_t cp;
		int ok;
		size_t n = decode(u + i, len - i, &cp, &ok);

		i += n;
		if (!ok) {
			sink_put(&k, 0xFFFD);
			continue;
		}
		if (cp == 0x1B) {
			i = skip_escape(u, len, i);
		} else if (cp == 0x9B) {
			i = skip_csi(u, len, i);
		} else if (cp == 0x90 || cp == 0x98 || cp == 0x9D ||
			   cp == 0x9E || cp == 0x9F) {
			i = skip_string(u, len, i);
		} else if (cp == '\r') {
			/* CR LF is one line end; a lone CR could overwrite a
			 * line on a terminal, so it ends the line instead. */
			if (i < len && u[i] == '\n')
				i++;
			sink_newline(&k, keep_newlines);
		} else if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
			sink_newline(&k, keep_newlines);
		} else if (is_space(cp)) {
			if (!k.newlines)
				k.space = 1;
		} else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
			   is_invisible(cp)) {
			continue;
		} else {
			sink_put(&k, cp);
		}
	}
	k.buf[k.len] = '\0';
	return k.buf;
}

/* ---------------------------------------------------------------- wrap */

/* Chinese typesetting rule (禁则): these never start a line... */
static int no_break_before(uint32_t cp)
{
	switch (cp) {
	case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A:
	case 0xFF1F: case 0xFF01: case 0xFF09: case 0x300B: case 0x300D:
	case 0x300F: case 0x3011: case 0x3009: case 0x3015: case 0x3017:
	case 0xFF3D: case 0xFF5D: case 0x201D: case 0x2019: case 0x2026:
	case 0xFF0E: case 0x30FC: case 0x00B7: case 0x30FB:
	case ',': case '.': case ';': case ':': case '?': case '!':
	case ')': case ']': case '}': case '%':
		return 1;
	}
	return 0;
}

/* ...and these never end one. */
static int no_break_after(uint32_t cp)
{
	switch (cp) {
	case 0xFF08: case 0x300A: case 0x300C: case 0x300E: case 0x3010:
	case 0x3008: case 0x3014: case 0x3016: case 0xFF3B: case 0xFF5B:
	case 0x201C: case 0x2018:
	case '(': case '[': case '{':
		return 1;
	}
	return 0;
}

/* Ideographs have no spaces between words, so a line may break on either
 * side of a wide character. */
static int can_break(uint32_t prev, uint32_t cp)
{
	if (text_cp_width(prev) != 2 && text_cp_width(cp) != 2)
		return 0;
	return !no_break_before(cp) && !no_break_after(prev);
}

struct lines {
	size_t n, cap;
	size_t *starts, *lens;
};

static int push_line(struct lines *l, const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		size_t *st = realloc(l->starts, cap * sizeof(*st));

		if (!st)
			return -1;
		l->starts = st;
		st = realloc(l->lens, cap * sizeof(*st));
		if (!st)
			return -1;
		l->lens = st;
		l->cap = cap;
	}
	l->starts[l->n] = start;
	l->lens[l->n] = end - start;
	l->n++;
	return 0;
}

/* 1 if the space at s[p] comes before a short number (1-4 digits) that
 * ends a word: "room 1", "窗口 3".  Such a number stays with the word
 * before it rather than stand alone on a line. */
static int glued_number(const char *s, size_t p, size_t end)
{
	size_t q = p + 1, n = 0;

	while (q < end && s[q] >= '0' && s[q] <= '9' && n < 5) {
		q++;
		n++;
	}
	return n >= 1 && n <= 4 && (q >= end || s[q] == ' ' || s[q] == ',' || s[q] == '.' ||
				    s[q] == ')' || (unsigned char)s[q] >= 0x80);
}

/* Greedy fill of one paragraph s[pos..end), which holds no '\n'. */
static int wrap_paragraph(const char *s, size_t pos, size_t end, size_t cols, int print,
			  struct lines *l)
{
	const unsigned char *u = (const unsigned char *)s;
	int first = 1;

	for (;;) {
		size_t line, p, w = 0, brk = 0;
		uint32_t prev = 0;
		int content = 0;

		/* A space where a line was broken is the break itself. */
		if (!first)
			while (pos < end && s[pos] == ' ')
				pos++;
		if (pos >= end)
			return first ? push_line(l, s, pos, pos) : 0;
		first = 0;
		line = p = pos;
		for (;;) {
			uint32_t cp;
			int cw;
			size_t n;

			if (p >= end)
				return push_line(l, s, line, end);
			n = unit_for(u + p, end - p, &cp, &cw, print);
			if (cp == ' ') {
				int glue = content && glued_number(s, p, end);

				if (w + 1 > cols) {
					size_t at = glue && brk > line ? brk : p;

					if (push_line(l, s, line, at) < 0)
						return -1;
					pos = at;
					break;
				}
				if (content && !glue)
					brk = p;
			} else if (content && cw > 0 && can_break(prev, cp)) {
				brk = p;
			}
			if (w + (size_t)cw > cols) {
				if (brk > line) {
					if (push_line(l, s, line, brk) < 0)
						return -1;
					pos = brk;
				} else if (p == line) {
					/* Too wide for any line: alone, with
					 * its combining marks. */
					size_t q = p + n;

					while (q < end) {
						uint32_t c2;
						int w2;
						size_t n2 = unit_for(u + q, end - q,
								     &c2, &w2, print);

						if (w2 != 0)
							break;
						q += n2;
					}
					if (push_line(l, s, p, q) < 0)
						return -1;
					pos = q;
				} else {
					if (push_line(l, s, line, p) < 0)
						return -1;
					pos = p;
				}
				break;
			}
			w += (size_t)cw;
			p += n;
			if (cp != ' ')
				content = 1;
			prev = cp;
		}
	}
}

static size_t wrap(const char *s, size_t cols, int print, size_t **starts, size_t **lens)
{
	struct lines l = { 0, 0, NULL, NULL };
	size_t len, pos = 0;

	*starts = NULL;
	*lens = NULL;
	if (!s || !*s)
		return 0;
	if (cols < 1)
		cols = 1;
	len = strlen(s);
	for (;;) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len;

		if (wrap_paragraph(s, pos, end, cols, print, &l) < 0) {
			free(l.starts);
			free(l.lens);
			return 0;
		}
		/* A final '\n' ends the last line; it opens no new one. */
		if (end + 1 >= len)
			break;
		pos = end + 1;
	}
	*starts = l.starts;
	*lens = l.lens;
	return l.n;
}

size_t text_wrap(const char *s, size_t cols, size_t **starts, size_t **lens)
{
	return wrap(s, cols, 0, starts, lens);
}

size_t text_wrap_print(const char *s, size_t cols, size_t **starts, size_t **lens)
{
	return wrap(s, cols, 1, starts, lens);
}
