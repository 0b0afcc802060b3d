/* Cross tables from the summary tables (tally.c): one or two dimensions
 * over a period, read as a few hundred rows whatever the size of the
 * record; the overdue counts from the cases' (state, due_on) index. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db_internal.h"
#include "stats_internal.h"
#include "tally_internal.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/i18n.h"
#include "jrc/lifecycle.h"
#include "jrc/refdata.h"
#include "jrc/site.h"
#include "jrc/stats.h"

static const char *const dim_words[JRC_DIM_COUNT] = {
	"none", "state", "category", "department", "site", "township", "village", "source", "month",
};

const char *stats_dim_name(jrc_dim d)
{
	return (unsigned)d < JRC_DIM_COUNT ? dim_words[d] : "";
}

int stats_dim_parse(const char *word, jrc_dim *out)
{
	for (int d = 1; d < JRC_DIM_COUNT; d++)
		if (word && strcmp(word, dim_words[d]) == 0) {
			*out = (jrc_dim)d;
			return 0;
		}
	return -1;
}

/* A dimension as SQL: over a summary row t (with the place d joined), and
 * over a case c (for the overdue counts). */
static const char *tally_expr(jrc_dim d)
{
	switch (d) {
	case JRC_DIM_STATE: return "t.state";
	case JRC_DIM_CATEGORY: return "t.category";
	case JRC_DIM_DEPARTMENT: return "t.department";
	case JRC_DIM_SITE: return "t.site";
	case JRC_DIM_SOURCE: return "t.source";
	case JRC_DIM_MONTH: return "t.month";
	case JRC_DIM_TOWNSHIP:
		return "CASE d.level WHEN 'village' THEN d.parent WHEN 'township' THEN d.code ELSE '' END";
	case JRC_DIM_VILLAGE: return "CASE d.level WHEN 'village' THEN d.code ELSE '' END";
	default: return "''";
	}
}

static const char *case_expr(jrc_dim d)
{
	switch (d) {
	case JRC_DIM_STATE: return "c.state";
	case JRC_DIM_CATEGORY: return "c.category";
	case JRC_DIM_DEPARTMENT: return "c.department";
	case JRC_DIM_SITE: return "c.site";
	case JRC_DIM_SOURCE:
		return "CASE WHEN EXISTS (SELECT 1 FROM visit_matters m WHERE m.case_id = c.id)"
		       " THEN 'visit' ELSE c.channel END";
	case JRC_DIM_MONTH: return "substr(jrc_local_day(c.filed_at), 1, 7)";
	case JRC_DIM_TOWNSHIP:
		return "CASE d.level WHEN 'village' THEN d.parent WHEN 'township' THEN d.code ELSE '' END";
	case JRC_DIM_VILLAGE: return "CASE d.level WHEN 'village' THEN d.code ELSE '' END";
	default: return "''";
	}
}

/* Up to four dimensions at once: jrc stats reads all its breakdowns in
 * one pass (cross_n), the public cross tables use two. */
enum { MAXDIM = 4 };
typedef struct xquery {
	const jrc_stat_query *q;
	jrc_dim dim[MAXDIM];
	int n;
} xquery;

typedef jrc_stat_cell4 xcell;

static int needs_place(const xquery *x)
{
	for (int i = 0; i < x->n; i++)
		if (x->dim[i] == JRC_DIM_TOWNSHIP || x->dim[i] == JRC_DIM_VILLAGE)
			return 1;
	return 0;
}

/* "e1, e2, ..." for the dimensions of x, by expr(). */
static void dims_sql(const xquery *x, const char *(*expr)(jrc_dim), char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (int i = 0; i < x->n && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? ", " : "", expr(x->dim[i]));
}

static void group_sql(int n, char *out, size_t size)
{
	size_t len = 0;

	for (int i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%d", i ? ", " : "", i + 1);
}

/* The period as parameters: ?1/?2 the first and last day read from the
 * daily table before the whole months, ?3/?4 the whole months, ?5/?6 the
 * days after them; ?7 the site; ?8 today; ?9/?10 the filing instants
 * (UTC, start inclusive, end exclusive) for the overdue counts. */
typedef struct period {
	char d1[11], d2[11], m1[8], m2[8], d3[11], d4[11];
	char start[32], end[32];
	int bounded;
} period;

static jrc_status parse_day(const char *s, jrc_date *d, jrc_err *err)
{
	if (date_parse(s, d) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "date",
				   _("'%s' is not a date: write it as YYYY-MM-DD, such as 2026-11-29."),
				   s);
	return JRC_OK;
}

static void month_of(jrc_date d, char out[8])
{
	snprintf(out, 8, "%04d-%02d", (d.y % 10000 + 10000) % 10000, ((d.m % 100) + 100) % 100);
}

static jrc_status plan(const jrc_stat_query *q, period *p, jrc_err *err)
{
	jrc_date f, t, first_full, last_full;
	jrc_status s;

	memset(p, 0, sizeof(*p));
	p->bounded = q->from || q->to;
	/* Whole history: no days, every month. */
	snprintf(p->d1, sizeof(p->d1), "9999-99-99");
	snprintf(p->d2, sizeof(p->d2), "0000-00-00");
	snprintf(p->d3, sizeof(p->d3), "9999-99-99");
	snprintf(p->d4, sizeof(p->d4), "0000-00-00");
	snprintf(p->m1, sizeof(p->m1), "0000-00");
	snprintf(p->m2, sizeof(p->m2), "9999-99");
	snprintf(p->start, sizeof(p->start), "0000");
	snprintf(p->end, sizeof(p->end), "9999");
	if (!p->bounded)
		return JRC_OK;
	f = (jrc_date){ 1, 1, 1 };
	t = (jrc_date){ 9999, 12, 31 };
	if (q->from && (s = parse_day(q->from, &f, err)))
		return s;
	if (q->to && (s = parse_day(q->to, &t, err)))
		return s;
	if (date_cmp(f, t) > 0)
		return jrc_err_set(err, JRC_E_INVALID, "to",
				   _("The period ends (%s) before it starts (%s): give --from before --to."),
				   q->to, q->from);
	if (q->from)
		clock_format_utc(clock_local_midnight(f), p->start);
	if (q->to)
		clock_format_utc(clock_local_midnight(date_add_days(t, 1)), p->end);
	/* The whole months inside [f, t]. */
	first_full = f.d == 1 ? f : (jrc_date){ f.m == 12 ? f.y + 1 : f.y, f.m == 12 ? 1 : f.m + 1, 1 };
	last_full = date_add_days(t, 1).d == 1 ? t : date_add_days((jrc_date){ t.y, t.m, 1 }, -1);
	if (date_cmp(first_full, last_full) > 0) {
		/* No whole month: the days alone. */
		date_format(f, p->d1);
		date_format(t, p->d2);
		snprintf(p->m1, sizeof(p->m1), "9999-99");
		snprintf(p->m2, sizeof(p->m2), "0000-00");
		return JRC_OK;
	}
	month_of(first_full, p->m1);
	month_of(last_full, p->m2);
	if (date_cmp(f, first_full) < 0) {
		date_format(f, p->d1);
		date_format(date_add_days(first_full, -1), p->d2);
	}
	if (date_cmp(last_full, t) < 0) {
		date_format(date_add_days(last_full, 1), p->d3);
		date_format(t, p->d4);
	}
	return JRC_OK;
}

static int xcell_cmp(const void *a, const void *b)
{
	const xcell *x = a, *y = b;

	for (int i = 0; i < MAXDIM; i++) {
		int c = strcmp(x->k[i], y->k[i]);

		if (c)
			return c;
	}
	return 0;
}

/* The summary rows of the period, whole history from tally_all unless
 * months are asked for, grouped by the dimensions. */
static jrc_status read_cells(jrc_db *db, const xquery *x, const period *p, xcell **out,
			     size_t *n, jrc_err *err)
{
	char sql[6144], rows[2560], dims[1024], groups[32];
	const jrc_stat_query *q = x->q;
	const char *site = q->site ? " AND site = ?7" : "";
	int months = 0;
	db_stmt *st;
	jrc_status s;
	size_t cap = 64;
	int rc;

	for (int i = 0; i < x->n; i++)
		months |= x->dim[i] == JRC_DIM_MONTH;
	/* All time: without the places unless a place is asked for.  The
	 * month, all-time and total tables with tally_day's pending numbers
	 * (tally_internal.h). */
	if (!p->bounded && !months)
		snprintf(rows, sizeof(rows),
			 "SELECT '' AS month, " TALLY_KEY ", " TALLY_COUNTS " FROM (%s)"
			 " WHERE ?1 IS NOT NULL AND ?2 IS NOT NULL AND ?3 IS NOT NULL AND ?4 IS NOT NULL"
			 " AND ?5 IS NOT NULL AND ?6 IS NOT NULL%s",
			 needs_place(x) ? TALLY_ALL_ROWS : TALLY_TOTAL_ROWS, site);
	else
		snprintf(rows, sizeof(rows),
			 "SELECT substr(day, 1, 7) AS month, " TALLY_KEY ", " TALLY_COUNTS
			 " FROM tally_day WHERE day BETWEEN ?1 AND ?2%s"
			 " UNION ALL SELECT period, " TALLY_KEY ", " TALLY_COUNTS
			 " FROM (" TALLY_MONTH_ROWS ") WHERE period BETWEEN ?3 AND ?4%s"
			 " UNION ALL SELECT substr(day, 1, 7), " TALLY_KEY ", " TALLY_COUNTS
			 " FROM tally_day WHERE day BETWEEN ?5 AND ?6%s",
			 site, site, site);
	dims_sql(x, tally_expr, dims, sizeof(dims));
	group_sql(x->n, groups, sizeof(groups));
	snprintf(sql, sizeof(sql),
		 "SELECT %s, sum(t.n), sum(CASE WHEN t.state IN " TALLY_OWED " THEN t.n ELSE 0 END),"
		 " sum(t.answered), sum(t.on_time), sum(t.rated), sum(t.satisfied),"
		 " sum(t.v_satisfied), sum(t.v_basic), sum(t.v_unsatisfied), sum(t.overdue)"
		 " FROM (%s) t%s GROUP BY %s HAVING sum(t.n) <> 0 ORDER BY %s",
		 dims, rows, needs_place(x) ? " LEFT JOIN divisions d ON d.code = t.division" : "",
		 groups, groups);
	if ((s = db_prepare(db, sql, &st, err)))
		return s;
	db_bind_text(db, st, 1, p->d1);
	db_bind_text(db, st, 2, p->d2);
	db_bind_text(db, st, 3, p->m1);
	db_bind_text(db, st, 4, p->m2);
	db_bind_text(db, st, 5, p->d3);
	db_bind_text(db, st, 6, p->d4);
	if (q->site)
		db_bind_text(db, st, 7, q->site);
	*n = 0;
	*out = calloc(cap, sizeof(**out));
	while (*out && (rc = db_step(db, st)) == DB_ROW) {
		xcell *c;
		int k = x->n;

		if (*n == cap) {
			xcell *nb = realloc(*out, (cap *= 2) * sizeof(**out));

			if (!nb)
				break;
			*out = nb;
		}
		c = &(*out)[(*n)++];
		memset(c, 0, sizeof(*c));
		for (int i = 0; i < x->n; i++)
			db_col_copy(st, i, c->k[i], sizeof(c->k[i]));
		c->c.total = (long)db_col_int64(st, k);
		c->c.open = (long)db_col_int64(st, k + 1);
		c->c.answered = (long)db_col_int64(st, k + 2);
		c->c.on_time = (long)db_col_int64(st, k + 3);
		c->c.rated = (long)db_col_int64(st, k + 4);
		c->c.satisfied = (long)db_col_int64(st, k + 5);
		c->c.v_satisfied = (long)db_col_int64(st, k + 6);
		c->c.v_basic = (long)db_col_int64(st, k + 7);
		c->c.v_unsatisfied = (long)db_col_int64(st, k + 8);
		c->c.overdue = (long)db_col_int64(st, k + 9);
	}
	db_finalize(st);
	if (!*out || rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc == DB_ROW || rc == DB_DONE ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL)
							    : db_fail(db, rc, err);
	}
	/* SQL orders by bytes as strcmp does: ready for bsearch. */
	return JRC_OK;
}

/* The summary tables count overdue as of the day the last write brought
 * them to (tally_clock); on a day nothing was written yet, the deadlines
 * that fell since are added here, read from the partial index of the
 * cases that owe a step (cases_owed), which holds every column a
 * dimension needs.  (The clock set back: those are taken off.) */
static jrc_status add_overdue(jrc_db *db, const xquery *x, const period *p, xcell *cells,
			      size_t n, jrc_err *err)
{
	char sql[3072], today[11], as_of[11] = "", dims[1024], groups[32];
	const jrc_stat_query *q = x->q;
	db_stmt *st;
	jrc_status s;
	int rc, delta;

	date_format(clock_local_date(clock_now()), today);
	if ((s = db_prepare(db, "SELECT as_of FROM tally_clock", &st, err)))
		return s;
	if ((rc = db_step(db, st)) == DB_ROW)
		db_col_copy(st, 0, as_of, sizeof(as_of));
	db_finalize(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? jrc_err_set(err, JRC_E_DB, NULL, NULL) : db_fail(db, rc, err);
	if (strcmp(as_of, today) == 0)
		return JRC_OK;
	delta = strcmp(as_of, today) < 0 ? 1 : -1;
	dims_sql(x, case_expr, dims, sizeof(dims));
	group_sql(x->n, groups, sizeof(groups));
	snprintf(sql, sizeof(sql),
		 "SELECT %s, count(*) FROM cases c INDEXED BY cases_owed%s"
		 " WHERE c.state IN " TALLY_OWED " AND c.due_on >= ?8 AND c.due_on < ?11"
		 "%s%s GROUP BY %s",
		 dims, needs_place(x) ? " LEFT JOIN divisions d ON d.code = c.division" : "",
		 p->bounded ? " AND c.filed_at >= ?9 AND c.filed_at < ?10" : "",
		 q->site ? " AND c.site = ?7" : "", groups);
	if ((s = db_prepare(db, sql, &st, err)))
		return s;
	if (q->site)
		db_bind_text(db, st, 7, q->site);
	db_bind_text(db, st, 8, delta > 0 ? as_of : today);
	db_bind_text(db, st, 11, delta > 0 ? today : as_of);
	if (p->bounded) {
		db_bind_text(db, st, 9, p->start);
		db_bind_text(db, st, 10, p->end);
	}
	while ((rc = db_step(db, st)) == DB_ROW) {
		xcell key, *c;

		memset(&key, 0, sizeof(key));
		for (int i = 0; i < x->n; i++)
			db_col_copy(st, i, key.k[i], sizeof(key.k[i]));
		c = bsearch(&key, cells, n, sizeof(*cells), xcell_cmp);
		if (c)
			c->c.overdue += delta * (long)db_col_int64(st, x->n);
	}
	db_finalize(st);
	return rc == DB_DONE ? JRC_OK : db_fail(db, rc, err);
}

/* The cells of x: the summary rows with their overdue counts, in the
 * caller's read transaction or one of their own. */
static jrc_status cross_n(jrc_db *db, const xquery *x, xcell **out, size_t *n, jrc_err *err)
{
	period p;
	jrc_status s;
	int own;

	*out = NULL;
	*n = 0;
	for (int i = 0; i < x->n; i++)
		if ((unsigned)x->dim[i] >= JRC_DIM_COUNT)
			return jrc_err_set(err, JRC_E_INVALID, "by", NULL);
	if ((s = plan(x->q, &p, err)))
		return s;
	own = !db_in_transaction(db);
	if (own && (s = db_exec(db, "BEGIN", err)))
		return s;
	if ((s = read_cells(db, x, &p, out, n, err)) == JRC_OK &&
	    (s = add_overdue(db, x, &p, *out, *n, err)) != JRC_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	if (own)
		db_exec(db, "COMMIT", NULL);
	return s;
}

jrc_status stats_cross4(jrc_db *db, const jrc_stat_query *q, const jrc_dim dims[4],
			jrc_stat_cell4 **out, size_t *n, jrc_err *err)
{
	xquery x = { .q = q, .n = 4 };

	memcpy(x.dim, dims, sizeof(x.dim));
	return cross_n(db, &x, out, n, err);
}

jrc_status stats_cross(jrc_db *db, const jrc_stat_query *q, jrc_stat_cell **out, size_t *n,
		       jrc_err *err)
{
	xquery x = { .q = q, .n = 2, .dim = { q->dim1, q->dim2 } };
	xcell *c;
	jrc_status s;

	*out = NULL;
	if ((s = cross_n(db, &x, &c, n, err)))
		return s;
	*out = calloc(*n + 1, sizeof(**out));
	if (!*out) {
		free(c);
		*n = 0;
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	for (size_t i = 0; i < *n; i++) {
		(*out)[i] = c[i].c;
		snprintf((*out)[i].k1, sizeof((*out)[i].k1), "%s", c[i].k[0]);
		snprintf((*out)[i].k2, sizeof((*out)[i].k2), "%s", c[i].k[1]);
	}
	free(c);
	return JRC_OK;
}

/* ------------------------------------------------------------- trends */

static int trend_cmp(const void *a, const void *b)
{
	const jrc_stat_trend *x = a, *y = b;
	long dx = x->now - x->before, dy = y->now - y->before;
	double rx = (x->now + 1.0) / (x->before + 1.0), ry = (y->now + 1.0) / (y->before + 1.0);

	if (dx != dy)
		return dx > dy ? -1 : 1;
	if (rx != ry)
		return rx > ry ? -1 : 1;
	return strcmp(x->key, y->key);
}

jrc_status stats_trend(jrc_db *db, const jrc_stat_query *q, jrc_stat_trend **out, size_t *n,
		       jrc_err *err)
{
	jrc_stat_query now = *q, before = *q;
	jrc_stat_cell *a = NULL, *b = NULL;
	size_t na = 0, nb = 0, k = 0;
	jrc_date f, t;
	char pf[11], pt[11];
	jrc_status s;

	*out = NULL;
	*n = 0;
	if (!q->from || !q->to)
		return jrc_err_set(err, JRC_E_INVALID, "from",
				   _("A trend compares two periods: give both --from and --to."));
	if ((s = parse_day(q->from, &f, err)) || (s = parse_day(q->to, &t, err)))
		return s;
	if (date_cmp(f, t) > 0)
		return jrc_err_set(err, JRC_E_INVALID, "to",
				   _("The period ends (%s) before it starts (%s): give --from before --to."),
				   q->to, q->from);
	date_format(date_add_days(f, -1), pt);
	date_format(date_add_days(f, -(int)(date_diff(f, t) + 1)), pf);
	now.dim2 = before.dim2 = JRC_DIM_NONE;
	before.from = pf;
	before.to = pt;
	if ((s = stats_cross(db, &now, &a, &na, err)) ||
	    (s = stats_cross(db, &before, &b, &nb, err)))
		goto out;
	*out = calloc(na + nb + 1, sizeof(**out));
	if (!*out) {
		s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
		goto out;
	}
	/* Both lists are sorted by key: merge them. */
	for (size_t i = 0, j = 0; i < na || j < nb;) {
		int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i].k1, b[j].k1);
		jrc_stat_trend *r = &(*out)[k++];

		snprintf(r->key, sizeof(r->key), "%s", c <= 0 ? a[i].k1 : b[j].k1);
		r->now = c <= 0 ? a[i++].total : 0;
		r->before = c >= 0 ? b[j++].total : 0;
	}
	qsort(*out, k, sizeof(**out), trend_cmp);
	*n = k;
out:
	free(a);
	free(b);
	return s;
}

/* ------------------------------------------------------------- labels */

const char *stats_label(jrc_db *db, jrc_dim d, const char *key, char *buf, size_t size)
{
	static const struct { const char *code, *words; } sources[] = {
		{ "kiosk", N_("kiosk") }, { "desk", N_("front desk") },
		{ "cli", N_("command line") }, { "visit", N_("leader's visit") },
	};
	jrc_category c;
	jrc_department dp;
	jrc_division dv;
	jrc_site si;
	jrc_state st;

	snprintf(buf, size, "%s", key ? key : "");
	if (!key)
		return buf;
	switch (d) {
	case JRC_DIM_CATEGORY:
		if (refdata_category(db, key, &c, NULL) == JRC_OK)
			snprintf(buf, size, "%s", i18n_pick(c.name_zh, c.name_en));
		break;
	case JRC_DIM_DEPARTMENT:
		if (refdata_department(db, key, &dp, NULL) == JRC_OK)
			snprintf(buf, size, "%s", i18n_pick(dp.name_zh, dp.name_en));
		break;
	case JRC_DIM_TOWNSHIP:
	case JRC_DIM_VILLAGE:
		if (!*key)
			snprintf(buf, size, "%s", d == JRC_DIM_VILLAGE ? _("(no village given)")
								: _("(county level)"));
		else if (refdata_division(db, key, &dv, NULL) == JRC_OK)
			snprintf(buf, size, "%s", i18n_pick(dv.name_zh, dv.name_en));
		break;
	case JRC_DIM_SITE:
		if (*key && site_get(db, key, &si, NULL) == JRC_OK)
			snprintf(buf, size, "%s", i18n_pick(si.name_zh, si.name_en));
		break;
	case JRC_DIM_STATE:
		if (lifecycle_state_parse(key, &st) == 0)
			snprintf(buf, size, "%s", lifecycle_state_desk(st));
		break;
	case JRC_DIM_SOURCE:
		for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
			if (strcmp(key, sources[i].code) == 0)
				snprintf(buf, size, "%s", _(sources[i].words));
		break;
	default:
		break;
	}
	return buf;
}
