/* Court and legal matters: say which legal channel handles them before
 * the citizen goes on, and still let them file. */
#include <stdlib.h>

#include "curses.h"
#include "screens.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/refdata.h"

typedef struct lit_state {
	jrc_category cat;
	w_confirm confirm;
} lit_state;

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	lit_state *l = s->state;

	(void)arg;
	if (refdata_category(ctx->db, "LIT", &l->cat, NULL) != JRC_OK)
		l->cat.code[0] = '\0';
	return 0;
}

const char *lit_channel_text(const jrc_category *c)
{
	const char *t = c && c->code[0] ? i18n_pick(c->channel_zh, c->channel_en) : NULL;

	return t && *t ? t
		       : _("Matters that a court or an arbitration body is dealing with, or has decided, "
			   "are handled through the courts and the procuratorate, not here.");
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	lit_state *l = s->state;
	ui_rect r = ui_content(ctx);
	int y = r.y;

	ui_step_header(ctx, WIZ_STEP_CATEGORY, wizard_step_count(ctx), wizard_step_title(WIZ_STEP_CATEGORY),
		       _("Please read this first."));
	ui_text(y, r.x, r.w, ui_attr(ctx, UI_NOTICE), _("Court and legal matters go through a legal channel"));
	y += 2;
	y += ui_text_wrapped(y, r.x + 2, r.w - 2, 6, ui_attr(ctx, UI_NORMAL), lit_channel_text(&l->cat));
	y += 1;
	y += ui_text_wrapped(y, r.x + 2, r.w - 2, 3, ui_attr(ctx, UI_NORMAL),
			     _("You can still tell us about it here: we will record it and tell you where to turn."));
	w_confirm_draw(ctx, &l->confirm, r, y + 2, _("Go on and file it here"),
		       _("Choose another kind"));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	lit_state *l = s->state;
	ui_result res;
	int v = w_confirm_key(&l->confirm, act, ch, &res);

	if (v == 1)
		wizard_step_done(ctx, WIZ_STEP_CATEGORY);
	else if (v == 0)
		ui_pop(ctx);
	return res;
}

const ui_screen_ops scr_lit_ops = {
	.name = "lit",
	.enter = enter,
	.state_size = sizeof(lit_state),
	.draw = draw,
	.key = key,
	.help_msg = N_("By law, matters that belong to a court, arbitration or another legal procedure are handled "
		     "there. Press 1 to file anyway, or 2 to choose another kind of problem."),
};
