/* Repeat matters: the same ID number and category while an earlier case
 * is open or recent is linked (never refused); anything else is not. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/grievance.h"
#include "jrc/repeat.h"
#include "tap.h"
#include "testdb.h"

static jrc_intake intake(const char *category, const char *id)
{
	jrc_intake in = { 0 };

	in.category = category;
	in.division = "330726100";
	in.name = "张三";
	in.id_number = id;
	in.phone = "13812345678";
	in.text = "老板拖欠工资三个月。";
	in.channel = "kiosk";
	return in;
}

static int64_t file(jrc_db *db, jrc_intake in, int64_t *related)
{
	jrc_case c;
	jrc_err err = { 0 };
	int64_t id;

	if (grievance_file(db, &in, &c, &err) != JRC_OK) {
		printf("# filing failed: %s\n", err.msg);
		return 0;
	}
	id = c.id;
	*related = c.related_case;
	grievance_case_free(&c);
	return id;
}

static void set_state(jrc_db *db, int64_t id, const char *state, const char *at)
{
	char q[256];

	snprintf(q, sizeof(q), "UPDATE cases SET state = '%s', state_at = '%s' WHERE id = %lld",
		 state, at, (long long)id);
	sqlite3_exec(db_handle(db), q, NULL, NULL, NULL);
}

int main(void)
{
	jrc_db *db;
	jrc_err err = { 0 };
	int64_t a, b, rel, earlier;
	jrc_event *ev;
	size_t n;
	const char *id1 = "11010519491231002X", *id2 = "330726196503150023";
	jrc_case k;

	setenv("JRC_NOW", "2026-01-10T10:00:00+08:00", 1);
	db = testdb_open();
	a = file(db, intake("LAB", id1), &rel);
	is_int(rel, 0, "a first case links to nothing");
	b = file(db, intake("LAB", "11010519491231002x"), &rel);
	ok(b && rel == a, "the same ID and category again: linked to the earlier case");
	ok(audit_case_events(db, b, &ev, &n, &err) == JRC_OK && n == 2 &&
	   strcmp(ev[1].kind, "repeat") == 0, "a repeat event on the new case");
	ok(grievance_get_by_id(db, a, &k, &err) == JRC_OK && n == 2 &&
	   strcmp(ev[1].note, k.receipt) == 0, "naming the earlier receipt (%s)", n == 2 ? ev[1].note : "");
	grievance_case_free(&k);
	audit_events_free(ev, n);
	file(db, intake("SOC", id1), &rel);
	is_int(rel, 0, "another category is not a repeat");
	file(db, intake("LAB", id2), &rel);
	is_int(rel, 0, "another person is not a repeat");
	{
		jrc_intake in = intake("LAB", NULL);

		in.anonymous = 1;
		in.name = in.phone = NULL;
		file(db, in, &rel);
		is_int(rel, 0, "an anonymous case is never a repeat");
	}

	/* Ten months on: closed cases are old news, an open one is not. */
	set_state(db, a, "closed", "2026-01-20T00:00:00Z");
	set_state(db, b, "closed", "2026-01-20T00:00:00Z");
	setenv("JRC_NOW", "2026-07-10T10:00:00+08:00", 1);
	ok(repeat_find(db, id1, "LAB", 0, &earlier, &err) == JRC_OK && earlier == b,
	   "171 days after closing: still recent");
	setenv("JRC_NOW", "2026-11-10T10:00:00+08:00", 1);
	ok(repeat_find(db, id1, "LAB", 0, &earlier, &err) == JRC_OK && earlier == 0,
	   "over 180 days after closing: not a repeat");
	set_state(db, a, "accepted", "2026-01-20T00:00:00Z");
	ok(repeat_find(db, id1, "LAB", 0, &earlier, &err) == JRC_OK && earlier == a,
	   "an earlier case still open counts whatever its age");
	set_state(db, a, "answered", "2026-01-20T00:00:00Z");
	ok(repeat_find(db, id1, "LAB", 0, &earlier, &err) == JRC_OK && earlier == a,
	   "an answered case is still open (review may follow)");
	ok(repeat_find(db, id1, "LAB", a, &earlier, &err) == JRC_OK && earlier == 0,
	   "the case itself is left out");
	db_close(db);
	return done();
}
