/* Two numbered choices: 1 yes, 2 no. */
#include <stdio.h>

#include "curses.h"
#include "speak.h"
#include "widgets.h"
#include "jrc/text.h"

int w_confirm_key(w_confirm *c, ui_action act, wint_t ch, ui_result *res)
{
	*res = UI_DONE;
	switch (act) {
	case UI_ACT_DIGIT:
		if (ch == L'1')
			return 1;
		if (ch == L'2')
			return 0;
		return -1;
	case UI_ACT_LEFT:
	case UI_ACT_FIELD_PREV:
		c->sel = 0;
		return -1;
	case UI_ACT_RIGHT:
	case UI_ACT_FIELD_NEXT:
		c->sel = 1;
		return -1;
	case UI_ACT_NEXT:
		return c->sel == 0 ? 1 : 0;
	default:
		*res = UI_PASS;
		return -1;
	}
}

void w_confirm_draw(ui_ctx *ctx, w_confirm *c, ui_rect r, int y, const char *yes,
		    const char *no)
{
	char a[256], b[256];
	int wa, wb, gap = 4, x;

	speak_choice(ctx, 0, yes, c->sel == 0);
	speak_choice(ctx, 1, no, c->sel == 1);
	snprintf(a, sizeof(a), " 1  %s ", yes);
	snprintf(b, sizeof(b), " 2  %s ", no);
	wa = (int)text_width(a);
	wb = (int)text_width(b);
	if (wa + wb + gap <= r.w) {
		x = r.x + (r.w - wa - wb - gap) / 2;
		ui_text(y, x, wa, ui_attr(ctx, c->sel == 0 ? UI_SELECTED : UI_KEY), a);
		ui_text(y, x + wa + gap, wb, ui_attr(ctx, c->sel == 1 ? UI_SELECTED : UI_KEY), b);
	} else {
		ui_text(y, r.x, r.w, ui_attr(ctx, c->sel == 0 ? UI_SELECTED : UI_KEY), a);
		ui_text(y + 1, r.x, r.w, ui_attr(ctx, c->sel == 1 ? UI_SELECTED : UI_KEY), b);
	}
}
