/* The summary tables (社情民意 figures at any size): what one case adds to
 * them, in one place for the filing path, the lifecycle, the migration
 * that fills them and the recount of jrc verify. */
#ifndef JRC_TALLY_INTERNAL_H
#define JRC_TALLY_INTERNAL_H

#include <stdint.h>
#include "jrc/db.h"

/* The key columns of every summary table after its period column, and the
 * counts each row keeps. */
#define TALLY_KEY "site, category, division, department, state, source"
#define TALLY_COUNTS "n, answered, on_time, rated, satisfied, v_satisfied, v_basic, v_unsatisfied," \
	" overdue"

/* Every write counts into tally_day alone (one upsert) and keeps the same
 * numbers there as pending (the p_* columns); tally_fold adds them to the
 * month, all-time and total tables on the first write of a day and on
 * jrc tick.  A row with anything pending is marked dirty, except a row of
 * the day the tables are as of (tally_clock.as_of), which a filing writes
 * unmarked (one index entry less a filing): those rows are pending by
 * their day.  Whoever reads the three tables adds the pending numbers:
 * TALLY_PENDING_FROM(cols) selects cols from every row with anything
 * pending, once each. */
#define TALLY_PENDING "p_n, p_answered, p_on_time, p_rated, p_satisfied, p_v_satisfied," \
	" p_v_basic, p_v_unsatisfied, p_overdue"
#define TALLY_AS_OF "(SELECT as_of FROM tally_clock)"
#define TALLY_PENDING_FROM(cols) \
	" SELECT " cols " FROM tally_day INDEXED BY tally_day_dirty WHERE dirty <> 0" \
	" UNION ALL SELECT " cols " FROM tally_day WHERE day = " TALLY_AS_OF " AND dirty = 0"
#define TALLY_PENDING_ROWS(pexpr, place) \
	" UNION ALL" TALLY_PENDING_FROM(pexpr ", site, category, " place ", department, state," \
					" source, " TALLY_PENDING)
#define TALLY_MONTH_ROWS \
	"SELECT month AS period, " TALLY_KEY ", " TALLY_COUNTS " FROM tally_month" \
	TALLY_PENDING_ROWS("substr(day, 1, 7)", "division")
#define TALLY_ALL_ROWS \
	"SELECT NULL AS period, " TALLY_KEY ", " TALLY_COUNTS " FROM tally_all" \
	TALLY_PENDING_ROWS("NULL", "division")
#define TALLY_TOTAL_ROWS \
	"SELECT NULL AS period, " TALLY_KEY ", " TALLY_COUNTS " FROM tally_total" \
	TALLY_PENDING_ROWS("NULL", "''")

/* The states that owe a step (lifecycle_owed_sql, checked equal by
 * test_stats): the partial index cases_owed holds only those cases, with
 * every column a breakdown needs, so that overdue counts along any
 * dimension read the index alone.  Its WHERE and the queries that use it
 * must say the same words. */
#define TALLY_OWED "('registered','accepted','extended','in_mediation','redirected'," \
	"'review_requested','rereview_requested')"

/* One row per case: its filing day (local), the key, and what it counts.
 *   answered      it has been answered at least once;
 *   on_time       its first answer came on or before the deadline that ran
 *                 then (the "due:" of the step before it; the acceptance
 *                 deadline when it was answered straight away);
 *   rated         the citizen gave a verdict on that first answer;
 *   satisfied     ... and it was "satisfied";
 *   v_*           its answers (first, review, re-review) by the first
 *                 verdict given on each;
 *   overdue       it owes a step and its deadline was before the day the
 *                 tables were last brought up to (tally_clock.as_of; every
 *                 write brings them to today first, see tally_advance).
 * A case is a leader's-visit matter when visit_matters names it, else it
 * counts under the channel it came through.  WHERE clauses are appended.
 * Each yes-or-no is written out as 1 or 0 (PostgreSQL sums no truth
 * values). */
#define TALLY_CASE_KEY \
	"jrc_local_day(c.filed_at) AS day, c.site AS site, c.category AS category," \
	" c.division AS division, c.department AS department, c.state AS state," \
	" CASE WHEN EXISTS (SELECT 1 FROM visit_matters m WHERE m.case_id = c.id)" \
	"  THEN 'visit' ELSE c.channel END AS source"
#define TALLY_FACTS \
	"SELECT " TALLY_CASE_KEY "," \
	" 1 AS n," \
	" CASE WHEN a.event_id IS NOT NULL THEN 1 ELSE 0 END AS answered," \
	" CASE WHEN a.event_id IS NULL THEN 0 WHEN jrc_local_day(a.at) <= coalesce(" \
	"  (SELECT substr(e.note, instr(e.note, 'due: ') + 5, 10) FROM events e" \
	"   WHERE e.case_id = c.id AND e.id < a.event_id AND e.kind = 'transition'" \
	"   AND instr(e.note, 'due: ') > 0 ORDER BY e.id DESC LIMIT 1), c.accept_by) THEN 1 ELSE 0" \
	"  END AS on_time," \
	" CASE WHEN f.verdict IS NOT NULL THEN 1 ELSE 0 END AS rated," \
	" CASE WHEN f.verdict = 'satisfied' THEN 1 ELSE 0 END AS satisfied," \
	" (SELECT count(*) FROM verdicts v WHERE v.case_id = c.id AND v.verdict = 'satisfied'" \
	"  AND v.event_id = (SELECT min(w.event_id) FROM verdicts w" \
	"   WHERE w.case_id = c.id AND w.stage = v.stage)) AS v_satisfied," \
	" (SELECT count(*) FROM verdicts v WHERE v.case_id = c.id AND v.verdict = 'basic'" \
	"  AND v.event_id = (SELECT min(w.event_id) FROM verdicts w" \
	"   WHERE w.case_id = c.id AND w.stage = v.stage)) AS v_basic," \
	" (SELECT count(*) FROM verdicts v WHERE v.case_id = c.id AND v.verdict = 'unsatisfied'" \
	"  AND v.event_id = (SELECT min(w.event_id) FROM verdicts w" \
	"   WHERE w.case_id = c.id AND w.stage = v.stage)) AS v_unsatisfied," \
	" CASE WHEN c.state IN " TALLY_OWED " AND coalesce(c.due_on, '') <> ''" \
	"  AND c.due_on < (SELECT as_of FROM tally_clock) THEN 1 ELSE 0 END AS overdue" \
	" FROM cases c" \
	" LEFT JOIN lifecycle_steps a ON a.event_id = (SELECT min(s.event_id) FROM lifecycle_steps s" \
	"  WHERE s.case_id = c.id AND s.to_state = 'answered')" \
	" LEFT JOIN verdicts f ON f.event_id = (SELECT min(w.event_id) FROM verdicts w" \
	"  WHERE w.case_id = c.id AND w.stage = 'answered')"

/* The summary tables grouped from the facts: the days, then the months,
 * all time, and all time without the place (tally_total, division '':
 * the few hundred rows jrc stats reads) from the days.  The migration that adds the tables and
 * tally_rebuild run this. */
#define TALLY_GROUP(table, pexpr, pcol, from) \
	"INSERT INTO " table "(" pcol TALLY_KEY ", " TALLY_COUNTS ")" \
	" SELECT " pexpr TALLY_KEY ", sum(n), sum(answered), sum(on_time), sum(rated)," \
	" sum(satisfied), sum(v_satisfied), sum(v_basic), sum(v_unsatisfied), sum(overdue)" \
	" FROM " from " GROUP BY " pexpr TALLY_KEY ";"
#define TALLY_FILL_ALL \
	TALLY_GROUP("tally_day", "day, ", "day, ", "(" TALLY_FACTS ")") \
	TALLY_GROUP("tally_month", "substr(day, 1, 7), ", "month, ", "tally_day") \
	TALLY_GROUP("tally_all", "", "", "tally_day") \
	"INSERT INTO tally_total(" TALLY_KEY ", " TALLY_COUNTS ")" \
	" SELECT site, category, '', department, state, source, sum(n), sum(answered)," \
	" sum(on_time), sum(rated), sum(satisfied), sum(v_satisfied), sum(v_basic)," \
	" sum(v_unsatisfied), sum(overdue) FROM tally_day" \
	" GROUP BY site, category, department, state, source;"

/* Empty the summary tables and count every case again, in the caller's
 * transaction (the benchmark generator, which writes cases directly). */
jrc_status tally_rebuild(jrc_db *db, jrc_err *err);

/* Take (sign -1) or put back (+1) what the case adds to every summary
 * table.  Called inside the transaction that changes the case: -1 before
 * a change of its state, department, source or verdicts, +1 after. */
jrc_status tally_case(jrc_db *db, int64_t case_id, int sign, jrc_err *err);

/* What a case just filed adds, from what the filing wrote (no read-back):
 * its local filing day, site, category, division, department, state and
 * source (its channel). */
typedef struct tally_key {
	const char *day, *site, *category, *division, *department, *state, *source;
} tally_key;
jrc_status tally_filed(jrc_db *db, int64_t case_id, const tally_key *k, jrc_err *err);

/* Bring the overdue counts from tally_clock.as_of to today (the cases
 * whose deadline fell in between, through the index cases_owed), inside
 * the caller's write transaction.  tally_case does it first; jrc tick
 * does it every day. */
jrc_status tally_advance(jrc_db *db, jrc_err *err);

/* Add tally_day's pending numbers to the month, all-time and total tables
 * (the caller's write transaction; advance does it on a new day). */
jrc_status tally_fold(jrc_db *db, jrc_err *err);

#endif
