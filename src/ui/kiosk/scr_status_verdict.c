/* Check progress, the citizen's say: satisfied / basically satisfied / not
 * satisfied (满意 / 基本满意 / 不满意) with an optional comment, and, when
 * not satisfied within the 30 days, the offer of a review (复查) or, after
 * a review, a re-review (复核). */
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_status.h"
#include "screens.h"
#include "widgets.h"
#include "jrc/lifecycle.h"

typedef struct verdict_state {
	status_session *ss;
	int phase;            /* 0: choose, 1: comment */
	w_list list;
	jrc_verdict chosen;
	char comment[JRC_COMMENT_MAX * 4 + 1];
	w_textarea area;
} verdict_state;

static const char *verdict_label(ui_ctx *ctx, void *user, int i)
{
	(void)ctx;
	(void)user;
	return lifecycle_verdict_words((jrc_verdict)i);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	verdict_state *v = calloc(1, sizeof(*v));

	(void)ctx;
	if (!v || !arg) {
		free(v);
		return -1;
	}
	v->ss = arg;
	w_list_init(&v->list, 3, verdict_label, v);
	v->list.gap = 1;
	w_textarea_init(&v->area, v->comment, sizeof(v->comment), JRC_COMMENT_MAX);
	s->state = v;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	verdict_state *v = s->state;

	(void)ctx;
	memset(v->comment, 0, sizeof(v->comment));
	free(v);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	verdict_state *v = s->state;
	ui_rect r = ui_content(ctx), lr;
	char buf[256];

	if (v->phase == 0) {
		ui_step_header(ctx, 0, 0, _("What do you think of the answer?"),
			       _("Press 1, 2 or 3."));
		lr = r;
		lr.w = r.w < 40 ? r.w : 40;
		lr.x = r.x + (r.w - lr.w) / 2;
		lr.y = r.y + 1;
		w_list_draw(ctx, &v->list, lr);
		return;
	}
	snprintf(buf, sizeof(buf), _("You chose: %s. Anything to add? You may leave this empty. Press Enter to send."),
		 lifecycle_verdict_words(v->chosen));
	ui_step_header(ctx, 0, 0, _("Your opinion"), buf);
	lr = r;
	if (lr.h > 10)
		lr.h = 10;
	w_textarea_draw(ctx, &v->area, lr, 1);
}

static void send(ui_ctx *ctx, verdict_state *v)
{
	status_session *ss = v->ss;
	jrc_feedback fb = { .verdict = v->chosen, .comment = v->comment };
	status_end_arg end = { .ss = ss };
	jrc_err err = { 0 };
	jrc_case c;

	/* The phone digits never change a matter: only the query code. */
	if (ss->kind != JRC_PROOF_CODE || !ss->p.can_give_verdict) {
		ui_message(ctx, 1, "%s", _("To give your opinion or ask for a review, look the matter up with the 6-digit query code on your receipt, or ask at the front desk."));
		return;
	}
	if (lifecycle_feedback(ctx->db, ss->receipt, &fb, &c, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg[0] ? err.msg : jrc_status_message(err.code));
		return;
	}
	grievance_case_free(&c);
	ss->p.verdict = v->chosen;
	if (v->chosen == JRC_VERDICT_UNSATISFIED && ss->p.can_request_review) {
		ui_replace(ctx, &scr_status_review_ops, ss);
		return;
	}
	end.end = v->chosen == JRC_VERDICT_UNSATISFIED ? STATUS_END_THANKS : STATUS_END_CLOSED;
	ui_replace(ctx, &scr_status_end_ops, &end);
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	verdict_state *v = s->state;
	int picked;
	ui_result r;

	if (v->phase == 0) {
		r = w_list_key(ctx, &v->list, act, ch, &picked);
		if (picked >= 0) {
			v->chosen = (jrc_verdict)picked;
			v->phase = 1;
		}
		return r;
	}
	if (act == UI_ACT_BACK) {
		v->phase = 0;
		return UI_DONE;
	}
	if (act == UI_ACT_NEXT) {
		send(ctx, v);
		return UI_DONE;
	}
	return w_textarea_key(ctx, &v->area, act, ch);
}

const ui_screen_ops scr_status_verdict_ops = {
	.name = "status_verdict",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("Say whether the written answer satisfies you: 1 satisfied, 2 basically satisfied, 3 not "
		     "satisfied. Then you may add a few words, or leave it empty, and press Enter. If you are "
		     "satisfied the matter is closed. If you are not, you can ask for a review."),
};

/* ---------------------------------------------------------------- review */

typedef struct review_state {
	status_session *ss;
	w_confirm confirm;
} review_state;

static int review_enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	review_state *v = calloc(1, sizeof(*v));

	(void)ctx;
	if (!v || !arg) {
		free(v);
		return -1;
	}
	v->ss = arg;
	s->state = v;
	return 0;
}

static void review_leave(ui_ctx *ctx, ui_screen *s)
{
	(void)ctx;
	free(s->state);
}

static int is_rereview(const review_state *v)
{
	return v->ss->p.review_state == JRC_ST_REREVIEW_REQUESTED;
}

static void review_draw(ui_ctx *ctx, ui_screen *s)
{
	review_state *v = s->state;
	const jrc_progress *p = &v->ss->p;
	ui_rect r = ui_content(ctx);
	char buf[1024], date[96];
	jrc_date d;
	int y = r.y + 1;

	ui_step_header(ctx, 0, 0, is_rereview(v) ? _("Ask for a re-review?") : _("Ask for a review?"),
		       _("Press 1 for yes or 2 for no."));
	if (date_parse(p->due_on, &d) == 0)
		ui_date_text(d, date, sizeof(date));
	else
		snprintf(date, sizeof(date), "%s", p->due_on);
	if (is_rereview(v))
		snprintf(buf, sizeof(buf),
			 _("You are not satisfied with the review. You may ask for a re-review: it looks at your matter one last time and answers within %d days. You can ask until %s."),
			 JRC_REVIEW_DAYS, date);
	else
		snprintf(buf, sizeof(buf),
			 _("You are not satisfied with the answer. You may ask for a review: the office above the department looks at your matter again and answers within %d days. You can ask until %s."),
			 JRC_REVIEW_DAYS, date);
	y += ui_text_wrapped(y, r.x, r.w, 6, ui_attr(ctx, UI_NORMAL), buf) + 2;
	w_confirm_draw(ctx, &v->confirm, r, y,
		       is_rereview(v) ? _("Yes, ask for a re-review") : _("Yes, ask for a review"),
		       _("No, thank you"));
}

static void request(ui_ctx *ctx, review_state *v)
{
	status_session *ss = v->ss;
	jrc_move mv = { .to = ss->p.review_state, .actor = "citizen", .role = JRC_ROLE_CITIZEN };
	status_end_arg end = { .ss = ss, .end = STATUS_END_REVIEW };
	jrc_err err = { 0 };
	jrc_case c;

	if (ss->kind != JRC_PROOF_CODE) {
		ui_message(ctx, 1, "%s", _("To give your opinion or ask for a review, look the matter up with the 6-digit query code on your receipt, or ask at the front desk."));
		return;
	}
	if (lifecycle_move(ctx->db, ss->receipt, &mv, &c, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg[0] ? err.msg : jrc_status_message(err.code));
		return;
	}
	snprintf(end.due_on, sizeof(end.due_on), "%.10s", c.due_on);
	end.review_state = mv.to;
	grievance_case_free(&c);
	ui_replace(ctx, &scr_status_end_ops, &end);
}

static ui_result review_key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	review_state *v = s->state;
	ui_result res;
	int yes = w_confirm_key(&v->confirm, act, ch, &res);
	status_end_arg end = { .ss = v->ss, .end = STATUS_END_THANKS };

	if (yes == 1)
		request(ctx, v);
	else if (yes == 0)
		ui_replace(ctx, &scr_status_end_ops, &end);
	return res;
}

static const char *review_help(ui_ctx *ctx, ui_screen *s)
{
	(void)s;
	snprintf(ctx->help_buf, sizeof(ctx->help_buf),
		 _("A review (复查) means the office above the department looks at your matter again and gives "
		   "you a new written answer within %d days. After a review you may ask once more for a re-review "
		   "(复核), which is the last step. Press 1 to ask for it now, or 2 if you do not want it."),
		 JRC_REVIEW_DAYS);
	return ctx->help_buf;
}

const ui_screen_ops scr_status_review_ops = {
	.name = "status_review",
	.enter = review_enter,
	.leave = review_leave,
	.draw = review_draw,
	.key = review_key,
	.help_text = review_help,
};
