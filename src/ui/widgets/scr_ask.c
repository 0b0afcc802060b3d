/* A question before something typed is thrown away: 1 keep going, 2 the
 * action (discard, leave ...).  Esc, like 1, keeps everything.  The
 * screen pops itself before it calls the action, so the action sees the
 * stack as it was below the question. */
#include <stdlib.h>

#include "curses.h"
#include "screens.h"
#include "widgets.h"

typedef struct ask_state {
	scr_ask_arg arg;
	w_confirm confirm;
} ask_state;

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	ask_state *a;

	(void)ctx;
	if (!arg || !(a = calloc(1, sizeof(*a))))
		return -1;
	a->arg = *(const scr_ask_arg *)arg;
	s->state = a;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	free(s->state);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	ask_state *a = s->state;
	ui_rect r = ui_content(ctx);
	int y = r.y + 1;

	ui_step_header(ctx, 0, 0, _(a->arg.title), NULL);
	y += ui_text_wrapped(y, r.x, r.w, r.h - 5, ui_attr(ctx, UI_NOTICE), _(a->arg.body));
	w_confirm_draw(ctx, &a->confirm, r, y + 2, _(a->arg.keep), _(a->arg.act));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	ask_state *a = s->state;
	ui_result res;
	int v;
	void (*action)(ui_ctx *, void *);
	void *user;

	if (act == UI_ACT_BACK) {
		ui_pop(ctx);
		return UI_DONE;
	}
	v = w_confirm_key(&a->confirm, act, ch, &res);
	if (v < 0)
		return UI_DONE;
	action = a->arg.action;
	user = a->arg.user;
	ui_pop(ctx);            /* frees a */
	if (v == 0 && action)
		action(ctx, user);
	return UI_DONE;
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	ask_state *a = s->state;
	(void)ctx;
	(void)a;
	return _("Press 1 to go back to what you were doing: nothing is lost. Press 2 only if you really want "
		 "what you typed to be thrown away.");
}

const ui_screen_ops scr_ask_ops = {
	.name = "ask",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_text = help,
	.keys_msg = N_("1 or 2: choose   Esc: keep going"),
};
