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

#define NCOUNTS 9
/* The key of a tally_day row: its day ?1, the rest ?2..?7. */
#define KEY_ROW " day = ?1 AND site = ?2 AND category = ?3 AND division = ?4" \
	" AND department = ?5 AND state = ?6 AND source = ?7"

/* A write counts into tally_day alone, the counts to ?8..?16, and keeps
 * the same numbers as pending for the month, all-time and total tables
 * (see tally_fold). */
static const char upsert_day[] =
	"INSERT INTO tally_day(day, " TALLY_KEY ", " TALLY_COUNTS ", " TALLY_PENDING ", dirty)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
	" ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 1)"
	" ON CONFLICT(day, " TALLY_KEY ") DO UPDATE SET n = n + excluded.n, answered = answered + excluded.answered,"
	" on_time = on_time + excluded.on_time, rated = rated + excluded.rated,"
	" satisfied = satisfied + excluded.satisfied,"
	" v_satisfied = v_satisfied + excluded.v_satisfied,"
	" v_basic = v_basic + excluded.v_basic, v_unsatisfied = v_unsatisfied + excluded.v_unsatisfied,"
	" overdue = overdue + excluded.overdue,"
	" p_n = p_n + excluded.n, p_answered = p_answered + excluded.answered,"
	" p_on_time = p_on_time + excluded.on_time, p_rated = p_rated + excluded.rated,"
	" p_satisfied = p_satisfied + excluded.satisfied,"
	" p_v_satisfied = p_v_satisfied + excluded.v_satisfied,"
	" p_v_basic = p_v_basic + excluded.v_basic,"
	" p_v_unsatisfied = p_v_unsatisfied + excluded.v_unsatisfied,"
	" p_overdue = p_overdue + excluded.overdue, dirty = 1";

/* The overdue count of a row moved by ?8 (advance). */
static const char bump_day[] =
	"UPDATE tally_day SET overdue = overdue + ?8, p_overdue = p_overdue + ?8, dirty = 1"
	" WHERE" KEY_ROW;

/* The pending numbers of tally_day folded into the other three, the rows
 * that leaves empty removed, and the pending emptied. */
#define FOLD_INTO(table, pcol, pexpr, place, group) \
	"INSERT INTO " table "(" pcol TALLY_KEY ", " TALLY_COUNTS ")" \
	" SELECT " pexpr " site, category, " place ", department, state, source, sum(p_n)," \
	" sum(p_answered), sum(p_on_time), sum(p_rated), sum(p_satisfied), sum(p_v_satisfied)," \
	" sum(p_v_basic), sum(p_v_unsatisfied), sum(p_overdue)" \
	" FROM (" TALLY_PENDING_FROM("day, " TALLY_KEY ", " TALLY_PENDING) ") GROUP BY " group \
	" ON CONFLICT(" pcol TALLY_KEY ") DO UPDATE SET n = n + excluded.n, answered = answered + excluded.answered," \
	" on_time = on_time + excluded.on_time, rated = rated + excluded.rated," \
	" satisfied = satisfied + excluded.satisfied," \
	" v_satisfied = v_satisfied + excluded.v_satisfied," \
	" v_basic = v_basic + excluded.v_basic, v_unsatisfied = v_unsatisfied + excluded.v_unsatisfied," \
	" overdue = overdue + excluded.overdue;"
#define PRUNE(table, pcols, pexpr, place) \
	"DELETE FROM " table " WHERE n = 0 AND (" pcols "site, category, division, department," \
	" state, source) IN (" TALLY_PENDING_FROM(pexpr "site, category, " place ", department," \
						  " state, source") ");"
#define EMPTIED " p_n = 0, p_answered = 0, p_on_time = 0, p_rated = 0, p_satisfied = 0," \
	" p_v_satisfied = 0, p_v_basic = 0, p_v_unsatisfied = 0, p_overdue = 0"
static const char fold_sql[] =
	FOLD_INTO("tally_month", "month, ", "substr(day, 1, 7),", "division",
		  "substr(day, 1, 7), " TALLY_KEY)
	FOLD_INTO("tally_all", "", "", "division", TALLY_KEY)
	FOLD_INTO("tally_total", "", "", "''", "site, category, department, state, source")
	PRUNE("tally_month", "month, ", "substr(day, 1, 7), ", "division")
	PRUNE("tally_all", "", "", "division")
	PRUNE("tally_total", "", "", "''")
	"DELETE FROM tally_day WHERE dirty <> 0 AND n = 0;"
	"DELETE FROM tally_day WHERE day = " TALLY_AS_OF " AND n = 0;"
	"UPDATE tally_day SET" EMPTIED ", dirty = 0 WHERE dirty <> 0;"
	"UPDATE tally_day SET" EMPTIED " WHERE day = " TALLY_AS_OF " AND (p_n <> 0 OR p_answered <> 0"
	" OR p_on_time <> 0 OR p_rated <> 0 OR p_satisfied <> 0 OR p_v_satisfied <> 0"
	" OR p_v_basic <> 0 OR p_v_unsatisfied <> 0 OR p_overdue <> 0);";

jrc_status tally_fold(jrc_db *db, jrc_err *err)
{
	return db_exec(db, fold_sql, err);
}

static jrc_status advance(jrc_db *db, int64_t except, jrc_err *err);

/* The key to ?1..?7 (the strings outlive the step); a refused bind is
 * the caller's failure, never a NULL in the figures. */
static int bind_key(db_stmt *st, const char *const key[7])
{
	int rc = DB_OK;

	for (int i = 0; i < 7 && rc == DB_OK; i++)
		rc = db_bind_text_kept(st, 1 + i, key[i] ? key[i] : "");
	return rc;
}

/* Add counts (already signed) under key to tally_day, pending for the
 * others; a row emptied stays until the fold. */
static jrc_status put(jrc_db *db, const char *const key[7], const long counts[NCOUNTS],
		      jrc_err *err)
{
	db_stmt *up;
	jrc_status s;
	int rc;

	if ((s = db_prepare_cached(db, upsert_day, &up, err)))
		return s;
	if ((rc = bind_key(up, key)) != DB_OK) {
		db_release(up);
		return db_fail(db, rc, err);
	}
	for (int i = 0; i < NCOUNTS; i++)
		db_bind_int64(up, 8 + i, counts[i]);
	rc = db_step(db, up);
	db_release(up);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

jrc_status tally_case(jrc_db *db, int64_t case_id, int sign, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	char key[7][48];
	long counts[NCOUNTS];
	int rc;

	/* Bring the others to today first: a case about to be counted (+1)
	 * is already written but not yet counted, so it is left out. */
	if ((s = advance(db, sign > 0 ? case_id : 0, err)) ||
	    (s = db_prepare_cached(db, TALLY_FACTS " WHERE c.id = ?1", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc != DB_ROW) {
		db_release(st);
		/* No such case: nothing to count (the caller's own write fails). */
		return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
	}
	for (int i = 0; i < 7; i++)
		db_col_copy(st, i, key[i], sizeof(key[i]));
	for (int i = 0; i < NCOUNTS; i++)
		counts[i] = (long)db_col_int64(st, 7 + i) * sign;
	db_release(st);
	return put(db, (const char *const[7]){ key[0], key[1], key[2], key[3], key[4], key[5],
					       key[6] }, counts, err);
}

/* A new case's row, when the tables are as of its day already (the
 * common case): the upsert with the clock's check in it, ?1 the day.  A
 * row of that day is pending by its day, so it is not marked dirty. */
static const char upsert_filed[] =
	"INSERT INTO tally_day(day, " TALLY_KEY ", " TALLY_COUNTS ", " TALLY_PENDING ", dirty)"
	" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, 0, 0, 0, 0, 0, 0, 0, 0,"
	" 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM tally_clock WHERE as_of = ?1"
	" ON CONFLICT(day, " TALLY_KEY ") DO UPDATE SET n = n + 1, p_n = p_n + 1";

jrc_status tally_filed(jrc_db *db, int64_t case_id, const tally_key *k, jrc_err *err)
{
	/* A new case counts once, answered nothing yet, its first deadline
	 * days away: what TALLY_FACTS would read back. */
	static const long counts[NCOUNTS] = { 1 };
	const char *const key[7] = { k->day, k->site, k->category, k->division, k->department,
				     k->state, k->source };
	db_stmt *up;
	jrc_status s;
	int rc;

	if ((s = db_prepare_cached(db, upsert_filed, &up, err)))
		return s;
	if ((rc = bind_key(up, key)) != DB_OK) {
		db_release(up);
		return db_fail(db, rc, err);
	}
	rc = db_step(db, up);
	db_release(up);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	if (db_changes(db) > 0)
		return JRC_OK;
	/* The first write of a day: bring the others to it first. */
	if ((s = advance(db, case_id, err)))
		return s;
	return put(db, key, counts, err);
}

jrc_status tally_rebuild(jrc_db *db, jrc_err *err)
{
	return db_exec(db, "DELETE FROM tally_day; DELETE FROM tally_month; DELETE FROM tally_all;"
		       " DELETE FROM tally_total;"
		       " UPDATE tally_clock SET as_of = jrc_today();" TALLY_FILL_ALL, err);
}

jrc_status tally_advance(jrc_db *db, jrc_err *err)
{
	jrc_status s = advance(db, 0, err);

	return s == JRC_OK ? tally_fold(db, err) : s;
}

/* Every counted case whose deadline fell between as_of and today, except
 * the one not counted at the moment (0: none). */
static jrc_status advance(jrc_db *db, int64_t except, jrc_err *err)
{
	db_stmt *st, *up;
	char as_of[11], today[11], lo[11], hi[11];
	jrc_status s;
	int rc, delta;

	date_format(clock_local_date(clock_now()), today);
	if ((s = db_prepare_cached(db, "SELECT as_of FROM tally_clock", &st, err)))
		return s;
	rc = db_step(db, st);
	if (rc == DB_ROW)
		db_col_copy(st, 0, as_of, sizeof(as_of));
	db_release(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? jrc_err_set(err, JRC_E_DB, NULL, NULL) : db_fail(db, rc, err);
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
	db_bind_int64(st, 3, except);
	while ((rc = db_step(db, st)) == DB_ROW) {
		int urc;

		if ((s = db_prepare_cached(db, bump_day, &up, err))) {
			db_finalize(st);
			return s;
		}
		for (int i = 0; i < 7; i++)
			db_bind_text(db, up, 1 + i, db_col_text(st, i));
		db_bind_int(up, 8, delta);
		urc = db_step(db, up);
		db_release(up);
		if (urc != DB_DONE) {
			db_finalize(st);
			return db_fail(db, urc, err);
		}
	}
	db_finalize(st);
	if (rc != DB_DONE)
		return db_fail(db, rc, err);
	/* A new day: the pending numbers go into the other tables while the
	 * clock still names the day whose rows are pending unmarked. */
	if ((s = tally_fold(db, err)) ||
	    (s = db_prepare_cached(db, "UPDATE tally_clock SET as_of = ?1", &up, err)))
		return s;
	db_bind_text(db, up, 1, today);
	rc = db_step(db, up);
	db_release(up);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* ------------------------------------------------------------- recount */

/* Rows of one summary table that a recount does not give, and recounted
 * rows the table lacks: period, key, kept n, counted n. */
#define DIFF(kept_rows, pexpr, place) \
	"WITH facts AS (" TALLY_FACTS ")," \
	" counted AS (SELECT " pexpr " AS period, site, category, " place " AS division," \
	"  department, state, source, sum(n) AS n," \
	"  sum(answered) AS answered, sum(on_time) AS on_time, sum(rated) AS rated," \
	"  sum(satisfied) AS satisfied, sum(v_satisfied) AS v_satisfied," \
	"  sum(v_basic) AS v_basic, sum(v_unsatisfied) AS v_unsatisfied, sum(overdue) AS overdue" \
	"  FROM facts GROUP BY 1, 2, 3, 4, 5, 6, 7)," \
	" kept AS (SELECT period, " TALLY_KEY ", sum(n) AS n, sum(answered) AS answered," \
	"  sum(on_time) AS on_time, sum(rated) AS rated, sum(satisfied) AS satisfied," \
	"  sum(v_satisfied) AS v_satisfied, sum(v_basic) AS v_basic," \
	"  sum(v_unsatisfied) AS v_unsatisfied, sum(overdue) AS overdue FROM (" kept_rows ")" \
	"  GROUP BY 1, 2, 3, 4, 5, 6, 7" \
	"  HAVING sum(n) <> 0 OR sum(answered) <> 0 OR sum(on_time) <> 0 OR sum(rated) <> 0" \
	"  OR sum(satisfied) <> 0 OR sum(v_satisfied) <> 0 OR sum(v_basic) <> 0" \
	"  OR sum(v_unsatisfied) <> 0 OR sum(overdue) <> 0)," \
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
	static const char *const diff[] = {
		DIFF("SELECT day AS period, " TALLY_KEY ", " TALLY_COUNTS " FROM tally_day", "day",
		     "division"),
		DIFF(TALLY_MONTH_ROWS, "substr(day, 1, 7)", "division"),
		DIFF(TALLY_ALL_ROWS, "NULL", "division"),
		DIFF(TALLY_TOTAL_ROWS, "NULL", "''"),
	};
	static const char *const names[] = { "day", "month", "all", "total" };
	jrc_status s;
	db_stmt *st;
	int rc = DB_DONE;

	*ndiff = 0;
	if ((s = db_exec(db, "BEGIN", err)))
		return s;
	for (size_t t = 0; t < sizeof(diff) / sizeof(diff[0]) && s == JRC_OK; t++) {
		if ((s = db_prepare(db, diff[t], &st, err)))
			break;
		while ((rc = db_step(db, st)) == DB_ROW) {
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
			d.kept = (long)db_col_int64(st, 7);
			d.counted = (long)db_col_int64(st, 8);
			d.other_counts = db_col_int(st, 9);
			(*ndiff)++;
			if (fn)
				fn(&d, arg);
		}
		db_finalize(st);
		if (rc != DB_DONE)
			s = db_fail(db, rc, err);
	}
	db_exec(db, s == JRC_OK ? "COMMIT" : "ROLLBACK", NULL);
	return s;
}
