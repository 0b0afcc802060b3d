/* A supervisor's public hearing on one case (公开评议), from the case
 * screen: with no hearing to come, pick the panel members (none of the
 * department concerned) by number, then Enter asks when, where and who
 * speaks for the department; with one scheduled, P prints its notice and,
 * from its day on, each panel member's number cycles their opinion, Enter
 * asks who attended and what each side said, and Enter again each
 * member's reason, which records it.  The core (hearing.c) decides; a
 * refusal is shown in the form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_desk.h"
#include "jrc/date.h"
#include "jrc/hearing.h"
#include "jrc/slip.h"

enum { SHOW_MAX = 9 };   /* panel members picked by one digit */

typedef struct hearing_state {
	desk_session *sess;
	int64_t case_id;
	char receipt[JRC_RECEIPT_MAX], department[16];
	int pending;                /* h is a hearing still to be recorded */
	int due;                    /* ... and its day has come */
	int have_last;              /* last: the latest recorded one */
	jrc_hearing h, last;
	jrc_panelist *pl;
	size_t npl;
	int chosen[SHOW_MAX];
	jrc_opinion ops[JRC_HEARING_PANEL_MAX];
	char *said[3];              /* who attended, each side: the first form's */
	char label[JRC_HEARING_PANEL_MAX][192];   /* the reasons form's labels */
	char error[512];
	int stale;
} hearing_state;

static void forget_said(hearing_state *hs)
{
	for (int i = 0; i < 3; i++) {
		if (hs->said[i])
			explicit_bzero(hs->said[i], strlen(hs->said[i]));
		free(hs->said[i]);
		hs->said[i] = NULL;
	}
}

static void unload(hearing_state *hs)
{
	if (hs->pending)
		hearing_free(&hs->h);
	if (hs->have_last)
		hearing_free(&hs->last);
	free(hs->pl);
	hs->pl = NULL;
	hs->npl = 0;
	hs->pending = hs->have_last = hs->due = 0;
}

static void load(ui_ctx *ctx, hearing_state *hs)
{
	jrc_err err = { 0 };
	jrc_hearing *v = NULL;
	jrc_case c;
	size_t n = 0;
	jrc_date day;
	int found = 0;

	unload(hs);
	hs->error[0] = '\0';
	hs->stale = 0;
	memset(hs->chosen, 0, sizeof(hs->chosen));
	if (grievance_get_by_id(ctx->db, hs->case_id, &c, &err) != JRC_OK) {
		snprintf(hs->error, sizeof(hs->error), "%s", err.msg);
		return;
	}
	snprintf(hs->receipt, sizeof(hs->receipt), "%s", c.receipt);
	snprintf(hs->department, sizeof(hs->department), "%s", c.department);
	grievance_case_free(&c);
	if (hearing_list(ctx->db, hs->case_id, 1, &v, &n, &err) != JRC_OK) {
		snprintf(hs->error, sizeof(hs->error), "%s", err.msg);
		return;
	}
	if (n) {
		hs->h = v[0];
		hs->pending = 1;
		for (size_t i = 1; i < n; i++)
			hearing_free(&v[i]);
		hs->due = date_parse(hs->h.held_on, &day) == 0 &&
			  date_cmp(clock_local_date(clock_now()), day) >= 0;
		for (size_t i = 0; i < JRC_HEARING_PANEL_MAX; i++)
			hs->ops[i] = JRC_OPINION_REASONABLE;
	}
	free(v);
	if (!hs->pending && hearing_latest(ctx->db, hs->case_id, &hs->last, &found, NULL) == JRC_OK)
		hs->have_last = found;
	if (!hs->pending && hearing_panelists(ctx->db, hs->department, &hs->pl, &hs->npl, &err) != JRC_OK)
		snprintf(hs->error, sizeof(hs->error), "%s", err.msg);
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	const desk_case_arg *a = arg;
	hearing_state *hs = calloc(1, sizeof(*hs));

	if (!hs)
		return -1;
	hs->sess = a->sess;
	hs->case_id = a->case_id;
	load(ctx, hs);
	s->state = hs;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	hearing_state *hs = s->state;

	(void)ctx;
	unload(hs);
	forget_said(hs);
	free(hs);
}

static int nchosen(const hearing_state *hs)
{
	int n = 0;

	for (int i = 0; i < SHOW_MAX; i++)
		n += hs->chosen[i];
	return n;
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	hearing_state *hs = s->state;
	ui_rect r = ui_content(ctx);
	char buf[512];
	int y = r.y;

	if (hs->stale)
		load(ctx, hs);
	if (hs->error[0]) {
		ui_step_header(ctx, 0, 0, _("Public hearing"), "");
		ui_text_wrapped(r.y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR), hs->error);
		return;
	}
	if (hs->pending) {
		const jrc_hearing *h = &hs->h;

		snprintf(buf, sizeof(buf), _("Public hearing %s"), hs->receipt);
		ui_step_header(ctx, 0, 0, buf,
			       hs->due ? (hs->said[0] ? _("Press a member's number to change their opinion; Enter: each reason, then it is recorded; W: what was said.")
						      : _("Press a member's number to change their opinion; Enter records the hearing; P prints the notice."))
				       : _("Scheduled. P prints the notice for the citizen; record it on its day."));
		snprintf(buf, sizeof(buf), _("%s %s, %s; the department: %s"), h->held_on, h->at_time,
			 h->place, h->representative);
		y += ui_text_wrapped(y, r.x, r.w, 2, ui_attr(ctx, UI_NORMAL), buf);
		y++;
		/* Number, opinion and member in columns (the opinion's words are
		 * at most 22 columns wide, in either language). */
		for (size_t i = 0; i < h->nseats && y < r.y + r.h; i++, y++) {
			int x = r.x + 2;

			if (hs->due) {
				snprintf(buf, sizeof(buf), "%zu", i + 1);
				ui_text(y, x, 3, ui_attr(ctx, UI_KEY), buf);
				ui_text(y, x + 3, 22, ui_attr(ctx, UI_HEADING), hearing_opinion_label(hs->ops[i]));
				x += 26;
			}
			snprintf(buf, sizeof(buf), "%s (%s)", h->seats[i].name, h->seats[i].title);
			ui_text(y, x, r.x + r.w - x, ui_attr(ctx, UI_NORMAL), buf);
		}
		if (hs->due && y + 1 < r.y + r.h) {
			jrc_conclusion c = hearing_majority(hs->ops, h->nseats);

			snprintf(buf, sizeof(buf), _("Conclusion by these opinions: %s"),
				 hearing_conclusion_label(c));
			ui_text(y + 1, r.x, r.w, ui_attr(ctx, UI_NOTICE), buf);
		}
		return;
	}
	snprintf(buf, sizeof(buf), _("Schedule a public hearing: %s"), hs->receipt);
	ui_step_header(ctx, 0, 0, buf,
		       _("Press the numbers of at least three panel members, then Enter. None is of the department concerned."));
	if (hs->have_last) {
		snprintf(buf, sizeof(buf), _("Last hearing %s: %s"), hs->last.held_on,
			 hearing_conclusion_label(hs->last.conclusion));
		ui_text(y++, r.x, r.w, ui_attr(ctx, UI_HINT), buf);
	}
	if (!hs->npl) {
		ui_text_wrapped(y, r.x, r.w, 3, ui_attr(ctx, UI_ERROR),
				_("No panel members on the roster: add rows of kind panel to roster.csv and import it."));
		return;
	}
	for (size_t i = 0; i < hs->npl && i < SHOW_MAX && y < r.y + r.h; i++, y++) {
		snprintf(buf, sizeof(buf), "%zu [%s] %s  %s", i + 1, hs->chosen[i] ? "x" : " ",
			 i18n_pick(hs->pl[i].name, hs->pl[i].name_en),
			 i18n_pick(hs->pl[i].title, hs->pl[i].title_en));
		ui_text(y, r.x + 2, r.w - 2, ui_attr(ctx, hs->chosen[i] ? UI_HEADING : UI_NORMAL), buf);
	}
	if (y + 1 < r.y + r.h) {
		snprintf(buf, sizeof(buf), _("%d chosen"), nchosen(hs));
		ui_text(y + 1, r.x, r.w, ui_attr(ctx, UI_NOTICE), buf);
	}
}

/* ---------------------------------------------------------------- the forms */

typedef struct form_user {
	hearing_state *hs;
} form_user;

static void field(desk_form_arg *f, const char *key, const char *label, size_t max, int multi,
		  const char *initial)
{
	desk_form_field *d = &f->fields[f->nfields++];

	d->key = key;
	d->label = label;
	d->max_chars = max;
	d->multiline = multi;
	d->initial = initial;
}

static jrc_status submit_schedule(ui_ctx *ctx, void *user, char *const *v, jrc_err *err)
{
	hearing_state *hs = ((form_user *)user)->hs;
	const char *ids[SHOW_MAX];
	jrc_hearing_plan p = { 0 };
	int64_t id;
	jrc_status s;

	if (desk_session_check(ctx, hs->sess) != 0)
		return jrc_err_set(err, JRC_E_REFUSED, NULL, "%s", ctx->message);
	for (size_t i = 0; i < hs->npl && i < SHOW_MAX; i++)
		if (hs->chosen[i])
			ids[p.npanel++] = hs->pl[i].id;
	p.receipt = hs->receipt;
	p.held_on = v[0];
	p.at_time = v[1];
	p.place = v[2];
	p.representative = v[3];
	p.citizen = v[4];
	p.panel = ids;
	s = hearing_schedule(ctx->db, &hs->sess->staff, &p, &id, err);
	if (s == JRC_OK) {
		ui_message(ctx, 0, _("Hearing scheduled for %s. Press P to print the notice for the citizen."),
			   v[0]);
		hs->stale = 1;
	}
	return s;
}

static jrc_status submit_said(ui_ctx *ctx, void *user, char *const *v, jrc_err *err)
{
	hearing_state *hs = ((form_user *)user)->hs;

	(void)ctx;
	forget_said(hs);
	for (int i = 0; i < 3; i++)
		if (!(hs->said[i] = strdup(v[i]))) {
			forget_said(hs);
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		}
	ui_message(ctx, 0, "%s", _("Now check each opinion and press Enter for the reasons."));
	return JRC_OK;
}

static jrc_status submit_record(ui_ctx *ctx, void *user, char *const *v, jrc_err *err)
{
	hearing_state *hs = ((form_user *)user)->hs;
	jrc_hearing_opinion ops[JRC_HEARING_PANEL_MAX];
	jrc_hearing_minutes m = { 0 };
	jrc_conclusion concl;
	jrc_status s;
	int k = 0;

	if (desk_session_check(ctx, hs->sess) != 0)
		return jrc_err_set(err, JRC_E_REFUSED, NULL, "%s", ctx->message);
	for (size_t i = 0; i < hs->h.nseats; i++) {
		ops[i].member = hs->h.seats[i].member;
		ops[i].opinion = hs->ops[i];
		ops[i].reason = hs->ops[i] == JRC_OPINION_ABSENT ? NULL : v[k++];
	}
	m.attended = hs->said[0];
	m.citizen_said = hs->said[1];
	m.department_said = hs->said[2];
	m.opinions = ops;
	m.n = hs->h.nseats;
	s = hearing_record(ctx->db, &hs->sess->staff, hs->h.id, &m, &concl, err);
	if (s == JRC_OK) {
		ui_message(ctx, 0, _("The hearing is recorded: %s."), hearing_conclusion_label(concl));
		forget_said(hs);
		hs->stale = 1;
	}
	return s;
}

/* what: 0 schedule, 1 what was said, 2 the reasons (and record). */
static void open_form(ui_ctx *ctx, hearing_state *hs, int what)
{
	desk_form_arg *f = calloc(1, sizeof(*f));
	form_user *u = calloc(1, sizeof(*u));

	if (!f || !u) {
		free(f);
		free(u);
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
		return;
	}
	u->hs = hs;
	f->user = u;
	snprintf(f->subject, sizeof(f->subject), "%s", hs->receipt);
	f->question = N_("Enter on the last field saves. Esc goes back without saving.");
	if (what == 1) {
		f->title = N_("Record the public hearing");
		/* The form copies its initial texts when it opens. */
		field(f, "attended", N_("Who attended"), JRC_HEARING_TEXT_MAX, 1, hs->said[0]);
		field(f, "citizen_said", N_("What the citizen said (summary)"), JRC_HEARING_TEXT_MAX, 1,
		      hs->said[1]);
		field(f, "department_said", N_("What the department said (summary)"),
		      JRC_HEARING_TEXT_MAX, 1, hs->said[2]);
		f->submit = submit_said;
	} else if (what == 2) {
		f->title = N_("Each panel member's reason");
		for (size_t i = 0; i < hs->h.nseats && f->nfields < DESK_FORM_MAX; i++)
			if (hs->ops[i] != JRC_OPINION_ABSENT) {
				/* The member and their opinion: not a msgid, shown as
				 * it is (the form's _() leaves it unchanged). */
				snprintf(hs->label[i], sizeof(hs->label[i]), "%s: %s", hs->h.seats[i].name,
					 hearing_opinion_label(hs->ops[i]));
				field(f, "reason", hs->label[i], JRC_HEARING_REASON_MAX, 0, NULL);
			}
		f->submit = submit_record;
	} else {
		f->title = N_("Schedule a public hearing");
		field(f, "date", N_("Date (YYYY-MM-DD)"), 10, 0, NULL);
		field(f, "time", N_("Time (HH:MM)"), 5, 0, NULL);
		field(f, "place", N_("Place"), JRC_HEARING_PLACE_MAX, 0, NULL);
		field(f, "representative", N_("The department's representative"), JRC_HEARING_NAME_MAX, 0, NULL);
		field(f, "citizen", N_("Who comes for the citizen (empty: the name filed)"), JRC_HEARING_NAME_MAX, 0, NULL);
		f->submit = submit_schedule;
	}
	if (ui_push(ctx, &scr_desk_form_ops, f) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	hearing_state *hs = s->state;
	jrc_err err = { 0 };
	int printed = 0;

	if (hs->error[0])
		return UI_PASS;
	if (hs->pending && act == UI_ACT_CHAR && (ch == L'p' || ch == L'P')) {
		if (hearing_notice_print(ctx->db, hs->h.id, ctx->printer[0] ? ctx->printer : NULL,
					 &printed, &err) != JRC_OK)
			ui_message(ctx, 1, "%s", err.msg);
		else
			ui_message(ctx, !printed, "%s", printed ? _("The hearing notice was printed.")
								 : _("The printer is set to none: nothing was printed."));
		return UI_DONE;
	}
	if (act == UI_ACT_DIGIT && ch >= L'1' && ch <= L'9') {
		size_t i = (size_t)(ch - L'1');

		if (hs->pending && hs->due && i < hs->h.nseats)
			hs->ops[i] = hs->ops[i] == JRC_OPINION_ABSENT ? JRC_OPINION_REASONABLE
								       : (jrc_opinion)(hs->ops[i] + 1);
		else if (!hs->pending && i < hs->npl && i < SHOW_MAX)
			hs->chosen[i] = !hs->chosen[i];
		return UI_DONE;
	}
	if (hs->pending && hs->due && act == UI_ACT_CHAR && (ch == L'w' || ch == L'W')) {
		open_form(ctx, hs, 1);
		return UI_DONE;
	}
	if (act == UI_ACT_NEXT) {
		if (hs->pending && hs->due)
			open_form(ctx, hs, hs->said[0] ? 2 : 1);
		else if (!hs->pending && nchosen(hs) < JRC_HEARING_PANEL_MIN)
			ui_message(ctx, 1, _("Choose at least %d panel members first."), JRC_HEARING_PANEL_MIN);
		else if (!hs->pending)
			open_form(ctx, hs, 0);
		return UI_DONE;
	}
	return UI_PASS;
}

const ui_screen_ops scr_desk_hearing_ops = {
	.name = "desk_hearing",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("A public hearing (公开评议) on this case, for supervisors. With none to come, press the numbers "
		     "of at least three panel members and Enter, then say when, where and who speaks for the "
		     "department. Once scheduled, P prints the notice for the citizen. From the hearing's day, "
		     "each member's number changes their opinion (reasonable, basically reasonable, unreasonable, "
		     "absent); Enter asks who attended and what each side said, Enter again each member's "
		     "reason, and that records it; W goes back to what was said. "
		     "The conclusion is the majority of the opinions given, at least three."),
	.keys_msg = N_("1-9: choose   Enter: go on   P: print the notice   Esc: back"),
};
