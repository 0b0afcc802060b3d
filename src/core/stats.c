/* Statistics: a few GROUP BY queries over indexed columns, so they stay
 * quick with years of cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "lifecycle_internal.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/stats.h"


/* Filing-date bounds as UTC instants: ?1 inclusive start, ?2 exclusive end.
 * Only used when a range is asked for, so that the whole-history figures
 * are read from the (state|department|category, state, due_on) indexes
 * alone. */
#define IN_RANGE "filed_at >= ?1 AND filed_at < ?2"
/* What counts of a citizen's verdicts: the first given on each answer.  A
 * later one is kept and shown, but cannot improve the figures afterwards. */
#define FIRST_VERDICT "v.event_id = (SELECT min(w.event_id) FROM verdicts w" \
	" WHERE w.case_id = v.case_id AND w.stage = v.stage)"

static jrc_status breakdown(jrc_db *db, const char *sql, const char *start, const char *end,
			    const char *today, jrc_stat_row **rows, size_t *n, jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;
	size_t cap = 16;
	int rc = SQLITE_DONE;

	*rows = NULL;
	*n = 0;
	if ((s = db_prepare(db, sql, &st, err)) != JRC_OK)
		return s;
	/* Each statement names only the parameters it uses (?1 to ?3): bind
	 * those, since a refused bind fails the statement (db_step). */
	{
		const char *v[3] = { start, end, today };

		for (int i = 1; i <= 3 && i <= sqlite3_bind_parameter_count(st); i++)
			db_bind_text(db, st, i, v[i - 1]);
	}
	*rows = calloc(cap, sizeof(**rows));
	while (*rows && (rc = db_step(db, st)) == SQLITE_ROW) {
		jrc_stat_row *r;

		if (*n == cap) {
			jrc_stat_row *nb = realloc(*rows, (cap *= 2) * sizeof(**rows));

			if (!nb)
				break;
			*rows = nb;
		}
		r = &(*rows)[(*n)++];
		db_col_copy(st, 0, r->key, sizeof(r->key));
		r->total = (long)sqlite3_column_int64(st, 1);
		r->open = (long)sqlite3_column_int64(st, 2);
		r->overdue = (long)sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (!*rows || rc != SQLITE_DONE) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return rc == SQLITE_ROW || rc == SQLITE_DONE ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL)
							    : db_fail(db, rc, err);
	}
	return JRC_OK;
}

static jrc_status bound(const char *date, int next_day, char out[32], jrc_err *err)
{
	jrc_date d;

	if (date_parse(date, &d) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "date",
				   _("'%s' is not a date: write it as YYYY-MM-DD, such as 2026-11-29."),
				   date);
	clock_format_utc(clock_local_midnight(next_day ? date_add_days(d, 1) : d), out);
	return JRC_OK;
}

jrc_status stats_collect(jrc_db *db, const char *from, const char *to, jrc_stats *out,
			 jrc_err *err)
{
	/* lifecycle_is_overdue's rule, over the states that owe a step. */
	static const char *const group =
		"SELECT %s, count(*),"
		" sum(state IN %s),"
		" sum(state IN %s AND due_on IS NOT NULL AND due_on <> '' AND due_on < ?3)"
		" FROM cases %s GROUP BY 1 ORDER BY 1";
	int ranged = from || to;
	char start[32] = "0000", end[32] = "9999", today[11], sql[1024], owed[256];
	jrc_status s;
	static const char *const cols[3] = { "state", "department", "category" };
	jrc_stat_row **rows[3];
	size_t *ns[3];

	memset(out, 0, sizeof(*out));
	rows[0] = &out->by_state;
	rows[1] = &out->by_department;
	rows[2] = &out->by_category;
	ns[0] = &out->n_state;
	ns[1] = &out->n_department;
	ns[2] = &out->n_category;
	if (from && (s = bound(from, 0, start, err)) != JRC_OK)
		return s;
	if (to && (s = bound(to, 1, end, err)) != JRC_OK)
		return s;
	if (from)
		snprintf(out->from, sizeof(out->from), "%s", from);
	if (to)
		snprintf(out->to, sizeof(out->to), "%s", to);
	date_format(clock_local_date(clock_now()), today);
	lifecycle_owed_sql(owed, sizeof(owed));
	/* One read transaction: every figure describes the same moment. */
	if ((s = db_exec(db, "BEGIN", err)) != JRC_OK)
		return s;
	for (int i = 0; i < 3; i++) {
		snprintf(sql, sizeof(sql), group, cols[i], owed, owed, ranged ? "WHERE " IN_RANGE : "");
		if ((s = breakdown(db, sql, start, end, today, rows[i], ns[i], err)) != JRC_OK)
			goto fail;
	}
	s = breakdown(db, ranged ?
		      "SELECT v.verdict, count(*), 0, 0 FROM verdicts v"
		      " JOIN cases c ON c.id = v.case_id WHERE " FIRST_VERDICT " AND c." IN_RANGE
		      " GROUP BY 1 ORDER BY 1" :
		      "SELECT v.verdict, count(*), 0, 0 FROM verdicts v WHERE " FIRST_VERDICT
		      " GROUP BY 1 ORDER BY 1",
		      start, end, today, &out->by_verdict, &out->n_verdict, err);
	if (s != JRC_OK)
		goto fail;
	/* Late: supervise_list's rule. */
	s = breakdown(db, ranged ?
		      "SELECT s.department, count(*), sum(s.replied_at IS NULL),"
		      " sum(s.late OR (s.replied_at IS NULL AND s.by_on < ?3)) FROM supervisions s"
		      " JOIN cases c ON c.id = s.case_id WHERE c." IN_RANGE " GROUP BY 1 ORDER BY 1" :
		      "SELECT s.department, count(*), sum(s.replied_at IS NULL),"
		      " sum(s.late OR (s.replied_at IS NULL AND s.by_on < ?3)) FROM supervisions s"
		      " GROUP BY 1 ORDER BY 1",
		      start, end, today, &out->by_supervision, &out->n_supervision, err);
	if (s != JRC_OK)
		goto fail;
	{
		jrc_stat_row *linked = NULL;
		size_t nl = 0;

		s = breakdown(db, ranged ?
			      "SELECT 'linked', count(*), 0, 0 FROM concluded_links k"
			      " JOIN cases c ON c.id = k.case_id WHERE c." IN_RANGE :
			      "SELECT 'linked', count(*), 0, 0 FROM concluded_links",
			      start, end, today, &linked, &nl, err);
		if (s != JRC_OK)
			goto fail;
		out->linked_to_concluded = nl ? linked[0].total : 0;
		free(linked);
	}
	/* By source: a matter of a leader's visit, else the channel. */
	snprintf(sql, sizeof(sql), group,
		 "CASE WHEN EXISTS (SELECT 1 FROM visit_matters m WHERE m.case_id = cases.id)"
		 " THEN 'visit' ELSE channel END", owed, owed, ranged ? "WHERE " IN_RANGE : "");
	if ((s = breakdown(db, sql, start, end, today, &out->by_source, &out->n_source, err)))
		goto fail;
	db_exec(db, "COMMIT", NULL);
	for (size_t i = 0; i < out->n_state; i++) {
		out->total += out->by_state[i].total;
		out->open += out->by_state[i].open;
		out->overdue += out->by_state[i].overdue;
		if (strcmp(out->by_state[i].key, lifecycle_state_name(JRC_ST_TERMINATED)) == 0)
			out->terminated = out->by_state[i].total;
	}
	return JRC_OK;
fail:
	db_exec(db, "ROLLBACK", NULL);
	stats_free(out);
	return s;
}

void stats_free(jrc_stats *s)
{
	free(s->by_state);
	free(s->by_department);
	free(s->by_supervision);
	free(s->by_category);
	free(s->by_verdict);
	free(s->by_source);
	s->by_source = NULL;
	s->n_source = 0;
	s->by_state = s->by_department = s->by_category = s->by_verdict = NULL;
	s->by_supervision = NULL;
	s->n_state = s->n_department = s->n_category = s->n_verdict = 0;
	s->n_supervision = 0;
}
