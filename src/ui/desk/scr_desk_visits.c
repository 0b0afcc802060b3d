/* The visit log: the leaders' visits under way or held in the last days.
 * Staff record each matter raised or found there: Enter starts assisted
 * filing with the visit and its place filled in; F files a matter the
 * visit found itself, with no complainant; S a citizen's matter solved on
 * the spot, filed, accepted and answered at once with what was done (a
 * step more before the review), by those the lifecycle lets accept and
 * answer: a supervisor (a handler files nothing at the desk).  A found
 * matter solved there is recorded with 'jrc file --visit ID --found
 * --solved TEXT'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_desk.h"
#include "wizard.h"
#include "jrc/visit.h"

enum { VISIT_LOG_DAYS = 30 };   /* how far back the log reaches */

typedef struct visits_state {
	desk_session *sess;
	jrc_visit *v;
	size_t n;
	w_list list;
	char line[512];
	char error[512];
} visits_state;

static const char *label(ui_ctx *ctx, void *user, int i)
{
	visits_state *p = user;
	const jrc_visit *v = &p->v[i];
	char hours[16];

	(void)ctx;
	visit_hours(v, hours);
	/* TRANSLATORS: visit number, month, day, hours, leader, township, village, place */
	snprintf(p->line, sizeof(p->line), _("%lld  %d/%d %s  %s  %s%s%s %s"), (long long)v->id,
		 v->day.m, v->day.d, hours, i18n_pick(v->host.name, v->host.name_en),
		 i18n_pick(v->township_zh, v->township_en), *v->village ? " " : "",
		 *v->village ? i18n_pick(v->village_zh, v->village_en) : "",
		 i18n_pick(v->place, *v->place_en ? v->place_en : v->place));
	return p->line;
}

/* Visits begun (today's once under way) in the last VISIT_LOG_DAYS days. */
static void load(ui_ctx *ctx, visits_state *p)
{
	jrc_err err = { 0 };
	jrc_time now = clock_now();
	char from[11];
	size_t m = 0;

	free(p->v);
	p->v = NULL;
	p->n = 0;
	p->error[0] = '\0';
	date_format(date_add_days(clock_local_date(now), -VISIT_LOG_DAYS), from);
	if (visit_list(ctx->db, from, 0, &p->v, &p->n, &err) != JRC_OK)
		snprintf(p->error, sizeof(p->error), "%s", err.msg);
	/* Begun ones only, kept in date order (the list's last is the
	 * latest, where the cursor starts). */
	for (size_t i = 0; i < p->n; i++) {
		const jrc_visit *v = &p->v[i];
		jrc_time start = clock_local_midnight(v->day) + (jrc_time)v->start_min * 60;

		if (start <= now)
			p->v[m++] = *v;   /* m <= i: only rows already read are overwritten */
	}
	p->n = m;
	w_list_init(&p->list, (int)p->n, label, p);
	p->list.gap = 1;
	p->list.sel = p->n ? (int)p->n - 1 : 0;
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	visits_state *p = calloc(1, sizeof(*p));

	if (!p)
		return -1;
	p->sess = arg;
	load(ctx, p);
	s->state = p;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	visits_state *p = s->state;

	(void)ctx;
	free(p->v);
	free(p);
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	visits_state *p = s->state;
	ui_rect r = ui_content(ctx);

	ui_step_header(ctx, 0, 0, _("Visit log"),
		       _("Choose the visit: Enter records a matter a citizen raised there, S one solved on the spot, F one the visit found itself."));
	if (p->error[0]) {
		ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), p->error);
		return;
	}
	if (!p->n) {
		ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_HINT),
				_("No leader's visit has begun in the last 30 days. Plan one with 'jrc visit add'."));
		return;
	}
	w_list_draw(ctx, &p->list, r);
}

/* May who accept and answer a new case at once?  The lifecycle's own
 * table decides (a case just registered, then accepted); a handler's
 * department is checked again against the case's when it is filed. */
static int may_solve(const jrc_staff *who, jrc_err *err)
{
	jrc_case c = { 0 };
	jrc_state to[JRC_STATE_COUNT];
	size_t n;
	int accept = 0, answer = 0;

	snprintf(c.department, sizeof(c.department), "%s", who->department);
	c.state = JRC_ST_REGISTERED;
	n = lifecycle_allowed(&c, who->role, who->department, to);
	for (size_t k = 0; k < n; k++)
		accept |= to[k] == JRC_ST_ACCEPTED;
	c.state = JRC_ST_ACCEPTED;
	n = lifecycle_allowed(&c, who->role, who->department, to);
	for (size_t k = 0; k < n; k++)
		answer |= to[k] == JRC_ST_ANSWERED;
	if (accept && answer)
		return 0;
	/* It fits the status line at 80 columns. */
	jrc_err_set(err, JRC_E_REFUSED, "role", "%s",
		    _("Only a supervisor may record a matter solved on the spot: press Enter instead."));
	return -1;
}

static void record(ui_ctx *ctx, visits_state *p, int i, int found, int spot)
{
	jrc_err err = { 0 };
	const jrc_visit *v = &p->v[i];

	if (desk_session_check(ctx, p->sess) != 0)
		return;
	if (auth_may(&p->sess->staff, JRC_DO_FILE, NULL, &err) != JRC_OK ||
	    (spot && may_solve(&p->sess->staff, &err) != 0)) {
		ui_message(ctx, 1, "%s", err.msg);
		return;
	}
	if (wizard_start_visit(ctx, v->id, v->township, *v->village ? v->village : v->township,
			       found, spot ? &p->sess->staff : NULL) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	visits_state *p = s->state;
	int picked;
	ui_result r;

	if (act == UI_ACT_CHAR && (ch == L'f' || ch == L'F') && p->n > 0) {
		record(ctx, p, p->list.sel, 1, 0);
		return UI_DONE;
	}
	if (act == UI_ACT_CHAR && (ch == L's' || ch == L'S') && p->n > 0) {
		record(ctx, p, p->list.sel, 0, 1);
		return UI_DONE;
	}
	r = w_list_key(ctx, &p->list, act, ch, &picked);
	if (picked < 0 || (size_t)picked >= p->n)
		return r;
	record(ctx, p, picked, 0, 0);
	return UI_DONE;
}

void desk_visits_open(ui_ctx *ctx, desk_session *sess)
{
	if (desk_session_check(ctx, sess) != 0)
		return;
	if (ui_push(ctx, &scr_desk_visits_ops, sess) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

const ui_screen_ops scr_desk_visits_ops = {
	.name = "desk_visits",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("The leaders' visits under way or held in the last 30 days. Record each matter raised or found "
		     "on a visit here: the filing starts with the visit and its place filled in. A citizen's matter "
		     "gets a receipt as any other; a matter the visit found itself (F) has no complainant. S records a "
		     "citizen's matter solved on the spot: one step more asks what was done, and the matter is filed, "
		     "accepted and answered with it at once. Only a supervisor may (it accepts and answers the "
		     "matter); a found matter solved on the spot is recorded with 'jrc file --visit ID --found --solved'."),
	.keys_msg = N_("Enter: citizen's matter  S: solved on the spot  F: found by visit  Esc: back"),
};
