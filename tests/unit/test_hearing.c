/* Public hearings: the majority rule (ties, absences, too few opinions),
 * who may schedule and record, the panel (size, roster, not of the
 * department concerned), the date rules, one record only, the events and
 * hearing_upheld; a refusal writes nothing. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/auth.h"
#include "jrc/grievance.h"
#include "jrc/hearing.h"
#include "jrc/lifecycle.h"
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

static jrc_conclusion of(const char *ops)
{
	jrc_opinion v[16];
	size_t n = 0;

	for (; *ops && n < 16; ops++)
		v[n++] = *ops == 'R' ? JRC_OPINION_REASONABLE : *ops == 'B' ? JRC_OPINION_BASIC
		       : *ops == 'U' ? JRC_OPINION_UNREASONABLE : JRC_OPINION_ABSENT;
	return hearing_majority(v, n);
}

static void majority(void)
{
	is_int(of("RRU"), JRC_CONCLUSION_REASONABLE, "2 reasonable, 1 not: reasonable");
	is_int(of("RBU"), JRC_CONCLUSION_BASIC, "1 reasonable, 1 basic, 1 not: basically reasonable");
	is_int(of("BBR"), JRC_CONCLUSION_BASIC, "2 basic, 1 reasonable: basically reasonable");
	is_int(of("RUU"), JRC_CONCLUSION_UNREASONABLE, "2 of 3 unreasonable: unreasonable");
	is_int(of("RBUU"), JRC_CONCLUSION_TIE, "2 for, 2 against: a tie, no majority");
	is_int(of("RRUUA"), JRC_CONCLUSION_TIE, "an absent member does not count: still a tie");
	is_int(of("RUAA"), JRC_CONCLUSION_TOO_FEW, "two opinions of four: too few for a conclusion");
	is_int(of("RRAAA"), JRC_CONCLUSION_TOO_FEW, "absences leave two: too few, even if they agree");
	is_int(of("RRRUUA"), JRC_CONCLUSION_REASONABLE, "3 of 5 given: reasonable");
	is_int(of("RRBUU"), JRC_CONCLUSION_BASIC, "2 R + 1 B of 5: basic (R alone is no majority)");
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	char ra[JRC_RECEIPT_MAX], rb[JRC_RECEIPT_MAX], day[11] = "";
	jrc_staff sup = staff("S01", JRC_ROLE_SUPERVISOR, NULL);
	jrc_staff desk = staff("D01", JRC_ROLE_DESK, NULL);
	jrc_staff rsj = staff("H01", JRC_ROLE_HANDLER, "RSJ");
	const char *panel[] = { "P01", "p03", "P04" }, *with_rsj[] = { "P01", "P03", "P05" };
	const char *two[] = { "P01", "P03" }, *twice[] = { "P01", "P03", "P01" };
	const char *nobody[] = { "P01", "P03", "M01" };
	jrc_hearing_plan p = { 0 };
	jrc_hearing_opinion ops[3] = {
		{ "P01", JRC_OPINION_REASONABLE, "依法依规处理" },
		{ "P03", JRC_OPINION_BASIC, "程序略慢" },
		{ "P04", JRC_OPINION_UNREASONABLE, "工资尚未到账" },
	};
	jrc_hearing_minutes m = { "陈某；人社局李科长；评议员三名", "工资没拿到", "已责令支付", ops, 3 };
	jrc_conclusion concl = JRC_CONCLUSION_NONE;
	jrc_hearing h;
	jrc_panelist *pl;
	jrc_move mv = { 0 };
	jrc_case c;
	int64_t id = 0;
	long events;
	size_t n;
	bool upheld = true;

	majority();
	setenv("JRC_NOW", "2026-11-01T10:00:00+08:00", 1);
	db = testdb_open();
	file(db, ra);
	file(db, rb);

	ok(hearing_panelists(db, "RSJ", &pl, &n, &err) == JRC_OK, "panel list: %s", err.msg);
	ok(n >= 3, "the roster has panel members to pick");
	for (size_t i = 0; i < n; i++)
		ok(strcmp(pl[i].department, "RSJ") != 0, "%s is not of RSJ", pl[i].id);
	free(pl);

	p.receipt = ra;
	p.held_on = "2026-11-10";
	p.at_time = "09:30";
	p.place = "县信访局三楼评议室";
	p.citizen = "陈某";
	p.representative = "人社局 李科长";
	p.panel = panel;
	p.npanel = 3;
	events = testdb_count(db, "SELECT count(*) FROM events");
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_REFUSED,
	   "a case not yet taken on has nothing to appraise");
	mv.to = JRC_ST_ACCEPTED;
	mv.actor = "cli";
	mv.role = JRC_ROLE_SUPERVISOR;
	ok(lifecycle_move(db, ra, &mv, NULL, &err) == JRC_OK, "accept a: %s", err.msg);
	events = testdb_count(db, "SELECT count(*) FROM events");
	ok(hearing_schedule(db, &desk, &p, &id, &err) == JRC_E_REFUSED, "a desk clerk may not schedule");
	ok(hearing_schedule(db, &rsj, &p, &id, &err) == JRC_E_REFUSED, "nor a handler");
	p.panel = with_rsj;
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_REFUSED,
	   "a panel member of the department concerned is refused");
	ok(strstr(err.msg, "P05") && strstr(err.msg, "RSJ"), "and named: %s", err.msg);
	p.panel = two;
	p.npanel = 2;
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_INVALID, "two members are too few");
	p.panel = twice;
	p.npanel = 3;
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_INVALID, "one member twice is refused");
	p.panel = nobody;
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_NOT_FOUND,
	   "a mediator is not a panel member");
	p.panel = panel;
	p.held_on = "2026-10-31";
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_INVALID, "a date past is refused");
	p.held_on = "2026-11-10";
	p.at_time = "25:00";
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_INVALID, "a time that is none is refused");
	p.at_time = "9:3";
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_INVALID, "nor half a time");
	p.at_time = "9:30";
	p.citizen = NULL;
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_INVALID,
	   "an anonymous case must say who comes");
	p.citizen = "陈某";
	p.place = " ";
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_E_INVALID, "a place is needed");
	p.place = "县信访局三楼评议室";
	is_int(testdb_count(db, "SELECT count(*) FROM events"), events, "the refusals wrote no event");
	is_int(testdb_count(db, "SELECT count(*) FROM hearings"), 0, "and no hearing");

	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_OK, "a supervisor schedules: %s", err.msg);
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind = 'hearing'"), 1,
	       "the hearing is an event");
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind = 'hearing_panel'"), 3,
	       "and each panel member one");
	ok(hearing_schedule(db, &sup, &p, NULL, &err) == JRC_E_REFUSED,
	   "a second hearing while one is to be recorded is refused");
	ok(hearing_get(db, id, &h, &err) == JRC_OK, "read back");
	is_int(h.nseats, 3, "three seats");
	is_str(h.seats[1].member, "P03", "ids are upper-cased");
	is_str(h.department, "RSJ", "the department concerned is the case's");
	is_str(h.at_time, "09:30", "9:30 is kept as 09:30");
	hearing_free(&h);
	ok(hearing_upheld(db, 0, &upheld, day) == JRC_OK && !upheld, "no case: not upheld");

	events = testdb_count(db, "SELECT count(*) FROM events");
	ok(hearing_record(db, &sup, id, &m, &concl, &err) == JRC_E_REFUSED,
	   "a hearing is recorded on its day, not before");
	setenv("JRC_NOW", "2026-11-10T11:30:00+08:00", 1);
	ok(hearing_record(db, &desk, id, &m, &concl, &err) == JRC_E_REFUSED, "a desk clerk may not record");
	m.n = 2;
	ok(hearing_record(db, &sup, id, &m, &concl, &err) == JRC_E_INVALID, "every member's opinion is needed");
	m.n = 3;
	ops[1].reason = "";
	ok(hearing_record(db, &sup, id, &m, &concl, &err) == JRC_E_INVALID, "an opinion needs its reason");
	ops[1].reason = "程序略慢";
	ops[2].member = "P07";
	ok(hearing_record(db, &sup, id, &m, &concl, &err) == JRC_E_INVALID,
	   "an opinion of someone not on the panel is refused");
	ops[2].member = "P04";
	is_int(testdb_count(db, "SELECT count(*) FROM events"), events, "the refusals wrote nothing");
	ok(hearing_upheld(db, 0, &upheld, day) == JRC_OK && !upheld, "nothing upheld yet");

	ok(hearing_record(db, &sup, id, &m, &concl, &err) == JRC_OK, "recorded: %s", err.msg);
	is_int(concl, JRC_CONCLUSION_BASIC, "R, B, U: basically reasonable by majority");
	is_int(testdb_count(db, "SELECT count(*) FROM events WHERE kind LIKE 'hearing_%'"
		     " AND kind <> 'hearing_panel'"), 7,
	       "attendance, each side, three opinions and the conclusion: seven events");
	ok(hearing_record(db, &sup, id, &m, &concl, &err) == JRC_E_REFUSED, "a record is made once");
	ok(grievance_get(db, ra, &c, &err) == JRC_OK, "case a");
	ok(hearing_upheld(db, c.id, &upheld, day) == JRC_OK && upheld, "upheld");
	is_str(day, "2026-11-10", "on the hearing's day");
	ok(hearing_upheld(db, c.id, &upheld, NULL) == JRC_OK && upheld, "day may be NULL");
	grievance_case_free(&c);
	{
		int64_t bad = 0;

		ok(audit_verify(db, &bad, &err) == JRC_OK, "verify is clean: %s", err.msg);
	}
	ok(db_exec(db, "UPDATE hearings SET conclusion = 'reasonable'", &err) != JRC_OK,
	   "a concluded hearing cannot be changed");
	ok(db_exec(db, "UPDATE hearing_panel SET opinion = 'reasonable' WHERE member = 'P04'", &err) != JRC_OK,
	   "nor an opinion given");
	ok(db_exec(db, "DELETE FROM hearing_panel", &err) != JRC_OK, "nor a panel member removed");

	/* A second hearing on the same case that finds against the handling:
	 * the latest decides. */
	p.held_on = "2026-11-12";
	ok(hearing_schedule(db, &sup, &p, &id, &err) == JRC_OK, "a new hearing once the first is recorded");
	setenv("JRC_NOW", "2026-11-12T11:30:00+08:00", 1);
	ops[0].opinion = JRC_OPINION_UNREASONABLE;
	ops[1].opinion = JRC_OPINION_ABSENT;
	ok(hearing_record(db, &sup, id, &m, &concl, &err) == JRC_OK, "recorded: %s", err.msg);
	is_int(concl, JRC_CONCLUSION_TOO_FEW, "one absent of three: too few opinions");
	ok(grievance_get(db, ra, &c, &err) == JRC_OK, "case a");
	ok(hearing_upheld(db, c.id, &upheld, day) == JRC_OK && !upheld,
	   "the latest hearing concluded nothing: not upheld");
	grievance_case_free(&c);
	{
		jrc_hearing *v;

		ok(hearing_list(db, 0, 1, &v, &n, &err) == JRC_OK && n == 0,
		   "both recorded: none upcoming");
		hearing_list_free(v, n);
		ok(hearing_list(db, 0, 0, &v, &n, &err) == JRC_OK && n == 2 &&
		   v[0].conclusion == JRC_CONCLUSION_TOO_FEW, "all: two, newest first");
		hearing_list_free(v, n);
	}
	db_close(db);
	return done();
}
