/* A one-line text field with wide-character editing and sideways
 * scrolling. */
#include "curses.h"
#include "widgets.h"

void w_field_init(w_field *f, char *buf, size_t cap, size_t max_chars, w_filter_fn filter)
{
	w_edit_init(&f->e, buf, cap, max_chars, filter);
	f->scroll = 0;
}

ui_result w_field_key(ui_ctx *ctx, w_field *f, ui_action act, wint_t ch)
{
	ui_result r = w_edit_key(&f->e, act, ch);

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
	if (focused)
		ui_cursor(ctx, y, x + ui_width_n(e->buf + f->scroll, e->cur - f->scroll));
}
