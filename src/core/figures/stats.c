/* Statistics: the breakdowns of jrc stats from the cross tables of the
 * summary tables (stats_cross.c), plus the supervision notices and the
 * links to concluded matters, small tables read directly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db_internal.h"
#include "../lifecycle_internal.h"
#include "jrc/clock.h"
#include "jrc/i18n.h"
#include "jrc/stats.h"


/* Filing-date bounds as UTC instants: ?1 inclusive start, ?2 exclusive end.
 * Only used when a range is asked for, so that the whole-history figures
 * are read from the (state|department|category, state, due_on) indexes
 * alone. */
#define IN_RANGE "filed_at >= ?1 AND filed_at < ?2 AND (?4 IS NULL OR site = ?4)"

static jrc_status breakdown(jrc_db *db, const char *sql, const char *start, const char *end,
			    const char *today, const char *site, jrc_stat_row **rows, size_t *n,
			    jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;
	size_t cap = 16;
	int rc = SQLITE_DONE;

	*rows = NULL;
	*n = 0;
	if ((s = db_prepare(db, sql, &st, err)) != JRC_OK)
		return s;
	/* Each statement names only the parameters it uses (?1 to ?4): bind
	 * those, since a refused bind fails the statement (db_step). */
	{
		const char *v[4] = { start, end, today, site };

		for (int i = 1; i <= 4 && i <= sqlite3_bind_parameter_count(st); i++)
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

/* A breakdown from a cross table along one dimension. */
static jrc_status along(jrc_db *db, const jrc_stat_query *base, jrc_dim d, jrc_stat_row **rows,
			size_t *n, jrc_err *err)
{
	jrc_stat_query q = *base;
	jrc_stat_cell *c;
	size_t nc;
	jrc_status s;

	q.dim1 = d;
	q.dim2 = JRC_DIM_NONE;
	*rows = NULL;
	*n = 0;
	if ((s = stats_cross(db, &q, &c, &nc, err)))
		return s;
	*rows = calloc(nc + 1, sizeof(**rows));
	if (!*rows) {
		free(c);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	for (size_t i = 0; i < nc; i++) {
		snprintf((*rows)[i].key, sizeof((*rows)[i].key), "%s", c[i].k1);
		(*rows)[i].total = c[i].total;
		(*rows)[i].open = c[i].open;
		(*rows)[i].overdue = c[i].overdue;
	}
	*n = nc;
	free(c);
	return JRC_OK;
}

jrc_status stats_collect(jrc_db *db, const char *from, const char *to, jrc_stats *out,
			 jrc_err *err)
{
	return stats_collect_at(db, from, to, NULL, out, err);
}

jrc_status stats_collect_at(jrc_db *db, const char *from, const char *to, const char *site,
			    jrc_stats *out, jrc_err *err)
{
	int ranged = from || to;
	char start[32] = "0000", end[32] = "9999", today[11];
	jrc_stat_query q = { 0 };
	jrc_stat_cell *all = NULL;
	size_t nall = 0;
	jrc_status s;

	memset(out, 0, sizeof(*out));
	if (from && (s = bound(from, 0, start, err)) != JRC_OK)
		return s;
	if (to && (s = bound(to, 1, end, err)) != JRC_OK)
		return s;
	if (from)
		snprintf(out->from, sizeof(out->from), "%s", from);
	if (to)
		snprintf(out->to, sizeof(out->to), "%s", to);
	q.from = from;
	q.to = to;
	q.site = site;
	date_format(clock_local_date(clock_now()), today);
	/* One read transaction: every figure describes the same moment. */
	if ((s = db_exec(db, "BEGIN", err)) != JRC_OK)
		return s;
	if ((s = along(db, &q, JRC_DIM_STATE, &out->by_state, &out->n_state, err)) ||
	    (s = along(db, &q, JRC_DIM_DEPARTMENT, &out->by_department, &out->n_department, err)) ||
	    (s = along(db, &q, JRC_DIM_CATEGORY, &out->by_category, &out->n_category, err)) ||
	    (s = along(db, &q, JRC_DIM_SOURCE, &out->by_source, &out->n_source, err)) ||
	    (s = stats_cross(db, &q, &all, &nall, err)))
		goto fail;
	/* The citizens' verdicts: the first given on each answer. */
	out->by_verdict = calloc(3, sizeof(*out->by_verdict));
	if (!out->by_verdict) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto fail;
	}
	if (nall) {
		const struct { const char *key; long n; } v[3] = {
			{ "basic", all[0].v_basic }, { "satisfied", all[0].v_satisfied },
			{ "unsatisfied", all[0].v_unsatisfied },
		};

		for (int i = 0; i < 3; i++)
			if (v[i].n) {
				jrc_stat_row *r = &out->by_verdict[out->n_verdict++];

				snprintf(r->key, sizeof(r->key), "%s", v[i].key);
				r->total = v[i].n;
			}
	}
	free(all);
	all = NULL;
	/* Late: supervise_list's rule. */
	s = breakdown(db, ranged || site ?
		      "SELECT s.department, count(*), sum(s.replied_at IS NULL),"
		      " sum(s.late OR (s.replied_at IS NULL AND s.by_on < ?3)) FROM supervisions s"
		      " JOIN cases c ON c.id = s.case_id WHERE c." IN_RANGE " GROUP BY 1 ORDER BY 1" :
		      "SELECT s.department, count(*), sum(s.replied_at IS NULL),"
		      " sum(s.late OR (s.replied_at IS NULL AND s.by_on < ?3)) FROM supervisions s"
		      " GROUP BY 1 ORDER BY 1",
		      start, end, today, site, &out->by_supervision, &out->n_supervision, err);
	if (s != JRC_OK)
		goto fail;
	{
		jrc_stat_row *linked = NULL;
		size_t nl = 0;

		s = breakdown(db, ranged || site ?
			      "SELECT 'linked', count(*), 0, 0 FROM concluded_links k"
			      " JOIN cases c ON c.id = k.case_id WHERE c." IN_RANGE :
			      "SELECT 'linked', count(*), 0, 0 FROM concluded_links",
			      start, end, today, site, &linked, &nl, err);
		if (s != JRC_OK)
			goto fail;
		out->linked_to_concluded = nl ? linked[0].total : 0;
		free(linked);
	}
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
	free(all);
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
