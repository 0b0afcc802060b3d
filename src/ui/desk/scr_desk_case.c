/* A case for staff: every field unmasked, the repeat link, booking, last
 * print, the timeline of events with internal notes, and the actions the
 * account's role and the case's state allow, each asking for what it
 * needs (scr_desk_form). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses.h"
#include "scr_desk.h"
#include "jrc/audit.h"
#include "jrc/grievance_edit.h"
#include "jrc/lifecycle.h"
#include "jrc/print.h"
#include "jrc/refdata.h"
#include "jrc/roster.h"
#include "jrc/slip.h"
#include "jrc/terminate.h"
#include "jrc/text.h"
#include "jrc/validate.h"

enum { ACT_MAX = 16, SCROLL_END = 1 << 20 };
typedef enum act_kind { ACT_MOVE, ACT_NOTE, ACT_EDIT, ACT_REPRINT, ACT_ARRIVE, ACT_HEARING,
			 ACT_TERM_SLIP, ACT_LEVELS } act_kind;

typedef struct action {
	act_kind kind;
	jrc_state to;
	unsigned levels;            /* ACT_LEVELS: which DESK_LV_* */
} action;

typedef struct case_state {
	desk_session *sess;
	int64_t case_id;
	int have;
	jrc_case c;
	jrc_event *ev;
	size_t nev;
	char related[JRC_RECEIPT_MAX];
	/* Lawful termination: this case's own conclusion, or the concluded
	 * matter it was linked to when filed. */
	int have_term, have_link;
	jrc_termination term, link;
	int today;                  /* the booking is today: arrival below */
	jrc_appointment appt;       /* today's booking with its arrival */
	action act[ACT_MAX];
	int nact;
	int apage;                  /* the page of actions shown, when over nine */
	int top, lines, view;       /* scrolling of the detail */
	int stale;
	char error[512];
	/* Read with the case, so a redraw runs no query: the reference data
	 * and the last print as records, the texts that need the database
	 * (staff names, hosts in notes) made in the language of lang. */
	jrc_lang lang;
	int have_cat, have_dv, have_town, have_dept, have_booking, have_print;
	jrc_category cat;
	jrc_division dv, town;
	jrc_department dept;
	jrc_booking booking;
	jrc_print_job pj;
	desk_levels lv;             /* between the levels, joint handling */
	char lv_text[768];          /* ... in words (desk_levels_text) */
	char filed_by[200];         /* the staff member who filed, in words */
	struct ev_text {
		char who[200];
		char *note;         /* desk_note_text of the event's note, or NULL */
	} *evt;
} case_state;

/* ---------------------------------------------------------------- loading */

static void unload(case_state *cs)
{
	if (cs->have)
		grievance_case_free(&cs->c);
	if (cs->evt)
		for (size_t i = 0; i < cs->nev; i++)
			free(cs->evt[i].note);
	free(cs->evt);
	cs->evt = NULL;
	audit_events_free(cs->ev, cs->nev);
	cs->ev = NULL;
	cs->nev = 0;
	cs->have = 0;
}

/* 1 when added.  More than nine go on pages of eight, the ninth digit
 * turning the page (shown_actions). */
static int add_action(case_state *cs, act_kind kind, jrc_state to)
{
	if (cs->nact >= ACT_MAX)
		return 0;
	cs->act[cs->nact].kind = kind;
	cs->act[cs->nact].to = to;
	cs->act[cs->nact].levels = 0;
	cs->nact++;
	return 1;
}

/* What the detail shows besides the case and its events. */
static void load_details(ui_ctx *ctx, case_state *cs)
{
	jrc_case *c = &cs->c;

	cs->have_cat = refdata_category(ctx->db, c->category, &cs->cat, NULL) == JRC_OK;
	cs->have_dv = refdata_division(ctx->db, c->division, &cs->dv, NULL) == JRC_OK;
	cs->have_town = cs->have_dv && strcmp(cs->dv.level, "village") == 0 && cs->dv.parent[0] &&
			refdata_division(ctx->db, cs->dv.parent, &cs->town, NULL) == JRC_OK;
	cs->have_dept = refdata_department(ctx->db, c->department, &cs->dept, NULL) == JRC_OK;
	cs->have_booking = roster_case_booking(ctx->db, c->id, &cs->booking, NULL) == JRC_OK;
	cs->have_print = print_last_job(ctx->db, c->id, &cs->pj, NULL) == JRC_OK;
	cs->filed_by[0] = '\0';
	if (c->staff_id[0]) {
		char actor[80];

		snprintf(actor, sizeof(actor), "staff:%s", c->staff_id);
		desk_actor_text(ctx, actor, cs->filed_by, sizeof(cs->filed_by));
	}
	cs->evt = cs->nev ? calloc(cs->nev, sizeof(*cs->evt)) : NULL;
	if (!cs->evt)
		return;
	for (size_t i = 0; i < cs->nev; i++) {
		jrc_event *e = &cs->ev[i];

		desk_actor_text(ctx, e->actor, cs->evt[i].who, sizeof(cs->evt[i].who));
		if (e->note && *e->note) {
			char note[4096];

			desk_note_text(ctx, e->kind, e->note, note, sizeof(note));
			cs->evt[i].note = strdup(note);
		}
	}
}

static void load(ui_ctx *ctx, case_state *cs)
{
	jrc_err err = { 0 };
	jrc_staff *who = &cs->sess->staff;
	jrc_state to[JRC_STATE_COUNT];
	unsigned can;
	size_t n;

	unload(cs);
	cs->stale = 0;
	cs->lang = ctx->lang;
	cs->error[0] = '\0';
	cs->nact = 0;
	cs->apage = 0;
	if (grievance_get_by_id(ctx->db, cs->case_id, &cs->c, &err) != JRC_OK ||
	    audit_case_events(ctx->db, cs->case_id, &cs->ev, &cs->nev, &err) != JRC_OK) {
		snprintf(cs->error, sizeof(cs->error), "%s", err.msg);
		grievance_case_free(&cs->c);
		return;
	}
	cs->have = 1;
	cs->related[0] = '\0';
	if (cs->c.related_case) {
		jrc_case r;

		if (grievance_get_by_id(ctx->db, cs->c.related_case, &r, NULL) == JRC_OK) {
			snprintf(cs->related, sizeof(cs->related), "%s", r.receipt);
			grievance_case_free(&r);
		}
	}
	cs->have_term = term_get(ctx->db, cs->case_id, &cs->term, &cs->have_term, NULL) == JRC_OK &&
			cs->have_term;
	cs->have_link = term_link_of(ctx->db, cs->case_id, &cs->link, &cs->have_link, NULL) == JRC_OK &&
			cs->have_link;
	/* Only what the core would allow this account. */
	n = lifecycle_allowed(&cs->c, who->role, who->department[0] ? who->department : NULL, to);
	for (size_t i = 0; i < n; i++)
		add_action(cs, ACT_MOVE, to[i]);
	if (lifecycle_may_terminate(ctx->db, &cs->c, who->role))
		add_action(cs, ACT_MOVE, JRC_ST_TERMINATED);
	if (auth_may(who, JRC_DO_NOTE, cs->c.department, NULL) == JRC_OK)
		add_action(cs, ACT_NOTE, 0);
	if (auth_may(who, JRC_DO_EDIT_INTAKE, cs->c.department, NULL) == JRC_OK &&
	    cs->c.state == JRC_ST_REGISTERED)
		add_action(cs, ACT_EDIT, 0);
	if (auth_may(who, JRC_DO_REPRINT, cs->c.department, NULL) == JRC_OK)
		add_action(cs, ACT_REPRINT, 0);
	/* Public hearings are a supervisor's (hearing.c), once it is taken on. */
	if (who->role == JRC_ROLE_SUPERVISOR && cs->c.state != JRC_ST_REGISTERED)
		add_action(cs, ACT_HEARING, 0);
	if (cs->have_term && auth_may(who, JRC_DO_REPRINT, cs->c.department, NULL) == JRC_OK)
		add_action(cs, ACT_TERM_SLIP, 0);
	/* Today's appointment: whether the citizen is here, and the key to
	 * say they are. */
	cs->today = desk_today_appointment(ctx, cs->case_id, &cs->appt);
	if (cs->today && !cs->appt.arrived_at[0] &&
	    auth_may(who, JRC_DO_CHECKIN, NULL, NULL) == JRC_OK)
		add_action(cs, ACT_ARRIVE, 0);
	/* Between the levels and joint handling (scr_desk_levels.c): after
	 * the actions of the case itself (past eight, on the next page). */
	can = desk_levels_load(ctx, who, &cs->c, &cs->lv, cs->lv_text, sizeof(cs->lv_text));
	for (unsigned b = DESK_LV_ASSIGN; b <= DESK_LV_PART; b <<= 1)
		if ((can & b) && add_action(cs, ACT_LEVELS, 0))
			cs->act[cs->nact - 1].levels = b;
	load_details(ctx, cs);
}

void desk_open_case(ui_ctx *ctx, desk_session *sess, int64_t case_id)
{
	desk_case_arg a = { sess, case_id };
	jrc_err err = { 0 };

	if (desk_session_check(ctx, sess) != 0)
		return;
	if (auth_may(&sess->staff, JRC_DO_VIEW, NULL, &err) != JRC_OK) {
		ui_message(ctx, 1, "%s", err.msg);
		return;
	}
	if (ui_push(ctx, &scr_desk_case_ops, &a) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static int enter(ui_ctx *ctx, ui_screen *s, void *arg)
{
	const desk_case_arg *a = arg;
	case_state *cs = calloc(1, sizeof(*cs));

	if (!cs)
		return -1;
	cs->sess = a->sess;
	cs->case_id = a->case_id;
	load(ctx, cs);
	s->state = cs;
	return 0;
}

static void leave(ui_ctx *ctx, ui_screen *s)
{
	case_state *cs = s->state;

	(void)ctx;
	unload(cs);
	free(cs);
}

/* ---------------------------------------------------------------- lines
 * The detail is a column of lines scrolled as one: each helper emits
 * lines, drawing only those in view. */

typedef struct liner {
	ui_ctx *ctx;
	ui_rect r;
	int top, n;
} liner;

static void put_n(liner *L, int x, int w, int attr, const char *s, size_t len)
{
	if (L->n >= L->top && L->n < L->top + L->r.h)
		ui_text_n(L->r.y + L->n - L->top, L->r.x + x, w, attr, s, len);
}

/* label (may be NULL) then value wrapped under itself. */
static void put(liner *L, const char *label, int lw, int attr, const char *value)
{
	size_t *st = NULL, *ln = NULL, k;
	int vw = L->r.w - lw;

	if (label && L->n >= L->top && L->n < L->top + L->r.h)
		ui_text(L->r.y + L->n - L->top, L->r.x, lw, ui_attr(L->ctx, UI_HEADING), label);
	if (!value || !*value) {
		L->n++;
		return;
	}
	k = text_wrap(value, (size_t)(vw > 10 ? vw : 10), &st, &ln);
	for (size_t i = 0; i < k; i++) {
		put_n(L, lw, vw, attr, value + st[i], ln[i]);
		L->n++;
	}
	if (!k)
		L->n++;
	free(st);
	free(ln);
}

/* The action's name as a msgid (forms translate it when they draw). */
static const char *action_msgid(const action *a)
{
	switch (a->kind) {
	case ACT_NOTE: return N_("Add an internal note");
	case ACT_EDIT: return N_("Correct the intake details");
	case ACT_REPRINT: return N_("Reprint the receipt");
	case ACT_ARRIVE: return N_("Citizen has arrived");
	case ACT_HEARING: return N_("Public hearing");
	case ACT_TERM_SLIP: return N_("Print the termination slip");
	case ACT_LEVELS: return desk_levels_title(a->levels);
	case ACT_MOVE: break;
	}
	return desk_move_label(a->to);
}

static const char *event_label(const jrc_event *e)
{
	return desk_event_label(e->kind);
}

static void local_time(const char *utc, char out[32])
{
	jrc_time t;

	if (clock_parse(utc, &t) == JRC_OK)
		clock_format_local(t, out);
	else
		snprintf(out, 32, "%s", utc);
}

static void draw_details(ui_ctx *ctx, case_state *cs, liner *L)
{
	jrc_case *c = &cs->c;
	const jrc_category *cat = &cs->cat;
	const jrc_division *dv = &cs->dv, *town = &cs->town;
	const jrc_department *dept = &cs->dept;
	const jrc_print_job *pj = &cs->pj;
	char buf[2048], when[32], due[128];
	int lw = 12, level;
	const char *kind;

	/* The raw code only where staff read English anyway. */
	if (i18n_get() == JRC_LANG_EN)
		snprintf(buf, sizeof(buf), "%s  (%s)", lifecycle_state_desk(c->state),
			 lifecycle_state_name(c->state));
	else
		snprintf(buf, sizeof(buf), "%s", lifecycle_state_desk(c->state));
	put(L, _("State"), lw, ui_attr(ctx, UI_NORMAL), buf);
	desk_deadline_text(c, 1, due, sizeof(due), &level);
	put(L, _("Deadline"), lw, ui_attr(ctx, level == 2 ? UI_ERROR : level == 1 ? UI_NOTICE : UI_NORMAL),
	    due);
	if (cs->have_term) {
		snprintf(buf, sizeof(buf), _("Lawfully concluded on %s: final, nothing can move it. Where the citizen can still go: %s"),
			 cs->term.on, cs->term.channel);
		put(L, _("Concluded"), lw, ui_attr(ctx, UI_NOTICE), buf);
	}
	if (cs->have_link) {
		snprintf(buf, sizeof(buf), _("The same person's same matter here, %s, was lawfully concluded on %s. Registered as the law wants, but not taken up again: tell the citizen where they can still go: %s"),
			 cs->link.receipt, cs->link.on, cs->link.channel);
		put(L, _("Concluded"), lw, ui_attr(ctx, UI_NOTICE), buf);
	} else if (cs->related[0]) {
		snprintf(buf, sizeof(buf), _("Repeat matter: the same person filed %s in this category before."),
			 cs->related);
		put(L, _("Repeat"), lw, ui_attr(ctx, UI_NOTICE), buf);
	}
	/* Codes (LAB, RSJ) only where staff read English anyway. */
	if (cs->have_cat && i18n_get() != JRC_LANG_EN)
		snprintf(buf, sizeof(buf), "%s", cat->name_zh);
	else if (cs->have_cat)
		snprintf(buf, sizeof(buf), "%s (%s)", i18n_pick(cat->name_zh, cat->name_en), c->category);
	else
		snprintf(buf, sizeof(buf), "%s", c->category);
	put(L, _("Category"), lw, ui_attr(ctx, UI_NORMAL), buf);
	if (cs->have_dv) {
		if (cs->have_town)
			snprintf(buf, sizeof(buf), "%s %s", i18n_pick(town->name_zh, town->name_en),
				 i18n_pick(dv->name_zh, dv->name_en));
		else
			snprintf(buf, sizeof(buf), "%s", i18n_pick(dv->name_zh, dv->name_en));
	} else {
		snprintf(buf, sizeof(buf), "%s", c->division);
	}
	put(L, _("Place"), lw, ui_attr(ctx, UI_NORMAL), buf);
	if (cs->have_dept && i18n_get() != JRC_LANG_EN)
		snprintf(buf, sizeof(buf), _("%s, window %s, phone %s, %s level"), dept->name_zh, dept->window,
			 dept->phone, desk_level_label(c->level));
	else if (cs->have_dept)
		snprintf(buf, sizeof(buf), _("%s (%s), window %s, phone %s, %s level"),
			 i18n_pick(dept->name_zh, dept->name_en), c->department, dept->window, dept->phone,
			 desk_level_label(c->level));
	else
		snprintf(buf, sizeof(buf), "%s", c->department);
	put(L, _("Department"), lw, ui_attr(ctx, UI_NORMAL), buf);
	if (cs->lv_text[0])
		put(L, _("Handled at"), lw, ui_attr(ctx, UI_NORMAL), cs->lv_text);
	local_time(c->filed_at, when);
	if (c->staff_id[0]) {
		snprintf(buf, sizeof(buf), _("%s, channel %s, staff %s, query code %s"), when,
			 desk_channel_label(c->channel), cs->filed_by, c->query_code);
	} else {
		snprintf(buf, sizeof(buf), _("%s, channel %s, query code %s"), when,
			 desk_channel_label(c->channel), c->query_code);
	}
	put(L, _("Filed"), lw, ui_attr(ctx, UI_NORMAL), buf);
	if (c->anonymous) {
		put(L, _("Citizen"), lw, ui_attr(ctx, UI_NORMAL), _("Anonymous: no name, ID or phone."));
	} else {
		kind = c->id_kind && strcmp(c->id_kind, "other") == 0 ? _("other document")
								     : _("resident ID");
		snprintf(buf, sizeof(buf), _("%s, %s %s, phone %s"), c->name ? c->name : "", kind,
			 c->id_number ? c->id_number : "", c->phone ? c->phone : "");
		put(L, _("Citizen"), lw, ui_attr(ctx, UI_NORMAL), buf);
	}
	put(L, _("Matter"), lw, ui_attr(ctx, UI_NORMAL), c->text);
	if (c->outcome)
		put(L, _("Wants"), lw, ui_attr(ctx, UI_NORMAL), c->outcome);
	if (c->answer)
		put(L, _("Answer"), lw, ui_attr(ctx, UI_NORMAL), c->answer);
	if (cs->have_booking) {
		roster_booking_line(ctx->db, &cs->booking, buf, sizeof(buf));
		if (cs->today) {
			char arr[64];

			desk_arrival_text(cs->appt.arrived_at, arr, sizeof(arr));
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), _("; %s"), arr);
		}
		put(L, _("Booking"), lw, ui_attr(ctx, cs->today && !cs->appt.arrived_at[0] ? UI_NOTICE : UI_NORMAL),
		    buf);
	}
	if (cs->have_print) {
		local_time(pj->at, when);
		snprintf(buf, sizeof(buf), "%s %s %s%s%s", when, desk_print_outcome(pj->outcome),
			 strcmp(pj->outcome, "skipped") == 0 ? "" : desk_sink_label(pj->sink),
			 pj->error[0] ? ": " : "", pj->error);
		put(L, _("Last print"), lw, ui_attr(ctx, strcmp(pj->outcome, "failed") == 0 ? UI_ERROR : UI_NORMAL),
		    buf);
	} else {
		put(L, _("Last print"), lw, ui_attr(ctx, UI_NORMAL), _("not printed"));
	}
	L->n++;
	put(L, NULL, 0, ui_attr(ctx, UI_HEADING), _("Timeline"));
	for (size_t i = 0; i < cs->nev; i++) {
		jrc_event *e = &cs->ev[i];
		int internal = strcmp(e->kind, "note") == 0;
		const char *who = cs->evt ? cs->evt[i].who : e->actor;

		local_time(e->at, when);
		if (e->to_state[0])
			snprintf(buf, sizeof(buf), "%s  %s  %s%s%s%s%s", when, who, event_label(e), _(": "),
				 e->from_state[0] ? desk_state_label(e->from_state) : "",
				 e->from_state[0] ? " -> " : "", desk_state_label(e->to_state));
		else
			snprintf(buf, sizeof(buf), "%s  %s  %s", when, who, event_label(e));
		put(L, NULL, 0, ui_attr(ctx, internal ? UI_NOTICE : UI_NORMAL), buf);
		if (e->note && *e->note)
			put(L, NULL, 4, ui_attr(ctx, internal ? UI_NOTICE : UI_HINT),
			    cs->evt && cs->evt[i].note ? cs->evt[i].note : e->note);
	}
}

/* The actions the digits 1-9 stand for now: all of them up to nine, else
 * a page of eight and 9 for the next page on every page.  idx[d-1] is
 * the action of digit d, -1 for "more", -2 for none; returns how many
 * digits there are. */
static int shown_actions(const case_state *cs, int idx[9])
{
	int n = 0;

	if (cs->nact <= 9) {
		for (; n < cs->nact; n++)
			idx[n] = n;
		return n;
	}
	for (int i = cs->apage * 8; n < 8; i++)
		idx[n++] = i < cs->nact ? i : -2;
	idx[n++] = -1;
	return n;
}

static void action_item(const case_state *cs, int digit, int i, char *out, size_t size)
{
	if (i < 0)
		/* TRANSLATORS: the ninth action when a case has more than nine:
		 * page, pages. */
		snprintf(out, size, _("%d More actions (%d of %d)"), digit, cs->apage + 1,
			 (cs->nact + 7) / 8);
	else
		snprintf(out, size, "%d %s", digit, _(action_msgid(&cs->act[i])));
}

static void draw(ui_ctx *ctx, ui_screen *s)
{
	case_state *cs = s->state;
	ui_rect r = ui_content(ctx), body;
	int idx[9], nshown;
	char title[128];
	struct { int row, x; } apos[ACT_MAX] = { { 0, 0 } };
	int arows;
	liner L;

	if (cs->stale || cs->lang != ctx->lang)
		load(ctx, cs);
	nshown = shown_actions(cs, idx);
	snprintf(title, sizeof(title), _("Case %s"), cs->have ? cs->c.receipt : "");
	ui_step_header(ctx, 0, 0, title,
		       _("Up and Down scroll. Press the number of an action. Esc goes back to the list."));
	if (!cs->have) {
		ui_text_wrapped(r.y, r.x, r.w, 4, ui_attr(ctx, UI_ERROR), cs->error);
		return;
	}
	/* The actions, each kept whole: a line breaks between two of them,
	 * never inside one (at 80 columns they take two lines). */
	{
		int x = 0, row = 0;

		for (int i = 0; i < nshown; i++) {
			char item[256];
			int w;

			if (idx[i] == -2)
				continue;
			action_item(cs, i + 1, idx[i], item, sizeof(item));
			w = (int)text_width(item);
			if (x > 0 && x + 3 + w > r.w) {
				row++;
				x = 0;
			}
			apos[i].row = row < 3 ? row : 99;
			apos[i].x = x ? x + 3 : 0;
			x = (x ? x + 3 : 0) + w;
		}
		arows = cs->nact ? row + 1 : ui_text_lines(_("Your role has nothing to do on this case now."), r.w);
		if (arows > 3)
			arows = 3;
	}
	body = r;
	body.h = r.h - arows - 1;
	if (body.h < 3)
		body.h = 3;
	cs->view = body.h;
	L.ctx = ctx;
	L.r = body;
	L.n = 0;
	if (cs->top >= SCROLL_END) {
		/* Count the lines without drawing, then show the end. */
		L.r.h = 0;
		L.top = 0;
		draw_details(ctx, cs, &L);
		cs->top = L.n - body.h > 0 ? L.n - body.h : 0;
		L.r = body;
		L.n = 0;
	}
	L.top = cs->top;
	draw_details(ctx, cs, &L);
	cs->lines = L.n;
	if (cs->top > cs->lines - body.h)
		cs->top = cs->lines - body.h > 0 ? cs->lines - body.h : 0;
	if (cs->lines > body.h) {
		char pos[32];

		snprintf(pos, sizeof(pos), "%d%%", (cs->top + body.h) * 100 / cs->lines > 100 ? 100 :
			 (cs->top + body.h) * 100 / cs->lines);
		ui_text(body.y + body.h, r.x + r.w - 5, 5, ui_attr(ctx, UI_HINT), pos);
	}
	if (!cs->nact)
		ui_text_wrapped(r.y + r.h - arows, r.x, r.w, arows, ui_attr(ctx, UI_KEY),
				_("Your role has nothing to do on this case now."));
	for (int i = 0; i < nshown; i++) {
		char item[256];

		if (idx[i] == -2 || apos[i].row >= arows)
			continue;
		action_item(cs, i + 1, idx[i], item, sizeof(item));
		ui_text(r.y + r.h - arows + apos[i].row, r.x + apos[i].x, r.w - apos[i].x,
			ui_attr(ctx, UI_KEY), item);
	}
}

/* ---------------------------------------------------------------- actions */

static jrc_status submit_move(ui_ctx *ctx, void *user, char *const *v, jrc_err *err);
static jrc_status submit_note(ui_ctx *ctx, void *user, char *const *v, jrc_err *err);
static jrc_status submit_edit(ui_ctx *ctx, void *user, char *const *v, jrc_err *err);

/* The form's user data: the case screen and the action being done. */
typedef struct form_user {
	case_state *cs;
	action act;
	unsigned needs;
} form_user;

static int filter_dept(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
	       cp == '_' || cp == '-';
}

static void field(desk_form_arg *f, const char *key, const char *label, size_t max, int multi,
		  const char *initial, w_filter_fn filter)
{
	desk_form_field *d = &f->fields[f->nfields++];

	d->key = key;
	d->label = label;
	d->max_chars = max;
	d->multiline = multi;
	d->initial = initial;
	d->filter = filter;
}

static void run_action(ui_ctx *ctx, case_state *cs, const action *a)
{
	desk_form_arg *f;
	form_user *u;
	jrc_err err = { 0 };

	if (desk_session_check(ctx, cs->sess) != 0)
		return;
	if (a->kind == ACT_ARRIVE) {
		if (roster_mark_arrived(ctx->db, &cs->sess->staff, cs->case_id, &err) != JRC_OK)
			ui_message(ctx, 1, "%s", err.msg);
		else
			ui_message(ctx, 0, _("The arrival is recorded: tell %s."),
				   i18n_pick(cs->appt.b.host.name, cs->appt.b.host.name_en));
		cs->stale = 1;
		cs->top = SCROLL_END;
		return;
	}
	if (a->kind == ACT_HEARING) {
		desk_case_arg arg = { cs->sess, cs->case_id };

		cs->stale = 1;
		cs->top = SCROLL_END;
		if (ui_push(ctx, &scr_desk_hearing_ops, &arg) != 0)
			ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
		return;
	}
	if (a->kind == ACT_LEVELS) {
		desk_levels_form(ctx, cs->sess, &cs->c, &cs->lv, a->levels, &cs->stale, &cs->top);
		return;
	}
	if (a->kind == ACT_TERM_SLIP) {
		int printed = 0;

		if (slip_term_print(ctx->db, cs->c.receipt, ctx->printer[0] ? ctx->printer : NULL, &printed,
				    &err) != JRC_OK)
			ui_message(ctx, 1, "%s", err.msg);
		else if (printed)
			ui_message(ctx, 0, "%s", _("The termination slip is printing: give it to the citizen."));
		else
			ui_message(ctx, 1, "%s", _("No printer is set up here, so the slip was not printed."));
		return;
	}
	if (a->kind == ACT_REPRINT) {
		if (grievance_reprint(ctx->db, &cs->sess->staff, cs->c.receipt, ctx->printer, &err) != JRC_OK)
			ui_message(ctx, 1, "%s", err.msg);
		else
			desk_reprinted_message(ctx, cs->c.receipt);
		cs->stale = 1;
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
	u->cs = cs;
	u->act = *a;
	f->user = u;
	snprintf(f->subject, sizeof(f->subject), "%s", cs->c.receipt);
	f->question = N_("Enter on the last field saves. Esc goes back without saving.");
	f->title = action_msgid(a);
	if (a->kind == ACT_NOTE) {
		field(f, "note", N_("Note (staff only)"), JRC_NOTE_MAX, 1, NULL, NULL);
		f->submit = submit_note;
	} else if (a->kind == ACT_EDIT) {
		if (!cs->c.anonymous) {
			field(f, "name", N_("Name"), JRC_NAME_MAX, 0, cs->c.name, NULL);
			field(f, "id_number", N_("ID number"), JRC_OTHER_DOC_MAX, 0, cs->c.id_number,
			      w_filter_document);
			field(f, "phone", N_("Phone"), 20, 0, cs->c.phone, w_filter_phone);
		}
		field(f, "text", N_("What happened"), JRC_TEXT_MAX, 1, cs->c.text, NULL);
		field(f, "outcome", N_("What they would like"), JRC_OUTCOME_MAX, 1, cs->c.outcome, NULL);
		f->submit = submit_edit;
	} else {
		jrc_state from;

		if ((from = cs->c.state) >= JRC_STATE_COUNT)
			from = JRC_ST_REGISTERED;
		u->needs = lifecycle_needs(from, a->to);
		f->question = u->needs ? N_("Enter on the last field saves. Esc goes back without saving.")
				       : N_("Press Enter to do this now, or Esc to go back.");
		if (u->needs & JRC_NEED_REASON)
			field(f, "reason", a->to == JRC_ST_TERMINATED ? N_("Why it is finished (the citizen reads it)")
								       : N_("Reason"), JRC_REASON_MAX, 1, NULL, NULL);
		if (u->needs & JRC_NEED_CHANNEL)
			field(f, "channel", a->to == JRC_ST_TERMINATED
				  ? N_("Legal way that remains (such as the people's court)")
				  : N_("Where the citizen should go instead"), JRC_REASON_MAX, 1, NULL, NULL);
		if (u->needs & JRC_NEED_DEPARTMENT)
			field(f, "department", N_("Department code (such as XFJ)"), 12, 0, NULL, filter_dept);
		if (u->needs & JRC_NEED_ANSWER)
			field(f, "answer", N_("Written answer (the citizen reads it)"), JRC_ANSWER_MAX, 1,
			      NULL, NULL);
		f->submit = submit_move;
	}
	/* The form owns f and u from here, also when it cannot open. */
	if (ui_push(ctx, &scr_desk_form_ops, f) != 0)
		ui_message(ctx, 1, "%s", jrc_status_message(JRC_E_NOMEM));
}

static jrc_status submit_move(ui_ctx *ctx, void *user, char *const *v, jrc_err *err)
{
	form_user *u = user;
	case_state *cs = u->cs;
	jrc_move mv = { 0 };
	char actor[48], dept[16] = "";
	int i = 0;
	jrc_status s;

	if (desk_session_check(ctx, cs->sess) != 0)
		return jrc_err_set(err, JRC_E_REFUSED, NULL, "%s", ctx->message);
	mv.to = u->act.to;
	if (u->needs & JRC_NEED_REASON)
		mv.reason = v[i++];
	if (u->needs & JRC_NEED_CHANNEL)
		mv.channel = v[i++];
	if (u->needs & JRC_NEED_DEPARTMENT) {
		snprintf(dept, sizeof(dept), "%s", v[i++]);
		for (char *p = dept; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		mv.department = dept;
	}
	if (u->needs & JRC_NEED_ANSWER)
		mv.answer = v[i++];
	auth_move_as(&cs->sess->staff, &mv, actor);
	s = lifecycle_move(ctx->db, cs->c.receipt, &mv, NULL, err);
	if (s == JRC_OK && mv.to == JRC_ST_TERMINATED) {
		jrc_err perr = { 0 };
		int printed = 0;

		/* The citizen takes the slip home; a failed print is said, and
		 * the action to print it again is on the case. */
		if (slip_term_print(ctx->db, cs->c.receipt, ctx->printer[0] ? ctx->printer : NULL, &printed,
				    &perr) != JRC_OK)
			ui_message(ctx, 1, _("%s is lawfully concluded, but the slip did not print: %s"),
				   cs->c.receipt, perr.msg);
		else if (printed)
			ui_message(ctx, 0, _("%s is lawfully concluded. The termination slip is printing: give it to the citizen."),
				   cs->c.receipt);
		else
			ui_message(ctx, 0, _("%s is lawfully concluded. No printer is set up here, so the slip was not printed."),
				   cs->c.receipt);
		cs->stale = 1;
		cs->top = SCROLL_END;
	} else if (s == JRC_OK) {
		ui_message(ctx, 0, _("Done: %s is now '%s'."), cs->c.receipt,
			   lifecycle_state_desk(mv.to));
		cs->stale = 1;
		cs->top = SCROLL_END;   /* the new event is at the end */
	}
	return s;
}

static jrc_status submit_note(ui_ctx *ctx, void *user, char *const *v, jrc_err *err)
{
	form_user *u = user;
	jrc_status s = grievance_add_note(ctx->db, &u->cs->sess->staff, u->cs->c.receipt, v[0], err);

	if (s == JRC_OK) {
		ui_message(ctx, 0, "%s", _("The note is saved. Citizens never see it."));
		u->cs->stale = 1;
		u->cs->top = SCROLL_END;
	}
	return s;
}

/* A changed value, or NULL when it is the same as before. */
static const char *changed(const char *now, const char *before)
{
	return strcmp(now, before ? before : "") != 0 ? now : NULL;
}

static jrc_status submit_edit(ui_ctx *ctx, void *user, char *const *v, jrc_err *err)
{
	form_user *u = user;
	jrc_case *c = &u->cs->c;
	jrc_intake_edit ed = { 0 };
	int i = 0;
	jrc_status s;

	if (!c->anonymous) {
		ed.name = changed(v[i++], c->name);
		ed.id_number = changed(v[i++], c->id_number);
		ed.id_kind = c->id_kind;
		ed.phone = changed(v[i++], c->phone);
	}
	ed.text = changed(v[i++], c->text);
	ed.outcome = changed(v[i++], c->outcome);
	s = grievance_edit_intake(ctx->db, &u->cs->sess->staff, c->receipt, &ed, err);
	if (s == JRC_OK) {
		ui_message(ctx, 0, "%s", _("The intake details are corrected; the old values are kept in the timeline."));
		u->cs->stale = 1;
	}
	return s;
}

static ui_result key(ui_ctx *ctx, ui_screen *s, ui_action act, wint_t ch)
{
	case_state *cs = s->state;
	int page = cs->view > 1 ? cs->view - 1 : 1;

	switch (act) {
	case UI_ACT_FIELD_NEXT:
		if (cs->top + cs->view < cs->lines)
			cs->top++;
		return UI_DONE;
	case UI_ACT_FIELD_PREV:
		if (cs->top > 0)
			cs->top--;
		return UI_DONE;
	case UI_ACT_PAGE_DOWN:
		cs->top += page;
		if (cs->top > cs->lines - cs->view)
			cs->top = cs->lines - cs->view > 0 ? cs->lines - cs->view : 0;
		return UI_DONE;
	case UI_ACT_PAGE_UP:
		cs->top = cs->top > page ? cs->top - page : 0;
		return UI_DONE;
	case UI_ACT_HOME:
		cs->top = 0;
		return UI_DONE;
	case UI_ACT_END:
		cs->top = cs->lines - cs->view > 0 ? cs->lines - cs->view : 0;
		return UI_DONE;
	case UI_ACT_DIGIT: {
		int d = (int)(ch - L'0') - 1, idx[9], n = shown_actions(cs, idx);

		if (!cs->have || d < 0 || d >= n || idx[d] == -2)
			return UI_DONE;
		if (idx[d] < 0)
			cs->apage = (cs->apage + 1) * 8 < cs->nact ? cs->apage + 1 : 0;
		else
			run_action(ctx, cs, &cs->act[idx[d]]);
		return UI_DONE;
	}
	default:
		return UI_PASS;
	}
}

const ui_screen_ops scr_desk_case_ops = {
	.name = "desk_case",
	.enter = enter,
	.leave = leave,
	.draw = draw,
	.key = key,
	.help_msg = N_("Everything about the case, unmasked: for staff eyes only. The timeline lists every event, "
		     "internal notes included (citizens never see those). The numbered actions at the bottom are "
		     "the ones your role may take in this state; each asks for what it needs."),
	.keys_msg = N_("1-9: action   Up/Down: scroll   Esc: back"),
};
