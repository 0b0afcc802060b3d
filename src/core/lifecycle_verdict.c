/* The citizen's verdict on an answer (满意 / 基本满意 / 不满意), and the
 * review (复查) or re-review (复核) a dissatisfied citizen may ask for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/tally_internal.h"
#include "db_internal.h"
#include "lifecycle_internal.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/terminate.h"
#include "jrc/text.h"
#include "jrc/validate.h"

static const char *const verdict_names[] = { "satisfied", "basic", "unsatisfied" };
static const char *const verdict_words[] = {
	N_("Satisfied"), N_("Basically satisfied"), N_("Not satisfied")
};

const char *lifecycle_verdict_name(jrc_verdict v)
{
	return v >= JRC_VERDICT_SATISFIED && v <= JRC_VERDICT_UNSATISFIED ? verdict_names[v] : "";
}

int lifecycle_verdict_parse(const char *name, jrc_verdict *out)
{
	for (int i = 0; name && i < 3; i++) {
		if (strcmp(name, verdict_names[i]) == 0) {
			*out = (jrc_verdict)i;
			return 0;
		}
	}
	return -1;
}

const char *lifecycle_verdict_words(jrc_verdict v)
{
	return v >= JRC_VERDICT_SATISFIED && v <= JRC_VERDICT_UNSATISFIED ?
	       _(verdict_words[v]) : "";
}

int lifecycle_review_next(jrc_state answered_state)
{
	if (answered_state == JRC_ST_ANSWERED)
		return JRC_ST_REVIEW_REQUESTED;
	if (answered_state == JRC_ST_REVIEW_ANSWERED)
		return JRC_ST_REREVIEW_REQUESTED;
	return -1;
}

jrc_status lifecycle_verdict_get(jrc_db *db, int64_t case_id, jrc_state answered_state,
				 jrc_verdict *out, char *at, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	*out = JRC_VERDICT_NONE;
	if (at)
		at[0] = '\0';
	if (!lifecycle_is_answer_state(answered_state))
		return JRC_OK;
	/* The latest of the verdicts given on this answer (each is kept). */
	if ((s = db_prepare(db, "SELECT verdict, at FROM verdicts WHERE case_id = ? AND stage = ?"
			    " ORDER BY event_id DESC LIMIT 1", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	db_bind_text(db, st, 2, lifecycle_state_name(answered_state));
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		lifecycle_verdict_parse(db_col_text(st, 0), out);
		if (at)
			db_col_copy(st, 1, at, 32);
	}
	db_finalize(st);
	return rc == DB_ROW || rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

static jrc_status insert_verdict(jrc_db *db, const jrc_case *c, jrc_state stage,
				 const char *name, const char *comment, const char *at,
				 int64_t event_id, jrc_err *err);

/* One row per verdict, keyed by its event: a citizen who changes their
 * mind adds a row, the first is never overwritten (stats count the first
 * on each answer, see README). */
static jrc_status record(jrc_db *db, const jrc_case *c, jrc_state stage, const jrc_feedback *fb,
			 const char *comment, jrc_err *err)
{
	jrc_time now = clock_now();
	char at[32], *note;
	const char *name = lifecycle_verdict_name(fb->verdict);
	jrc_event_in ev = { 0 };
	int64_t event_id;
	jrc_status s;

	if (!(note = malloc(strlen(name) + (comment ? strlen(comment) : 0) + 4)))
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	sprintf(note, "%s%s%s", name, comment ? ": " : "", comment ? comment : "");
	clock_format_utc(now, at);
	ev.actor = fb->actor ? fb->actor : "citizen";
	ev.kind = "verdict";
	ev.case_id = c->id;
	ev.from_state = lifecycle_state_name(c->state);
	ev.note = note;
	ev.at = now;
	/* The row is keyed by its event, which vouches for it: row first. */
	if ((s = audit_next_id(db, &event_id, err)) != JRC_OK ||
	    (s = insert_verdict(db, c, stage, name, comment, at, event_id, err)) != JRC_OK) {
		free(note);
		return s;
	}
	ev.cover[0] = (jrc_cover){ "verdicts", event_id, NULL };
	s = audit_append(db, &ev, NULL, NULL, err);
	free(note);
	return s;
}

static jrc_status insert_verdict(jrc_db *db, const jrc_case *c, jrc_state stage,
				 const char *name, const char *comment, const char *at,
				 int64_t event_id, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	/* The figures count each answer's first verdict: out, then back in. */
	if ((s = tally_case(db, c->id, -1, err)))
		return s;
	if ((s = db_prepare(db, "INSERT INTO verdicts(case_id, stage, verdict, comment, at, event_id)"
			    " VALUES (?,?,?,?,?,?)", &st, err)))
		return s;
	db_bind_int64(st, 1, c->id);
	db_bind_text(db, st, 2, lifecycle_state_name(stage));
	db_bind_text(db, st, 3, name);
	db_bind_text(db, st, 4, comment);
	db_bind_text(db, st, 5, at);
	db_bind_int64(st, 6, event_id);
	rc = db_step(db, st);
	db_finalize(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	return tally_case(db, c->id, +1, err);
}

static jrc_status feedback_in_tx(jrc_db *db, const jrc_case *c, const jrc_feedback *fb,
				 const char *comment, jrc_err *err)
{
	jrc_date today = clock_local_date(clock_now());
	jrc_state st = lifecycle_effective_state(c, today);
	jrc_move mv = { .actor = fb->actor ? fb->actor : "citizen", .role = JRC_ROLE_CITIZEN };
	jrc_status s;
	int next;

	if (st == JRC_ST_TERMINATED) {
		jrc_termination t;
		int found = 0;

		if ((s = term_get(db, c->id, &t, &found, err)) != JRC_OK)
			return s;
		return jrc_err_set(err, JRC_E_REFUSED, "verdict",
				   _("This matter was lawfully concluded on %s, after every step the law gives: no verdict or review can be asked any more, and offices will not take it up again. You can still go to: %s"),
				   found ? t.on : "-", found && *t.channel ? t.channel : "-");
	}
	if (st == JRC_ST_CLOSED && lifecycle_case_state(c) != JRC_ST_CLOSED)
		return jrc_err_set(err, JRC_E_REFUSED, "verdict",
				   _("The %d days after the answer ended on %s and the matter is closed: a verdict or review can no longer be given here. Ask at the front desk if you need help."),
				   JRC_REVIEW_DAYS, c->due_on);
	if (st == JRC_ST_CLOSED || st == JRC_ST_DECLINED)
		return jrc_err_set(err, JRC_E_REFUSED, "verdict",
				   _("This matter is finished: a verdict can no longer be given. Ask at the front desk if you need help."));
	if (!lifecycle_is_answer_state(st))
		return jrc_err_set(err, JRC_E_REFUSED, "verdict",
				   _("There is no written answer yet to give a verdict on: check again once the department has answered."));
	next = lifecycle_review_next(st);
	if (fb->request_review && next < 0)
		return jrc_err_set(err, JRC_E_REFUSED, "review",
				   _("The re-review was the last step: no further review can be asked. The front desk can tell you about other legal ways."));
	if ((s = record(db, c, st, fb, comment, err)) != JRC_OK)
		return s;
	if (fb->verdict == JRC_VERDICT_SATISFIED || fb->verdict == JRC_VERDICT_BASIC) {
		mv.to = JRC_ST_CLOSED;
		return lifecycle_move_in_tx(db, c->id, &mv, err);
	}
	if (fb->request_review) {
		mv.to = (jrc_state)next;
		return lifecycle_move_in_tx(db, c->id, &mv, err);
	}
	return JRC_OK;
}

jrc_status lifecycle_feedback(jrc_db *db, const char *receipt, const jrc_feedback *fb,
			      jrc_case *out, jrc_err *err)
{
	jrc_case c;
	jrc_status s;
	char *comment = NULL;

	if (out)
		memset(out, 0, sizeof(*out));
	if (fb->verdict < JRC_VERDICT_SATISFIED || fb->verdict > JRC_VERDICT_UNSATISFIED)
		return jrc_err_set(err, JRC_E_INVALID, "verdict",
				   _("Choose satisfied, basically satisfied or not satisfied."));
	if (fb->request_review && fb->verdict != JRC_VERDICT_UNSATISFIED)
		return jrc_err_set(err, JRC_E_INVALID, "review",
				   _("A review can be asked for only when you are not satisfied with the answer."));
	if (fb->comment && *fb->comment) {
		if ((s = validate_text(fb->comment, JRC_COMMENT_MAX, 0, "comment", err)) != JRC_OK)
			return s;
		if (!(comment = text_sanitize(fb->comment, 1)))
			return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		if (!*comment) {
			free(comment);
			comment = NULL;
		}
	}
	if ((s = db_begin(db, err)) != JRC_OK) {
		free(comment);
		return s;
	}
	if ((s = grievance_get(db, receipt, &c, err)) != JRC_OK) {
		db_rollback(db);
		free(comment);
		return s;
	}
	/* The verdict and the move it leads to stand or fall together. */
	s = feedback_in_tx(db, &c, fb, comment, err);
	free(comment);
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
