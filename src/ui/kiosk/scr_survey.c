/* An opinion survey at the kiosk: each question with its numbered
 * answers, answered with one digit.  Anonymous: the answers are kept with
 * the day and the township only, once all are given; leaving before the
 * end keeps nothing.  One set of answers per citizen: home offers the
 * survey again only after the kiosk has been left alone (scr_home.c). */
#include <stdio.h>
#include <string.h>

#include "curses.h"
#include "screens.h"
#include "speak.h"
#include "widgets.h"
#include "jrc/survey.h"

typedef struct survey_state {
	jrc_survey sv;
	int k;                               /* the question shown, 0-based */
	int answers[JRC_SURVEY_QUESTIONS];
	w_list list;
	char title[256];
} survey_state;

static const char *label(ui_ctx *ctx, void *user, int i)
{
	survey_state *p = user;
	const jrc_survey_question *q = &p->sv.q[p->k];

	(void)ctx;
	return i18n_pick(q->answer_zh[i], q->answer_en[i]);
}

static void show(survey_state *p)
{
	w_list_init(&p->list, p->sv.q[p->k].nanswers, label, p);
	p->list.gap = 1;
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	survey_state *p = s->state;
	char site[16];

	(void)arg;
	if (db_setting_get(ctx->db, "site_division", NULL, site, sizeof(site), NULL) != JRC_OK)
		site[0] = '\0';
	if (survey_active(ctx->db, site, &p->sv, NULL) != JRC_OK || p->sv.nquestions < 1)
		return -1;
	show(p);
	return 0;
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	survey_state *p = s->state;
	const jrc_survey_question *q = &p->sv.q[p->k];
	ui_rect r = ui_content(ctx), lr;
	int used;

	snprintf(p->title, sizeof(p->title), _("%s: question %d of %d"),
		 i18n_pick(p->sv.title_zh, p->sv.title_en), p->k + 1, p->sv.nquestions);
	ui_step_header(ctx, 0, 0, p->title,
		       _("Press the number of your answer. Nothing that says who you are is kept."));
	used = ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_HEADING),
			       i18n_pick(q->text_zh, q->text_en));
	/* With voice guidance, the question is said before its answers. */
	speak_extra(ctx, i18n_pick(q->text_zh, q->text_en));
	lr = r;
	lr.y = r.y + used + 1;
	lr.h = r.h - used - 1;
	w_list_draw(ctx, &p->list, lr);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	survey_state *p = s->state;
	char site[16];
	jrc_err err = { 0 };
	int picked;
	ui_result r;

	if (act == UI_ACT_BACK) {
		if (p->k == 0)
			return UI_PASS;     /* leave: nothing was kept */
		p->k--;
		show(p);
		p->list.sel = p->answers[p->k] - 1;
		return UI_DONE;
	}
	r = w_list_key(ctx, &p->list, act, ch, &picked);
	if (picked < 0)
		return r;
	p->answers[p->k] = picked + 1;
	if (p->k + 1 < p->sv.nquestions) {
		p->k++;
		show(p);
		return UI_DONE;
	}
	if (db_setting_get(ctx->db, "site_division", NULL, site, sizeof(site), NULL) != JRC_OK)
		site[0] = '\0';
	if (survey_answer(ctx->db, p->sv.id, site, p->answers, p->sv.nquestions, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		return UI_DONE;
	}
	ctx->survey_done_ms = ui_now_ms();
	ui_pop(ctx);
	ui_message(ctx, 0, "%s", _("Thank you: your answers are kept, without your name."));
	return UI_DONE;
}

int survey_home_available(ui_ctx *ctx)
{
	char site[16];
	jrc_survey sv;

	if (ctx->survey_done_ms || ctx->staff_mode)
		return 0;
	if (db_setting_get(ctx->db, "site_division", NULL, site, sizeof(site), NULL) != JRC_OK)
		site[0] = '\0';
	return survey_active(ctx->db, site, &sv, NULL) == JRC_OK;
}

void survey_home_open(ui_ctx *ctx)
{
	if (ui_push(ctx, &scr_survey_ops, NULL) != 0)
		ui_message(ctx, 1, "%s", _("The survey has just ended. Thank you all the same."));
}

const ui_screen_ops scr_survey_ops = {
	.name = "survey",
	.enter = enter,
	.draw = draw,
	.key = key,
	.state_size = sizeof(survey_state),
	.help_msg = N_("An opinion survey of the county: press the number of your answer to each question. "
		     "It is anonymous: only the day and the township are kept with your answers. Esc goes back "
		     "a question, or leaves without keeping anything."),
	.keys_msg = N_("Number: your answer   Esc: back"),
};
