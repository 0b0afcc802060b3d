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
#define TALLY_COUNTS "n, answered, on_time, rated, satisfied, v_satisfied, v_basic, v_unsatisfied"

/* One row per case: its filing day (local), the key, and what it counts.
 *   answered      it has been answered at least once;
 *   on_time       its first answer came on or before the deadline that ran
 *                 then (the "due:" of the step before it; the acceptance
 *                 deadline when it was answered straight away);
 *   rated         the citizen gave a verdict on that first answer;
 *   satisfied     ... and it was "satisfied";
 *   v_*           its answers (first, review, re-review) by the first
 *                 verdict given on each.
 * A case is a leader's-visit matter when visit_matters names it, else it
 * counts under the channel it came through.  WHERE clauses are appended. */
#define TALLY_FACTS \
	"SELECT jrc_local_day(c.filed_at) AS day, c.site AS site, c.category AS category," \
	" c.division AS division, c.department AS department, c.state AS state," \
	" CASE WHEN EXISTS (SELECT 1 FROM visit_matters m WHERE m.case_id = c.id)" \
	"  THEN 'visit' ELSE c.channel END AS source," \
	" 1 AS n," \
	" a.event_id IS NOT NULL AS answered," \
	" CASE WHEN a.event_id IS NULL THEN 0 ELSE jrc_local_day(a.at) <= coalesce(" \
	"  (SELECT substr(e.note, instr(e.note, 'due: ') + 5, 10) FROM events e" \
	"   WHERE e.case_id = c.id AND e.id < a.event_id AND e.kind = 'transition'" \
	"   AND instr(e.note, 'due: ') > 0 ORDER BY e.id DESC LIMIT 1), c.accept_by) END AS on_time," \
	" f.verdict IS NOT NULL AS rated," \
	" coalesce(f.verdict = 'satisfied', 0) AS satisfied," \
	" (SELECT count(*) FROM verdicts v WHERE v.case_id = c.id AND v.verdict = 'satisfied'" \
	"  AND v.event_id = (SELECT min(w.event_id) FROM verdicts w" \
	"   WHERE w.case_id = c.id AND w.stage = v.stage)) AS v_satisfied," \
	" (SELECT count(*) FROM verdicts v WHERE v.case_id = c.id AND v.verdict = 'basic'" \
	"  AND v.event_id = (SELECT min(w.event_id) FROM verdicts w" \
	"   WHERE w.case_id = c.id AND w.stage = v.stage)) AS v_basic," \
	" (SELECT count(*) FROM verdicts v WHERE v.case_id = c.id AND v.verdict = 'unsatisfied'" \
	"  AND v.event_id = (SELECT min(w.event_id) FROM verdicts w" \
	"   WHERE w.case_id = c.id AND w.stage = v.stage)) AS v_unsatisfied" \
	" FROM cases c" \
	" LEFT JOIN lifecycle_steps a ON a.event_id = (SELECT min(s.event_id) FROM lifecycle_steps s" \
	"  WHERE s.case_id = c.id AND s.to_state = 'answered')" \
	" LEFT JOIN verdicts f ON f.event_id = (SELECT min(w.event_id) FROM verdicts w" \
	"  WHERE w.case_id = c.id AND w.stage = 'answered')"

/* The summary tables, each grouped from the facts: every day, every month
 * and all time (the last two so that long periods read few rows). */
#define TALLY_FILL(table, period_expr, period_col) \
	"INSERT INTO " table "(" period_col TALLY_KEY ", " TALLY_COUNTS ")" \
	" SELECT " period_expr TALLY_KEY ", sum(n), sum(answered), sum(on_time), sum(rated)," \
	" sum(satisfied), sum(v_satisfied), sum(v_basic), sum(v_unsatisfied)" \
	" FROM tally_facts GROUP BY " period_expr TALLY_KEY ";"

/* Take (sign -1) or put back (+1) what the case adds to every summary
 * table.  Called inside the transaction that changes the case: -1 before
 * a change of its state, department, source or verdicts, +1 after. */
jrc_status tally_case(jrc_db *db, int64_t case_id, int sign, jrc_err *err);

/* The SQL function jrc_local_day(utc) -> 'YYYY-MM-DD' in the county's
 * zone, on every connection (db.c calls it before migrating). */
int tally_register_functions(jrc_db *db);

#endif
