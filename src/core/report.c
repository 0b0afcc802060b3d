/* The monthly report: the month's figures gathered once (cross tables,
 * trend, twelve months, alerts, the list of cases), and the file written
 * through a temporary file beside it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_internal.h"
#include "report_internal.h"
#include "jrc/alert.h"
#include "jrc/clock.h"
#include "jrc/date.h"
#include "jrc/i18n.h"
#include "jrc/mask.h"

/* ------------------------------------------------------------ titles */

const char *report_figure_title(int i)
{
	static const char *const t[REPORT_FIGURES] = {
		N_("Cases filed"), N_("Still open"), N_("Past deadline"), N_("Cases answered"),
		N_("Answered on time"), N_("On-time rate"), N_("Verdicts given"),
		N_("Satisfied verdicts"), N_("Satisfied rate"),
	};
	return i >= 0 && i < REPORT_FIGURES ? _(t[i]) : "";
}

static double rate(long part, long whole)
{
	return whole > 0 ? (double)part / (double)whole : -1.0;
}

double report_figure(const jrc_stat_cell *c, int i, int *is_rate)
{
	*is_rate = i == 5 || i == 8;
	switch (i) {
	case 0: return (double)c->total;
	case 1: return (double)c->open;
	case 2: return (double)c->overdue;
	case 3: return (double)c->answered;
	case 4: return (double)c->on_time;
	case 5: return rate(c->on_time, c->answered);
	case 6: return (double)c->rated;
	case 7: return (double)c->satisfied;
	case 8: return rate(c->satisfied, c->rated);
	}
	return 0;
}

const char *report_breakdown_title(int which)
{
	static const char *const t[JRC_REPORT_BREAKDOWNS] = {
		N_("By category"), N_("By township"), N_("By department"), N_("By source"),
	};
	return which >= 0 && which < JRC_REPORT_BREAKDOWNS ? _(t[which]) : "";
}

const char *report_breakdown_key_title(int which)
{
	static const char *const t[JRC_REPORT_BREAKDOWNS] = {
		N_("Category"), N_("Township"), N_("Department"), N_("Source"),
	};
	return which >= 0 && which < JRC_REPORT_BREAKDOWNS ? _(t[which]) : "";
}

const char *report_summary_title(void) { return _("Summary"); }
const char *report_alerts_title(void) { return _("Alerts"); }
const char *report_cases_title(void) { return _("List of cases"); }

const char *report_case_column(int i)
{
	static const char *const t[REPORT_CASE_COLUMNS] = {
		N_("Receipt"), N_("Filed on"), N_("Category"), N_("Township"), N_("Village"),
		N_("Department"), N_("State"), N_("Deadline"), N_("Source"), N_("Name"),
		N_("Phone"), N_("ID number"),
	};
	return i >= 0 && i < REPORT_CASE_COLUMNS ? _(t[i]) : "";
}

const char *report_case_field(const jrc_report_case *c, int i)
{
	switch (i) {
	case 0: return c->receipt;
	case 1: return c->filed_on;
	case 2: return c->category;
	case 3: return c->township;
	case 4: return c->village;
	case 5: return c->department;
	case 6: return c->state;
	case 7: return c->due_on;
	case 8: return c->source;
	case 9: return c->name;
	case 10: return c->phone;
	case 11: return c->id_number;
	}
	return "";
}

const char *report_alert_column(int i)
{
	static const char *const t[REPORT_ALERT_COLUMNS] = {
		N_("Raised"), N_("Kind of alert"), N_("Rule"), N_("About"), N_("Cases"), N_("What it says"),
		N_("Acknowledged by"),
	};
	return i >= 0 && i < REPORT_ALERT_COLUMNS ? _(t[i]) : "";
}

/* ------------------------------------------------------------ input */

/* YYYY-MM into year and month; 0 when it is one. */
static int month_split(const char *s, int *y, int *m)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return -1;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*y = atoi(s);
	*m = atoi(s + 5);
	return *y >= 1970 && *m >= 1 && *m <= 12 ? 0 : -1;
}

jrc_status report_month_check(const char *month, jrc_err *err)
{
	int y, m;

	if (month_split(month, &y, &m) != 0)
		return jrc_err_set(err, JRC_E_INVALID, "month",
				   _("'%s' is not a month: write it as YYYY-MM, such as 2026-11."),
				   month ? month : "");
	return JRC_OK;
}

int report_format_parse(const char *word, jrc_report_format *out)
{
	if (!word)
		return -1;
	if (strcmp(word, "xlsx") == 0)
		*out = JRC_REPORT_XLSX;
	else if (strcmp(word, "csv") == 0)
		*out = JRC_REPORT_CSV;
	else if (strcmp(word, "md") == 0)
		*out = JRC_REPORT_MD;
	else
		return -1;
	return 0;
}

int report_has_xlsx(void)
{
#ifdef HAVE_XLSXWRITER
	return 1;
#else
	return 0;
#endif
}

/* ------------------------------------------------------------ labels */

/* Names of codes along one dimension, looked up once each: a month's list
 * has thousands of cases but tens of categories and villages. */
typedef struct label_cache {
	struct { char key[24]; char label[160]; } *e;
	size_t n, cap;
} label_cache;

static const char *cached_label(jrc_db *db, label_cache *lc, jrc_dim d, const char *key)
{
	char buf[160];

	if (!key || !*key)
		return "";
	for (size_t i = 0; i < lc->n; i++)
		if (strcmp(lc->e[i].key, key) == 0)
			return lc->e[i].label;
	if (lc->n == lc->cap) {
		size_t cap = lc->cap ? lc->cap * 2 : 32;
		void *p = realloc(lc->e, cap * sizeof(*lc->e));

		if (!p)
			return key;
		lc->e = p;
		lc->cap = cap;
	}
	snprintf(lc->e[lc->n].key, sizeof(lc->e[lc->n].key), "%s", key);
	snprintf(lc->e[lc->n].label, sizeof(lc->e[lc->n].label), "%s",
		 stats_label(db, d, key, buf, sizeof(buf)));
	return lc->e[lc->n++].label;
}

/* ------------------------------------------------------------ gathering */

static void month_days(int y, int m, char from[11], char to[11])
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));

	snprintf(from, 11, "%04d-%02d-01", y, m);
	snprintf(to, 11, "%04d-%02d-%02d", y, m, last);
}

static void month_back(int *y, int *m, int k)
{
	int i = *y * 12 + (*m - 1) - k;

	*y = i / 12;
	*m = i % 12 + 1;
}

/* The totals of cases filed between from and to (one cell, or zeros). */
static jrc_status totals(jrc_db *db, const char *from, const char *to, jrc_stat_cell *out,
			 jrc_err *err)
{
	jrc_stat_query q = { .from = from, .to = to, .dim1 = JRC_DIM_NONE, .dim2 = JRC_DIM_NONE };
	jrc_stat_cell *cells = NULL;
	size_t n = 0;
	jrc_status s;

	memset(out, 0, sizeof(*out));
	if ((s = stats_cross(db, &q, &cells, &n, err)) != JRC_OK)
		return s;
	if (n)
		*out = cells[0];
	free(cells);
	return JRC_OK;
}

static jrc_status breakdown(jrc_db *db, const jrc_report *r, int which, jrc_report *out,
			    jrc_err *err)
{
	jrc_stat_query q = { .from = r->from, .to = r->to, .dim1 = r->by_dim[which],
			     .dim2 = JRC_DIM_NONE };
	jrc_stat_cell *cells = NULL;
	size_t n = 0;
	jrc_status s;

	if ((s = stats_cross(db, &q, &cells, &n, err)) != JRC_OK)
		return s;
	if (n && !(out->by[which] = calloc(n, sizeof(*out->by[which])))) {
		free(cells);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	for (size_t i = 0; i < n; i++) {
		jrc_report_line *l = &out->by[which][i];

		snprintf(l->key, sizeof(l->key), "%s", cells[i].k1);
		stats_label(db, q.dim1, cells[i].k1, l->label, sizeof(l->label));
		l->c = cells[i];
	}
	out->n_by[which] = n;
	free(cells);
	return JRC_OK;
}

/* The twelve months ending with r's, months without cases as zeros. */
static jrc_status twelve_months(jrc_db *db, jrc_report *r, int y, int m, jrc_err *err)
{
	char from[11], last[11];
	jrc_stat_query q = { .from = from, .to = r->to, .dim1 = JRC_DIM_MONTH,
			     .dim2 = JRC_DIM_NONE };
	jrc_stat_cell *cells = NULL;
	size_t n = 0, j = 0;
	jrc_status s;
	int fy = y, fm = m;

	month_back(&fy, &fm, JRC_REPORT_MONTHS - 1);
	month_days(fy, fm, from, last);
	if ((s = stats_cross(db, &q, &cells, &n, err)) != JRC_OK)
		return s;
	for (int i = 0; i < JRC_REPORT_MONTHS; i++) {
		jrc_report_line *l = &r->months[i];
		int my = fy, mm = fm;

		month_back(&my, &mm, -i);
		snprintf(l->key, sizeof(l->key), "%04d-%02d", my, mm);
		snprintf(l->label, sizeof(l->label), "%s", l->key);
		memset(&l->c, 0, sizeof(l->c));
		while (j < n && strcmp(cells[j].k1, l->key) < 0)
			j++;
		if (j < n && strcmp(cells[j].k1, l->key) == 0)
			l->c = cells[j];
	}
	free(cells);
	return JRC_OK;
}

static jrc_status trend(jrc_db *db, jrc_report *r, jrc_err *err)
{
	jrc_stat_query q = { .from = r->from, .to = r->to, .dim1 = JRC_DIM_CATEGORY,
			     .dim2 = JRC_DIM_NONE };
	jrc_status s;

	if ((s = stats_trend(db, &q, &r->trend, &r->n_trend, err)) != JRC_OK)
		return s;
	if (r->n_trend && !(r->trend_label = calloc(r->n_trend, sizeof(*r->trend_label))))
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	for (size_t i = 0; i < r->n_trend; i++)
		stats_label(db, JRC_DIM_CATEGORY, r->trend[i].key, r->trend_label[i],
			    sizeof(r->trend_label[i]));
	return JRC_OK;
}

/* The UTC bound of local midnight starting date (YYYY-MM-DD), or of the
 * day after it. */
static void utc_bound(const char *date, int next_day, char out[32])
{
	jrc_date d;

	date_parse(date, &d);
	clock_format_utc(clock_local_midnight(next_day ? date_add_days(d, 1) : d), out);
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static jrc_status cases(jrc_db *db, jrc_report *r, jrc_err *err)
{
	/* The township of a village is its parent; a case filed for the
	 * county as a whole has neither.  The source as stats counts it: a
	 * matter of a leader's visit, else the channel. */
	static const char sql[] =
		"SELECT c.receipt, c.filed_at, c.category,"
		" CASE d.level WHEN 'township' THEN d.code WHEN 'village' THEN d.parent ELSE '' END,"
		" CASE d.level WHEN 'village' THEN d.code ELSE '' END,"
		" c.department, c.state, c.due_on,"
		" CASE WHEN EXISTS (SELECT 1 FROM visit_matters m WHERE m.case_id = c.id)"
		"  THEN 'visit' ELSE c.channel END,"
		" c.anonymous, c.name, c.phone, c.id_kind, c.id_number"
		" FROM cases c JOIN divisions d ON d.code = c.division"
		" WHERE c.filed_at >= ?1 AND c.filed_at < ?2 ORDER BY c.filed_at, c.id";
	label_cache lc[JRC_DIM_COUNT];
	char start[32], end[32];
	db_stmt *st = NULL;
	size_t cap = 0;
	jrc_status s = JRC_OK;
	int rc;

	memset(lc, 0, sizeof(lc));
	utc_bound(r->from, 0, start);
	utc_bound(r->to, 1, end);
	if ((s = db_prepare(db, sql, &st, err)) != JRC_OK)
		return s;
	db_bind_text(db, st, 1, start);
	db_bind_text(db, st, 2, end);
	while ((rc = db_step(db, st)) == DB_ROW) {
		jrc_report_case *c;
		const char *name = db_col_text(st, 10);
		const char *phone = db_col_text(st, 11);
		jrc_time t;

		if (r->n_cases == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			void *p = realloc(r->cases, ncap * sizeof(*r->cases));

			if (!p) {
				s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
				goto out;
			}
			r->cases = p;
			cap = ncap;
		}
		c = &r->cases[r->n_cases++];
		memset(c, 0, sizeof(*c));
		db_col_copy(st, 0, c->receipt, sizeof(c->receipt));
		if (clock_parse(db_col_text(st, 1), &t) == JRC_OK)
			date_format(clock_local_date(t), c->filed_on);
		copy(c->category, sizeof(c->category),
		     cached_label(db, &lc[JRC_DIM_CATEGORY], JRC_DIM_CATEGORY,
				  db_col_text(st, 2)));
		copy(c->township, sizeof(c->township),
		     cached_label(db, &lc[JRC_DIM_TOWNSHIP], JRC_DIM_TOWNSHIP,
				  db_col_text(st, 3)));
		copy(c->village, sizeof(c->village),
		     cached_label(db, &lc[JRC_DIM_VILLAGE], JRC_DIM_VILLAGE,
				  db_col_text(st, 4)));
		copy(c->department, sizeof(c->department),
		     cached_label(db, &lc[JRC_DIM_DEPARTMENT], JRC_DIM_DEPARTMENT,
				  db_col_text(st, 5)));
		copy(c->state, sizeof(c->state),
		     cached_label(db, &lc[JRC_DIM_STATE], JRC_DIM_STATE,
				  db_col_text(st, 6)));
		db_col_copy(st, 7, c->due_on, sizeof(c->due_on));
		copy(c->source, sizeof(c->source),
		     cached_label(db, &lc[JRC_DIM_SOURCE], JRC_DIM_SOURCE,
				  db_col_text(st, 8)));
		if (!db_col_int(st, 9)) {
			if (r->unmasked) {
				copy(c->name, sizeof(c->name), name);
				copy(c->phone, sizeof(c->phone), phone);
			} else {
				mask_name(name, c->name, sizeof(c->name));
				mask_phone(phone, c->phone, sizeof(c->phone));
			}
			/* Never in full, not even for a supervisor: the list
			 * travels as a file. */
			mask_document(db_col_text(st, 12),
				      db_col_text(st, 13), c->id_number,
				      sizeof(c->id_number));
		}
	}
	if (rc != DB_DONE)
		s = db_fail(db, rc, err);
out:
	db_finalize(st);
	for (int d = 0; d < JRC_DIM_COUNT; d++)
		free(lc[d].e);
	return s;
}

/* An alert kind in words. */
static const char *alert_kind_words(const char *kind)
{
	if (strcmp(kind, "cluster") == 0)
		return _("Many from one place");
	if (strcmp(kind, "repeat") == 0)
		return _("Filed again and again");
	if (strcmp(kind, "collective") == 0)
		return _("Collective matter");
	if (strcmp(kind, "overdue") == 0)
		return _("Department overdue");
	return kind;
}

/* The alerts raised in the month, newest first. */
static jrc_status alerts(jrc_db *db, jrc_report *r, jrc_err *err)
{
	jrc_alert *a = NULL;
	size_t n = 0;
	jrc_status s;

	r->with_alerts = 1;
	if ((s = alert_list(db, r->from, r->to, 0, &a, &n, err)) != JRC_OK)
		return s;
	if (n && !(r->alerts = calloc(n, sizeof(*r->alerts)))) {
		alert_list_free(a, n);
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	}
	for (size_t i = 0; i < n; i++) {
		jrc_report_alert *o = &r->alerts[i];
		char place[160] = "", cat[160] = "";
		jrc_time t;

		if (clock_parse(a[i].raised_at, &t) == JRC_OK)
			clock_format_local(t, o->raised_on);
		else
			copy(o->raised_on, sizeof(o->raised_on), a[i].raised_at);
		copy(o->kind, sizeof(o->kind), alert_kind_words(a[i].kind));
		copy(o->rule, sizeof(o->rule), a[i].rule);
		if (*a[i].department)
			stats_label(db, JRC_DIM_DEPARTMENT, a[i].department, place, sizeof(place));
		else if (*a[i].division)
			stats_label(db, JRC_DIM_VILLAGE, a[i].division, place, sizeof(place));
		if (*a[i].category)
			stats_label(db, JRC_DIM_CATEGORY, a[i].category, cat, sizeof(cat));
		snprintf(o->place, sizeof(o->place), "%s%s%s", place, *place && *cat ? " · " : "",
			 cat);
		o->count = a[i].count;
		copy(o->summary, sizeof(o->summary), a[i].summary);
		copy(o->acked_by, sizeof(o->acked_by), a[i].acked_by);
	}
	r->n_alerts = n;
	alert_list_free(a, n);
	return JRC_OK;
}

jrc_status report_gather(jrc_db *db, const char *month, int unmasked, jrc_report *out,
			 jrc_err *err)
{
	static const jrc_dim dims[JRC_REPORT_BREAKDOWNS] = {
		JRC_DIM_CATEGORY, JRC_DIM_TOWNSHIP, JRC_DIM_DEPARTMENT, JRC_DIM_SOURCE,
	};
	char pfrom[11], pto[11];
	jrc_status s;
	int y, m, py, pm;

	memset(out, 0, sizeof(*out));
	if ((s = report_month_check(month, err)) != JRC_OK)
		return s;
	month_split(month, &y, &m);
	snprintf(out->month, sizeof(out->month), "%s", month);
	month_days(y, m, out->from, out->to);
	py = y;
	pm = m;
	month_back(&py, &pm, 1);
	snprintf(out->prev, sizeof(out->prev), "%04d-%02d", py, pm);
	month_days(py, pm, pfrom, pto);
	clock_format_local(clock_now(), out->made_at);
	out->unmasked = unmasked;
	memcpy(out->by_dim, dims, sizeof(dims));

	/* One read transaction: every sheet describes the same moment. */
	if ((s = db_exec(db, "BEGIN", err)) != JRC_OK)
		return s;
	if ((s = totals(db, out->from, out->to, &out->total, err)) != JRC_OK ||
	    (s = totals(db, pfrom, pto, &out->before, err)) != JRC_OK)
		goto fail;
	for (int i = 0; i < JRC_REPORT_BREAKDOWNS; i++)
		if ((s = breakdown(db, out, i, out, err)) != JRC_OK)
			goto fail;
	if ((s = twelve_months(db, out, y, m, err)) != JRC_OK ||
	    (s = trend(db, out, err)) != JRC_OK ||
	    (s = alerts(db, out, err)) != JRC_OK ||
	    (s = cases(db, out, err)) != JRC_OK)
		goto fail;
	db_exec(db, "COMMIT", NULL);
	return JRC_OK;
fail:
	db_exec(db, "ROLLBACK", NULL);
	report_free(out);
	return s;
}

void report_free(jrc_report *r)
{
	for (int i = 0; i < JRC_REPORT_BREAKDOWNS; i++)
		free(r->by[i]);
	free(r->trend);
	free(r->trend_label);
	free(r->alerts);
	free(r->cases);
	memset(r, 0, sizeof(*r));
}

/* ------------------------------------------------------------ writing */

static jrc_status write_failed(const char *path, int e, jrc_err *err)
{
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The disk for %s is full: free space there or write the report elsewhere with -o; nothing was written."),
				   path);
	return jrc_err_set(err, JRC_E_IO, NULL,
			   _("The report could not be written to %s (%s): give -o a file in a folder you may write to; nothing was written."),
			   path, strerror(e));
}

jrc_status report_write(const jrc_report *r, jrc_report_format format, const char *path,
			jrc_err *err)
{
	char *tmp;
	size_t len = strlen(path) + 16;
	struct stat sb;
	jrc_status s;
	FILE *f = NULL;
	int fd;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return jrc_err_set(err, JRC_E_INVALID, "output",
				   _("%s is a folder: give -o the name of the file to write, such as %s/report-%s.xlsx."),
				   path, path, r->month);
	if (!(tmp = malloc(len)))
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	/* Beside the file, so the rename stays on one file system. */
	snprintf(tmp, len, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		s = write_failed(path, errno, err);
		free(tmp);
		return s;
	}
	if (format == JRC_REPORT_XLSX) {
		/* libxlsxwriter writes the file by its name; fd stays open to
		 * sync what it wrote before the rename. */
		s = report_write_xlsx(r, tmp, err);
		if (s == JRC_OK && fsync(fd) != 0)
			s = write_failed(path, errno, err);
		close(fd);
	} else if (!(f = fdopen(fd, "w"))) {
		s = write_failed(path, errno, err);
		close(fd);
	} else {
		s = format == JRC_REPORT_CSV ? report_write_csv(r, f, err)
					     : report_write_md(r, f, err);
		if (s == JRC_OK && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0))
			s = write_failed(path, errno, err);
		if (fclose(f) != 0 && s == JRC_OK)
			s = write_failed(path, errno, err);
	}
	/* The file stays 0600 as mkstemp made it: the list of cases is
	 * personal data, as the database is. */
	if (s == JRC_OK && rename(tmp, path) != 0)
		s = write_failed(path, errno, err);
	if (s != JRC_OK)
		unlink(tmp);
	free(tmp);
	return s;
}
