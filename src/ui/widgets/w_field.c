/* A one-line text field with wide-character editing and sideways
 * scrolling. */
#include <stdio.h>

#include "curses.h"
#include "ime.h"
#include "widgets.h"

void w_field_init(w_field *f, char *buf, size_t cap, size_t max_chars, w_filter_fn filter)
{
	w_edit_init(&f->e, buf, cap, max_chars, filter);
	f->scroll = 0;
}

ui_result w_field_key(ui_ctx *ctx, w_field *f, ui_action act, wint_t ch)
{
	ui_result r = UI_PASS;

	/* Free text (no filter) takes pinyin on Chinese screens. */
	if (!f->e.filter)
		r = ime_key(ctx, &f->e, act, ch);
	if (r == UI_PASS)
		r = w_edit_key(&f->e, act, ch);
	if (r == UI_DONE && f->e.overflow)
		ui_message(ctx, 1, _("This field is full: at most %zu characters."), f->e.max_chars);
	return r;
}

void w_field_draw(ui_ctx *ctx, w_field *f, int y, int x, int width, int focused)
{
	w_edit *e = &f->e;
	int room = width - 1;     /* keep a column for the cursor at the end */

	if (f->scroll > e->cur)
		f->scroll = e->cur;
	if (ui_width_n(e->buf, e->len) <= room)
		f->scroll = 0;
	/* Scroll right until the cursor fits, a character at a time. */
	while (ui_width_n(e->buf + f->scroll, e->cur - f->scroll) > room) {
		w_edit tmp = *e;

		tmp.cur = f->scroll;
		w_edit_right(&tmp);
		f->scroll = tmp.cur;
	}
	ui_fill(y, x, width, ui_attr(ctx, UI_FIELD));
	ui_text(y, x, width, ui_attr(ctx, UI_FIELD), e->buf + f->scroll);
	if (focused) {
		int cx = x + ui_width_n(e->buf + f->scroll, e->cur - f->scroll);

		/* Letters being composed show where they will go. */
		if (!e->filter && ime_composing(ctx) && x + width - cx > 1)
			cx += ui_text(y, cx, x + width - cx - 1, ui_attr(ctx, UI_PREEDIT),
				      ime_preedit(ctx));
		ui_cursor(ctx, y, cx);
	}
	if (focused && !e->filter) {
		ui_rect r = ui_content(ctx);
		int right = r.x + r.w > x + width ? r.x + r.w : ctx->cols;
		int left = r.x + 2 < x ? r.x + 2 : x;
		const char *tag = ime_tag(ctx);

		/* Which letters the field takes, and the words to pick under it. */
		if (tag && right - (x + width) >= 9) {
			char t[16];

			/* The key line has no room left at 80 columns: the field
			 * names its key itself. */
			snprintf(t, sizeof(t), "[%s F4]", tag);
			ui_text(y, x + width + 1, right - (x + width) - 1, ui_attr(ctx, UI_KEY), t);
		}
		ime_place_candidates(ctx, y + 1, left, right - left);
	}
}
