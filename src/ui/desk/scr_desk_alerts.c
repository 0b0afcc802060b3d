/* Early warning at the desk: the alerts the rules raised, open ones
 * first, newest first, each a plain summary with its count.  Enter shows
 * the cases behind one (receipt, category, place, state: no names), and
 * Enter there opens a case; A acknowledges the alert with a note, which
 * only a supervisor may.  Opening the screen holds the departments'
 * overdue counts against their rule first, so it is as fresh as the
 * worklist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_desk.h"
#include "jrc/alert.h"

typedef struct alerts_state {
	desk_session *sess;
	jrc_alert *a;
	size_t n;
	long open;
	w_list list;
	int showing;                /* 1: the cases behind list.sel */
	jrc_alert_case *cases;
	size_t ncases;
	int csel, ctop;
	int stale;                  /* reload before the next draw */
	char line[512];
	char error[512];
} alerts_state;

/* Open ones first, then newest first (alert_list gives newest first). */
static int by_open(const void *x, const void *y)
{
	const jrc_alert *a = x, *b = y;
	int ao = !*a->acked_at, bo = !*b->acked_at;

	if (ao != bo)
		return bo - ao;
	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

static void when_text(const char *utc, char *out, size_t size)
{
	jrc_time t;
	char buf[32];

	if (clock_parse(utc, &t) == JRC_OK) {
		clock_format_local(t, buf);
		snprintf(out, size, "%s", buf + 5);    /* MM-DD HH:MM */
	} else {
		snprintf(out, size, "%s", utc);
	}
}

static const char *label(ui_ctx *ctx, void *user, int i)
{
	alerts_state *p = user;
	const jrc_alert *a = &p->a[i];
	char when[32];

	(void)ctx;
	when_text(a->raised_at, when, sizeof(when));
	/* TRANSLATORS: alert number, open or done, when raised, the number
	 * of cases behind it (first: a long summary is cut at 80 columns),
	 * summary */
	snprintf(p->line, sizeof(p->line), _("#%lld %s %s (%ld)  %s"), (long long)a->id,
		 *a->acked_at ? _("done") : _("OPEN"), when, a->count, a->summary);
	return p->line;
}

static void free_cases(alerts_state *p)
{
	free(p->cases);
	p->cases = NULL;
	p->ncases = 0;
	p->csel = p->ctop = 0;
}

static void load_cases(ui_ctx *ctx, alerts_state *p)
{
	jrc_err err = { 0 };

	free_cases(p);
	if (p->list.sel < 0 || (size_t)p->list.sel >= p->n)
		return;
	if (alert_cases(ctx->db, p->a[p->list.sel].id, &p->cases, &p->ncases, &err) != JRC_OK)
		snprintf(p->error, sizeof(p->error), "%s", err.msg);
}

static void load(ui_ctx *ctx, alerts_state *p)
{
	jrc_err err = { 0 };
	int64_t keep = p->n && p->list.sel >= 0 && (size_t)p->list.sel < p->n ? p->a[p->list.sel].id : 0;
	int sel = 0;

	alert_list_free(p->a, p->n);
	p->a = NULL;
	p->n = 0;
	p->open = 0;
	p->error[0] = '\0';
	p->stale = 0;
	if (alert_list(ctx->db, NULL, NULL, 0, &p->a, &p->n, &err) != JRC_OK) {
		snprintf(p->error, sizeof(p->error), "%s", err.msg);
		p->n = 0;
	}
	qsort(p->a, p->n, sizeof(*p->a), by_open);
	for (size_t i = 0; i < p->n; i++) {
		p->open += !*p->a[i].acked_at;
		if (p->a[i].id == keep)
			sel = (int)i;
	}
	w_list_init(&p->list, (int)p->n, label, p);
	p->list.sel = sel;
	if (p->showing)
		load_cases(ctx, p);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	alerts_state *p = calloc(1, sizeof(*p));
	jrc_err err = { 0 };

	if (!p)
		return -1;
	p->sess = arg;
	load(ctx, p);
	/* A department's overdue count is a rule of its own: checked now, so
	 * an alert raised by it is an event like the others. */
	if (alert_evaluate_overdue(ctx->db, NULL, &err) != JRC_OK)
		snprintf(p->error, sizeof(p->error), "%s", err.msg);
	else
		load(ctx, p);
	s->state = p;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	alerts_state *p = s->state;

	(void)ctx;
	alert_list_free(p->a, p->n);
	free(p->cases);
	free(p);
}

static void draw_cases(ui_ctx *ctx, alerts_state *p, ui_rect r)
{
	const jrc_alert *a = &p->a[p->list.sel];
	int y = r.y, rows, wr = 16, wc, wp, ws = 12, x;

	y += ui_text_wrapped(y, r.x, r.w, 2, ui_attr(ctx, UI_NOTICE), a->summary);
	if (*a->acked_at) {
		char when[32], buf[1200];

		when_text(a->acked_at, when, sizeof(when));
		snprintf(buf, sizeof(buf), _("Acknowledged by %s at %s: %s"), a->acked_by, when,
			 a->ack_note ? a->ack_note : "");
		y += ui_text_wrapped(y, r.x, r.w, 2, ui_attr(ctx, UI_HINT), buf);
	}
	y++;
	wc = (r.w - wr - ws - 3) * 2 / 5;
	wp = r.w - wr - ws - wc - 3;
	x = r.x;
	ui_text(y, x, wr, ui_attr(ctx, UI_HEADING), _("Receipt"));
	ui_text(y, x += wr + 1, wc, ui_attr(ctx, UI_HEADING), _("Category"));
	ui_text(y, x += wc + 1, wp, ui_attr(ctx, UI_HEADING), _("Place"));
	ui_text(y, x += wp + 1, ws, ui_attr(ctx, UI_HEADING), _("State"));
	y++;
	rows = r.y + r.h - y;
	if (rows < 1)
		return;
	if (p->csel < p->ctop)
		p->ctop = p->csel;
	if (p->csel >= p->ctop + rows)
		p->ctop = p->csel - rows + 1;
	for (int i = p->ctop; i < (int)p->ncases && y < r.y + r.h; i++, y++) {
		const jrc_alert_case *c = &p->cases[i];
		int attr = ui_attr(ctx, i == p->csel ? UI_SELECTED : UI_NORMAL);

		if (i == p->csel)
			ui_fill(y, r.x, r.w, attr);
		x = r.x;
		ui_text(y, x, wr, attr, c->receipt);
		ui_text(y, x += wr + 1, wc, attr, c->category_name);
		ui_text(y, x += wc + 1, wp, attr, c->place);
		ui_text(y, x += wp + 1, ws, attr, desk_state_label(c->state));
	}
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	alerts_state *p = s->state;
	ui_rect r = ui_content(ctx);
	char title[96];

	if (p->stale)
		load(ctx, p);
	if (p->showing && (size_t)p->list.sel < p->n) {
		snprintf(title, sizeof(title), _("Alert #%lld: the cases behind it"),
			 (long long)p->a[p->list.sel].id);
		ui_step_header(ctx, 0, 0, title, NULL);
		draw_cases(ctx, p, r);
		return;
	}
	snprintf(title, sizeof(title), _("Early warning: %ld open"), p->open);
	ui_step_header(ctx, 0, 0, title,
		       _("Open alerts first. Enter shows the cases behind one; A acknowledges it (a supervisor)."));
	if (p->error[0]) {
		r.y += ui_text_wrapped(r.y, r.x, r.w, 2, ui_attr(ctx, UI_ERROR), p->error);
		r.h -= 2;
	}
	if (!p->n) {
		ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_HINT),
				_("No alerts: no rule of data/alerts.csv has been met."));
		return;
	}
	/* A long summary is cut at the list's width: the chosen alert's
	 * whole summary under the list. */
	if (r.h >= 8 && (size_t)p->list.sel < p->n) {
		ui_rect lr = r;

		lr.h -= 3;
		w_list_draw(ctx, &p->list, lr);
		ui_text_wrapped(r.y + r.h - 2, r.x, r.w, 2, ui_attr(ctx, UI_NOTICE),
				p->a[p->list.sel].summary);
		return;
	}
	w_list_draw(ctx, &p->list, r);
}

typedef struct ack_user {
	alerts_state *p;
	int64_t id;
} ack_user;

static jrc_status submit_ack(ui_ctx *ctx, void *user, char *const *v, jrc_err *err)
{
	ack_user *u = user;
	jrc_status s;

	if (desk_session_check(ctx, u->p->sess) != 0)
		return jrc_err_set(err, JRC_E_REFUSED, NULL, "%s", ctx->message);
	if ((s = alert_ack(ctx->db, &u->p->sess->staff, u->id, v[0], err)) == JRC_OK)
		ui_message(ctx, 0, _("Alert #%lld acknowledged."), (long long)u->id);
	u->p->stale = 1;
	return s;
}

static void acknowledge(ui_ctx *ctx, alerts_state *p)
{
	const jrc_alert *a;
	desk_form_arg *f;
	ack_user *u;

	if (!p->n || (size_t)p->list.sel >= p->n || desk_session_check(ctx, p->sess) != 0)
		return;
	a = &p->a[p->list.sel];
	if (p->sess->staff.role != JRC_ROLE_SUPERVISOR) {
		ui_message(ctx, 1, "%s", _("Only a supervisor acknowledges an alert: ask a supervisor."));
		return;
	}
	if (*a->acked_at) {
		ui_message(ctx, 1, _("Alert #%lld is already acknowledged."), (long long)a->id);
		return;
	}
	f = calloc(1, sizeof(*f));
	u = calloc(1, sizeof(*u));
	if (!f || !u) {
		free(f);
		free(u);
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
		return;
	}
	u->p = p;
	u->id = a->id;
	f->user = u;
	f->title = N_("Acknowledge the alert");
	snprintf(f->subject, sizeof(f->subject), "#%lld", (long long)a->id);
	f->question = N_("Enter on the last field saves. Esc goes back without saving.");
	f->nfields = 1;
	f->fields[0] = (desk_form_field){ "note", N_("What was done about it"), JRC_ALERT_NOTE_MAX, 1,
					  NULL, NULL };
	f->submit = submit_ack;
	/* The form owns f and u from here, also when it cannot open. */
	if (ui_push(ctx, &scr_desk_form_ops, f) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static ui_result key_cases(ui_ctx *ctx, alerts_state *p, ui_action act)
{
	switch (act) {
	case UI_ACT_BACK:
		p->showing = 0;
		free_cases(p);
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
		if (p->csel > 0)
			p->csel--;
		return UI_DONE;
	case UI_ACT_FIELD_NEXT:
		if (p->csel + 1 < (int)p->ncases)
			p->csel++;
		return UI_DONE;
	case UI_ACT_PAGE_UP:
		p->csel = p->csel > 10 ? p->csel - 10 : 0;
		return UI_DONE;
	case UI_ACT_PAGE_DOWN:
		p->csel = p->csel + 10 < (int)p->ncases ? p->csel + 10 : (int)p->ncases - 1;
		if (p->csel < 0)
			p->csel = 0;
		return UI_DONE;
	case UI_ACT_NEXT:
		if ((size_t)p->csel < p->ncases) {
			p->stale = 1;
			desk_open_case(ctx, p->sess, p->cases[p->csel].id);
		}
		return UI_DONE;
	default:
		return UI_PASS;
	}
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	alerts_state *p = s->state;
	int picked = -1;
	ui_result r;

	if (act == UI_ACT_CHAR && (ch == L'a' || ch == L'A')) {
		acknowledge(ctx, p);
		return UI_DONE;
	}
	if (act == UI_ACT_CHAR && (ch == L'r' || ch == L'R')) {
		p->stale = 1;
		return UI_DONE;
	}
	if (p->showing)
		return key_cases(ctx, p, act);
	r = w_list_key(ctx, &p->list, act, ch, &picked);
	if (picked < 0 || (size_t)picked >= p->n)
		return r;
	p->list.sel = picked;
	p->showing = 1;
	load_cases(ctx, p);
	return UI_DONE;
}

static const char *status_keys(ui_ctx *ctx, ui_screen *s)
{
	alerts_state *p = s->state;

	(void)ctx;
	return p->showing ? _("Enter: open case  A: acknowledge  Esc: back to the alerts")
			  : _("Enter: cases behind it  A: acknowledge  R: refresh  Esc: back");
}

void desk_alerts_open(ui_ctx *ctx, desk_session *sess)
{
	if (desk_session_check(ctx, sess) != 0)
		return;
	if (ui_push(ctx, &scr_desk_alerts_ops, sess) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

const ui_screen_ops scr_desk_alerts_ops = {
	.name = "desk_alerts",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.status_keys = status_keys,
	.help_msg = N_("Early warning (矛盾预警): the rules of data/alerts.csv raise an alert when many cases of one "
		       "kind come from one village, when one person files again and again, when many people of one "
		       "village bring the same matter on one day, or when a department has too many overdue cases. "
		       "A later case that meets the rule joins the open alert. Open alerts come first. Enter shows "
		       "the cases behind an alert (no names); Enter on a case opens it. A supervisor acknowledges an "
		       "alert with A and a note saying what was done."),
};
