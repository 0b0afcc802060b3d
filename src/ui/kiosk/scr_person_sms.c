/* Step 3, last question when a phone was given: may we send short
 * messages about the matter to that phone?  No unless the citizen says
 * yes; the answer lives in the draft and goes with it. */
#include <stdio.h>
#include <stdlib.h>

#include "curses.h"
#include "screens.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/mask.h"

static int sms_enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	w_confirm *c = calloc(1, sizeof(*c));

	(void)arg;
	if (!c)
		return -1;
	c->sel = ctx->draft && ctx->draft->sms ? 0 : 1;   /* "no" first */
	s->state = c;
	return 0;
}

static void sms_leave(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	free(s->state);
}

static void sms_draw(ui_ctx *ctx, ui_screen *s)
{
	ui_rect r = ui_content(ctx);
	char phone[32], line[256];
	int y = r.y;

	mask_phone(ctx->draft->phone, phone, sizeof(phone));
	ui_step_header(ctx, WIZ_STEP_PERSON, wizard_step_count(ctx), _("Text messages"),
		       _("One more question about you."));
	snprintf(line, sizeof(line), _("Would you like text messages at %s about this matter?"), phone);
	y += ui_text_wrapped(y, r.x, r.w, 2, ui_attr(ctx, UI_HEADING), line);
	y++;
	y += ui_text_wrapped(y, r.x, r.w, 4, ui_attr(ctx, UI_NORMAL),
			     _("We would send your receipt number and query code, the time of a meeting you book (and a reminder the day before), whether your matter is taken on, and when the answer is ready. Never your name or what you told us. Free of charge."));
	w_confirm_draw(ctx, s->state, r, y + 2, _("Yes, send me messages"), _("No, thank you"));
}

static ui_result sms_key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	ui_result res;
	int v = w_confirm_key(s->state, act, ch, &res);

	if (v == 0 || v == 1) {
		ctx->draft->sms = v;
		/* Off the stack first: Esc on the next step goes back to the
		 * form, where the phone can be changed (and this asked again). */
		ui_pop(ctx);
		wizard_step_done(ctx, WIZ_STEP_PERSON);
	}
	return res;
}

static const char *sms_help(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	(void)s;
	return _("Press 1 to get text messages about your matter on your phone. Press 2 for no messages.");
}

const ui_screen_ops scr_person_sms_ops = {
	.name = "person_sms",
	.enter = sms_enter,
	.leave = sms_leave,
	.draw = sms_draw,
	.key = sms_key,
	.help_text = sms_help,
};
