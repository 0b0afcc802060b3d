/* The lifecycle state machine: one table of allowed moves, who may make
 * them, what they need and which deadline they start; every move updates
 * the cases row and appends its event in the same transaction.
 *
 * Closing answered cases nobody took to review: recorded, not computed on
 * read.  "A case's state is the last event's" (DESIGN.md) should stay true,
 * statistics and the staff worklist read the stored state, and the audit
 * log should say when the system closed a case.  `jrc tick`
 * (lifecycle_close_expired) records the closings; a cron job or the kiosk's
 * idle loop runs it.  So that nobody ever sees or acts on a stale state
 * when tick has not run yet, lifecycle_effective_state() treats a passed
 * window as closed, and a citizen's successful lookup records the closing
 * of that one case on the spot (lifecycle_expire_in_tx). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/tally_internal.h"
#include "db_internal.h"
#include "lifecycle_internal.h"
#include "jrc/audit.h"
#include "jrc/sms.h"
#include "jrc/deadline.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/refdata.h"
#include "jrc/terminate.h"
#include "jrc/text.h"
#include "jrc/validate.h"

/* The rows of jrc/states.h, indexed by the enum they made. */
typedef struct state_row {
	const char *name;
	jrc_state_kind kind;
	const char *label, *desk, *words, *deadline;
} state_row;

#define ROW(id, name, kind, label, desk, words, deadline) \
	[JRC_ST_##id] = { name, kind, label, desk, words, deadline },
static const state_row states[JRC_STATE_COUNT] = { JRC_STATES(ROW) };
#undef ROW

static const char *const role_names[JRC_ROLE_COUNT] = {
	"citizen", "desk", "handler", "supervisor", "admin", "system"
};

const char *lifecycle_state_name(jrc_state st)
{
	return (unsigned)st < JRC_STATE_COUNT ? states[st].name : NULL;
}

int lifecycle_state_parse(const char *name, jrc_state *out)
{
	for (int i = 0; name && i < JRC_STATE_COUNT; i++) {
		if (strcmp(name, states[i].name) == 0) {
			*out = (jrc_state)i;
			return 0;
		}
	}
	return -1;
}

void lifecycle_state_list(char *out, size_t size)
{
	size_t len = 0;

	if (size)
		out[0] = '\0';
	for (int i = 0; i < JRC_STATE_COUNT && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? ", " : "",
					states[i].name);
}

const char *lifecycle_state_words(jrc_state st)
{
	return (unsigned)st < JRC_STATE_COUNT ? _(states[st].words) : "";
}

const char *lifecycle_state_label(jrc_state st)
{
	return (unsigned)st < JRC_STATE_COUNT ? _(states[st].label) : "";
}

const char *lifecycle_state_desk(jrc_state st)
{
	return (unsigned)st < JRC_STATE_COUNT ? _(states[st].desk) : "";
}

const char *lifecycle_deadline_words(jrc_state st)
{
	return (unsigned)st < JRC_STATE_COUNT && states[st].deadline ? _(states[st].deadline) : NULL;
}

jrc_state_kind lifecycle_state_kind(jrc_state st)
{
	return (unsigned)st < JRC_STATE_COUNT ? states[st].kind : JRC_SK_NONE;
}

const char *lifecycle_role_name(jrc_role role)
{
	return (unsigned)role < JRC_ROLE_COUNT ? role_names[role] : "?";
}

int lifecycle_role_parse(const char *name, jrc_role *out)
{
	for (int i = 0; name && i < JRC_ROLE_COUNT; i++) {
		if (strcmp(name, role_names[i]) == 0) {
			*out = (jrc_role)i;
			return 0;
		}
	}
	return -1;
}

/* ---------------------------------------------------------------- the table */

#define R(x) (1u << JRC_ROLE_##x)
#define HANDLING (R(HANDLER) | R(SUPERVISOR))
#define ASKING (R(CITIZEN) | R(DESK) | R(SUPERVISOR))
#define CLOSING (R(CITIZEN) | R(SUPERVISOR) | R(SYSTEM))

typedef enum due_rule {
	DUE_NONE,        /* no deadline runs in the new state */
	DUE_KEEP,        /* the running deadline keeps running */
	DUE_FROM_TODAY,  /* days counted from the day of the move */
	DUE_FROM_DUE     /* days added to the running deadline (extension) */
} due_rule;

typedef struct transition {
	jrc_state from, to;
	unsigned roles;
	unsigned needs;
	due_rule due;
	int days;
} transition;

#define S(x) JRC_ST_##x
#define TERM_NEEDS (JRC_NEED_REASON | JRC_NEED_CHANNEL | JRC_NEED_GROUNDS)
/* Closing before an answer (the citizen withdrew, the matter resolved
 * itself) is a supervisor's decision and needs a reason.  Answers to a
 * review are given by the level above the department, so by a supervisor.
 * Desk staff only record a citizen's review request made at the counter. */
static const transition table[] = {
	{ S(REGISTERED), S(ACCEPTED), HANDLING, 0, DUE_FROM_TODAY, JRC_ANSWER_DAYS },
	{ S(REGISTERED), S(DECLINED), HANDLING, JRC_NEED_REASON | JRC_NEED_CHANNEL, DUE_NONE, 0 },
	{ S(REGISTERED), S(REDIRECTED), HANDLING, JRC_NEED_REASON | JRC_NEED_DEPARTMENT,
	  DUE_FROM_TODAY, JRC_ACCEPT_DAYS },
	{ S(REGISTERED), S(CLOSED), R(SUPERVISOR), JRC_NEED_REASON, DUE_NONE, 0 },

	/* The department a case was passed to decides afresh. */
	{ S(REDIRECTED), S(ACCEPTED), HANDLING, 0, DUE_FROM_TODAY, JRC_ANSWER_DAYS },
	{ S(REDIRECTED), S(DECLINED), HANDLING, JRC_NEED_REASON | JRC_NEED_CHANNEL, DUE_NONE, 0 },
	{ S(REDIRECTED), S(REDIRECTED), HANDLING, JRC_NEED_REASON | JRC_NEED_DEPARTMENT,
	  DUE_FROM_TODAY, JRC_ACCEPT_DAYS },
	{ S(REDIRECTED), S(CLOSED), R(SUPERVISOR), JRC_NEED_REASON, DUE_NONE, 0 },

	{ S(ACCEPTED), S(IN_MEDIATION), HANDLING, 0, DUE_KEEP, 0 },
	{ S(ACCEPTED), S(EXTENDED), HANDLING, JRC_NEED_REASON, DUE_FROM_DUE, JRC_EXTEND_DAYS },
	{ S(ACCEPTED), S(ANSWERED), HANDLING, JRC_NEED_ANSWER, DUE_FROM_TODAY, JRC_REVIEW_DAYS },
	{ S(ACCEPTED), S(CLOSED), R(SUPERVISOR), JRC_NEED_REASON, DUE_NONE, 0 },

	{ S(EXTENDED), S(IN_MEDIATION), HANDLING, 0, DUE_KEEP, 0 },
	{ S(EXTENDED), S(ANSWERED), HANDLING, JRC_NEED_ANSWER, DUE_FROM_TODAY, JRC_REVIEW_DAYS },
	{ S(EXTENDED), S(CLOSED), R(SUPERVISOR), JRC_NEED_REASON, DUE_NONE, 0 },

	/* Mediation does not stop the clock of the answer. */
	{ S(IN_MEDIATION), S(EXTENDED), HANDLING, JRC_NEED_REASON, DUE_FROM_DUE, JRC_EXTEND_DAYS },
	{ S(IN_MEDIATION), S(ANSWERED), HANDLING, JRC_NEED_ANSWER, DUE_FROM_TODAY, JRC_REVIEW_DAYS },
	{ S(IN_MEDIATION), S(CLOSED), R(SUPERVISOR), JRC_NEED_REASON, DUE_NONE, 0 },

	{ S(ANSWERED), S(REVIEW_REQUESTED), ASKING, 0, DUE_FROM_TODAY, JRC_REVIEW_DAYS },
	{ S(ANSWERED), S(CLOSED), CLOSING, 0, DUE_NONE, 0 },

	{ S(REVIEW_REQUESTED), S(REVIEW_ANSWERED), R(SUPERVISOR), JRC_NEED_ANSWER,
	  DUE_FROM_TODAY, JRC_REVIEW_DAYS },
	{ S(REVIEW_REQUESTED), S(CLOSED), R(SUPERVISOR), JRC_NEED_REASON, DUE_NONE, 0 },

	{ S(REVIEW_ANSWERED), S(REREVIEW_REQUESTED), ASKING, 0, DUE_FROM_TODAY, JRC_REVIEW_DAYS },
	{ S(REVIEW_ANSWERED), S(CLOSED), CLOSING, 0, DUE_NONE, 0 },

	/* The re-review is final: its window is only the citizen's time to
	 * give a verdict before the case closes. */
	{ S(REREVIEW_REQUESTED), S(REREVIEW_ANSWERED), R(SUPERVISOR), JRC_NEED_ANSWER,
	  DUE_FROM_TODAY, JRC_REVIEW_DAYS },
	{ S(REREVIEW_REQUESTED), S(CLOSED), R(SUPERVISOR), JRC_NEED_REASON, DUE_NONE, 0 },

	{ S(REREVIEW_ANSWERED), S(CLOSED), CLOSING, 0, DUE_NONE, 0 },

	/* Lawful termination (依法终结): a supervisor's act, once the matter
	 * has a ground (terminate.c: the re-review answer, or a hearing that
	 * found the handling reasonable), with the reason and the legal
	 * channel that remains.  Nothing leaves terminated. */
	{ S(ANSWERED), S(TERMINATED), R(SUPERVISOR), TERM_NEEDS, DUE_NONE, 0 },
	{ S(REVIEW_ANSWERED), S(TERMINATED), R(SUPERVISOR), TERM_NEEDS, DUE_NONE, 0 },
	{ S(REREVIEW_ANSWERED), S(TERMINATED), R(SUPERVISOR), TERM_NEEDS, DUE_NONE, 0 },
	{ S(CLOSED), S(TERMINATED), R(SUPERVISOR), TERM_NEEDS, DUE_NONE, 0 },
};
#undef S

static const transition *find(jrc_state from, jrc_state to)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].from == from && table[i].to == to)
			return &table[i];
	return NULL;
}

unsigned lifecycle_needs(jrc_state from, jrc_state to)
{
	const transition *t = find(from, to);

	return t ? t->needs : 0;
}

int lifecycle_is_answer_state(jrc_state st)
{
	return lifecycle_state_kind(st) == JRC_SK_ANSWER;
}

int lifecycle_state_owes_step(jrc_state st)
{
	return lifecycle_state_kind(st) == JRC_SK_OWES;
}

int lifecycle_is_overdue(const jrc_case *c, jrc_date today)
{
	jrc_date due;

	return lifecycle_state_owes_step(lifecycle_case_state(c)) && c->due_on[0] &&
	       date_parse(c->due_on, &due) == 0 && date_cmp(due, today) < 0;
}

void lifecycle_states_sql(jrc_state_kind kind, char *out, size_t size)
{
	size_t len = 0;

	len += (size_t)snprintf(out, size, "(");
	for (int i = 0; i < JRC_STATE_COUNT && len < size; i++)
		if (states[i].kind == kind)
			len += (size_t)snprintf(out + len, size - len, "%s'%s'",
						out[len - 1] == '(' ? "" : ",", states[i].name);
	if (len < size)
		snprintf(out + len, size - len, ")");
}

void lifecycle_owed_sql(char *out, size_t size)
{
	lifecycle_states_sql(JRC_SK_OWES, out, size);
}

jrc_state lifecycle_case_state(const jrc_case *c)
{
	return (unsigned)c->state < JRC_STATE_COUNT ? c->state : JRC_STATE_COUNT;
}

jrc_date lifecycle_local_date_of(const char *utc_iso)
{
	jrc_time t;

	if (!utc_iso || !*utc_iso || clock_parse(utc_iso, &t) != JRC_OK)
		t = clock_now();
	return clock_local_date(t);
}

/* 1 if the citizen's window after an answer ended before today. */
static int window_passed(const jrc_case *c, jrc_state st, jrc_date today)
{
	jrc_date due;

	return lifecycle_is_answer_state(st) && date_parse(c->due_on, &due) == 0 &&
	       date_cmp(today, due) > 0;
}

jrc_state lifecycle_effective_state(const jrc_case *c, jrc_date today)
{
	jrc_state st = lifecycle_case_state(c);

	return window_passed(c, st, today) ? JRC_ST_CLOSED : st;
}

/* The state a move starts from: the effective one, except that closing a
 * case whose window has passed records what already counts as true, and
 * concluding it records the conclusion from the answer it rests on. */
static jrc_state from_state(const jrc_case *c, jrc_state to, jrc_date today)
{
	jrc_state stored = lifecycle_case_state(c), eff = lifecycle_effective_state(c, today);

	return eff == JRC_ST_CLOSED && (to == JRC_ST_CLOSED || to == JRC_ST_TERMINATED) ? stored : eff;
}

/* The role may make the move t on this case (ignoring what it needs). */
static int role_may(const transition *t, const jrc_case *c, jrc_role role, const char *dept)
{
	if ((unsigned)role >= JRC_ROLE_COUNT || !(t->roles & (1u << role)))
		return 0;
	if (role == JRC_ROLE_HANDLER && (!dept || strcmp(dept, c->department) != 0))
		return 0;
	/* The law allows one extension. */
	if (t->to == JRC_ST_EXTENDED && c->extended)
		return 0;
	return 1;
}

size_t lifecycle_allowed(const jrc_case *c, jrc_role role, const char *actor_department,
			 jrc_state out[JRC_STATE_COUNT])
{
	jrc_date today = clock_local_date(clock_now());
	jrc_state from = lifecycle_effective_state(c, today);
	size_t n = 0;

	/* In the order of the states, so a desk lists them the same way always. */
	for (int to = 0; to < JRC_STATE_COUNT; to++) {
		const transition *t = find(from, (jrc_state)to);

		/* A conclusion rests on grounds read from the database: it
		 * is offered apart (lifecycle_may_terminate). */
		if (t && !(t->needs & JRC_NEED_GROUNDS) && role_may(t, c, role, actor_department))
			out[n++] = (jrc_state)to;
	}
	return n;
}

int lifecycle_may_terminate(jrc_db *db, const jrc_case *c, jrc_role role)
{
	jrc_date today = clock_local_date(clock_now());
	const transition *t = find(from_state(c, JRC_ST_TERMINATED, today), JRC_ST_TERMINATED);
	jrc_term_grounds g;

	return t && role_may(t, c, role, NULL) &&
	       term_grounds(db, c->id, &g, NULL) == JRC_OK && g.which != 0;
}

/* "Allowed now: a, b." or a sentence that nothing is. */
static void allowed_sentence(const jrc_case *c, const jrc_move *mv, char *buf, size_t size)
{
	jrc_state to[JRC_STATE_COUNT];
	size_t n = lifecycle_allowed(c, mv->role, mv->actor_department, to), len = 0;
	char list[256] = "";

	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(list + len, len < sizeof(list) ? sizeof(list) - len : 0,
					"%s%s", i ? ", " : "", states[to[i]].name);
	if (n)
		snprintf(buf, size, _("Allowed now: %s."), list);
	else
		snprintf(buf, size, "%s", _("No move is open to you on this case now."));
}

static int blank(const char *s)
{
	return !s || !*s;
}

jrc_status lifecycle_check(jrc_db *db, const jrc_case *c, const jrc_move *mv, jrc_err *err)
{
	jrc_date today = clock_local_date(clock_now());
	jrc_state from = from_state(c, mv->to, today);
	const transition *t;
	char allowed[320];
	jrc_status s;

	if ((unsigned)mv->to >= JRC_STATE_COUNT || from >= JRC_STATE_COUNT)
		return jrc_err_set(err, JRC_E_INVALID, "state",
				   _("Unknown state: see 'jrc move --help' for the list."));
	allowed_sentence(c, mv, allowed, sizeof(allowed));
	if (from == JRC_ST_TERMINATED)
		return term_refuse_move(db, c->id, err);
	if (from == JRC_ST_CLOSED && lifecycle_case_state(c) != JRC_ST_CLOSED)
		return jrc_err_set(err, JRC_E_REFUSED, "state",
				   _("The time to ask for a review ended on %s, so this case counts as closed: nothing more can be done with it."),
				   c->due_on);
	/* Asked again while still extended, too: say why, not just "no". */
	if (mv->to == JRC_ST_EXTENDED && c->extended &&
	    (from == JRC_ST_ACCEPTED || from == JRC_ST_EXTENDED || from == JRC_ST_IN_MEDIATION))
		return jrc_err_set(err, JRC_E_REFUSED, "state",
				   _("This case was already extended once and the law allows only one extension: answer it by %s. %s"),
				   c->due_on, allowed);
	if (!(t = find(from, mv->to)))
		return jrc_err_set(err, JRC_E_REFUSED, "state",
				   _("This case is %s and cannot go to %s. %s"),
				   states[from].name, states[mv->to].name, allowed);
	if (mv->role == JRC_ROLE_HANDLER && (t->roles & R(HANDLER)) &&
	    (!mv->actor_department || strcmp(mv->actor_department, c->department) != 0))
		return jrc_err_set(err, JRC_E_REFUSED, "role",
				   _("This case belongs to department %s, not to yours (%s): only its own handlers or a supervisor can act on it."),
				   c->department, blank(mv->actor_department) ? "-" : mv->actor_department);
	if (!role_may(t, c, mv->role, mv->actor_department))
		return jrc_err_set(err, JRC_E_REFUSED, "role",
				   _("As %s you cannot move this case to %s. %s"),
				   lifecycle_role_name(mv->role), states[mv->to].name, allowed);
	if ((t->needs & JRC_NEED_GROUNDS) &&
	    (s = term_check(db, c->id, mv->reason, mv->channel, err)) != JRC_OK)
		return s;
	if ((t->needs & JRC_NEED_REASON) && blank(mv->reason))
		return jrc_err_set(err, JRC_E_INVALID, "reason",
				   _("A reason is needed to move this case to %s: say why, in words the citizen understands."),
				   states[mv->to].name);
	if ((t->needs & JRC_NEED_CHANNEL) && blank(mv->channel))
		return jrc_err_set(err, JRC_E_INVALID, "channel",
				   _("Say where the citizen should take the matter instead (a court, arbitration, administrative review ...): a declined case must name the legal channel."));
	if ((t->needs & JRC_NEED_ANSWER) && blank(mv->answer))
		return jrc_err_set(err, JRC_E_INVALID, "answer",
				   _("The written answer is missing: write the answer the citizen will read."));
	if ((t->needs & JRC_NEED_DEPARTMENT) && blank(mv->department))
		return jrc_err_set(err, JRC_E_INVALID, "department",
				   _("Say which department the case goes to (a department code)."));
	if (!blank(mv->reason) &&
	    (s = validate_text(mv->reason, JRC_REASON_MAX, 0, "reason", err)) != JRC_OK)
		return s;
	if (!blank(mv->channel) &&
	    (s = validate_text(mv->channel, JRC_REASON_MAX, 0, "channel", err)) != JRC_OK)
		return s;
	if (!blank(mv->answer) &&
	    (s = validate_text(mv->answer, JRC_ANSWER_MAX, 0, "answer", err)) != JRC_OK)
		return s;
	if ((t->needs & JRC_NEED_DEPARTMENT)) {
		jrc_department d;

		if ((s = refdata_department(db, mv->department, &d, err)) != JRC_OK)
			return s;
		if (strcmp(d.code, c->department) == 0)
			return jrc_err_set(err, JRC_E_INVALID, "department",
					   _("The case is already with department %s: name another department to pass it to."),
					   d.code);
	}
	if (blank(mv->actor) || strlen(mv->actor) >= sizeof(((jrc_event *)0)->actor) ||
	    !text_utf8_valid(mv->actor, strlen(mv->actor)))
		return jrc_err_set(err, JRC_E_INVALID, "actor",
				   _("Who makes the move is missing or too long: give a staff ID."));
	/* A citizen asks for review by saying they are not satisfied. */
	if (mv->role == JRC_ROLE_CITIZEN &&
	    (mv->to == JRC_ST_REVIEW_REQUESTED || mv->to == JRC_ST_REREVIEW_REQUESTED)) {
		jrc_verdict v;

		if ((s = lifecycle_verdict_get(db, c->id, from, &v, NULL, err)) != JRC_OK)
			return s;
		if (v != JRC_VERDICT_UNSATISFIED)
			return jrc_err_set(err, JRC_E_REFUSED, "verdict",
					   _("A review is asked for by saying you are not satisfied with the answer: give that verdict first."));
	}
	return JRC_OK;
}

/* ---------------------------------------------------------------- moving */

static jrc_status new_due(jrc_db *db, const jrc_case *c, const transition *t, jrc_date today,
			  char due[11], jrc_err *err)
{
	jrc_date base, d;
	jrc_status s;

	switch (t->due) {
	case DUE_NONE:
		due[0] = '\0';
		return JRC_OK;
	case DUE_KEEP:
		snprintf(due, 11, "%.10s", c->due_on);
		return JRC_OK;
	case DUE_FROM_DUE:
		/* An extension adds to the deadline, not to the day it is granted. */
		base = date_parse(c->due_on, &d) == 0 ? d : today;
		break;
	case DUE_FROM_TODAY:
	default:
		base = today;
		break;
	}
	if ((s = deadline_add(db, base, t->days, &d, err)) != JRC_OK)
		return s;
	date_format(d, due);
	return JRC_OK;
}

/* Owned, sanitized copies of the texts of a move. */
typedef struct clean_move {
	char *reason, *channel, *answer;
} clean_move;

static void clean_move_free(clean_move *m)
{
	free(m->reason);
	free(m->channel);
	free(m->answer);
}

static int clean_one(const char *in, char **out)
{
	*out = NULL;
	if (blank(in))
		return 0;
	*out = text_sanitize(in, 1);
	return *out ? 0 : -1;
}

/* A plain record for the event log (staff read it; it is not translated). */
static char *event_note(const clean_move *m, const jrc_case *c, const jrc_move *mv,
			const char *due)
{
	size_t cap = 64 + (m->reason ? strlen(m->reason) : 0) +
		     (m->channel ? strlen(m->channel) : 0) + (m->answer ? strlen(m->answer) : 0);
	char *note = malloc(cap + 96), *p;

	if (!note)
		return NULL;
	p = note;
	*p = '\0';
	if (m->reason)
		p += sprintf(p, "reason: %s\n", m->reason);
	if (m->channel)
		p += sprintf(p, "channel: %s\n", m->channel);
	if (mv->to == JRC_ST_REDIRECTED)
		p += sprintf(p, "department: %.15s -> %.15s\n", c->department, mv->department);
	if (m->answer)
		p += sprintf(p, "answer: %s\n", m->answer);
	if (*due)
		p += sprintf(p, "due: %.10s\n", due);
	if (p > note)
		p[-1] = '\0';
	return note;
}

static jrc_status insert_step(jrc_db *db, int64_t event_id, const jrc_case *c, const char *at,
			      jrc_state from, const jrc_move *mv, const clean_move *m,
			      const char *dept, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "INSERT INTO lifecycle_steps(event_id, case_id, at, from_state,"
			    " to_state, actor, department, reason, channel, answer)"
			    " VALUES (?,?,?,?,?,?,?,?,?,?)", &st, err)))
		return s;
	db_bind_int64(st, 1, event_id);
	db_bind_int64(st, 2, c->id);
	db_bind_text(db, st, 3, at);
	db_bind_text(db, st, 4, states[from].name);
	db_bind_text(db, st, 5, states[mv->to].name);
	db_bind_text(db, st, 6, mv->actor);
	db_bind_text(db, st, 7, dept);
	db_bind_text(db, st, 8, m->reason);
	db_bind_text(db, st, 9, m->channel);
	db_bind_text(db, st, 10, m->answer);
	rc = db_step(db, st);
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

static jrc_status apply(jrc_db *db, const jrc_case *c, const jrc_move *mv, jrc_err *err)
{
	jrc_time now = clock_now();
	jrc_date today = clock_local_date(now);
	jrc_state from = from_state(c, mv->to, today);
	const transition *t = find(from, mv->to);
	clean_move m = { 0 };
	char due[11], at[32], *note = NULL;
	const char *dept = mv->to == JRC_ST_REDIRECTED ? mv->department : c->department;
	jrc_event_in ev = { 0 };
	int64_t event_id = 0;
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = lifecycle_check(db, c, mv, err)) != JRC_OK)
		return s;
	if ((s = new_due(db, c, t, today, due, err)) != JRC_OK)
		return s;
	if (clean_one(mv->reason, &m.reason) || clean_one(mv->channel, &m.channel) ||
	    clean_one(mv->answer, &m.answer) || !(note = event_note(&m, c, mv, due))) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto out;
	}
	clock_format_utc(now, at);
	/* The figures: the case out of its old row, into its new one below. */
	if ((s = tally_case(db, c->id, -1, err)))
		goto out;
	if ((s = db_prepare(db, "UPDATE cases SET state = ?1, state_at = ?2, due_on = ?3,"
			    " extended = ?4, answer = COALESCE(?5, answer), department = ?6"
			    " WHERE id = ?7", &st, err)))
		goto out;
	db_bind_text(db, st, 1, states[mv->to].name);
	db_bind_text(db, st, 2, at);
	db_bind_text(db, st, 3, *due ? due : NULL);
	db_bind_int(st, 4, c->extended || mv->to == JRC_ST_EXTENDED);
	db_bind_text(db, st, 5, m.answer);
	db_bind_text(db, st, 6, dept);
	db_bind_int64(st, 7, c->id);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto out;
	}
	/* The step is keyed by its event and the event vouches for it, so
	 * the step is written first, under the id the event will get. */
	if ((s = audit_next_id(db, &event_id, err)) != JRC_OK ||
	    (s = insert_step(db, event_id, c, at, from, mv, &m, dept, err)) != JRC_OK)
		goto out;
	ev.actor = mv->actor;
	ev.kind = "transition";
	ev.case_id = c->id;
	ev.from_state = states[from].name;
	ev.to_state = states[mv->to].name;
	ev.note = *note ? note : NULL;
	ev.at = now;
	ev.cover[0] = (jrc_cover){ "cases", c->id, NULL };
	ev.cover[1] = (jrc_cover){ "lifecycle_steps", event_id, NULL };
	if ((s = audit_append(db, &ev, NULL, NULL, err)) == JRC_OK)
		s = tally_case(db, c->id, +1, err);
	/* The citizen hears of the decision and of the answer, also of a
	 * review or re-review (if they agreed). */
	if (s == JRC_OK && (mv->to == JRC_ST_ACCEPTED || mv->to == JRC_ST_DECLINED))
		s = sms_queue_in_tx(db, c->id, states[mv->to].name, 0, err);
	else if (s == JRC_OK && (mv->to == JRC_ST_ANSWERED || mv->to == JRC_ST_REVIEW_ANSWERED ||
				 mv->to == JRC_ST_REREVIEW_ANSWERED))
		s = sms_queue_in_tx(db, c->id, "answered", 0, err);
out:
	free(note);
	clean_move_free(&m);
	return s;
}

jrc_status lifecycle_move_in_tx(jrc_db *db, int64_t case_id, const jrc_move *mv, jrc_err *err)
{
	jrc_case c;
	jrc_status s;

	if ((s = grievance_get_by_id(db, case_id, &c, err)) != JRC_OK)
		return s;
	s = apply(db, &c, mv, err);
	grievance_case_free(&c);
	return s;
}

jrc_status lifecycle_move(jrc_db *db, const char *receipt, const jrc_move *mv, jrc_case *out,
			  jrc_err *err)
{
	jrc_case c;
	jrc_status s;

	if (out)
		memset(out, 0, sizeof(*out));
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	/* Read the case under the write lock: two desks cannot both move it
	 * from the same state. */
	if ((s = grievance_get(db, receipt, &c, err)) != JRC_OK) {
		db_rollback(db);
		return s;
	}
	s = apply(db, &c, mv, err);
	if (s != JRC_OK) {
		db_rollback(db);
		grievance_case_free(&c);
		return s;
	}
	if ((s = db_commit(db, err)) == JRC_OK && out)
		s = grievance_get_by_id(db, c.id, out, err);
	grievance_case_free(&c);
	return s;
}

/* ---------------------------------------------------------------- closing */

jrc_status lifecycle_expire_in_tx(jrc_db *db, const jrc_case *c, int *closed, jrc_err *err)
{
	jrc_date today = clock_local_date(clock_now());
	jrc_move mv = { .to = JRC_ST_CLOSED, .actor = "system", .role = JRC_ROLE_SYSTEM };
	jrc_status s;

	if (closed)
		*closed = 0;
	if (!window_passed(c, lifecycle_case_state(c), today))
		return JRC_OK;
	if ((s = apply(db, c, &mv, err)) == JRC_OK && closed)
		*closed = 1;
	return s;
}

jrc_status lifecycle_close_expired(jrc_db *db, long *closed, jrc_err *err)
{
	char today[11], answered[256], sql[384];
	db_stmt *st;
	jrc_status s;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;
	long done = 0;

	if (closed)
		*closed = 0;
	date_format(clock_local_date(clock_now()), today);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	/* The daily tick also brings the figures' overdue counts to today. */
	if ((s = tally_advance(db, err)) != JRC_OK)
		goto fail;
	lifecycle_states_sql(JRC_SK_ANSWER, answered, sizeof(answered));
	snprintf(sql, sizeof(sql), "SELECT id FROM cases WHERE state IN %s"
		 " AND due_on IS NOT NULL AND due_on < ? ORDER BY id", answered);
	s = db_prepare(db, sql, &st, err);
	if (s)
		goto fail;
	db_bind_text(db, st, 1, today);
	while ((rc = db_step(db, st)) == DB_ROW) {
		if (n == cap) {
			int64_t *nb = realloc(ids, (cap = cap ? cap * 2 : 64) * sizeof(*ids));

			if (!nb) {
				db_finalize(st);
				s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
				goto fail;
			}
			ids = nb;
		}
		ids[n++] = db_col_int64(st, 0);
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
		goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		jrc_case c;
		int did = 0;

		if ((s = grievance_get_by_id(db, ids[i], &c, err)) != JRC_OK)
			goto fail;
		s = lifecycle_expire_in_tx(db, &c, &did, err);
		grievance_case_free(&c);
		if (s != JRC_OK)
			goto fail;
		done += did;
	}
	free(ids);
	if ((s = db_commit(db, err)) == JRC_OK && closed)
		*closed = done;
	return s;
fail:
	free(ids);
	db_rollback(db);
	return s;
}

/* ---------------------------------------------------------------- history */

jrc_status lifecycle_steps(jrc_db *db, int64_t case_id, jrc_step **out, size_t *n, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 8;
	int rc = DB_DONE, oom = 0;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT event_id, at, from_state, to_state, actor, department,"
			    " reason, channel, answer FROM lifecycle_steps WHERE case_id = ?"
			    " ORDER BY event_id", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	if (!(*out = malloc(cap * sizeof(**out))))
		oom = 1;
	while (!oom && (rc = db_step(db, st)) == DB_ROW) {
		jrc_step *p;

		if (*n == cap) {
			jrc_step *nb = realloc(*out, (cap *= 2) * sizeof(**out));

			if (!nb) {
				oom = 1;
				break;
			}
			*out = nb;
		}
		p = &(*out)[(*n)++];
		memset(p, 0, sizeof(*p));
		p->event_id = db_col_int64(st, 0);
		db_col_copy(st, 1, p->at, sizeof(p->at));
		db_col_copy(st, 2, p->from_state, sizeof(p->from_state));
		db_col_copy(st, 3, p->to_state, sizeof(p->to_state));
		db_col_copy(st, 4, p->actor, sizeof(p->actor));
		db_col_copy(st, 5, p->department, sizeof(p->department));
		p->reason = db_col_strdup(st, 6, &oom);
		p->channel = db_col_strdup(st, 7, &oom);
		p->answer = db_col_strdup(st, 8, &oom);
	}
	db_finalize(st);
	if (oom || rc != DB_DONE) {
		lifecycle_steps_free(*out, *n);
		*out = NULL;
		*n = 0;
		return oom ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	return JRC_OK;
}

void lifecycle_steps_free(jrc_step *s, size_t n)
{
	if (!s)
		return;
	for (size_t i = 0; i < n; i++) {
		free(s[i].reason);
		free(s[i].channel);
		free(s[i].answer);
	}
	free(s);
}
