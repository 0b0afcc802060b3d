/* Step 2: where it happened: a township or subdistrict, then one of its
 * villages or "not in the list" (filed at township level). */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "widgets.h"
#include "wizard.h"
#include "jrc/refdata.h"

typedef struct place_state {
	jrc_division *divs;
	size_t n;
	int villages;         /* 1: the village list of draft->township */
	jrc_division town;    /* that township, for the hint */
	int have_town;
	w_list list;
} place_state;

static const char *label(ui_ctx *ctx, void *user, int i)
{
	place_state *p = user;

	(void)ctx;
	if ((size_t)i < p->n)
		return i18n_pick(p->divs[i].name_zh, p->divs[i].name_en);
	return _("Not in the list");
}

static int open_list(ui_ctx *ctx, ui_screen *s, int villages)
{
	place_state *p = calloc(1, sizeof(*p));
	wizard_draft *d = ctx->draft;
	jrc_err err = { 0 };
	const char *cur = villages ? d->division : d->township;

	if (!p)
		return -1;
	p->villages = villages;
	if (refdata_divisions(ctx->db, villages ? d->township : NULL, &p->divs, &p->n, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		free(p);
		return -1;
	}
	p->have_town = villages && refdata_division(ctx->db, d->township, &p->town, NULL) == JRC_OK;
	w_list_init(&p->list, (int)p->n + (villages ? 1 : 0), label, p);
	p->list.gap = 1;
	if (villages && strcmp(d->division, d->township) == 0)
		p->list.sel = (int)p->n;
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->divs[i].code, cur) == 0)
			p->list.sel = (int)i;
	s->state = p;
	return 0;
}

static int enter_township(ui_ctx *ctx, ui_screen *s, void *arg)
{
	(void)arg;
	return open_list(ctx, s, 0);
}

static int enter_village(ui_ctx *ctx, ui_screen *s, void *arg)
{
	(void)arg;
	return open_list(ctx, s, 1);
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	place_state *p = s->state;

	(void)ctx;
	free(p->divs);
	free(p);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	place_state *p = s->state;
	ui_rect r = ui_content(ctx);
	char hint[512];

	if (p->villages) {
		const char *town = p->have_town ? i18n_pick(p->town.name_zh, p->town.name_en)
						 : ctx->draft->township;

		snprintf(hint, sizeof(hint),
			 _("%s: choose the village or community. If it is not there, choose \"Not in the list\"."),
			 town);
	} else {
		snprintf(hint, sizeof(hint), "%s",
			 _("Choose the township or subdistrict where it happened."));
	}
	ui_step_header(ctx, WIZ_STEP_PLACE, wizard_step_count(ctx), wizard_step_title(WIZ_STEP_PLACE), hint);
	w_list_draw(ctx, &p->list, r);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	place_state *p = s->state;
	wizard_draft *d = ctx->draft;
	int picked;
	ui_result r = w_list_key(ctx, &p->list, act, ch, &picked);

	if (picked < 0)
		return r;
	if (!p->villages) {
		if (strcmp(d->township, p->divs[picked].code) != 0) {
			snprintf(d->township, sizeof(d->township), "%s", p->divs[picked].code);
			d->division[0] = '\0';
		}
		if (ui_push(ctx, &scr_village_ops, NULL) != 0) {
			/* No village list: the township is the place. */
			snprintf(d->division, sizeof(d->division), "%s", d->township);
			wizard_step_done(ctx, WIZ_STEP_PLACE);
		} else if (((place_state *)ui_top(ctx)->state)->n == 0) {
			ui_pop(ctx);
			snprintf(d->division, sizeof(d->division), "%s", d->township);
			wizard_step_done(ctx, WIZ_STEP_PLACE);
		}
		return UI_DONE;
	}
	if ((size_t)picked == p->n)
		snprintf(d->division, sizeof(d->division), "%s", d->township);
	else
		snprintf(d->division, sizeof(d->division), "%s", p->divs[picked].code);
	wizard_step_done(ctx, WIZ_STEP_PLACE);
	return UI_DONE;
}

static const char *help(ui_ctx *ctx, ui_screen *s)
{
	place_state *p = s->state;

	(void)ctx;
	if (p->villages)
		return _("Choose the village or residential community where it happened. If it is not in the list, "
			 "choose \"Not in the list\": the township will handle it.");
	return _("Choose the township or subdistrict where the problem happened, so that the local office "
		 "responsible for it gets it.");
}

const ui_screen_ops scr_township_ops = {
	.name = "township",
	.enter = enter_township,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_text = help,
};

const ui_screen_ops scr_village_ops = {
	.name = "village",
	.enter = enter_village,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_text = help,
};
