/* Masked forms of a citizen's identifiers, for anyone but staff: on
 * screens, receipts and in the record's notes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jrc/mask.h"
#include "jrc/text.h"
#include "jrc/validate.h"

/* Appends whole characters only, so a short buffer never ends in half a
 * Chinese character. */
struct out {
	char *buf;
	size_t size, len;
};

static void out_put(struct out *o, const char *s, size_t n)
{
	if (o->size == 0)
		return;			/* no room even for the NUL */
	if (o->len + n >= o->size) {
		o->size = o->len + 1;	/* full: later appends are dropped */
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void out_stars(struct out *o, size_t n)
{
	while (n--)
		out_put(o, "*", 1);
}

static void out_init(struct out *o, char *buf, size_t size)
{
	o->buf = buf;
	o->size = size;
	o->len = 0;
	if (size > 0)
		buf[0] = '\0';
}

void mask_id_number(const char *id, char *out, size_t size)
{
	struct out o;
	size_t len, head, tail, stars;

	out_init(&o, out, size);
	if (!id || !*id)
		return;
	len = strlen(id);
	if (len >= 12) {
		head = 6;
		tail = 4;
		stars = 8;
	} else {
		/* Other documents are shorter: show a quarter at each end. */
		head = tail = len / 4;
		stars = len - head - tail;
	}
	out_put(&o, id, head);
	out_stars(&o, stars);
	out_put(&o, id + len - tail, tail);
}

void mask_phone(const char *phone, char *out, size_t size)
{
	struct out o;
	char norm[24];
	const char *dash;
	size_t len;

	out_init(&o, out, size);
	if (!phone || !*phone)
		return;
	if (validate_phone(phone, norm, NULL) == JRC_OK)
		phone = norm;
	len = strlen(phone);
	dash = strchr(phone, '-');
	if (phone == norm && dash) {
		out_put(&o, phone, (size_t)(dash - phone) + 1);
		out_stars(&o, 4);
		out_put(&o, phone + len - 4, 4);
	} else if (phone == norm) {
		out_put(&o, phone, 3);
		out_stars(&o, 4);
		out_put(&o, phone + len - 4, 4);
	} else if (len > 4) {
		/* Not a number we know the shape of: hide all but the end. */
		out_stars(&o, len - 4);
		out_put(&o, phone + len - 4, 4);
	} else {
		out_stars(&o, len);
	}
}

void mask_name(const char *name, char *out, size_t size)
{
	struct out o;
	size_t len, n;
	uint32_t cp;

	out_init(&o, out, size);
	if (!name || !*name)
		return;
	len = strlen(name);
	n = text_utf8_decode(name, len, &cp);
	if (n == 0)
		n = 1;
	/* One shape for every name, so the mask does not tell its length:
	 * the first character and two stars.  A name of one character would
	 * be shown whole that way: it is all stars. */
	if (n < len)
		out_put(&o, name, n);
	else
		out_stars(&o, 1);
	out_stars(&o, 2);
}

void mask_document(const char *kind, const char *number, char *out, size_t size)
{
	size_t n;

	if (size)
		out[0] = '\0';
	if (!number || !*number)
		return;
	if (kind && strcmp(kind, "resident") == 0) {
		mask_id_number(number, out, size);
		return;
	}
	n = strlen(number);
	snprintf(out, size, "****%s", n > 3 ? number + n - 3 : "");
}

/* ------------------------------------------------------------ free text */

/* The masked text as it grows; a failed allocation sticks (oom). */
struct grow {
	char *buf;
	size_t len, cap;
	int oom;
};

static void grow_put(struct grow *g, const char *s, size_t n)
{
	if (g->oom)
		return;
	if (g->len + n + 1 > g->cap) {
		size_t cap = (g->len + n + 1) * 2;
		char *p = realloc(g->buf, cap);

		if (!p) {
			g->oom = 1;
			return;
		}
		g->buf = p;
		g->cap = cap;
	}
	memcpy(g->buf + g->len, s, n);
	g->len += n;
	g->buf[g->len] = '\0';
}

static void grow_str(struct grow *g, const char *s)
{
	grow_put(g, s, strlen(s));
}

static void grow_stars(struct grow *g, size_t n)
{
	while (n--)
		grow_put(g, "*", 1);
}

/* The digit at s as '0'..'9' (ASCII or full-width), its bytes in *len;
 * 0 when s holds no digit. */
static char digit_at(const char *s, size_t avail, size_t *len)
{
	uint32_t cp;
	size_t n;

	if (avail && *s >= '0' && *s <= '9') {
		*len = 1;
		return *s;
	}
	n = text_utf8_decode(s, avail, &cp);
	if (n && cp >= 0xFF10 && cp <= 0xFF19) {
		*len = n;
		return (char)('0' + (cp - 0xFF10));
	}
	return 0;
}

/* An ID number's closing X (ASCII or full-width) at s: its bytes, or 0. */
static size_t x_at(const char *s, size_t avail)
{
	uint32_t cp;
	size_t n;

	if (avail && (*s == 'X' || *s == 'x'))
		return 1;
	n = text_utf8_decode(s, avail, &cp);
	return n && (cp == 0xFF38 || cp == 0xFF58) ? n : 0;
}

enum shape { SH_NONE, SH_MOBILE, SH_MOBILE86, SH_ID, SH_LANDLINE, SH_LONG };

static int is_mobile(const char *d)
{
	return d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

/* What a number of n digits (d, an ID's X included) is; joined: it was
 * written in groups. */
static enum shape shape_of(const char *d, size_t n, int joined)
{
	if (n == 11 && is_mobile(d))
		return SH_MOBILE;
	if (n == 13 && d[0] == '8' && d[1] == '6' && is_mobile(d + 2))
		return SH_MOBILE86;
	if (n == 18 || (n == 15 && d[0] != '0'))
		return SH_ID;
	if (d[0] == '0' && n >= 10 && n <= 12)
		return SH_LANDLINE;
	if (n >= 12 || (!joined && n >= 7))
		return SH_LONG;
	return SH_NONE;
}

static void put_shape(struct grow *g, enum shape sh, const char *d, size_t n)
{
	size_t area;

	switch (sh) {
	case SH_MOBILE86:
		grow_put(g, d, 2);
		d += 2;
		/* fall through */
	case SH_MOBILE:
		grow_put(g, d, 3);
		grow_stars(g, 4);
		grow_put(g, d + 7, 4);
		break;
	case SH_ID:
		grow_put(g, d, 6);
		grow_stars(g, 8);
		grow_put(g, d + n - 4, 4);
		break;
	case SH_LANDLINE:
		/* 010 and 02x have 3-digit area codes, the rest 4. */
		area = d[1] == '1' || d[1] == '2' ? 3 : 4;
		grow_put(g, d, area);
		grow_put(g, "-", 1);
		grow_stars(g, 4);
		grow_put(g, d + n - 4, 4);
		break;
	case SH_LONG:
		grow_stars(g, n - 4);
		grow_put(g, d + n - 4, 4);
		break;
	default:
		break;
	}
}

enum { MAX_GROUPS = 8, MAX_DIGITS = 64 };

/* A run of digits at s, in groups split by one '-' or ' ' each: masked by
 * its shape, or group by group when the whole is no known shape (a date
 * 2026-11-29 stays as written).  Returns the bytes consumed. */
static size_t put_number(struct grow *g, const char *s, size_t avail)
{
	char d[MAX_DIGITS + 1];
	size_t start[MAX_GROUPS], end[MAX_GROUPS], dstart[MAX_GROUPS];
	size_t ng = 0, nd = 0, i = 0, k, dl;
	char c;
	enum shape sh;

	for (;;) {
		start[ng] = i;
		dstart[ng] = nd;
		while (i < avail && (c = digit_at(s + i, avail - i, &dl))) {
			if (nd < MAX_DIGITS)
				d[nd] = c;
			nd++;
			i += dl;
		}
		if (nd == 17 && (dl = x_at(s + i, avail - i))) {
			d[nd++] = 'X';
			i += dl;
		}
		end[ng++] = i;
		/* Another group follows one separator directly. */
		if (ng < MAX_GROUPS && nd < MAX_DIGITS && i + 1 < avail &&
		    (s[i] == '-' || s[i] == ' ') && digit_at(s + i + 1, avail - i - 1, &dl))
			i++;
		else
			break;
	}
	if (nd > MAX_DIGITS) {
		/* Longer than any identifier: none of it is shown. */
		grow_stars(g, nd);
		return i;
	}
	d[nd] = '\0';
	sh = shape_of(d, nd, ng > 1);
	if (sh != SH_NONE) {
		put_shape(g, sh, d, nd);
		return i;
	}
	for (k = 0; k < ng; k++) {
		size_t n = (k + 1 < ng ? dstart[k + 1] : nd) - dstart[k];

		if (k)
			grow_put(g, s + end[k - 1], start[k] - end[k - 1]);
		sh = shape_of(d + dstart[k], n, 0);
		if (sh == SH_NONE)
			grow_put(g, s + start[k], end[k] - start[k]);
		else
			put_shape(g, sh, d + dstart[k], n);
	}
	return i;
}

static size_t chars(const char *s)
{
	size_t n = 0, len = strlen(s), i = 0, k;
	uint32_t cp;

	for (; i < len; i += k ? k : 1, n++)
		k = text_utf8_decode(s + i, len - i, &cp);
	return n;
}

static int is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* After a word that introduces a name: the separators, then up to 3 Han
 * characters masked as a name when there are 2 or more.  Returns the bytes
 * consumed. */
static size_t put_introduced(struct grow *g, const char *s, size_t avail,
			     const char *const *names)
{
	size_t i = 0, j, n, count = 0;
	uint32_t cp;
	char name[16], masked[16];

	while (i < avail) {
		n = text_utf8_decode(s + i, avail - i, &cp);
		if (!n || !(cp == ':' || cp == ' ' || cp == 0xFF1A || cp == 0x3000 || cp == 0x662F))
			break;		/* ':' ' ' '：' full-width space '是' */
		i += n;
	}
	grow_put(g, s, i);
	/* The case's own name is masked whole by the caller. */
	for (j = 0; names && names[j]; j++)
		if (chars(names[j]) > 1 && strncmp(s + i, names[j], strlen(names[j])) == 0)
			return i;
	for (j = i; j < avail && count < 3; j += n, count++) {
		n = text_utf8_decode(s + j, avail - j, &cp);
		if (!n || !is_han(cp))
			break;
	}
	if (count < 2)
		return i;
	snprintf(name, sizeof(name), "%.*s", (int)(j - i), s + i);
	mask_name(name, masked, sizeof(masked));
	grow_str(g, masked);
	return j;
}

char *mask_text(const char *text, const char *const *names)
{
	static const char *const intro[] = { "我叫", "名叫", "姓名" };
	struct grow g = { NULL, 0, 0, 0 };
	size_t len, i = 0, n, k, dl;
	char masked[64];

	if (!text)
		text = "";
	len = strlen(text);
	grow_put(&g, "", 0);
	while (i < len && !g.oom) {
		const char *s = text + i;
		int done = 0;

		/* The case's own name; one character alone would hit any word. */
		for (k = 0; names && names[k] && !done; k++) {
			n = strlen(names[k]);
			if (chars(names[k]) > 1 && strncmp(s, names[k], n) == 0) {
				mask_name(names[k], masked, sizeof(masked));
				grow_str(&g, masked);
				i += n;
				done = 1;
			}
		}
		/* Its given name alone (小明 of 王小明), when that is 2 characters
		 * or more: stars only, as the surname is not there to keep. */
		for (k = 0; names && names[k] && !done; k++) {
			const char *given = names[k] + text_utf8_decode(names[k], strlen(names[k]),
								       &(uint32_t){ 0 });

			n = strlen(given);
			if (chars(names[k]) > 2 && strncmp(s, given, n) == 0) {
				grow_stars(&g, 2);
				i += n;
				done = 1;
			}
		}
		if (done)
			continue;
		for (k = 0; k < sizeof(intro) / sizeof(intro[0]); k++) {
			n = strlen(intro[k]);
			if (strncmp(s, intro[k], n) == 0) {
				grow_put(&g, s, n);
				i += n + put_introduced(&g, s + n, len - i - n, names);
				done = 1;
				break;
			}
		}
		if (done)
			continue;
		if (digit_at(s, len - i, &dl)) {
			i += put_number(&g, s, len - i);
			continue;
		}
		n = text_utf8_decode(s, len - i, &(uint32_t){ 0 });
		if (n == 0)
			n = 1;
		grow_put(&g, s, n);
		i += n;
	}
	if (g.oom) {
		free(g.buf);
		return NULL;
	}
	return g.buf;
}
