/* Step 1: what the problem is about, from the 14 categories with their
 * plain descriptions, or "not sure" (filed as OTH).  Court and legal
 * matters (LIT) get the legal-channel guidance next. */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/refdata.h"
#include "jrc/text.h"

typedef struct cat_state {
	jrc_category *cats;
	size_t n;
	w_list list;
} cat_state;

static const char *label(ui_ctx *ctx, void *user, int i)
{
	cat_state *c = user;

	(void)ctx;
	if ((size_t)i < c->n)
		return i18n_pick(c->cats[i].name_zh, c->cats[i].name_en);
	return _("Not sure");
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	cat_state *c = calloc(1, sizeof(*c));
	wizard_draft *d = ctx->draft;
	jrc_err err = { 0 };

	(void)arg;
	if (!c)
		return -1;
	if (refdata_categories(ctx->db, &c->cats, &c->n, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		free(c);
		return -1;
	}
	w_list_init(&c->list, (int)c->n + 1, label, c);
	c->list.gap = 1;
	if (d->category_unsure)
		c->list.sel = (int)c->n;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->cats[i].code, d->category) == 0)
			c->list.sel = (int)i;
	s->state = c;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	cat_state *c = s->state;

	(void)ctx;
	free(c->cats);
	free(c);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	cat_state *c = s->state;
	ui_rect r = ui_content(ctx), lr = r;
	int used, sel = c->list.sel, maxw = 0, dx, dw;
	const char *desc;

	ui_step_header(ctx, WIZ_STEP_CATEGORY, wizard_step_count(ctx), wizard_step_title(WIZ_STEP_CATEGORY),
		       _("Choose the kind of problem with its number. If none fits, choose \"Not sure\"."));
	if ((size_t)sel < c->n)
		desc = i18n_pick(c->cats[sel].desc_zh, c->cats[sel].desc_en);
	else
		desc = _("We will find the right department for you.");
	for (int i = 0; i < c->list.n; i++) {
		int w = (int)text_width(label(ctx, c, i));

		if (w > maxw)
			maxw = w;
	}
	/* One column with the highlighted kind explained beside it, when
	 * that fits; else the list above and the explanation under it. */
	lr.w = maxw + 8;
	dx = r.x + lr.w + 2;
	dw = r.w - lr.w - 2;
	if (c->list.n <= r.h && dw >= 28) {
		/* Level with the highlighted item, so the eye finds it. */
		int lines = ui_text_lines(desc, dw) + ui_text_lines(label(ctx, c, sel), dw), dy;

		w_list_draw(ctx, &c->list, lr);
		dy = r.y + sel * c->list.step;
		if (dy + lines > r.y + r.h)
			dy = r.y + r.h - lines;
		if (dy < r.y)
			dy = r.y;
		dy += ui_text_wrapped(dy, dx, dw, 2, ui_attr(ctx, UI_KEY), label(ctx, c, sel));
		ui_text_wrapped(dy, dx, dw, r.y + r.h - dy, ui_attr(ctx, UI_NORMAL), desc);
		return;
	}
	lr = r;
	lr.h = r.h - 4;
	used = w_list_draw(ctx, &c->list, lr);
	ui_text(r.y + used + 1, r.x, r.w, ui_attr(ctx, UI_KEY), label(ctx, c, sel));
	ui_text_wrapped(r.y + used + 2, r.x + 2, r.w - 2, r.h - used - 2, ui_attr(ctx, UI_NORMAL), desc);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	cat_state *c = s->state;
	wizard_draft *d = ctx->draft;
	int picked;
	ui_result r;

	if (act == UI_ACT_BACK) {
		/* Back past step 1 leaves the form: never silently. */
		wizard_ask_leave(ctx);
		return UI_DONE;
	}
	r = w_list_key(ctx, &c->list, act, ch, &picked);

	if (picked < 0)
		return r;
	if ((size_t)picked == c->n) {
		d->category_unsure = 1;
		d->category[0] = '\0';
	} else {
		d->category_unsure = 0;
		snprintf(d->category, sizeof(d->category), "%s", c->cats[picked].code);
	}
	if (!d->category_unsure && strcmp(d->category, "LIT") == 0)
		ui_push(ctx, &scr_lit_ops, NULL);
	else
		wizard_step_done(ctx, WIZ_STEP_CATEGORY);
	return UI_DONE;
}

const ui_screen_ops scr_category_ops = {
	.name = "category",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("Choose the kind of problem, so that it goes to the right department. The text next to the list "
		     "explains the highlighted kind. If you are not sure, choose \"Not sure\": staff will sort it out."),
};
