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
#include "stats_internal.h"


/* Filing-date bounds as UTC instants: ?1 inclusive start, ?2 exclusive end.
 * Only used when a range is asked for, so that the whole-history figures
 * are read from the (state|department|category, state, due_on) indexes
 * alone. */
#define IN_RANGE "filed_at >= ?1 AND filed_at < ?2 AND (?4 IS NULL OR site = ?4)"

static jrc_status breakdown(jrc_db *db, const char *sql, const char *start, const char *end,
			    const char *today, const char *site, jrc_stat_row **rows, size_t *n,
			    jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	size_t cap = 16;
	int rc = DB_DONE;

	*rows = NULL;
	*n = 0;
	if ((s = db_prepare(db, sql, &st, err)) != JRC_OK)
		return s;
	/* Each statement names only the parameters it uses (?1 to ?4): bind
	 * those, since a refused bind fails the statement (db_step). */
	{
		const char *v[4] = { start, end, today, site };

		for (int i = 1; i <= 4 && i <= db_param_count(st); i++)
			db_bind_text(db, st, i, v[i - 1]);
	}
	*rows = calloc(cap, sizeof(**rows));
	while (*rows && (rc = db_step(db, st)) == DB_ROW) {
		jrc_stat_row *r;

		if (*n == cap) {
			jrc_stat_row *nb = realloc(*rows, (cap *= 2) * sizeof(**rows));

			if (!nb)
				break;
			*rows = nb;
		}
		r = &(*rows)[(*n)++];
		db_col_copy(st, 0, r->key, sizeof(r->key));
		r->total = (long)db_col_int64(st, 1);
		r->open = (long)db_col_int64(st, 2);
		r->overdue = (long)db_col_int64(st, 3);
	}
	db_finalize(st);
	if (!*rows || rc != DB_DONE) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return rc == DB_ROW || rc == DB_DONE ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL)
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

/* Add a cell's figures to the row of key in rows (kept sorted by key). */
static int add_row(jrc_stat_row **rows, size_t *n, const char *key, const jrc_stat_cell *c)
{
	size_t lo = 0, hi = *n;
	jrc_stat_row *nb;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = strcmp((*rows)[mid].key, key);

		if (cmp == 0) {
			(*rows)[mid].total += c->total;
			(*rows)[mid].open += c->open;
			(*rows)[mid].overdue += c->overdue;
			return 0;
		}
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	nb = realloc(*rows, (*n + 1) * sizeof(**rows));
	if (!nb)
		return -1;
	*rows = nb;
	memmove(&nb[lo + 1], &nb[lo], (*n - lo) * sizeof(*nb));
	memset(&nb[lo], 0, sizeof(*nb));
	snprintf(nb[lo].key, sizeof(nb[lo].key), "%s", key);
	nb[lo].total = c->total;
	nb[lo].open = c->open;
	nb[lo].overdue = c->overdue;
	(*n)++;
	return 0;
}

/* Every breakdown of jrc stats from one pass over the figures: cells by
 * state x department x category x source, summed along each. */
static jrc_status breakdowns(jrc_db *db, const jrc_stat_query *q, jrc_stats *out, long v[3],
			     jrc_err *err)
{
	static const jrc_dim dims[4] = { JRC_DIM_STATE, JRC_DIM_DEPARTMENT, JRC_DIM_CATEGORY,
					 JRC_DIM_SOURCE };
	jrc_stat_row **rows[4] = { &out->by_state, &out->by_department, &out->by_category,
				   &out->by_source };
	size_t *ns[4] = { &out->n_state, &out->n_department, &out->n_category, &out->n_source };
	jrc_stat_cell4 *c;
	size_t n;
	jrc_status s;
	int oom = 0;

	if ((s = stats_cross4(db, q, dims, &c, &n, err)))
		return s;
	for (size_t i = 0; i < n && !oom; i++) {
		for (int d = 0; d < 4; d++)
			oom |= add_row(rows[d], ns[d], c[i].k[d], &c[i].c);
		v[0] += c[i].c.v_basic;
		v[1] += c[i].c.v_satisfied;
		v[2] += c[i].c.v_unsatisfied;
	}
	free(c);
	return oom ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : JRC_OK;
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
	long v[3] = { 0, 0, 0 };
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
	if ((s = breakdowns(db, &q, out, v, err)))
		goto fail;
	/* The citizens' verdicts: the first given on each answer. */
	out->by_verdict = calloc(3, sizeof(*out->by_verdict));
	if (!out->by_verdict) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto fail;
	}
	for (int i = 0; i < 3; i++)
		if (v[i]) {
			static const char *const names[3] = { "basic", "satisfied", "unsatisfied" };
			jrc_stat_row *r = &out->by_verdict[out->n_verdict++];

			snprintf(r->key, sizeof(r->key), "%s", names[i]);
			r->total = v[i];
		}

	/* Late: supervise_list's rule. */
	s = breakdown(db, ranged || site ?
		      "SELECT s.department, count(*), sum(CASE WHEN s.replied_at IS NULL THEN 1 ELSE 0 END),"
		      " sum(CASE WHEN s.late <> 0 OR (s.replied_at IS NULL AND s.by_on < ?3) THEN 1 ELSE 0 END) FROM supervisions s"
		      " JOIN cases c ON c.id = s.case_id WHERE c." IN_RANGE " GROUP BY 1 ORDER BY 1" :
		      "SELECT s.department, count(*), sum(CASE WHEN s.replied_at IS NULL THEN 1 ELSE 0 END),"
		      " sum(CASE WHEN s.late <> 0 OR (s.replied_at IS NULL AND s.by_on < ?3) THEN 1 ELSE 0 END) FROM supervisions s"
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
