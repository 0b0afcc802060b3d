/* Leaders' visits and opinion surveys in the core: a bad plan writes
 * nothing; a visit's slots are the leader's (booked once); announcements
 * by township; a matter found on a visit is anonymous and linked; solved on
 * the spot is two steps; the report counts them.  Survey answers keep the
 * day and township only and are sealed in the chain. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/grievance.h"
#include "jrc/lifecycle.h"
#include "jrc/roster.h"
#include "jrc/survey.h"
#include "jrc/visit.h"
#include "tap.h"
#include "testdb.h"

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	jrc_visit_in in = { 0 };
	jrc_visit *v;
	size_t n;
	int64_t id = 0;
	jrc_slot *sl;
	jrc_intake ci = { 0 };
	jrc_visit_matter_in vm = { 0 };
	jrc_case c;
	jrc_visit_report r;
	jrc_survey sv;
	jrc_survey_count *res;
	const char *qs[] = { "满意吗？|Satisfied?|满意;不满意|Yes;No" };
	int ans[1] = { 2 };
	long sealed = -1;
	int64_t bad = 0;

	setenv("JRC_NOW", "2026-11-30T10:00:00+08:00", 1);
	db = testdb_open();

	in.host = "G01";
	in.date = "2026-12-10";
	in.start = "09:00";
	in.end = "10:00";
	in.division = "330726100201";
	in.place = "村委会";
	in.actor = "test";
	in.slot = "500";
	ok(visit_add(db, &in, 0, &id, &err) == JRC_E_INVALID, "a slot longer than the visit is refused");
	is_int(testdb_count(db, "SELECT count(*) FROM visits"), 0, "and nothing written");
	in.slot = NULL;
	ok(visit_add(db, &in, 0, &id, &err) == JRC_OK, "a visit: %s", err.msg);
	is_int(id, 1, "numbered 1");
	ok(roster_slots(db, "G01", (jrc_date){ 2026, 12, 10 }, 1, 1, &sl, &n, &err) == JRC_OK,
	   "the leader's slots that day");
	is_int(n, 2, "two free half hours");
	is_str(n ? sl[0].room : "", "黄宅镇黄宅村 村委会", "at the visit's place");
	free(sl);

	ok(visit_announced(db, "330726100", &v, &n, &err) == JRC_OK && n == 1,
	   "announced at its township");
	free(v);
	ok(visit_announced(db, "330726101", &v, &n, &err) == JRC_OK && n == 0,
	   "not at another township");
	free(v);
	ok(visit_announced(db, "330726", &v, &n, &err) == JRC_OK && n == 1,
	   "announced at the county center");
	free(v);

	ci.category = "VIL";
	ci.text = "桥坏了";
	vm.visit_id = 1;
	vm.found = 1;
	vm.actor = "test";
	ok(visit_file(db, &ci, &vm, &c, &err) == JRC_E_REFUSED, "no matters before the visit begins");
	setenv("JRC_NOW", "2026-12-10T09:30:00+08:00", 1);
	ci.name = "张三";
	ok(visit_file(db, &ci, &vm, &c, &err) == JRC_E_INVALID, "a found matter with a name is refused");
	ci.name = NULL;
	ok(visit_file(db, &ci, &vm, &c, &err) == JRC_OK, "a found matter: %s", err.msg);
	ok(c.anonymous && strcmp(c.division, "330726100201") == 0, "anonymous, at the visit's place");
	grievance_case_free(&c);
	vm.found = 0;
	vm.solved = "当场修好";
	vm.role = JRC_ROLE_SUPERVISOR;
	ci.anonymous = 1;
	ok(visit_file(db, &ci, &vm, &c, &err) == JRC_OK, "solved on the spot: %s", err.msg);
	ok(c.state == JRC_ST_ANSWERED, "answered at once");
	grievance_case_free(&c);
	ok(visit_report(db, 1, &r, &err) == JRC_OK, "the report");
	ok(r.raised == 2 && r.found == 1 && r.on_spot == 1 && r.open == 1 && r.answered == 1,
	   "raised 2, found 1, on the spot 1, open 1, answered 1");
	visit_report_free(&r);

	ok(survey_add(db, "调查", "Survey", "2026-12-01", "2026-12-31", "330726100", qs, 1, "test", &id,
		      &err) == JRC_OK, "a survey: %s", err.msg);
	ok(survey_active(db, "330726100201", &sv, &err) == JRC_OK, "runs at a village of its township");
	ok(survey_active(db, "330726101", &sv, &err) == JRC_E_NOT_FOUND, "not at another township");
	ans[0] = 3;
	ok(survey_answer(db, id, "330726100", ans, 1, &err) == JRC_E_INVALID, "an answer out of range");
	ans[0] = 2;
	ok(survey_answer(db, id, "330726100", ans, 1, &err) == JRC_OK, "an answer is kept");
	ok(survey_rate_service(db, "330726100", 1, &err) == JRC_OK, "a rating is kept");
	is_int(testdb_count(db, "SELECT count(*) FROM survey_pending WHERE day = '2026-12-10'"), 2,
	       "both pending with the day");
	ok(survey_results(db, id, &res, &n, &err) == JRC_OK && n == 2 && res[0].count[1] == 1,
	   "counted over all townships and for its own");
	free(res);
	ok(survey_seal(db, "2026-12-10", &sealed, &err) == JRC_OK && sealed == 0,
	   "today's are not sealed yet");
	ok(survey_seal(db, NULL, &sealed, &err) == JRC_OK && sealed == 2, "sealed");
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind IN ('survey_answer','service_rating')"
		     " AND at = '2026-12-09T16:00:00Z' AND case_id IS NULL"), 2,
	       "each an event dated by its day, about no case");
	memset(&err, 0, sizeof(err));
	ok(audit_verify(db, &bad, &err) == JRC_OK, "the chain holds: %s", err.msg);
	db_close(db);
	return done();
}
