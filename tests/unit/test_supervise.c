/* Supervision notices: who may issue and answer, the by-date rule (the
 * case's deadline, or five days when it has passed), one open notice per
 * case, lateness, the list and its filters; a refusal writes nothing. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/auth.h"
#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "jrc/supervise.h"
#include "tap.h"
#include "testdb.h"

static void file(jrc_db *db, char receipt[JRC_RECEIPT_MAX])
{
	jrc_intake in = { 0 };
	jrc_case c;
	jrc_err err = { 0 };

	in.category = "LAB";
	in.division = "330726100201";
	in.anonymous = 1;
	in.text = "欠薪";
	if (grievance_file(db, &in, &c, &err) != JRC_OK) {
		printf("Bail out! file: %s\n", err.msg);
		exit(1);
	}
	snprintf(receipt, JRC_RECEIPT_MAX, "%s", c.receipt);
	grievance_case_free(&c);
}

static jrc_staff staff(const char *id, jrc_role role, const char *dept)
{
	jrc_staff s;

	memset(&s, 0, sizeof(s));
	snprintf(s.id, sizeof(s.id), "%s", id);
	s.role = role;
	snprintf(s.department, sizeof(s.department), "%s", dept ? dept : "");
	return s;
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	char ra[JRC_RECEIPT_MAX], rb[JRC_RECEIPT_MAX], latest[11];
	jrc_staff sup = staff("S01", JRC_ROLE_SUPERVISOR, NULL);
	jrc_staff desk = staff("D01", JRC_ROLE_DESK, NULL);
	jrc_staff rsj = staff("H01", JRC_ROLE_HANDLER, "RSJ");
	jrc_staff gaj = staff("H02", JRC_ROLE_HANDLER, "GAJ");
	jrc_supervise_filter f = { 0 };
	jrc_supervision *v;
	size_t n;
	int late = -1;
	jrc_move mv = { 0 };

	setenv("JRC_NOW", "2026-11-01T10:00:00+08:00", 1);
	db = testdb_open();
	file(db, ra);    /* accept by 2026-11-16 */
	file(db, rb);

	ok(supervise_latest(db, ra, latest, &err) == JRC_OK, "latest: %s", err.msg);
	is_str(latest, "2026-11-16", "inside the deadline: the deadline itself");
	ok(supervise_issue(db, &desk, ra, "RSJ", "2026-11-10", "受理", NULL, &err) == JRC_E_REFUSED,
	   "a desk clerk may not issue");
	ok(supervise_issue(db, &rsj, ra, "RSJ", "2026-11-10", "受理", NULL, &err) == JRC_E_REFUSED,
	   "nor a handler");
	ok(supervise_issue(db, NULL, ra, "RSJ", "2026-11-10", "受理", NULL, &err) == JRC_E_REFUSED,
	   "nor nobody");
	ok(supervise_issue(db, &sup, ra, "RSJ", "2026-11-17", "受理", NULL, &err) == JRC_E_INVALID,
	   "a day past the deadline is refused");
	ok(strstr(err.msg, "2026-11-16") != NULL, "naming the latest allowed date: %s", err.msg);
	ok(supervise_issue(db, &sup, ra, "RSJ", "2026-11-16", "", NULL, &err) == JRC_E_INVALID,
	   "an empty note is refused");
	is_int(testdb_count(db, "SELECT count(*) FROM supervisions"), 0, "refusals wrote nothing");

	/* Past the deadline: five days from today. */
	setenv("JRC_NOW", "2026-11-20T10:00:00+08:00", 1);
	ok(supervise_latest(db, ra, latest, &err) == JRC_OK, "latest when overdue");
	is_str(latest, "2026-11-25", "overdue: five days from today");
	ok(supervise_issue(db, &sup, ra, "RSJ", "2026-11-25", "五日内受理", NULL, &err) == JRC_OK,
	   "issue: %s", err.msg);
	ok(supervise_issue(db, &sup, ra, "RSJ", "2026-11-24", "再催", NULL, &err) == JRC_E_REFUSED,
	   "one open notice per case");
	ok(supervise_ack(db, &gaj, ra, &err) == JRC_E_REFUSED, "another department's handler may not acknowledge");
	ok(supervise_reply(db, &rsj, ra, "已办", &late, &err) == JRC_E_REFUSED, "no reply before the acknowledgement");
	ok(supervise_ack(db, &rsj, ra, &err) == JRC_OK, "acknowledged: %s", err.msg);
	ok(supervise_ack(db, &rsj, ra, &err) == JRC_E_REFUSED, "once");

	f.late_only = 1;
	setenv("JRC_NOW", "2026-11-26T10:00:00+08:00", 1);
	ok(supervise_list(db, &f, &v, &n, &err) == JRC_OK, "list late");
	is_int((long)n, 1, "open past its by-date is late");
	supervise_list_free(v, n);
	ok(supervise_reply(db, &rsj, ra, "已受理", &late, &err) == JRC_OK, "reply: %s", err.msg);
	is_int(late, 1, "after the by-date: late");
	ok(supervise_reply(db, &rsj, ra, "again", &late, &err) == JRC_E_NOT_FOUND, "nothing left to answer");
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind LIKE 'supervise%'"), 3,
	       "three events: issued, acknowledged, answered late");

	/* A case with nothing owed cannot be supervised. */
	mv.to = JRC_ST_CLOSED;
	mv.reason = "撤回";
	mv.actor = "cli";
	mv.role = JRC_ROLE_SUPERVISOR;
	ok(lifecycle_move(db, rb, &mv, NULL, &err) == JRC_OK, "close b: %s", err.msg);
	ok(supervise_issue(db, &sup, rb, "RSJ", "2026-11-27", "x", NULL, &err) == JRC_E_REFUSED,
	   "a closed case is refused");

	memset(&f, 0, sizeof(f));
	f.department = "GAJ";
	ok(supervise_list(db, &f, &v, &n, &err) == JRC_OK && n == 0, "no notices to GAJ");
	supervise_list_free(v, n);
	f.department = "RSJ";
	ok(supervise_list(db, &f, &v, &n, &err) == JRC_OK && n == 1, "one to RSJ");
	if (n == 1) {
		is_str(v[0].receipt, ra, "its case");
		is_str(v[0].reply, "已受理", "its reply");
		is_str(v[0].acked_by, "staff:H01", "who acknowledged");
		is_int(v[0].late, 1, "late");
	}
	supervise_list_free(v, n);
	db_close(db);
	return done();
}
