/* Statistics: counts by state, department and category; open, overdue. */
#include <stdlib.h>
#include <string.h>

#include "figures/tally_internal.h"
#include "db_internal.h"
#include "lifecycle_internal.h"
#include "jrc/grievance.h"
#include "jrc/stats.h"
#include "tap.h"
#include "testdb.h"

static long row(const jrc_stat_row *r, size_t n, const char *key, int which)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(r[i].key, key) == 0)
			return which == 0 ? r[i].total : which == 1 ? r[i].open : r[i].overdue;
	return 0;
}

static void file(jrc_db *db, const char *now, const char *cat)
{
	jrc_intake in = { 0 };
	jrc_err err = { 0 };

	setenv("JRC_NOW", now, 1);
	in.category = cat;
	in.division = "330726100";
	in.anonymous = 1;
	in.text = "x";
	if (grievance_file(db, &in, NULL, &err) != JRC_OK)
		printf("# file: %s\n", err.msg);
}

int main(void)
{
	jrc_db *db;
	jrc_stats st;
	jrc_err err = { 0 };

	setenv("JRC_NOW", "2026-11-01T10:00:00+08:00", 1);
	db = testdb_open();
	file(db, "2026-11-01T10:00:00+08:00", "LAB");
	file(db, "2026-11-02T10:00:00+08:00", "LAB");
	file(db, "2026-11-20T10:00:00+08:00", "ENV");
	file(db, "2026-11-29T10:00:00+08:00", "NEI");
	/* Closed straight in the table: the summary figures taken along, as
	 * the lifecycle does. */
	tally_case(db, 2, -1, &err);
	sqlite3_exec(db_handle(db), "UPDATE cases SET state = 'closed', due_on = NULL WHERE id = 2",
		     NULL, NULL, NULL);
	tally_case(db, 2, +1, &err);

	setenv("JRC_NOW", "2026-11-29T12:00:00+08:00", 1);
	ok(stats_collect(db, NULL, NULL, &st, &err) == JRC_OK, "collect: %s", err.msg);
	is_int(st.total, 4, "four cases");
	is_int(st.open, 3, "three still owed a step");
	/* Filed 1 Nov: accept by 16 Nov, so overdue on the 29th; 20 Nov is not. */
	is_int(st.overdue, 1, "one past its acceptance deadline");
	is_int(row(st.by_state, st.n_state, "registered", 0), 3, "by state: registered");
	is_int(row(st.by_state, st.n_state, "closed", 0), 1, "by state: closed");
	is_int(row(st.by_department, st.n_department, "RSJ", 0), 2, "by department: total");
	is_int(row(st.by_department, st.n_department, "RSJ", 1), 1, "by department: open");
	is_int(row(st.by_department, st.n_department, "RSJ", 2), 1, "by department: overdue");
	is_int(row(st.by_category, st.n_category, "ENV", 0), 1, "by category");
	stats_free(&st);

	ok(stats_collect(db, "2026-11-02", "2026-11-20", &st, &err) == JRC_OK, "a period");
	is_int(st.total, 2, "both ends of the period count");
	stats_free(&st);
	ok(stats_collect(db, "2026-11-31", NULL, &st, &err) == JRC_E_INVALID, "a date that does not exist");
	ok(strstr(err.msg, "YYYY-MM-DD") != NULL, "says how to write a date");
	{
		/* The partial index of owing cases names the same states as the
		 * lifecycle's rule: a state added to one and not the other fails. */
		char owed[256];

		lifecycle_owed_sql(owed, sizeof(owed));
		ok(strcmp(owed, TALLY_OWED) == 0, "the overdue index's states are the lifecycle's: %s",
		   owed);
	}
	db_close(db);
	return done();
}
