/* A full-screen message; Enter or Esc goes back. */
#include "curses.h"
#include "screens.h"

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	(void)ctx;
	s->state = arg;
	return arg ? 0 : -1;
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	const scr_notice_arg *n = s->state;
	ui_rect r = ui_content(ctx);

	ui_step_header(ctx, 0, 0, _(n->title), NULL);
	ui_text_wrapped(r.y + 1, r.x, r.w, r.h - 2, ui_attr(ctx, UI_NOTICE), _(n->body));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	(void)s;
	(void)ch;
	if (act == UI_ACT_NEXT || act == UI_ACT_BACK) {
		ui_pop(ctx);
		return UI_DONE;
	}
	return UI_PASS;
}

const ui_screen_ops scr_notice_ops = {
	.name = "notice",
	.enter = enter,
	.draw = draw,
	.key = key,
};
