/* A numbered list.  Digits choose at once when the number cannot grow
 * into a longer one (with 15 items "3" is 3, "1" waits for "5" or Enter);
 * arrows move the highlight and Enter chooses it.  Short lists are one
 * column; longer ones two columns if they fit, else they scroll a page at
 * a time. */
#include <stdio.h>

#include "curses.h"
#include "speak.h"
#include "widgets.h"
#include "jrc/text.h"

void w_list_init(w_list *l, int n, w_list_text_fn label, void *user)
{
	l->n = n;
	l->sel = 0;
	l->top = 0;
	l->pending = -1;
	l->page = n;
	l->gap = 0;
	l->step = 1;
	l->label = label;
	l->user = user;
}

static ui_result pick(w_list *l, int i, int *picked)
{
	l->sel = i;
	l->pending = -1;
	*picked = i;
	return UI_DONE;
}

static ui_result digit(ui_ctx *ctx, w_list *l, int d, int *picked)
{
	if (l->pending > 0) {
		int num = l->pending * 10 + d;

		l->pending = -1;
		if (num >= 1 && num <= l->n)
			return pick(l, num - 1, picked);
		ui_message(ctx, 1, _("There is no choice %d: type a number from 1 to %d."), num, l->n);
		return UI_DONE;
	}
	if (d < 1 || d > l->n) {
		ui_message(ctx, 1, _("There is no choice %d: type a number from 1 to %d."), d, l->n);
		return UI_DONE;
	}
	if (d * 10 > l->n)
		return pick(l, d - 1, picked);
	/* It could be the start of 10..n: highlight it and wait. */
	l->pending = d;
	l->sel = d - 1;
	ui_message(ctx, 0, _("You typed %d: press Enter to choose %d, or type the second digit."), d, d);
	return UI_DONE;
}

ui_result w_list_key(ui_ctx *ctx, w_list *l, ui_action act, wint_t ch, int *picked)
{
	*picked = -1;
	if (l->n <= 0)
		return UI_PASS;
	if (act != UI_ACT_DIGIT && act != UI_ACT_NEXT)
		l->pending = -1;
	switch (act) {
	case UI_ACT_DIGIT:
		return digit(ctx, l, (int)(ch - L'0'), picked);
	case UI_ACT_NEXT:
		return pick(l, l->sel, picked);
	case UI_ACT_FIELD_NEXT:
		l->sel = (l->sel + 1) % l->n;
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
		l->sel = (l->sel + l->n - 1) % l->n;
		return UI_DONE;
	case UI_ACT_RIGHT:
	case UI_ACT_LEFT: {
		/* Two columns: jump across; one column: nothing. */
		int half = (l->n + 1) / 2;

		if (l->page >= l->n && l->n > 1 && l->page < l->n * 2) {
			if (act == UI_ACT_RIGHT && l->sel + half < l->n)
				l->sel += half;
			else if (act == UI_ACT_LEFT && l->sel - half >= 0)
				l->sel -= half;
		}
		return UI_DONE;
	}
	case UI_ACT_PAGE_DOWN:
		l->sel += l->page > 1 ? l->page : 1;
		if (l->sel >= l->n)
			l->sel = l->n - 1;
		return UI_DONE;
	case UI_ACT_PAGE_UP:
		l->sel -= l->page > 1 ? l->page : 1;
		if (l->sel < 0)
			l->sel = 0;
		return UI_DONE;
	case UI_ACT_HOME:
		l->sel = 0;
		return UI_DONE;
	case UI_ACT_END:
		l->sel = l->n - 1;
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

static void draw_item(ui_ctx *ctx, w_list *l, int i, int y, int x, int w, int numw)
{
	char num[16];
	int sel = i == l->sel, a = ui_attr(ctx, sel ? UI_SELECTED : UI_NORMAL);

	/* The marker keeps the highlight visible without colour or reverse. */
	snprintf(num, sizeof(num), "%s%*d ", sel ? ">" : " ", numw, i + 1);
	if (sel)
		ui_fill(y, x, w, a);
	ui_text(y, x, w, sel ? a : ui_attr(ctx, UI_KEY), num);
	ui_text(y, x + numw + 3, w - numw - 4, a, l->label(ctx, l->user, i));
}

int w_list_draw(ui_ctx *ctx, w_list *l, ui_rect r)
{
	int numw = l->n >= 10 ? 2 : 1, maxw = 0, colw, rows;

	if (l->n <= 0 || r.h < 1)
		return 0;
	for (int i = 0; i < l->n; i++) {
		int w = (int)text_width(l->label(ctx, l->user, i));

		if (w > maxw)
			maxw = w;
	}
	colw = maxw + numw + 6;
	/* Voice: every choice, not just the page on the screen. */
	for (int i = 0; i < l->n; i++)
		speak_choice(ctx, i, l->label(ctx, l->user, i), i == l->sel);
	if (l->n <= r.h) {
		/* One column, all visible; spaced out when there is room. */
		int step = l->n * (1 + l->gap) - l->gap <= r.h ? 1 + l->gap : 1;

		l->step = step;
		l->page = l->n;
		l->top = 0;
		if (colw > r.w)
			colw = r.w;
		for (int i = 0; i < l->n; i++)
			draw_item(ctx, l, i, r.y + i * step, r.x, colw, numw);
		return l->n * step - (step - 1);
	}
	l->step = 1;
	rows = (l->n + 1) / 2;
	if (rows <= r.h && colw * 2 + 2 <= r.w) {
		/* Two columns, filled down then across. */
		int cw = (r.w - 2) / 2 < colw + 8 ? (r.w - 2) / 2 : colw + 8;

		l->page = l->n;
		l->top = 0;
		for (int i = 0; i < l->n; i++)
			draw_item(ctx, l, i, r.y + i % rows, r.x + (i / rows) * (cw + 2), cw, numw);
		return rows;
	}
	/* Scrolling: one page at a time, the last row says there is more. */
	l->page = r.h - 1 > 1 ? r.h - 1 : 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + l->page)
		l->top = l->sel - l->page + 1;
	if (colw > r.w)
		colw = r.w;
	for (int i = 0; i < l->page && l->top + i < l->n; i++)
		draw_item(ctx, l, l->top + i, r.y + i, r.x, colw, numw);
	{
		char more[128];

		snprintf(more, sizeof(more), _("Choices %d-%d of %d: more with PgDn / PgUp or the arrow keys"),
			 l->top + 1, l->top + l->page < l->n ? l->top + l->page : l->n, l->n);
		ui_text(r.y + r.h - 1, r.x, r.w, ui_attr(ctx, UI_HINT), more);
	}
	return r.h;
}
