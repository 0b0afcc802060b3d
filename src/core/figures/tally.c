/* The summary tables: kept in step with every filing, transition, verdict
 * and visit link inside the same transaction, so that the figures read
 * hundreds of rows at any size (stats_cross), and recounted from the cases
 * by jrc verify. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db_internal.h"
#include "tally_internal.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/i18n.h"
#include "jrc/tally.h"

/* jrc_local_day(utc ISO instant): the local date, NULL for NULL or junk. */
static void local_day_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	jrc_time t;
	char out[11];

	(void)argc;
	if (!s || clock_parse((const char *)s, &t) != JRC_OK) {
		sqlite3_result_null(cx);
		return;
	}
	date_format(clock_local_date(t), out);
	sqlite3_result_text(cx, out, 10, SQLITE_TRANSIENT);
}

/* jrc_today(): the local date by the program's clock. */
static void today_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char out[11];

	(void)argc;
	(void)argv;
	date_format(clock_local_date(clock_now()), out);
	sqlite3_result_text(cx, out, 10, SQLITE_TRANSIENT);
}

int tally_register_functions(jrc_db *db)
{
	int rc = sqlite3_create_function(db_handle(db), "jrc_local_day", 1,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
					 local_day_fn, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db_handle(db), "jrc_today", 0,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, today_fn, NULL,
					     NULL);
	return rc;
}

#define NCOUNTS 9
/* One table's upsert: the period column bound to ?1 (none for tally_all
 * and tally_total), the key to ?2..?7 (the place ?4 left out of
 * tally_total, which keeps '' there), the counts to ?8..?16. */
#define UPSERT(table, pcol, pval, place) \
	"INSERT INTO " table "(" pcol TALLY_KEY ", " TALLY_COUNTS ") VALUES (" pval \
	" ?2, ?3, " place ", ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)" \
	" ON CONFLICT DO UPDATE SET n = n + excluded.n, answered = answered + excluded.answered," \
	" on_time = on_time + excluded.on_time, rated = rated + excluded.rated," \
	" satisfied = satisfied + excluded.satisfied," \
	" v_satisfied = v_satisfied + excluded.v_satisfied," \
	" v_basic = v_basic + excluded.v_basic, v_unsatisfied = v_unsatisfied + excluded.v_unsatisfied," \
	" overdue = overdue + excluded.overdue"
#define KEY_ROW_AT(place) " site = ?2 AND category = ?3 AND division = " place \
	" AND department = ?5 AND state = ?6 AND source = ?7"
#define KEY_ROW KEY_ROW_AT("?4")
#define KEY_MATCH KEY_ROW " AND n = 0"

/* Per table: the upsert, the row emptied by a -1 removed, the overdue
 * count moved by ?8 (tally_advance). */
static const struct {
	const char *upsert, *prune, *bump;
} tables[4] = {
	{ UPSERT("tally_day", "day, ", "?1,", "?4"),
	  "DELETE FROM tally_day WHERE day = ?1 AND" KEY_MATCH,
	  "UPDATE tally_day SET overdue = overdue + ?8 WHERE day = ?1 AND" KEY_ROW },
	{ UPSERT("tally_month", "month, ", "substr(?1, 1, 7),", "?4"),
	  "DELETE FROM tally_month WHERE month = substr(?1, 1, 7) AND" KEY_MATCH,
	  "UPDATE tally_month SET overdue = overdue + ?8 WHERE month = substr(?1, 1, 7) AND" KEY_ROW },
	{ UPSERT("tally_all", "", "", "?4"),
	  "DELETE FROM tally_all WHERE ?1 IS NOT NULL AND" KEY_MATCH,
	  "UPDATE tally_all SET overdue = overdue + ?8 WHERE ?1 IS NOT NULL AND" KEY_ROW },
	{ UPSERT("tally_total", "", "", "''"),
	  "DELETE FROM tally_total WHERE ?1 IS NOT NULL AND ?4 IS NOT NULL AND" KEY_ROW_AT("''")
	  " AND n = 0",
	  "UPDATE tally_total SET overdue = overdue + ?8 WHERE ?1 IS NOT NULL AND ?4 IS NOT NULL AND"
	  KEY_ROW_AT("''") },
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

static jrc_status advance(jrc_db *db, int64_t except, jrc_err *err);

jrc_status tally_case(jrc_db *db, int64_t case_id, int sign, jrc_err *err)
{
	sqlite3_stmt *st, *up;
	jrc_status s;
	char key[7][48];
	long counts[NCOUNTS];
	int rc;

	/* Bring the others to today first: a case about to be counted (+1)
	 * is already written but not yet counted, so it is left out. */
	if ((s = advance(db, sign > 0 ? case_id : 0, err)) ||
	    (s = db_prepare_cached(db, TALLY_FACTS " WHERE c.id = ?1", &st, err)))
		return s;
	sqlite3_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc != SQLITE_ROW) {
		db_release(st);
		/* No such case: nothing to count (the caller's own write fails). */
		return rc == SQLITE_DONE ? JRC_OK : db_fail(db, rc, err);
	}
	for (int i = 0; i < 7; i++)
		db_col_copy(st, i, key[i], sizeof(key[i]));
	for (int i = 0; i < NCOUNTS; i++)
		counts[i] = (long)sqlite3_column_int64(st, 7 + i) * sign;
	db_release(st);
	for (size_t t = 0; t < NTABLES; t++) {
		for (int pass = 0; pass < (sign < 0 ? 2 : 1); pass++) {
			if ((s = db_prepare_cached(db, pass ? tables[t].prune : tables[t].upsert, &up,
						   err)))
				return s;
			for (int i = 0; i < 7; i++)
				db_bind_text(db, up, 1 + i, key[i]);
			if (!pass)
				for (int i = 0; i < NCOUNTS; i++)
					sqlite3_bind_int64(up, 8 + i, counts[i]);
			rc = db_step(db, up);
			db_release(up);
			if (rc != SQLITE_DONE)
				return db_fail(db, rc, err);
		}
	}
	return JRC_OK;
}

jrc_status tally_rebuild(jrc_db *db, jrc_err *err)
{
	return db_exec(db, "DELETE FROM tally_day; DELETE FROM tally_month; DELETE FROM tally_all;"
		       " DELETE FROM tally_total;"
		       " UPDATE tally_clock SET as_of = jrc_today();" TALLY_FILL_ALL, err);
}

jrc_status tally_advance(jrc_db *db, jrc_err *err)
{
	return advance(db, 0, err);
}

/* Every counted case whose deadline fell between as_of and today, except
 * the one not counted at the moment (0: none). */
static jrc_status advance(jrc_db *db, int64_t except, jrc_err *err)
{
	sqlite3_stmt *st, *up;
	char as_of[11], today[11], lo[11], hi[11];
	jrc_status s;
	int rc, delta;

	date_format(clock_local_date(clock_now()), today);
	if ((s = db_prepare_cached(db, "SELECT as_of FROM tally_clock", &st, err)))
		return s;
	rc = db_step(db, st);
	if (rc == SQLITE_ROW)
		db_col_copy(st, 0, as_of, sizeof(as_of));
	db_release(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? jrc_err_set(err, JRC_E_DB, NULL, NULL) : db_fail(db, rc, err);
	if (strcmp(as_of, today) == 0)
		return JRC_OK;
	/* Deadlines that fell between: overdue now (or, the clock set back,
	 * no longer). */
	delta = strcmp(as_of, today) < 0 ? 1 : -1;
	snprintf(lo, sizeof(lo), "%s", delta > 0 ? as_of : today);
	snprintf(hi, sizeof(hi), "%s", delta > 0 ? today : as_of);
	if ((s = db_prepare(db, "SELECT " TALLY_CASE_KEY " FROM cases c INDEXED BY cases_owed"
			    " WHERE c.state IN " TALLY_OWED " AND c.due_on >= ?1 AND c.due_on < ?2"
			    " AND c.id <> ?3", &st, err)))
		return s;
	db_bind_text(db, st, 1, lo);
	db_bind_text(db, st, 2, hi);
	sqlite3_bind_int64(st, 3, except);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		for (size_t t = 0; t < NTABLES; t++) {
			int urc;

			if ((s = db_prepare_cached(db, tables[t].bump, &up, err))) {
				sqlite3_finalize(st);
				return s;
			}
			for (int i = 0; i < 7; i++)
				db_bind_text(db, up, 1 + i, (const char *)sqlite3_column_text(st, i));
			sqlite3_bind_int(up, 8, delta);
			urc = db_step(db, up);
			db_release(up);
			if (urc != SQLITE_DONE) {
				sqlite3_finalize(st);
				return db_fail(db, urc, err);
			}
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	if ((s = db_prepare_cached(db, "UPDATE tally_clock SET as_of = ?1", &up, err)))
		return s;
	db_bind_text(db, up, 1, today);
	rc = db_step(db, up);
	db_release(up);
	return rc == SQLITE_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* ------------------------------------------------------------- recount */

/* Rows of one summary table that a recount does not give, and recounted
 * rows the table lacks: period, key, kept n, counted n. */
#define DIFF(table, pcol, pexpr, place) \
	"WITH facts AS (" TALLY_FACTS ")," \
	" counted AS (SELECT " pexpr " AS period, site, category, " place " AS division," \
	"  department, state, source, sum(n) AS n," \
	"  sum(answered) AS answered, sum(on_time) AS on_time, sum(rated) AS rated," \
	"  sum(satisfied) AS satisfied, sum(v_satisfied) AS v_satisfied," \
	"  sum(v_basic) AS v_basic, sum(v_unsatisfied) AS v_unsatisfied, sum(overdue) AS overdue" \
	"  FROM facts GROUP BY 1, 2, 3, 4, 5, 6, 7)," \
	" kept AS (SELECT " pcol " AS period, " TALLY_KEY ", " TALLY_COUNTS " FROM " table \
	"  WHERE n <> 0 OR answered <> 0 OR on_time <> 0 OR rated <> 0 OR satisfied <> 0" \
	"  OR v_satisfied <> 0 OR v_basic <> 0 OR v_unsatisfied <> 0 OR overdue <> 0)," \
	" bad AS (SELECT * FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept)" \
	"  UNION ALL SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted))" \
	" SELECT DISTINCT b.period, b.site, b.category, b.division, b.department, b.state, b.source," \
	"  coalesce(k.n, 0), coalesce(c.n, 0)," \
	"  (k.answered, k.on_time, k.rated, k.satisfied, k.v_satisfied, k.v_basic, k.v_unsatisfied," \
	"  k.overdue) IS NOT (c.answered, c.on_time, c.rated, c.satisfied, c.v_satisfied, c.v_basic," \
	"  c.v_unsatisfied, c.overdue)" \
	" FROM bad b" \
	" LEFT JOIN kept k ON k.period IS b.period AND k.site = b.site AND k.category = b.category" \
	"  AND k.division = b.division AND k.department = b.department AND k.state = b.state" \
	"  AND k.source = b.source" \
	" LEFT JOIN counted c ON c.period IS b.period AND c.site = b.site" \
	"  AND c.category = b.category AND c.division = b.division" \
	"  AND c.department = b.department AND c.state = b.state AND c.source = b.source" \
	" ORDER BY 1, 2, 3, 4, 5, 6, 7"

jrc_status tally_verify(jrc_db *db, jrc_tally_diff_fn fn, void *arg, long *ndiff, jrc_err *err)
{
	static const char *const diff[NTABLES] = {
		DIFF("tally_day", "day", "day", "division"),
		DIFF("tally_month", "month", "substr(day, 1, 7)", "division"),
		DIFF("tally_all", "NULL", "NULL", "division"),
		DIFF("tally_total", "NULL", "NULL", "''"),
	};
	static const char *const names[NTABLES] = { "day", "month", "all", "total" };
	jrc_status s;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	*ndiff = 0;
	if ((s = db_exec(db, "BEGIN", err)))
		return s;
	for (size_t t = 0; t < NTABLES && s == JRC_OK; t++) {
		if ((s = db_prepare(db, diff[t], &st, err)))
			break;
		while ((rc = db_step(db, st)) == SQLITE_ROW) {
			jrc_tally_diff d;

			memset(&d, 0, sizeof(d));
			snprintf(d.table, sizeof(d.table), "%s", names[t]);
			db_col_copy(st, 0, d.period, sizeof(d.period));
			db_col_copy(st, 1, d.site, sizeof(d.site));
			db_col_copy(st, 2, d.category, sizeof(d.category));
			db_col_copy(st, 3, d.division, sizeof(d.division));
			db_col_copy(st, 4, d.department, sizeof(d.department));
			db_col_copy(st, 5, d.state, sizeof(d.state));
			db_col_copy(st, 6, d.source, sizeof(d.source));
			d.kept = (long)sqlite3_column_int64(st, 7);
			d.counted = (long)sqlite3_column_int64(st, 8);
			d.other_counts = sqlite3_column_int(st, 9);
			(*ndiff)++;
			if (fn)
				fn(&d, arg);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			s = db_fail(db, rc, err);
	}
	db_exec(db, s == JRC_OK ? "COMMIT" : "ROLLBACK", NULL);
	return s;
}
