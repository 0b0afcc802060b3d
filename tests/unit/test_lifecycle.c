/* The lifecycle: every move allowed and refused for every role, the
 * deadlines each state starts, closing after 30 days, verdicts and reviews. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "tap.h"
#include "testdb.h"

static jrc_db *db;

static void now(const char *iso)
{
	setenv("JRC_NOW", iso, 1);
}

static jrc_case file_one(void)
{
	jrc_intake in = { 0 };
	jrc_case c;
	jrc_err err = { 0 };

	in.category = "LAB";
	in.division = "330726100";
	in.name = "张三";
	in.id_number = "11010519491231002X";
	in.phone = "13812345678";
	in.text = "老板拖欠工资三个月。";
	if (grievance_file(db, &in, &c, &err) != JRC_OK) {
		printf("Bail out! cannot file: %s\n", err.msg);
		exit(1);
	}
	return c;
}

/* A move with everything any move could need, as a supervisor. */
static jrc_move full(jrc_state to, const jrc_case *c)
{
	jrc_move mv = { 0 };

	mv.to = to;
	mv.reason = "理由";
	mv.answer = "书面答复";
	mv.channel = "向法院起诉";
	mv.department = strcmp(c->department, "SFJ") ? "SFJ" : "XFJ";
	mv.actor = "staff:t1";
	mv.role = JRC_ROLE_SUPERVISOR;
	return mv;
}

static jrc_status move(const char *receipt, jrc_state to, jrc_err *err)
{
	jrc_case c;
	jrc_move mv;
	jrc_status s;

	if (grievance_get(db, receipt, &c, err) != JRC_OK)
		return err->code;
	mv = full(to, &c);
	s = lifecycle_move(db, receipt, &mv, NULL, err);
	grievance_case_free(&c);
	return s;
}

/* The path from registered to each state, as a supervisor. */
static const jrc_state paths[JRC_STATE_COUNT][7] = {
	[JRC_ST_REGISTERED] = { JRC_STATE_COUNT },
	[JRC_ST_ACCEPTED] = { JRC_ST_ACCEPTED, JRC_STATE_COUNT },
	[JRC_ST_EXTENDED] = { JRC_ST_ACCEPTED, JRC_ST_EXTENDED, JRC_STATE_COUNT },
	[JRC_ST_IN_MEDIATION] = { JRC_ST_ACCEPTED, JRC_ST_IN_MEDIATION, JRC_STATE_COUNT },
	[JRC_ST_DECLINED] = { JRC_ST_DECLINED, JRC_STATE_COUNT },
	[JRC_ST_REDIRECTED] = { JRC_ST_REDIRECTED, JRC_STATE_COUNT },
	[JRC_ST_ANSWERED] = { JRC_ST_ACCEPTED, JRC_ST_ANSWERED, JRC_STATE_COUNT },
	[JRC_ST_REVIEW_REQUESTED] = { JRC_ST_ACCEPTED, JRC_ST_ANSWERED, JRC_ST_REVIEW_REQUESTED,
				      JRC_STATE_COUNT },
	[JRC_ST_REVIEW_ANSWERED] = { JRC_ST_ACCEPTED, JRC_ST_ANSWERED, JRC_ST_REVIEW_REQUESTED,
				     JRC_ST_REVIEW_ANSWERED, JRC_STATE_COUNT },
	[JRC_ST_REREVIEW_REQUESTED] = { JRC_ST_ACCEPTED, JRC_ST_ANSWERED, JRC_ST_REVIEW_REQUESTED,
					JRC_ST_REVIEW_ANSWERED, JRC_ST_REREVIEW_REQUESTED,
					JRC_STATE_COUNT },
	[JRC_ST_REREVIEW_ANSWERED] = { JRC_ST_ANSWERED, JRC_ST_REVIEW_REQUESTED,
				       JRC_ST_REVIEW_ANSWERED, JRC_ST_REREVIEW_REQUESTED,
				       JRC_ST_REREVIEW_ANSWERED, JRC_STATE_COUNT },
	[JRC_ST_CLOSED] = { JRC_ST_ACCEPTED, JRC_ST_ANSWERED, JRC_ST_CLOSED, JRC_STATE_COUNT },
	[JRC_ST_TERMINATED] = { JRC_ST_ANSWERED, JRC_ST_REVIEW_REQUESTED,
				JRC_ST_REVIEW_ANSWERED, JRC_ST_REREVIEW_REQUESTED,
				JRC_ST_REREVIEW_ANSWERED, JRC_ST_TERMINATED, JRC_STATE_COUNT },
};

static jrc_case case_in(jrc_state st)
{
	jrc_case c = file_one(), d;
	jrc_err err = { 0 };
	const jrc_state *p = paths[st];

	if (st == JRC_ST_REREVIEW_ANSWERED || st == JRC_ST_TERMINATED)
		move(c.receipt, JRC_ST_ACCEPTED, &err);
	for (; *p != JRC_STATE_COUNT; p++) {
		if (move(c.receipt, *p, &err) != JRC_OK) {
			printf("Bail out! path to %s: %s\n", lifecycle_state_name(st), err.msg);
			exit(1);
		}
	}
	grievance_get(db, c.receipt, &d, &err);
	grievance_case_free(&c);
	return d;
}

/* What the rules say, written out apart from the code's table. */
static const char *expected(jrc_role role, jrc_state from, int own_department)
{
	static const char *const sup[JRC_STATE_COUNT] = {
		"accepted declined redirected closed", "extended in_mediation answered closed",
		"in_mediation answered closed", "extended answered closed", "",
		"accepted declined redirected closed", "review_requested closed",
		"review_answered closed", "rereview_requested closed", "rereview_answered closed",
		"closed", "", ""
	};
	static const char *const handler[JRC_STATE_COUNT] = {
		"accepted declined redirected", "extended in_mediation answered",
		"in_mediation answered", "extended answered", "", "accepted declined redirected",
		"", "", "", "", "", "", ""
	};

	switch (role) {
	case JRC_ROLE_SUPERVISOR: return sup[from];
	case JRC_ROLE_HANDLER: return own_department ? handler[from] : "";
	case JRC_ROLE_DESK:
		return from == JRC_ST_ANSWERED ? "review_requested" :
		       from == JRC_ST_REVIEW_ANSWERED ? "rereview_requested" : "";
	case JRC_ROLE_CITIZEN:
		return from == JRC_ST_ANSWERED ? "review_requested closed" :
		       from == JRC_ST_REVIEW_ANSWERED ? "rereview_requested closed" :
		       from == JRC_ST_REREVIEW_ANSWERED ? "closed" : "";
	default: return "";
	}
}

static int in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = strstr(list, word); p; p = strstr(p + 1, word))
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

/* Everything a refused move must leave as it was. */
static char *snapshot(void)
{
	sqlite3_stmt *st;
	char *out = NULL;

	if (sqlite3_prepare_v2(db_handle(db),
			       "SELECT (SELECT count(*) FROM events) || '/' ||"
			       " (SELECT count(*) FROM lifecycle_steps) || '/' ||"
			       " (SELECT count(*) FROM verdicts) || '/' ||"
			       " (SELECT group_concat(state || ifnull(due_on, '-') || extended ||"
			       "  ifnull(answer, '-') || department || state_at, ';') FROM cases)",
			       -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out ? out : strdup("?");
}

static void test_table(void)
{
	static const jrc_role roles[] = { JRC_ROLE_DESK, JRC_ROLE_HANDLER, JRC_ROLE_SUPERVISOR,
					  JRC_ROLE_ADMIN };
	jrc_err err = { 0 };

	now("2026-11-29T10:00:00+08:00");
	for (int from = 0; from < JRC_STATE_COUNT; from++) {
		jrc_case c = case_in((jrc_state)from);

		is_str(lifecycle_state_name(c.state), lifecycle_state_name((jrc_state)from), "a case reaches %s",
		       lifecycle_state_name((jrc_state)from));
		for (size_t r = 0; r < sizeof(roles) / sizeof(roles[0]); r++) {
			for (int own = 1; own >= (roles[r] == JRC_ROLE_HANDLER ? 0 : 1); own--) {
				const char *want = expected(roles[r], (jrc_state)from, own);
				jrc_state allowed[JRC_STATE_COUNT];
				char got[256] = "";
				const char *dept = own ? c.department : "GAJ";
				size_t n = lifecycle_allowed(&c, roles[r], dept, allowed);

				for (size_t i = 0; i < n; i++)
					snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s",
						 i ? " " : "", lifecycle_state_name(allowed[i]));
				is_str(got, want, "%s as %s%s may go to: %s",
				       lifecycle_state_name((jrc_state)from),
				       lifecycle_role_name(roles[r]),
				       roles[r] == JRC_ROLE_HANDLER ? (own ? " (own)" : " (other)") : "",
				       *want ? want : "nothing");
				for (int to = 0; to < JRC_STATE_COUNT; to++) {
					jrc_move mv = full((jrc_state)to, &c);
					int allow = in_list(want, lifecycle_state_name((jrc_state)to));
					char *before = snapshot(), *after;
					jrc_status s;

					mv.role = roles[r];
					mv.actor_department = dept;
					/* Concluding rests on grounds in the database,
					 * not on the state alone: test_terminate. */
					if (to == JRC_ST_TERMINATED && from != JRC_ST_TERMINATED) {
						free(before);
						continue;
					}
					if (allow) {
						/* Allowed: make it on a fresh case in that state. */
						jrc_case f = case_in((jrc_state)from), g;

						mv.department = full((jrc_state)to, &f).department;
						mv.actor_department = own ? f.department : "GAJ";
						s = lifecycle_move(db, f.receipt, &mv, &g, &err);
						ok(s == JRC_OK && g.state == (jrc_state)to,
						   "%s -> %s as %s: allowed %s",
						   lifecycle_state_name((jrc_state)from),
						   lifecycle_state_name((jrc_state)to),
						   lifecycle_role_name(roles[r]), s ? err.msg : "");
						grievance_case_free(&f);
						if (s == JRC_OK)
							grievance_case_free(&g);
						free(before);
						continue;
					}
					s = lifecycle_move(db, c.receipt, &mv, NULL, &err);
					after = snapshot();
					ok(s == JRC_E_REFUSED && strcmp(before, after) == 0,
					   "%s -> %s as %s%s: refused, nothing changed",
					   lifecycle_state_name((jrc_state)from),
					   lifecycle_state_name((jrc_state)to),
					   lifecycle_role_name(roles[r]),
					   roles[r] == JRC_ROLE_HANDLER ? (own ? " (own)" : " (other)") : "");
					if (s == JRC_E_REFUSED && *want && own)
						ok(strstr(err.msg, want) != NULL ||
						   strstr(err.msg, "Allowed now") != NULL,
						   "  and the refusal names what is allowed: %s", err.msg);
					free(before);
					free(after);
				}
			}
		}
		grievance_case_free(&c);
	}
}

static void test_requirements(void)
{
	jrc_case c = case_in(JRC_ST_REGISTERED), d;
	jrc_err err = { 0 };
	jrc_move mv = { .actor = "cli", .role = JRC_ROLE_SUPERVISOR };
	char *before = snapshot(), *after;

	mv.to = JRC_ST_DECLINED;
	mv.reason = "不属于信访事项";
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_INVALID &&
	   strcmp(err.field, "channel") == 0, "declined without a legal channel: %s", err.msg);
	mv.reason = NULL;
	mv.channel = "向法院起诉";
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_INVALID &&
	   strcmp(err.field, "reason") == 0, "declined without a reason: %s", err.msg);
	mv.to = JRC_ST_REDIRECTED;
	mv.reason = "属于法院管辖";
	mv.channel = NULL;
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_INVALID &&
	   strcmp(err.field, "department") == 0, "redirected without a department: %s", err.msg);
	mv.department = "NOPE";
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_NOT_FOUND,
	   "redirected to an unknown department: %s", err.msg);
	mv.department = c.department;
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_INVALID,
	   "redirected to its own department: %s", err.msg);
	mv.to = JRC_ST_CLOSED;
	mv.reason = NULL;
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_INVALID,
	   "closing before an answer needs a reason: %s", err.msg);
	mv.to = JRC_ST_ACCEPTED;
	mv.actor = "";
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_INVALID,
	   "a move without an actor is refused");
	mv.actor = "cli";
	mv.to = JRC_STATE_COUNT;
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_INVALID, "an unknown state");
	after = snapshot();
	is_str(after, before, "refused moves changed nothing");
	free(after);
	free(before);
	ok(lifecycle_move(db, "PJ000000-0000-0", &mv, NULL, &err) == JRC_E_NOT_FOUND,
	   "unknown receipt");

	mv.to = JRC_ST_ACCEPTED;
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_OK, "accept");
	mv.to = JRC_ST_ANSWERED;
	mv.answer = "  已责令\x1b[31m企业支付  ";
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "answer");
	is_str(d.answer, "已责令企业支付", "the answer is stored sanitized");
	grievance_case_free(&d);
	grievance_case_free(&c);

	ok(lifecycle_needs(JRC_ST_REGISTERED, JRC_ST_DECLINED) ==
	   (JRC_NEED_REASON | JRC_NEED_CHANNEL), "needs: declined asks for reason and channel");
	ok(lifecycle_needs(JRC_ST_ACCEPTED, JRC_ST_ANSWERED) == JRC_NEED_ANSWER,
	   "needs: answered asks for the answer");
	ok(lifecycle_needs(JRC_ST_REGISTERED, JRC_ST_REDIRECTED) ==
	   (JRC_NEED_REASON | JRC_NEED_DEPARTMENT), "needs: redirected asks for a department");
}

static void test_deadlines(void)
{
	jrc_case c, d;
	jrc_err err = { 0 };
	jrc_move mv = { .actor = "staff:h1", .role = JRC_ROLE_HANDLER };
	jrc_event *ev;
	size_t nev;

	now("2026-11-29T10:00:00+08:00");
	c = file_one();
	is_str(c.due_on, "2026-12-14", "registered: decide within 15 days");
	mv.actor_department = c.department;

	now("2026-11-30T09:00:00+08:00");
	mv.to = JRC_ST_ACCEPTED;
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "handler accepts: %s", err.msg);
	is_str(d.due_on, "2027-01-29", "accepted: answer within 60 days");
	is_str(d.state_at, "2026-11-30T01:00:00Z", "state_at is the moment of the move");
	grievance_case_free(&d);

	mv.to = JRC_ST_IN_MEDIATION;
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "mediation");
	is_str(d.due_on, "2027-01-29", "in mediation: the answer deadline keeps running");
	grievance_case_free(&d);

	now("2027-01-20T09:00:00+08:00");
	mv.to = JRC_ST_EXTENDED;
	mv.reason = "需要调取劳动合同";
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "extend with a reason");
	is_str(d.due_on, "2027-02-28", "extended: 30 days added to the deadline, not to today");
	is_int(d.extended, 1, "marked extended");
	grievance_case_free(&d);

	mv.to = JRC_ST_IN_MEDIATION;
	mv.reason = NULL;
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "back to mediation");
	is_str(d.due_on, "2027-02-28", "the extended deadline keeps running");
	grievance_case_free(&d);
	mv.to = JRC_ST_EXTENDED;
	mv.reason = "再延一次";
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_REFUSED &&
	   strstr(err.msg, "once") != NULL, "a second extension is refused: %s", err.msg);

	/* A month end: 31 January plus 30 days lands in March. */
	now("2027-01-31T16:00:00+08:00");
	mv.to = JRC_ST_ANSWERED;
	mv.reason = NULL;
	mv.answer = "经调解，企业同意支付。";
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "answer on 31 January");
	is_str(d.due_on, "2027-03-02", "answered: review may be asked within 30 days (month end)");
	is_str(d.answer, "经调解，企业同意支付。", "the answer is on the case");
	grievance_case_free(&d);

	mv.role = JRC_ROLE_DESK;
	mv.to = JRC_ST_REVIEW_REQUESTED;
	now("2027-02-27T10:00:00+08:00");
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK,
	   "desk records a review request: %s", err.msg);
	is_str(d.due_on, "2027-03-29", "review requested: answer within 30 days");
	grievance_case_free(&d);

	mv.role = JRC_ROLE_SUPERVISOR;
	mv.to = JRC_ST_REVIEW_ANSWERED;
	mv.answer = "复查意见：维持。";
	now("2027-03-29T17:00:00+08:00");
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "review answered");
	is_str(d.due_on, "2027-04-28", "review answered: re-review within 30 days");
	is_str(d.answer, "复查意见：维持。", "the latest answer is on the case");
	grievance_case_free(&d);

	mv.to = JRC_ST_REREVIEW_REQUESTED;
	now("2027-04-28T10:00:00+08:00");
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "re-review on the last day");
	is_str(d.due_on, "2027-05-28", "re-review requested: answer within 30 days");
	grievance_case_free(&d);
	mv.to = JRC_ST_REREVIEW_ANSWERED;
	mv.answer = "复核意见：维持。";
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "re-review answered");
	is_str(d.due_on, "2027-05-28", "re-review answered: 30 days for a verdict");
	grievance_case_free(&d);
	mv.to = JRC_ST_CLOSED;
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "supervisor closes");
	is_str(d.due_on, "", "closed: no deadline");
	grievance_case_free(&d);

	/* Every move is an event with actor, from, to and note. */
	ok(audit_case_events(db, c.id, &ev, &nev, &err) == JRC_OK, "events of the case");
	{
		jrc_event *tr[16];
		size_t n = 0;

		for (size_t i = 0; i < nev; i++)
			if (strcmp(ev[i].kind, "transition") == 0 && n < 16)
				tr[n++] = &ev[i];
		is_int(n, 10, "10 moves are 10 transition events");
		if (n == 10) {
			is_str(tr[0]->actor, "staff:h1", "actor recorded");
			is_str(tr[0]->from_state, "registered", "from recorded");
			is_str(tr[0]->to_state, "accepted", "to recorded");
			ok(tr[2]->note && strstr(tr[2]->note, "需要调取劳动合同"),
			   "the extension reason is noted");
			ok(tr[4]->note && strstr(tr[4]->note, "经调解"),
			   "the answer is in the tamper-evident log");
		}
	}
	audit_events_free(ev, nev);
	{
		jrc_step *st;
		size_t n;

		ok(lifecycle_steps(db, c.id, &st, &n, &err) == JRC_OK && n == 10, "10 steps");
		if (n == 10)
			is_str(st[2].reason, "需要调取劳动合同", "a step keeps its reason");
		lifecycle_steps_free(st, n);
	}
	grievance_case_free(&c);

	/* Declined and redirected. */
	now("2026-11-29T10:00:00+08:00");
	c = file_one();
	mv = (jrc_move){ .to = JRC_ST_DECLINED, .reason = "属于劳动争议", .channel = "申请劳动仲裁",
			 .actor = "cli", .role = JRC_ROLE_SUPERVISOR };
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "decline");
	is_str(d.due_on, "", "declined: no deadline");
	grievance_case_free(&d);
	grievance_case_free(&c);

	c = file_one();
	now("2026-12-01T10:00:00+08:00");
	mv = (jrc_move){ .to = JRC_ST_REDIRECTED, .reason = "属于司法局职责", .department = "SFJ",
			 .actor = "staff:h1", .role = JRC_ROLE_HANDLER, .actor_department = "RSJ" };
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "handler passes it on");
	is_str(d.department, "SFJ", "the case now belongs to the new department");
	is_str(d.due_on, "2026-12-16", "redirected: the new department decides within 15 days");
	grievance_case_free(&d);
	mv = (jrc_move){ .to = JRC_ST_ACCEPTED, .actor = "staff:h1", .role = JRC_ROLE_HANDLER,
			 .actor_department = "RSJ" };
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_REFUSED,
	   "the old department can no longer act: %s", err.msg);
	mv.actor_department = "SFJ";
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "the new one accepts");
	is_str(d.due_on, "2027-01-30", "answer 60 days after that acceptance");
	grievance_case_free(&d);
	grievance_case_free(&c);

	/* Working days with the holiday list: National Day and a make-up Saturday. */
	now("2026-09-18T10:00:00+08:00");
	c = file_one();
	db_setting_set(db, "calendar", "working", &err);
	now("2026-09-30T10:00:00+08:00");
	mv = (jrc_move){ .to = JRC_ST_ACCEPTED, .actor = "cli", .role = JRC_ROLE_SUPERVISOR };
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_OK, "accept before National Day");
	mv.to = JRC_ST_ANSWERED;
	mv.answer = "答复";
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK, "answer the same day");
	is_str(d.due_on, "2026-11-17", "30 working days skip 1-7 October and count Saturday 10 October");
	grievance_case_free(&d);
	grievance_case_free(&c);
	db_setting_set(db, "calendar", "calendar", &err);
}

static void test_expiry(void)
{
	jrc_case c, d, e;
	jrc_err err = { 0 };
	jrc_state allowed[JRC_STATE_COUNT];
	long closed = -1;
	jrc_event *ev;
	size_t nev;
	char *before, *after;

	now("2026-11-29T10:00:00+08:00");
	c = case_in(JRC_ST_ANSWERED);
	e = case_in(JRC_ST_REVIEW_ANSWERED);
	is_str(c.due_on, "2026-12-29", "answered on 29 November: review until 29 December");

	now("2026-12-29T23:00:00+08:00");
	ok(lifecycle_effective_state(&c, clock_local_date(clock_now())) == JRC_ST_ANSWERED,
	   "on the last day it is still answered");
	ok(lifecycle_close_expired(db, &closed, &err) == JRC_OK && closed == 0,
	   "tick closes nothing on the last day");

	now("2026-12-30T08:00:00+08:00");
	ok(lifecycle_effective_state(&c, clock_local_date(clock_now())) == JRC_ST_CLOSED,
	   "the day after, it counts as closed");
	ok(lifecycle_allowed(&c, JRC_ROLE_SUPERVISOR, NULL, allowed) == 0,
	   "nothing is allowed on it any more");
	before = snapshot();
	ok(move(c.receipt, JRC_ST_REVIEW_REQUESTED, &err) == JRC_E_REFUSED &&
	   strstr(err.msg, "2026-12-29"), "a late review request is refused: %s", err.msg);
	{
		jrc_feedback fb = { .verdict = JRC_VERDICT_UNSATISFIED, .request_review = 1 };

		ok(lifecycle_feedback(db, c.receipt, &fb, NULL, &err) == JRC_E_REFUSED,
		   "a late verdict is refused: %s", err.msg);
	}
	after = snapshot();
	is_str(after, before, "late requests changed nothing");
	free(before);
	free(after);

	ok(lifecycle_close_expired(db, &closed, &err) == JRC_OK && closed == 2,
	   "tick closes the answered and the review-answered case (%ld)", closed);
	grievance_get(db, c.receipt, &d, &err);
	is_str(lifecycle_state_name(d.state), "closed", "recorded as closed");
	audit_case_events(db, d.id, &ev, &nev, &err);
	ok(nev > 0 && strcmp(ev[nev - 1].actor, "system") == 0 &&
	   strcmp(ev[nev - 1].from_state, "answered") == 0 &&
	   strcmp(ev[nev - 1].to_state, "closed") == 0, "by the system, as an event");
	audit_events_free(ev, nev);
	grievance_case_free(&d);
	ok(lifecycle_close_expired(db, &closed, &err) == JRC_OK && closed == 0,
	   "a second tick changes nothing");
	grievance_case_free(&c);
	grievance_case_free(&e);
}

static void test_verdicts(void)
{
	jrc_case c, d;
	jrc_err err = { 0 };
	jrc_feedback fb = { 0 };
	jrc_verdict v;
	char *before, *after;
	jrc_move mv = { .actor = "citizen", .role = JRC_ROLE_CITIZEN };

	now("2026-11-29T10:00:00+08:00");
	c = case_in(JRC_ST_ACCEPTED);
	before = snapshot();
	fb.verdict = JRC_VERDICT_SATISFIED;
	ok(lifecycle_feedback(db, c.receipt, &fb, NULL, &err) == JRC_E_REFUSED,
	   "no verdict before an answer: %s", err.msg);
	after = snapshot();
	is_str(after, before, "and nothing changed");
	free(before);
	free(after);
	grievance_case_free(&c);

	c = case_in(JRC_ST_ANSWERED);
	fb = (jrc_feedback){ .verdict = JRC_VERDICT_SATISFIED, .comment = "谢谢" };
	ok(lifecycle_feedback(db, c.receipt, &fb, &d, &err) == JRC_OK, "satisfied");
	is_str(lifecycle_state_name(d.state), "closed", "satisfied closes the case");
	lifecycle_verdict_get(db, c.id, JRC_ST_ANSWERED, &v, NULL, &err);
	ok(v == JRC_VERDICT_SATISFIED, "the verdict is stored");
	grievance_case_free(&d);
	grievance_case_free(&c);

	c = case_in(JRC_ST_ANSWERED);
	fb = (jrc_feedback){ .verdict = JRC_VERDICT_BASIC };
	ok(lifecycle_feedback(db, c.receipt, &fb, &d, &err) == JRC_OK && !strcmp(lifecycle_state_name(d.state), "closed"),
	   "basically satisfied closes the case too");
	grievance_case_free(&d);
	grievance_case_free(&c);

	c = case_in(JRC_ST_ANSWERED);
	mv.to = JRC_ST_REVIEW_REQUESTED;
	ok(lifecycle_move(db, c.receipt, &mv, NULL, &err) == JRC_E_REFUSED,
	   "a citizen asks for review only after saying not satisfied: %s", err.msg);
	fb = (jrc_feedback){ .verdict = JRC_VERDICT_UNSATISFIED, .comment = "工资只发了一半" };
	ok(lifecycle_feedback(db, c.receipt, &fb, &d, &err) == JRC_OK &&
	   !strcmp(lifecycle_state_name(d.state), "answered"), "not satisfied alone leaves it answered");
	grievance_case_free(&d);
	now("2026-12-05T10:00:00+08:00");
	ok(lifecycle_move(db, c.receipt, &mv, &d, &err) == JRC_OK,
	   "then the review request (kiosk, second step): %s", err.msg);
	is_str(d.due_on, "2027-01-04", "the review is due 30 days after the request");
	grievance_case_free(&d);
	grievance_case_free(&c);

	now("2026-11-29T10:00:00+08:00");
	c = case_in(JRC_ST_ANSWERED);
	fb = (jrc_feedback){ .verdict = JRC_VERDICT_SATISFIED, .request_review = 1 };
	ok(lifecycle_feedback(db, c.receipt, &fb, NULL, &err) == JRC_E_INVALID,
	   "review with satisfied is a contradiction: %s", err.msg);
	fb = (jrc_feedback){ .verdict = JRC_VERDICT_UNSATISFIED, .request_review = 1 };
	ok(lifecycle_feedback(db, c.receipt, &fb, &d, &err) == JRC_OK, "not satisfied, review");
	is_str(lifecycle_state_name(d.state), "review_requested", "moved to review_requested");
	is_str(d.due_on, "2026-12-29", "with a new deadline");
	grievance_case_free(&d);
	ok(move(c.receipt, JRC_ST_REVIEW_ANSWERED, &err) == JRC_OK, "review answered");
	ok(lifecycle_feedback(db, c.receipt, &fb, &d, &err) == JRC_OK &&
	   !strcmp(lifecycle_state_name(d.state), "rereview_requested"), "not satisfied again: re-review");
	grievance_case_free(&d);
	ok(move(c.receipt, JRC_ST_REREVIEW_ANSWERED, &err) == JRC_OK, "re-review answered");
	before = snapshot();
	ok(lifecycle_feedback(db, c.receipt, &fb, NULL, &err) == JRC_E_REFUSED,
	   "no review after the re-review: %s", err.msg);
	after = snapshot();
	is_str(after, before, "the refused request did not even keep the verdict");
	free(before);
	free(after);
	fb.request_review = 0;
	ok(lifecycle_feedback(db, c.receipt, &fb, &d, &err) == JRC_OK &&
	   !strcmp(lifecycle_state_name(d.state), "rereview_answered"), "a plain verdict on the final answer is kept");
	grievance_case_free(&d);
	ok(db_count(db, "verdicts") >= 6, "one verdict row per answer judged");
	grievance_case_free(&c);

	fb = (jrc_feedback){ .verdict = JRC_VERDICT_NONE };
	ok(lifecycle_feedback(db, "PJ261129-0001-4", &fb, NULL, &err) == JRC_E_INVALID,
	   "a verdict is needed");
}

/* jrc/states.h is the one table: every view of a state agrees with it. */
static void test_state_table(void)
{
	char list[512], *p = list;
	int owes = 0, answers = 0;

	lifecycle_state_list(list, sizeof(list));
	for (int i = 0; i < JRC_STATE_COUNT; i++) {
		jrc_state st = (jrc_state)i;
		jrc_state_kind k = lifecycle_state_kind(st);
		size_t n = strlen(lifecycle_state_name(st));

		ok(strncmp(p, lifecycle_state_name(st), n) == 0 &&
		   (p[n] == (i + 1 < JRC_STATE_COUNT ? ',' : '\0')),
		   "the list names %s in its place", lifecycle_state_name(st));
		p += n + (i + 1 < JRC_STATE_COUNT ? 2 : 0);
		ok(*lifecycle_state_desk(st), "state %s has a desk word", lifecycle_state_name(st));
		/* A running date is either owed by the office or the citizen's window. */
		ok((lifecycle_deadline_words(st) != NULL) == (k != JRC_SK_NONE),
		   "state %s: a deadline sentence exactly when a date runs", lifecycle_state_name(st));
		ok(lifecycle_state_owes_step(st) == (k == JRC_SK_OWES),
		   "state %s: owes a step as its row says", lifecycle_state_name(st));
		/* Only an answer gives the citizen a window; only answers need one. */
		ok((k == JRC_SK_ANSWER) ==
		   (lifecycle_needs(JRC_ST_ACCEPTED, st) == JRC_NEED_ANSWER) +
		   (lifecycle_needs(JRC_ST_REVIEW_REQUESTED, st) == JRC_NEED_ANSWER) +
		   (lifecycle_needs(JRC_ST_REREVIEW_REQUESTED, st) == JRC_NEED_ANSWER),
		   "state %s: an answer state exactly when a move to it needs the answer",
		   lifecycle_state_name(st));
		owes += k == JRC_SK_OWES;
		answers += k == JRC_SK_ANSWER;
	}
	ok(owes == 7 && answers == 3, "seven states owe a step, three are answers (%d, %d)",
	   owes, answers);
	ok(lifecycle_state_name(JRC_STATE_COUNT) == NULL &&
	   lifecycle_state_kind(JRC_STATE_COUNT) == JRC_SK_NONE && !*lifecycle_state_desk(JRC_STATE_COUNT),
	   "past the table: no name, no kind, no word");
}

int main(void)
{
	jrc_state st;
	jrc_role role;
	jrc_verdict v;

	now("2026-11-29T10:00:00+08:00");
	db = testdb_open();

	for (int i = 0; i < JRC_STATE_COUNT; i++) {
		ok(lifecycle_state_parse(lifecycle_state_name((jrc_state)i), &st) == 0 && (int)st == i &&
		   *lifecycle_state_words((jrc_state)i) && *lifecycle_state_label((jrc_state)i),
		   "state %s has a name, words and a label", lifecycle_state_name((jrc_state)i));
	}
	ok(lifecycle_state_parse("done", &st) == -1, "unknown state");
	ok(lifecycle_role_parse("handler", &role) == 0 && role == JRC_ROLE_HANDLER, "role parse");
	ok(lifecycle_role_parse("boss", &role) == -1, "unknown role");
	ok(lifecycle_verdict_parse("basic", &v) == 0 && v == JRC_VERDICT_BASIC, "verdict parse");
	ok(lifecycle_deadline_words(JRC_ST_CLOSED) == NULL &&
	   lifecycle_deadline_words(JRC_ST_ANSWERED) != NULL, "deadline words");

	test_state_table();
	/* First, while no other case has an answer whose window could pass. */
	test_expiry();
	test_requirements();
	test_deadlines();
	test_verdicts();
	test_table();
	{
		int64_t bad = 0;
		jrc_err err = { 0 };

		ok(audit_verify(db, &bad, &err) == JRC_OK,
		   "after all these moves the event chain and the cases agree: %s", err.msg);
	}
	db_close(db);
	return done();
}
