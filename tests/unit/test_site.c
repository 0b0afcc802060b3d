/* Sites and the three levels (site.h): the shipped list, the site code
 * check, assigning down within the statutory deadline, escalating to the
 * parent, joint handling and its parts, the citizen's words; a refusal
 * writes nothing and the case's state and deadline never move. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/grievance.h"
#include "jrc/i18n.h"
#include "jrc/site.h"
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

static long rows(jrc_db *db)
{
	return testdb_count(db, "SELECT (SELECT count(*) FROM events) * 1000"
			   " + (SELECT count(*) FROM handling_steps)");
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	char r[JRC_RECEIPT_MAX], latest[11], text[1024];
	jrc_site *v, s;
	jrc_handling h;
	jrc_handling_words w;
	jrc_case c;
	size_t n;
	long before;

	setenv("JRC_NOW", "2026-11-29T10:00:00+08:00", 1);
	db = testdb_open();
	ok(site_list(db, &v, &n, &err) == JRC_OK && n > 16, "the shipped sites are listed");
	ok(n && strcmp(v[0].code, "PJ") == 0 && strcmp(v[0].level, "county") == 0 && !v[0].parent[0],
	   "the county center first, without a parent");
	free(v);
	ok(site_get(db, "HZC", &s, &err) == JRC_OK && strcmp(s.parent, "HZ") == 0 &&
	   strcmp(s.level, "village") == 0, "a village point under its township");
	ok(site_code_check(db, "HZ", &err) == JRC_OK, "a listed code is a site's own");
	ok(site_code_check(db, "XQ", &err) == JRC_E_INVALID, "an unlisted one is refused");

	file(db, r);
	ok(handling_latest(db, r, latest, &err) == JRC_OK && strcmp(latest, "2026-12-14") == 0,
	   "the latest by-date is the statutory deadline");
	before = rows(db);
	is_int(handling_assign(db, "cli", r, "HZ", "2026-12-15", "核实", &err), JRC_E_INVALID,
	       "a day past it is refused");
	ok(strstr(err.msg, "2026-12-14") != NULL, "naming the latest date allowed");
	is_int(handling_assign(db, "cli", r, "HZ", "2026-12-10", "", &err), JRC_E_INVALID,
	       "instructions are needed");
	is_int(handling_assign(db, "cli", r, "PJ", "2026-12-10", "核实", &err), JRC_E_REFUSED,
	       "not to the site handling it");
	is_int(handling_escalate(db, "cli", r, "x", &err), JRC_E_REFUSED,
	       "nothing above the county center");
	is_int(handling_part(db, "cli", r, "RSJ", "x", &err), JRC_E_REFUSED,
	       "no part before joint handling");
	is_int(rows(db), before, "refusals write nothing");

	ok(handling_assign(db, "staff:D01", r, "HZC", "2026-12-14", "请村里调解", &err) == JRC_OK,
	   "assigned down two levels, to a village point of Huangzhai");
	ok(handling_get(db, grievance_get(db, r, &c, &err) == JRC_OK ? c.id : 0, &h, &err) == JRC_OK &&
	   strcmp(h.site, "HZC") == 0 && h.moved == JRC_MOVED_ASSIGNED &&
	   strcmp(h.by_on, "2026-12-14") == 0, "handled there, by the date given");
	ok(c.state == JRC_ST_REGISTERED && strcmp(c.due_on, "2026-12-14") == 0,
	   "the state and the deadline are as they were");
	ok(handling_escalate(db, "cli", r, "调解不成", &err) == JRC_OK &&
	   handling_get(db, c.id, &h, &err) == JRC_OK && strcmp(h.site, "HZ") == 0 &&
	   h.moved == JRC_MOVED_ESCALATED, "escalated to the township");
	is_int(handling_joint(db, "cli", r, "RSJ", "XFJ,RSJ", &err), JRC_E_INVALID,
	       "the lead is not among the others");
	ok(handling_joint(db, "cli", r, "RSJ", "XFJ, ZRJ", &err) == JRC_OK &&
	   handling_get(db, c.id, &h, &err) == JRC_OK && strcmp(h.lead, "RSJ") == 0 &&
	   strcmp(h.partners, "XFJ ZRJ") == 0 && strcmp(h.site, "HZ") == 0,
	   "joint handling, the site kept");
	ok(handling_part(db, "cli", r, "ZRJ", "已现场核查", &err) == JRC_OK, "a department adds its part");
	is_int(handling_part(db, "cli", r, "WJJ", "x", &err), JRC_E_REFUSED,
	       "one not taking part may not");
	is_int(testdb_count(db, "SELECT count(*) FROM handling_steps"), 4, "four steps kept");

	ok(handling_words(db, c.id, &w, &err) == JRC_OK && w.moved == JRC_MOVED_ESCALATED && w.joint,
	   "the citizen's words");
	i18n_set(JRC_LANG_EN);
	handling_sentence(&w, text, sizeof(text));
	is_str(text, "Your matter has been passed up to Huangzhai Town. Your matter is handled jointly, "
	       "led by Human Resources and Social Security Bureau together with County Letters and Visits "
	       "Bureau and Natural Resources and Planning Bureau.", "in English, no notes");
	grievance_case_free(&c);
	db_close(db);
	return done();
}
