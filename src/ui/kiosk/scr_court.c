/* Step 4, after the story: when it speaks of a court, a lawsuit, a
 * judgment, arbitration or an appeal, ask once whether the matter is
 * already before a court or arbitration (诉访分离).  Yes shows the advice
 * for matters in litigation and offers to register it as a court or legal
 * matter, which the receipt then answers with where to go instead of the
 * 15/60-day promise.  Either way the citizen goes on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/refdata.h"

static const char *const court_words[] = {
	"法院", "起诉", "判决", "仲裁", "诉讼", "立案", "上诉",
};

int court_words_in(const char *text)
{
	for (size_t i = 0; text && i < sizeof(court_words) / sizeof(court_words[0]); i++)
		if (strstr(text, court_words[i]))
			return 1;
	return 0;
}

typedef struct court_state {
	int advice;           /* 0: the question; 1: the advice and the route */
	w_confirm confirm;
	jrc_category lit;
	int have_lit;
} court_state;

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	court_state *c = s->state;

	(void)arg;
	c->have_lit = refdata_category(ctx->db, "LIT", &c->lit, NULL) == JRC_OK;
	return 0;
}

const char *court_advice_text(const jrc_category *lit)
{
	const char *t = lit && lit->code[0] ? i18n_pick(lit->court_zh, lit->court_en) : NULL;

	return t && *t ? t : lit_channel_text(lit);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	court_state *c = s->state;
	ui_rect r = ui_content(ctx);
	int y = r.y;
	char cat[128];

	ui_step_header(ctx, WIZ_STEP_STORY, wizard_step_count(ctx), wizard_step_title(WIZ_STEP_STORY),
		       _("One question about courts, please."));
	if (!c->advice) {
		y += ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_HEADING),
				     _("Is this matter already before a court or an arbitration body (a case filed, a "
				       "judgment or an award)?"));
		y += ui_text_wrapped(y + 1, r.x, r.w, 3, ui_attr(ctx, UI_NORMAL),
				     _("What you wrote mentions a court or arbitration. Such matters are handled there, "
				       "so we ask once."));
		w_confirm_draw(ctx, &c->confirm, r, y + 3, _("Yes, it is"), _("No"));
		return;
	}
	wizard_category_name(ctx, cat, sizeof(cat));
	ui_text(y, r.x, r.w, ui_attr(ctx, UI_NOTICE), _("Matters before a court go on through the court"));
	y += 2;
	y += ui_text_wrapped(y, r.x + 2, r.w - 2, 8, ui_attr(ctx, UI_NORMAL), court_advice_text(&c->lit));
	y++;
	y += ui_text_wrapped(y, r.x + 2, r.w - 2, 3, ui_attr(ctx, UI_NORMAL),
			     _("We can register it as a court or legal matter: your receipt then says where to go "
			       "and what to bring."));
	{
		char keep[256];

		/* TRANSLATORS: %s is the kind of matter the citizen chose. */
		snprintf(keep, sizeof(keep), _("Keep it as \"%s\""), cat);
		w_confirm_draw(ctx, &c->confirm, r, y + 1, _("Register as a court matter"), keep);
	}
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	court_state *c = s->state;
	wizard_draft *d = ctx->draft;
	ui_result res;
	int v = w_confirm_key(&c->confirm, act, ch, &res);

	if (v < 0)
		return res;
	d->court_asked = 1;
	if (!c->advice) {
		if (v == 1 && c->have_lit && strcmp(d->category, "LIT") != 0) {
			d->in_court = 1;
			c->advice = 1;
			c->confirm.sel = 0;
			return UI_DONE;
		}
		d->in_court = v == 1;
		ui_pop(ctx);
		wizard_step_done(ctx, WIZ_STEP_STORY);
		return UI_DONE;
	}
	if (v == 1) {
		snprintf(d->category, sizeof(d->category), "LIT");
		d->category_unsure = 0;
	}
	ui_pop(ctx);
	wizard_step_done(ctx, WIZ_STEP_STORY);
	return UI_DONE;
}

const ui_screen_ops scr_court_ops = {
	.name = "court",
	.enter = enter,
	.state_size = sizeof(court_state),
	.draw = draw,
	.key = key,
	.help_msg = N_("By law, a matter that a court or an arbitration body is dealing with, or has decided, goes on "
		     "there (诉访分离). Press 1 for yes, 2 for no. Whatever you answer, your matter is registered."),
};
