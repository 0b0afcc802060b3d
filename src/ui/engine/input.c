/* Reading keys: UTF-8 assembled from bytes, and escape sequences that
 * the terminal description does not decode (pastes, a mismatched TERM). */
#include <stdint.h>
#include <string.h>

#include "curses.h"
#include "engine.h"
#include "input.h"
#include "jrc/text.h"

enum {
	ESC_WAIT_MS = 50,   /* the rest of an escape sequence after ESC */
	UTF8_WAIT_MS = 100  /* the rest of a character split across reads */
};

/* One key, waiting up to timeout_ms (0: only what is there, -1: forever).
 * Like wget_wch, but UTF-8 is assembled here from single bytes, waiting
 * a moment for the rest of a character: a paste arrives in chunks that
 * may split a character, and a non-blocking wget_wch loses such a one. */
int ui_read_key(int timeout_ms, wint_t *out)
{
	unsigned char buf[4];
	size_t need, i;
	uint32_t cp;
	int c;

	wtimeout(stdscr, timeout_ms);
	c = wgetch(stdscr);
	if (c == ERR)
		return ERR;
	if (c >= KEY_MIN) {
		*out = (wint_t)c;
		return KEY_CODE_YES;
	}
	*out = (wint_t)c;
	if (c < 0x80)
		return OK;
	if ((c & 0xE0) == 0xC0)
		need = 1;
	else if ((c & 0xF0) == 0xE0)
		need = 2;
	else if ((c & 0xF8) == 0xF0)
		need = 3;
	else
		need = 0;
	*out = 0xFFFD;      /* not printable: dropped as a key */
	if (!need)
		return OK;
	buf[0] = (unsigned char)c;
	wtimeout(stdscr, UTF8_WAIT_MS);
	for (i = 1; i <= need; i++) {
		c = wgetch(stdscr);
		if (c == ERR)
			return OK;
		if (c >= KEY_MIN || (c & 0xC0) != 0x80) {
			ungetch(c);
			return OK;
		}
		buf[i] = (unsigned char)c;
	}
	if (text_utf8_decode((const char *)buf, need + 1, &cp) == need + 1)
		*out = (wint_t)cp;
	return OK;
}

/* After an ESC, read whatever arrived with it.  A lone ESC is the Esc key;
 * anything else is an escape sequence the terminal description did not
 * know (or one pasted in): a known one becomes its action (*act), the
 * rest is swallowed whole.  Returns 1 when *act is to be dispatched. */
int ui_escape_sequence(ui_ctx *ctx, ui_action *act)
{
	wint_t c;
	char seq[24];
	size_t n = 0;
	int r, guard = 0;

	*act = UI_ACT_NONE;
	/* ncurses already waited ESCDELAY for a key it knows; a sequence it
	 * does not know may still be on its way. */
	r = ui_read_key(ESC_WAIT_MS, &c);
	if (r == ERR) {
		*act = UI_ACT_BACK;
		return 1;
	}
	if (r == KEY_CODE_YES)
		return 0;
	seq[n++] = c < 0x80 ? (char)c : '?';
	if (c == L'[') {
		/* CSI: parameters, then a final byte 0x40-0x7e; the Linux
		 * console's F1-F5 are ESC [ [ A..E. */
		while (guard++ < 64 && ui_read_key(ESC_WAIT_MS, &c) == OK) {
			if (n + 1 < sizeof(seq))
				seq[n++] = c < 0x80 ? (char)c : '?';
			if (c == L'[' && n == 2)
				continue;
			if (c >= 0x40 && c <= 0x7e)
				break;
		}
		seq[n] = '\0';
		if (strcmp(seq, "[200~") == 0)
			ctx->pasting = 1;
		else if (strcmp(seq, "[201~") == 0)
			ctx->pasting = 0;
	} else if (c == L']' || c == L'P' || c == L'X' || c == L'^' || c == L'_') {
		/* A string: up to BEL or ESC \. */
		while (guard++ < 4096 && ui_read_key(ESC_WAIT_MS, &c) == OK) {
			if (c == 7)
				break;
			if (c == 27) {
				ui_read_key(ESC_WAIT_MS, &c);
				break;
			}
		}
		return 0;
	} else if (c == L'O') {
		if (ui_read_key(ESC_WAIT_MS, &c) == OK && n + 1 < sizeof(seq))
			seq[n++] = c < 0x80 ? (char)c : '?';
	}
	/* else Alt+key: dropped */
	seq[n] = '\0';
	if (ctx->pasting)
		return 0;
	*act = ui_key_sequence(seq);
	return *act != UI_ACT_NONE;
}
