/* Status lookups: right and wrong proofs, the record of tries, the lock after
 * five failures and its expiry, the slow-down, and the citizen's view. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "jrc/lookup.h"
#include "jrc/stats.h"
#include "tap.h"
#include "testdb.h"

static jrc_db *db;

static void now(const char *iso)
{
	setenv("JRC_NOW", iso, 1);
}

static jrc_case file_one(int anonymous)
{
	jrc_intake in = { 0 };
	jrc_case c;
	jrc_err err = { 0 };

	in.category = "LAB";
	in.division = "330726100";
	in.anonymous = anonymous;
	if (!anonymous) {
		in.name = "张三丰";
		in.id_number = "11010519491231002X";
		in.phone = "13812345678";
	}
	in.text = "老板拖欠工资三个月。";
	if (grievance_file(db, &in, &c, &err) != JRC_OK) {
		printf("Bail out! cannot file: %s\n", err.msg);
		exit(1);
	}
	return c;
}

static jrc_status move(const char *receipt, jrc_move mv)
{
	jrc_err err = { 0 };

	mv.actor = "cli";
	mv.role = JRC_ROLE_SUPERVISOR;
	if (lifecycle_move(db, receipt, &mv, NULL, &err) != JRC_OK)
		printf("# move: %s\n", err.msg);
	return err.code;
}

static long rows(const char *table)
{
	return db_count(db, table);
}

static int count_kind(int64_t case_id, const char *kind)
{
	jrc_event *ev;
	size_t n;
	int k = 0;
	jrc_err err = { 0 };

	if (audit_case_events(db, case_id, &ev, &n, &err) != JRC_OK)
		return -1;
	for (size_t i = 0; i < n; i++)
		k += strcmp(ev[i].kind, kind) == 0;
	audit_events_free(ev, n);
	return k;
}

static void test_delay(void)
{
	is_int(lookup_delay_seconds(0), 0, "no delay before a failure");
	is_int(lookup_delay_seconds(1), 2, "2 s after one");
	is_int(lookup_delay_seconds(2), 4, "4 s after two");
	is_int(lookup_delay_seconds(3), 8, "8 s after three");
	is_int(lookup_delay_seconds(4), 16, "16 s after four");
	is_int(lookup_delay_seconds(9), 60, "never more than a minute");
}

static void test_proofs(void)
{
	jrc_case c = file_one(0);
	jrc_err err = { 0 };
	jrc_lookup_info info;
	jrc_progress p;
	int64_t id = 0;
	char wrong[16];
	long before;

	now("2026-11-29T10:00:00+08:00");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk", &id, &info, &err) ==
	   JRC_OK && id == c.id, "the right query code finds the case");
	is_int(info.tries_left, 5, "all tries left");
	snprintf(wrong, sizeof(wrong), "%06d", (atoi(c.query_code) + 1) % 1000000);
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, wrong, "kiosk", NULL, &info, &err) ==
	   JRC_E_AUTH, "a wrong code is refused: %s", err.msg);
	is_int(info.failures, 1, "one failure counted");
	is_int(info.tries_left, 4, "four tries left");
	is_int(info.delay_seconds, 2, "the kiosk waits 2 s");
	ok(strstr(err.msg, "query code") != NULL, "the sentence names the query code");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_PHONE4, "1234", "kiosk", NULL, &info, &err) ==
	   JRC_E_AUTH, "wrong phone digits are refused: %s", err.msg);
	is_int(info.failures, 2, "two failures");
	is_int(info.delay_seconds, 4, "the kiosk waits longer");
	before = rows("lookup_attempts");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, "12ab", "kiosk", NULL, &info, &err) ==
	   JRC_E_INVALID, "a malformed code: %s", err.msg);
	ok(lookup_verify(db, c.receipt, JRC_PROOF_PHONE4, "56789", "kiosk", NULL, &info, &err) ==
	   JRC_E_INVALID, "five phone digits: %s", err.msg);
	is_int(rows("lookup_attempts"), before, "typing mistakes are not counted as guesses");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_PHONE4, "5678", "kiosk", NULL, &info, &err) ==
	   JRC_OK, "the right phone digits find it");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, wrong, "kiosk", NULL, &info, &err) ==
	   JRC_E_AUTH && info.failures == 3,
	   "a success with the phone digits does not reset the count (%d)", info.failures);
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk", NULL, &info, &err) ==
	   JRC_OK, "the right code finds it");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, wrong, "kiosk", NULL, &info, &err) ==
	   JRC_E_AUTH && info.failures == 1, "a success with the code starts the count afresh");

	/* The citizen's view, masked. */
	ok(lookup_progress(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk", &p, &info, &err) ==
	   JRC_OK, "progress with the right code");
	ok(p.state == JRC_ST_REGISTERED, "registered");
	is_str(p.name, "张**", "the name is masked");
	is_str(p.phone, "138****5678", "the phone is masked");
	is_str(p.department, "RSJ", "the department");
	ok(*p.department_zh && *p.window, "its name and window");
	is_str(p.due_on, "2026-12-14", "the next deadline");
	is_int(p.days_left, 15, "days left");
	is_int(p.nsteps, 1, "the timeline has the filing");
	is_str(p.steps[0].date, "2026-11-29", "filed on");
	ok(!p.answer && !p.can_give_verdict && !p.can_request_review, "no answer, nothing to judge");
	lookup_progress_free(&p);
	grievance_case_free(&c);

	c = file_one(1);
	ok(lookup_verify(db, c.receipt, JRC_PROOF_PHONE4, "5678", "kiosk", NULL, &info, &err) ==
	   JRC_E_AUTH, "an anonymous case has no phone to check, said like any miss: %s", err.msg);
	ok(lookup_progress(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk", &p, &info, &err) ==
	   JRC_OK && p.anonymous && !*p.name && !*p.phone, "an anonymous case shows no person");
	lookup_progress_free(&p);
	grievance_case_free(&c);
}

static void test_lock(void)
{
	jrc_case c = file_one(0), other = file_one(0);
	jrc_err err = { 0 };
	jrc_lookup_info info;
	char wrong[16], unknown[JRC_RECEIPT_MAX];
	jrc_status s = JRC_OK;

	now("2026-11-29T11:00:00+08:00");
	snprintf(wrong, sizeof(wrong), "%06d", (atoi(c.query_code) + 7) % 1000000);
	for (int i = 1; i <= 4; i++) {
		s = lookup_verify(db, c.receipt, JRC_PROOF_CODE, wrong, "kiosk", NULL, &info, &err);
		ok(s == JRC_E_AUTH && info.tries_left == 5 - i, "failure %d: %d tries left", i,
		   info.tries_left);
	}
	is_int(count_kind(c.id, "lookup_locked"), 0, "not locked after four");
	now("2026-11-29T11:20:00+08:00");
	s = lookup_verify(db, c.receipt, JRC_PROOF_CODE, wrong, "kiosk", NULL, &info, &err);
	ok(s == JRC_E_LOCKED_OUT, "the fifth failure within the hour locks: %s", err.msg);
	ok(strstr(err.msg, "2026-11-29 12:20") != NULL, "and says until when (local time)");
	is_int(count_kind(c.id, "lookup_locked"), 1, "the lock is an event staff can see");
	ok(lookup_info(db, c.receipt, &info, &err) == JRC_OK && info.locked_until > 0 &&
	   info.tries_left == 0, "staff see the lock");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_PHONE4, "5678", "kiosk", NULL, &info, &err) ==
	   JRC_E_LOCKED_OUT, "the phone digits are refused while locked");
	now("2026-11-29T12:19:00+08:00");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_PHONE4, "5678", "kiosk", NULL, &info, &err) ==
	   JRC_E_LOCKED_OUT, "still refused after 59 minutes");
	ok(lookup_verify(db, other.receipt, JRC_PROOF_CODE, other.query_code, "kiosk", NULL, &info,
			 &err) == JRC_OK, "another receipt is not affected");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk:owner", NULL, &info,
			 &err) == JRC_OK, "the owner with the right code is not locked out: %s", err.msg);
	ok(lookup_info(db, c.receipt, &info, &err) == JRC_OK && info.locked_until == 0,
	   "and the code ends the lock");
	now("2026-11-29T12:21:00+08:00");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, wrong, "kiosk", NULL, &info, &err) ==
	   JRC_E_AUTH && info.tries_left == 4, "after it the count starts afresh");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk", NULL, &info, &err) ==
	   JRC_OK, "and the right code works");

	/* Failures spread over more than an hour do not lock. */
	now("2026-11-29T13:00:00+08:00");
	for (int i = 0; i < 4; i++)
		lookup_verify(db, other.receipt, JRC_PROOF_CODE, "000000", "kiosk:b", NULL, &info, &err);
	now("2026-11-29T14:01:00+08:00");
	ok(lookup_verify(db, other.receipt, JRC_PROOF_CODE, "000000", "kiosk:b", NULL, &info, &err) ==
	   JRC_E_AUTH && info.failures == 1, "failures older than an hour no longer count");

	/* Staff lift a lock early. */
	for (int i = 0; i < 5; i++)
		s = lookup_verify(db, c.receipt, JRC_PROOF_CODE, wrong, "kiosk:c", NULL, &info, &err);
	ok(s == JRC_E_LOCKED_OUT, "locked again");
	ok(lookup_unlock(db, c.receipt, "staff:d1", &err) == JRC_OK, "a staff member lifts it");
	is_int(count_kind(c.id, "lookup_unlocked"), 1, "as an event");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk", NULL, &info, &err) ==
	   JRC_OK, "lookups work again");
	ok(lookup_unlock(db, c.receipt, "staff:d1", &err) == JRC_E_NOT_FOUND,
	   "lifting a lock that is not there: %s", err.msg);

	/* A number nobody has is counted too, so guessing numbers is limited. */
	receipt_format("PJ", "261129", 999, unknown);
	{
		jrc_err known = { 0 };

		lookup_verify(db, other.receipt, JRC_PROOF_CODE, "000001", "kiosk:d", NULL, &info,
			      &known);
		ok(lookup_verify(db, unknown, JRC_PROOF_CODE, "123456", "kiosk:d", NULL, &info, &err) ==
		   JRC_E_AUTH && info.tries_left == 4, "an unknown number: %s", err.msg);
		is_str(err.msg, known.msg, "in the same words as a wrong code for a real number");
	}
	grievance_case_free(&c);
	grievance_case_free(&other);
}

/* Scanning: one terminal trying numbers is slowed and paused, whatever
 * the numbers; a command line waits in the database, not on a screen. */
static void test_terminal(void)
{
	jrc_case c = file_one(0);
	jrc_err err = { 0 };
	jrc_lookup_info info;
	char r[JRC_RECEIPT_MAX];
	jrc_status s = JRC_OK;
	long before;

	now("2026-11-29T15:00:00+08:00");
	for (int i = 1; i <= JRC_LOOKUP_TERMINAL_FAILS; i++) {
		receipt_format("PJ", "261129", 500 + i, r);
		s = lookup_verify(db, r, JRC_PROOF_PHONE4, "5678", "kiosk:scan", NULL, &info, &err);
		if (i < JRC_LOOKUP_TERMINAL_FAILS)
			ok(s == JRC_E_AUTH && info.terminal_failures == i &&
			   info.delay_seconds == lookup_delay_seconds(i),
			   "miss %d across receipts: a growing wait (%d s)", i, info.delay_seconds);
	}
	ok(s == JRC_E_LOCKED_OUT && info.terminal_paused_until > 0,
	   "a few misses pause the terminal: %s", err.msg);
	ok(lookup_verify(db, c.receipt, JRC_PROOF_PHONE4, "5678", "kiosk:scan", NULL, &info, &err) ==
	   JRC_E_LOCKED_OUT, "even the right phone digits are not checked there");
	ok(lookup_terminal_info(db, "kiosk:scan", &info, &err) == JRC_OK &&
	   info.terminal_paused_until > 0, "the pause holds when the screen is opened again");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk:other", NULL, &info,
			 &err) == JRC_OK, "another terminal is not paused");
	now("2026-11-29T15:16:00+08:00");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_PHONE4, "5678", "kiosk:scan", NULL, &info, &err) ==
	   JRC_OK, "after the pause the terminal looks up again");

	/* The command line of a site. */
	now("2026-11-29T16:00:00+08:00");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, "000000", "cli:PJ", NULL, &info, &err) ==
	   JRC_E_AUTH, "a miss on the command line");
	before = rows("lookup_attempts");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, c.query_code, "cli:PJ", NULL, &info,
			 &err) == JRC_E_LOCKED_OUT && info.delay_seconds == 2,
	   "the next try at once must wait: %s", err.msg);
	is_int(rows("lookup_attempts"), before, "and is not a try");
	now("2026-11-29T16:00:02+08:00");
	ok(lookup_verify(db, c.receipt, JRC_PROOF_CODE, c.query_code, "cli:PJ", NULL, &info,
			 &err) == JRC_OK, "after the wait it is");
	grievance_case_free(&c);
}

static void test_view(void)
{
	jrc_case c;
	jrc_err err = { 0 };
	jrc_progress p;
	jrc_feedback fb = { .verdict = JRC_VERDICT_UNSATISFIED };

	now("2026-11-29T10:00:00+08:00");
	c = file_one(0);
	now("2026-12-01T10:00:00+08:00");
	move(c.receipt, (jrc_move){ .to = JRC_ST_REDIRECTED, .reason = "属于司法局职责",
				    .department = "SFJ" });
	move(c.receipt, (jrc_move){ .to = JRC_ST_ACCEPTED });
	move(c.receipt, (jrc_move){ .to = JRC_ST_IN_MEDIATION, .reason = "内部：调解员王某" });
	now("2026-12-20T10:00:00+08:00");
	move(c.receipt, (jrc_move){ .to = JRC_ST_ANSWERED, .answer = "经调解，企业同意支付。" });
	now("2026-12-22T10:00:00+08:00");
	ok(lookup_progress(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk", &p, NULL, &err) ==
	   JRC_OK, "progress of an answered case");
	ok(p.state == JRC_ST_ANSWERED, "answered");
	is_str(p.department, "SFJ", "with the department it was passed to");
	is_int(p.nsteps, 5, "filed, passed on, taken on, mediation, answered");
	if (p.nsteps == 5) {
		ok(p.steps[1].state == JRC_ST_REDIRECTED && p.steps[1].reason &&
		   strstr(p.steps[1].department_zh, "司法局"), "passed on: why and to whom");
		ok(p.steps[3].state == JRC_ST_IN_MEDIATION && !p.steps[3].reason,
		   "a mediation note is for staff only");
		is_str(p.steps[4].answer, "经调解，企业同意支付。", "the answer in the timeline");
		is_str(p.steps[4].date, "2026-12-20", "answered on");
	}
	is_str(p.answer, "经调解，企业同意支付。", "the written answer");
	is_str(p.due_on, "2027-01-19", "review may be asked until");
	is_int(p.days_left, 28, "days left to ask");
	ok(p.can_give_verdict && p.can_request_review && p.review_state == JRC_ST_REVIEW_REQUESTED,
	   "the citizen may judge and ask for review");
	ok(p.verdict == JRC_VERDICT_NONE, "no verdict yet");
	lookup_progress_free(&p);

	ok(lookup_progress(db, c.receipt, JRC_PROOF_PHONE4, "5678", "kiosk:v", &p, NULL, &err) ==
	   JRC_OK && p.state == JRC_ST_ANSWERED, "the phone digits show the answer");
	ok(!p.can_give_verdict && !p.can_request_review && p.needs_code,
	   "but no verdict or review without the query code");
	lookup_progress_free(&p);

	ok(lifecycle_feedback(db, c.receipt, &fb, NULL, &err) == JRC_OK, "not satisfied");
	ok(lookup_progress(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk", &p, NULL, &err) ==
	   JRC_OK && p.verdict == JRC_VERDICT_UNSATISFIED, "the view shows the verdict given");
	lookup_progress_free(&p);
	{
		jrc_feedback again = { .verdict = JRC_VERDICT_BASIC };
		jrc_stats st;
		long unsat = 0, basic = 0;

		ok(lifecycle_feedback(db, c.receipt, &again, NULL, &err) == JRC_OK,
		   "a later verdict: basically satisfied");
		is_int(rows("verdicts"), 2, "is a new row; the first is kept");
		ok(stats_collect(db, NULL, NULL, &st, &err) == JRC_OK, "stats");
		for (size_t i = 0; i < st.n_verdict; i++) {
			if (strcmp(st.by_verdict[i].key, "unsatisfied") == 0)
				unsat = st.by_verdict[i].total;
			if (strcmp(st.by_verdict[i].key, "basic") == 0)
				basic = st.by_verdict[i].total;
		}
		ok(unsat == 1 && basic == 0, "stats count the first verdict on the answer");
		stats_free(&st);
		ok(sqlite3_exec(db_handle(db), "UPDATE verdicts SET verdict = 'satisfied'", NULL,
				NULL, NULL) != SQLITE_OK, "a verdict row cannot be overwritten");
	}

	/* After the window, a lookup records the closing on the spot. */
	now("2027-01-20T09:00:00+08:00");
	ok(lookup_progress(db, c.receipt, JRC_PROOF_CODE, c.query_code, "kiosk", &p, NULL, &err) ==
	   JRC_OK, "lookup after the window");
	ok(p.state == JRC_ST_CLOSED && !p.can_request_review && !*p.due_on,
	   "closed, nothing more to ask, no deadline");
	ok(p.nsteps == 6 && p.steps[5].state == JRC_ST_CLOSED, "the closing is in the timeline");
	lookup_progress_free(&p);
	{
		jrc_case d;

		grievance_get(db, c.receipt, &d, &err);
		is_str(lifecycle_state_name(d.state), "closed", "and recorded in the database");
		grievance_case_free(&d);
	}
	grievance_case_free(&c);

	/* Declined: the reason and where to go. */
	now("2026-11-29T10:00:00+08:00");
	c = file_one(0);
	move(c.receipt, (jrc_move){ .to = JRC_ST_DECLINED, .reason = "属于劳动争议",
				    .channel = "向县劳动人事争议仲裁委员会申请仲裁" });
	ok(lookup_progress(db, c.receipt, JRC_PROOF_PHONE4, "5678", "kiosk", &p, NULL, &err) ==
	   JRC_OK && p.state == JRC_ST_DECLINED, "declined");
	ok(p.nsteps == 2 && p.steps[1].channel && strstr(p.steps[1].channel, "仲裁"),
	   "the legal channel is shown");
	ok(!*p.due_on, "no deadline runs");
	lookup_progress_free(&p);
	grievance_case_free(&c);
}

int main(void)
{
	now("2026-11-29T10:00:00+08:00");
	db = testdb_open();
	test_delay();
	test_proofs();
	test_lock();
	test_terminal();
	test_view();
	db_close(db);
	return done();
}
