/* A multi-line text area: wraps automatically (Enter is not a line break
 * but "continue"), edits double-width characters correctly and shows how
 * many characters are left. */
#include <stdio.h>
#include <stdlib.h>

#include "curses.h"
#include "ime.h"
#include "widgets.h"
#include "jrc/text.h"

void w_textarea_init(w_textarea *t, char *buf, size_t cap, size_t max_chars)
{
	w_edit_init(&t->e, buf, cap, max_chars, NULL);
	t->top = 0;
	t->width = 0;
	t->cut = 0;
}

typedef struct wrapped {
	size_t *starts, *lens, n;
} wrapped;

static void wrap(const w_textarea *t, wrapped *w)
{
	w->n = text_wrap(t->e.buf, (size_t)(t->width > 1 ? t->width : 1), &w->starts, &w->lens);
}

static void unwrap(wrapped *w)
{
	free(w->starts);
	free(w->lens);
}

/* Where the cursor is: wrapped line and column. */
static void locate(const w_textarea *t, const wrapped *w, int *line, int *col)
{
	size_t l = 0, end;

	if (w->n == 0) {
		*line = 0;
		*col = 0;
		return;
	}
	while (l + 1 < w->n && w->starts[l + 1] <= t->e.cur)
		l++;
	end = w->starts[l] + w->lens[l];
	if (t->e.cur <= end) {
		*col = ui_width_n(t->e.buf + w->starts[l], t->e.cur - w->starts[l]);
	} else {
		/* In spaces trimmed at the end of the line. */
		*col = ui_width_n(t->e.buf + w->starts[l], w->lens[l]) + (int)(t->e.cur - end);
	}
	*line = (int)l;
	if (*col > t->width) {
		*line += 1;
		*col = 0;
	}
}

/* Move to wrapped line `line` at display column col (or the nearest
 * character boundary before it). */
static void go_line(w_textarea *t, const wrapped *w, int line, int col)
{
	size_t start = w->starts[line], len = w->lens[line], i = 0;
	int used = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(t->e.buf + start + i, len - i, &cp);
		int cw;

		if (n == 0)
			n = 1, cp = 0xFFFD;
		cw = text_cp_width(cp);
		if (used + cw > col)
			break;
		used += cw;
		i += n;
	}
	t->e.cur = start + i;
}

static ui_result vertical(w_textarea *t, int dir)
{
	wrapped w;
	int line, col;
	ui_result r = UI_PASS;

	wrap(t, &w);
	locate(t, &w, &line, &col);
	if (dir < 0 && line > 0 && (size_t)line - 1 < w.n) {
		go_line(t, &w, line - 1, col);
		r = UI_DONE;
	} else if (dir > 0 && (size_t)line + 1 < w.n) {
		go_line(t, &w, line + 1, col);
		r = UI_DONE;
	}
	unwrap(&w);
	return r;
}

static ui_result line_edge(w_textarea *t, int end)
{
	wrapped w;
	int line, col;

	wrap(t, &w);
	locate(t, &w, &line, &col);
	if ((size_t)line < w.n)
		t->e.cur = w.starts[line] + (end ? w.lens[line] : 0);
	unwrap(&w);
	return UI_DONE;
}

ui_result w_textarea_key(ui_ctx *ctx, w_textarea *t, ui_action act, wint_t ch)
{
	ui_result r;

	if (ime_composing(ctx))
		return ime_key(ctx, &t->e, act, ch);
	switch (act) {
	case UI_ACT_FIELD_PREV:
		return t->width > 0 ? vertical(t, -1) : UI_PASS;
	case UI_ACT_FIELD_NEXT:
		return t->width > 0 ? vertical(t, 1) : UI_PASS;
	case UI_ACT_HOME:
		return t->width > 0 ? line_edge(t, 0) : w_edit_key(&t->e, act, ch);
	case UI_ACT_END:
		return t->width > 0 ? line_edge(t, 1) : w_edit_key(&t->e, act, ch);
	default:
		break;
	}
	r = ime_key(ctx, &t->e, act, ch);
	if (r == UI_PASS)
		r = w_edit_key(&t->e, act, ch);
	if (r != UI_DONE)
		return r;
	if (t->e.overflow) {
		t->cut = 1;
		ui_message(ctx, 1, _("The limit of %zu characters is reached: what came after it was not taken."),
			   t->e.max_chars);
	} else if (act == UI_ACT_BACKSPACE || act == UI_ACT_DELETE) {
		t->cut = 0;
	}
	return UI_DONE;
}

void w_textarea_draw(ui_ctx *ctx, w_textarea *t, ui_rect r, int focused)
{
	ui_rect box = { r.y, r.x, r.h - 1, r.w };
	int inner = box.h - 2, line, col;
	wrapped w;
	char left[256];

	if (inner < 1)
		return;
	/* One column spare so the cursor after a full line stays inside. */
	t->width = box.w - 5;
	wrap(t, &w);
	locate(t, &w, &line, &col);
	if (line < t->top)
		t->top = line;
	if (line >= t->top + inner)
		t->top = line - inner + 1;
	if (t->top > 0 && (size_t)t->top + (size_t)inner > w.n + 1)
		t->top = (int)w.n + 1 > inner ? (int)w.n + 1 - inner : 0;
	ui_box(box, ui_attr(ctx, focused ? UI_HEADING : UI_NORMAL));
	for (int i = 0; i < inner; i++) {
		size_t l = (size_t)(t->top + i);

		if (l >= w.n)
			break;
		ui_text_n(box.y + 1 + i, box.x + 2, t->width + 1, ui_attr(ctx, UI_NORMAL),
			  t->e.buf + w.starts[l], w.lens[l]);
	}
	if (t->top > 0)
		ui_text(box.y, box.x + box.w - 12, 10, ui_attr(ctx, UI_KEY), " ^ ... ");
	if ((size_t)(t->top + inner) < w.n)
		ui_text(box.y + box.h - 1, box.x + box.w - 12, 10, ui_attr(ctx, UI_KEY), " v ... ");
	unwrap(&w);
	if (focused) {
		int cy = box.y + 1 + line - t->top, cx = box.x + 2 + col;
		int room = box.x + box.w - 1 - cx;

		if (ime_composing(ctx) && room > 1)
			cx += ui_text(cy, cx, room, ui_attr(ctx, UI_PREEDIT), ime_preedit(ctx));
		ui_cursor(ctx, cy, cx);
	}
	if (focused) {
		const char *tag = ime_tag(ctx);

		if (tag) {
			char m[32];

			snprintf(m, sizeof(m), " [%s] F4 ", tag);
			ui_text(box.y, box.x + 2, box.w - 16, ui_attr(ctx, UI_KEY), m);
		}
		/* The words to pick take the line under the frame. */
		if (ime_place_candidates(ctx, r.y + r.h - 1, r.x + 1, r.w - 2))
			return;
	}
	snprintf(left, sizeof(left), _("Characters left: %zu of %zu"),
		 t->e.max_chars - t->e.nchars, t->e.max_chars);
	ui_text(r.y + r.h - 1, r.x + 1, r.w - 2, ui_attr(ctx, UI_HINT), left);
	if (t->cut && t->e.nchars >= t->e.max_chars) {
		int used = (int)text_width(left) + 3;

		ui_text(r.y + r.h - 1, r.x + 1 + used, r.w - 2 - used, ui_attr(ctx, UI_ERROR),
			_("The text was cut at the limit."));
	}
}
