/* Early warning with the shipped rules (data/alerts.csv): a cluster at its
 * fifth case and not the fourth, a later case joining it, the summary and
 * the cases behind it without personal data, the open count, the
 * acknowledgement and its refusals (which write nothing), the list's
 * filters, and the departments' overdue rule. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/alert.h"
#include "jrc/auth.h"
#include "jrc/grievance.h"
#include "tap.h"
#include "testdb.h"

static void file(jrc_db *db, const char *division, const char *category)
{
	jrc_intake in = { 0 };
	jrc_err err = { 0 };

	in.category = category;
	in.division = division;
	in.anonymous = 1;
	in.text = "河水发臭";
	if (grievance_file(db, &in, NULL, &err) != JRC_OK) {
		printf("Bail out! file: %s\n", err.msg);
		exit(1);
	}
}

static jrc_staff staff(const char *id, jrc_role role)
{
	jrc_staff s;

	memset(&s, 0, sizeof(s));
	snprintf(s.id, sizeof(s.id), "%s", id);
	s.role = role;
	return s;
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_alert *a = NULL;
	jrc_alert_case *cs = NULL;
	jrc_alert_rule *r = NULL;
	size_t n = 0, nc = 0, nr = 0;
	long open = -1, raised = -1, events;
	jrc_staff sup = staff("S01", JRC_ROLE_SUPERVISOR), desk = staff("D01", JRC_ROLE_DESK);

	setenv("JRC_NOW", "2026-11-20T10:00:00+08:00", 1);
	db = testdb_open();

	ok(alert_rules(db, &r, &nr, &err) == JRC_OK, "rules: %s", err.msg);
	is_int(nr, 4, "four rules are shipped");
	if (nr == 4) {
		is_str(r[0].kind, "cluster", "cluster first");
		is_int(r[0].count, 5, "five cases");
		is_int(r[0].days, 30, "in 30 days");
		is_str(r[3].kind, "overdue", "overdue last");
		is_int(r[3].count, 10, "more than ten");
	}
	free(r);

	for (int i = 0; i < 4; i++)
		file(db, "330726002201", "ENV");
	file(db, "330726002202", "ENV");
	file(db, "330726002201", "LAB");
	is_int(testdb_count(db, "SELECT count(*) FROM alerts"), 0, "four cases of a village and category: no alert");
	file(db, "330726002201", "ENV");
	ok(alert_open_count(db, &open, &err) == JRC_OK && open == 1, "the fifth raises one (%ld)", open);
	ok(alert_list(db, NULL, NULL, 1, &a, &n, &err) == JRC_OK && n == 1, "listed open: %s", err.msg);
	if (n == 1) {
		is_str(a[0].kind, "cluster", "a cluster");
		is_str(a[0].division, "330726002201", "of the village");
		is_str(a[0].category, "ENV", "and the category");
		is_int(a[0].count, 5, "with five cases behind it");
		is_int(a[0].n_cases, 5, "their ids");
		ok(strstr(a[0].summary, ": 5 cases (rule: 5 in 30 days)") != NULL, "summary: %s", a[0].summary);
		ok(a[0].ack_note == NULL && !*a[0].acked_at, "not acknowledged");
	}
	alert_list_free(a, n);

	file(db, "330726002201", "ENV");
	ok(alert_list(db, NULL, NULL, 0, &a, &n, &err) == JRC_OK && n == 1, "a sixth raises no other");
	if (n == 1)
		is_int(a[0].count, 6, "it joins the open one");
	ok(n == 1 && alert_cases(db, a[0].id, &cs, &nc, &err) == JRC_OK, "cases: %s", err.msg);
	is_int(nc, 6, "six cases behind it");
	if (nc) {
		ok(strncmp(cs[0].receipt, "PJ261120-", 9) == 0, "each with its receipt (%s)", cs[0].receipt);
		is_str(cs[0].state, "registered", "its state");
		ok(*cs[0].place && *cs[0].category_name, "place and category in words");
	}
	free(cs);
	alert_list_free(a, n);
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind = 'alert'"), 1, "one alert event");
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind = 'alert_case'"), 5, "one per case behind it");
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind = 'alert_join'"), 0,
	       "no event of its own for the case joining ...");
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind = 'filed' AND case_id ="
			    " (SELECT max(id) FROM cases) AND payload LIKE '%\"alert_cases\"%'"), 1,
	       "... its filing's event carries the row");

	/* Acknowledging: refusals write nothing. */
	events = testdb_count(db, "SELECT count(*) FROM events");
	is_int(alert_ack(db, &desk, 1, "已处理", &err), JRC_E_REFUSED, "a desk clerk may not");
	is_int(alert_ack(db, &sup, 1, " \t ", &err), JRC_E_INVALID, "a blank note is refused");
	is_int(alert_ack(db, &sup, 1, NULL, &err), JRC_E_INVALID, "so is none");
	is_int(alert_ack(db, &sup, 42, "x", &err), JRC_E_NOT_FOUND, "an unknown alert");
	is_int(testdb_count(db, "SELECT count(*) FROM events"), events, "the refusals wrote nothing");
	ok(alert_ack(db, &sup, 1, "约谈村委会", &err) == JRC_OK, "a supervisor acknowledges: %s", err.msg);
	is_int(alert_ack(db, &sup, 1, "again", &err), JRC_E_REFUSED, "once");
	ok(alert_open_count(db, &open, &err) == JRC_OK && open == 0, "none open now");
	ok(alert_list(db, NULL, NULL, 0, &a, &n, &err) == JRC_OK && n == 1, "listed");
	if (n == 1) {
		is_str(a[0].acked_by, "S01", "who acknowledged");
		is_str(a[0].ack_note, "约谈村委会", "the note");
	}
	alert_list_free(a, n);
	file(db, "330726002201", "ENV");
	is_int(testdb_count(db, "SELECT count(*) FROM alerts"), 2, "met again once acknowledged: a new alert");

	/* The list's days (local, inclusive). */
	ok(alert_list(db, "2026-11-21", NULL, 0, &a, &n, &err) == JRC_OK && n == 0, "none from the day after");
	alert_list_free(a, n);
	ok(alert_list(db, "2026-11-20", "2026-11-20", 0, &a, &n, &err) == JRC_OK && n == 2, "both that day");
	alert_list_free(a, n);
	is_int(alert_list(db, "2026-11-31", NULL, 0, &a, &n, &err), JRC_E_INVALID, "a day that is not a date");

	/* A department with more than ten overdue cases (STJ has 8 here, to
	 * be accepted by 2026-12-05: overdue from 2026-12-06). */
	for (int i = 0; i < 2; i++)
		file(db, "330726003201", "ENV");
	setenv("JRC_NOW", "2026-12-06T10:00:00+08:00", 1);
	ok(alert_evaluate_overdue(db, &raised, &err) == JRC_OK, "overdue: %s", err.msg);
	is_int(raised, 0, "ten overdue are not more than ten");
	setenv("JRC_NOW", "2026-11-20T11:00:00+08:00", 1);
	file(db, "330726003202", "ENV");
	setenv("JRC_NOW", "2026-12-06T10:00:00+08:00", 1);
	ok(alert_evaluate_overdue(db, &raised, &err) == JRC_OK && raised == 1, "one more raises it (%ld)", raised);
	is_int(testdb_count(db, "SELECT count(*) FROM alert_cases WHERE alert_id = (SELECT id FROM alerts WHERE kind = 'overdue')"),
	       testdb_count(db, "SELECT count(*) FROM cases WHERE department = 'STJ'"), "every overdue case behind it");
	ok(alert_evaluate_overdue(db, &raised, &err) == JRC_OK && raised == 0, "again: nothing more");

	db_close(db);
	return done();
}
