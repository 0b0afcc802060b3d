/* Editing a caller-owned UTF-8 buffer by whole characters. */
#include <string.h>

#include "widgets.h"
#include "jrc/text.h"

void w_edit_init(w_edit *e, char *buf, size_t cap, size_t max_chars, w_filter_fn filter)
{
	e->buf = buf;
	e->cap = cap;
	e->max_chars = max_chars;
	e->filter = filter;
	buf[cap - 1] = '\0';
	e->len = strlen(buf);
	e->nchars = text_utf8_count(buf);
	e->cur = e->len;
	e->overflow = 0;
	e->refused = 0;
}

/* Length of the character before byte offset at. */
static size_t prev_len(const w_edit *e, size_t at)
{
	size_t i = at;

	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)e->buf[i] & 0xC0) == 0x80)
		i--;
	return at - i;
}

static size_t next_len(const w_edit *e, size_t at)
{
	uint32_t cp;
	size_t n;

	if (at >= e->len)
		return 0;
	n = text_utf8_decode(e->buf + at, e->len - at, &cp);
	return n ? n : 1;
}

int w_edit_insert(w_edit *e, uint32_t cp)
{
	char enc[4];
	size_t n;

	e->overflow = 0;
	e->refused = 0;
	/* A field for digits or a number takes full-width forms as ASCII. */
	if (e->filter && !e->filter(cp) && e->filter((uint32_t)ui_key_ascii((wint_t)cp)))
		cp = (uint32_t)ui_key_ascii((wint_t)cp);
	if (!ui_key_printable(cp) || (e->filter && !e->filter(cp))) {
		e->refused = 1;
		return -1;
	}
	n = text_utf8_encode(cp, enc);
	if (n == 0) {
		e->refused = 1;
		return -1;
	}
	if (e->nchars >= e->max_chars || e->len + n + 1 > e->cap) {
		e->overflow = 1;
		return -1;
	}
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, enc, n);
	e->len += n;
	e->cur += n;
	e->nchars++;
	return 0;
}

void w_edit_left(w_edit *e)
{
	e->cur -= prev_len(e, e->cur);
}

void w_edit_right(w_edit *e)
{
	e->cur += next_len(e, e->cur);
}

void w_edit_backspace(w_edit *e)
{
	size_t n = prev_len(e, e->cur);

	if (!n)
		return;
	memmove(e->buf + e->cur - n, e->buf + e->cur, e->len - e->cur + 1);
	e->cur -= n;
	e->len -= n;
	e->nchars--;
}

void w_edit_delete(w_edit *e)
{
	size_t n = next_len(e, e->cur);

	if (!n)
		return;
	memmove(e->buf + e->cur, e->buf + e->cur + n, e->len - e->cur - n + 1);
	e->len -= n;
	e->nchars--;
}

void w_edit_set(w_edit *e, const char *s)
{
	size_t i = 0, len = strlen(s);

	e->buf[0] = '\0';
	e->len = e->nchars = e->cur = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);

		i += n ? n : 1;
		if (n)
			w_edit_insert(e, cp);
	}
	e->overflow = e->refused = 0;
}

ui_result w_edit_key(w_edit *e, ui_action act, wint_t ch)
{
	switch (act) {
	case UI_ACT_LEFT: w_edit_left(e); break;
	case UI_ACT_RIGHT: w_edit_right(e); break;
	case UI_ACT_HOME: e->cur = 0; break;
	case UI_ACT_END: e->cur = e->len; break;
	case UI_ACT_BACKSPACE: w_edit_backspace(e); break;
	case UI_ACT_DELETE: w_edit_delete(e); break;
	case UI_ACT_DIGIT:
	case UI_ACT_CHAR:
		w_edit_insert(e, (uint32_t)ch);
		break;
	default:
		return UI_PASS;
	}
	return UI_DONE;
}

int w_filter_digits(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

int w_filter_id_number(uint32_t cp)
{
	return w_filter_digits(cp) || cp == 'X' || cp == 'x';
}

int w_filter_document(uint32_t cp)
{
	return w_filter_digits(cp) || cp == '-' || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 'a' && cp <= 'z');
}

int w_filter_phone(uint32_t cp)
{
	return w_filter_digits(cp) || cp == '-' || cp == ' ';
}
