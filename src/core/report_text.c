/* The monthly report as text: CSV (UTF-8 with a BOM so that Excel and WPS
 * read the Chinese, CRLF, RFC 4180 quoting; the sections one after
 * another, each headed by its name) and Markdown (headings, pipe tables).
 * Both are written from the same rows. */
#include <stdio.h>
#include <string.h>

#include "report_internal.h"
#include "jrc/i18n.h"

enum { MAX_COLS = 16 };

typedef struct emit {
	FILE *f;
	int md;
	int rows;        /* rows of the current table so far */
} emit;

static void csv_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* A cell of a pipe table: on one line, its pipes escaped. */
static void md_field(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", f);
		else if (*s == '\r' || *s == '\n')
			fputc(' ', f);
		else
			fputc(*s, f);
	}
}

static void section(emit *e, const char *title)
{
	if (e->md) {
		fprintf(e->f, "\n## ");
		md_field(e->f, title);
		fputs("\n\n", e->f);
	} else {
		fputs("\r\n", e->f);
		csv_field(e->f, title);
		fputs("\r\n", e->f);
	}
	e->rows = 0;
}

/* A row; the first of a table is its header.  numeric[i]: right-aligned
 * in Markdown. */
static void row(emit *e, const char *const *cell, int n, const int *numeric)
{
	for (int i = 0; i < n; i++) {
		if (e->md) {
			fputs(i ? " | " : "| ", e->f);
			md_field(e->f, cell[i]);
		} else {
			if (i)
				fputc(',', e->f);
			csv_field(e->f, cell[i]);
		}
	}
	fputs(e->md ? " |\n" : "\r\n", e->f);
	if (e->md && e->rows == 0) {
		for (int i = 0; i < n; i++)
			fputs(numeric && numeric[i] ? "|---:" : "|---", e->f);
		fputs("|\n", e->f);
	}
	e->rows++;
}

/* A figure as text: a count, or a rate in percent with one decimal ("" when
 * there was nothing to take it of). */
static const char *figure_text(const jrc_stat_cell *c, int i, char *buf, size_t size)
{
	int is_rate;
	double v = report_figure(c, i, &is_rate);

	if (!is_rate)
		snprintf(buf, size, "%.0f", v);
	else if (v < 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%.1f%%", v * 100.0);
	return buf;
}

static void summary(emit *e, const jrc_report *r)
{
	char period[64], now[48], before[48], a[32], b[32];
	const char *cell[MAX_COLS];
	static const int num3[3] = { 0, 1, 1 };

	section(e, report_summary_title());
	snprintf(period, sizeof(period), "%s – %s", r->from, r->to);
	if (e->md) {
		fprintf(e->f, "%s: %s  \n%s: %s\n\n", _("Period"), period, _("Made"), r->made_at);
	} else {
		cell[0] = _("Period");
		cell[1] = period;
		row(e, cell, 2, NULL);
		cell[0] = _("Made");
		cell[1] = r->made_at;
		row(e, cell, 2, NULL);
		e->rows = 0;
	}
	snprintf(now, sizeof(now), _("This month (%s)"), r->month);
	snprintf(before, sizeof(before), _("Month before (%s)"), r->prev);
	cell[0] = _("Figure");
	cell[1] = now;
	cell[2] = before;
	row(e, cell, 3, num3);
	for (int i = 0; i < REPORT_FIGURES; i++) {
		cell[0] = report_figure_title(i);
		cell[1] = figure_text(&r->total, i, a, sizeof(a));
		cell[2] = figure_text(&r->before, i, b, sizeof(b));
		row(e, cell, 3, num3);
	}
}

static void trend(emit *e, const jrc_report *r)
{
	static const int num4[4] = { 0, 1, 1, 1 };
	char a[24], b[24], d[24];
	const char *cell[4];

	section(e, _("Categories against the same number of days before, fastest rising first"));
	cell[0] = report_breakdown_key_title(JRC_REPORT_BY_CATEGORY);
	cell[1] = _("This month");
	cell[2] = _("Days before");
	cell[3] = _("Change");
	row(e, cell, 4, num4);
	for (size_t i = 0; i < r->n_trend; i++) {
		snprintf(a, sizeof(a), "%ld", r->trend[i].now);
		snprintf(b, sizeof(b), "%ld", r->trend[i].before);
		snprintf(d, sizeof(d), "%+ld", r->trend[i].now - r->trend[i].before);
		cell[0] = r->trend_label[i];
		cell[1] = a;
		cell[2] = b;
		cell[3] = d;
		row(e, cell, 4, num4);
	}
}

static void months(emit *e, const jrc_report *r)
{
	static const int num2[2] = { 0, 1 };
	char a[24];
	const char *cell[2];

	section(e, _("The last twelve months"));
	cell[0] = _("Month");
	cell[1] = report_figure_title(0);
	row(e, cell, 2, num2);
	for (int i = 0; i < JRC_REPORT_MONTHS; i++) {
		snprintf(a, sizeof(a), "%ld", r->months[i].c.total);
		cell[0] = r->months[i].key;
		cell[1] = a;
		row(e, cell, 2, num2);
	}
}

static void breakdown(emit *e, const jrc_report *r, int which)
{
	char buf[REPORT_FIGURES][32];
	const char *cell[2 + REPORT_FIGURES];
	int num[2 + REPORT_FIGURES] = { 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

	section(e, report_breakdown_title(which));
	cell[0] = _("Code");
	cell[1] = report_breakdown_key_title(which);
	for (int i = 0; i < REPORT_FIGURES; i++)
		cell[2 + i] = report_figure_title(i);
	row(e, cell, 2 + REPORT_FIGURES, num);
	for (size_t k = 0; k < r->n_by[which]; k++) {
		const jrc_report_line *l = &r->by[which][k];

		cell[0] = l->key;
		cell[1] = l->label;
		for (int i = 0; i < REPORT_FIGURES; i++)
			cell[2 + i] = figure_text(&l->c, i, buf[i], sizeof(buf[i]));
		row(e, cell, 2 + REPORT_FIGURES, num);
	}
}

static void alerts(emit *e, const jrc_report *r)
{
	static const int num[REPORT_ALERT_COLUMNS] = { 0, 0, 0, 0, 1, 0, 0 };
	const char *cell[REPORT_ALERT_COLUMNS];
	char count[24];

	section(e, report_alerts_title());
	for (int i = 0; i < REPORT_ALERT_COLUMNS; i++)
		cell[i] = report_alert_column(i);
	row(e, cell, REPORT_ALERT_COLUMNS, num);
	for (size_t k = 0; k < r->n_alerts; k++) {
		const jrc_report_alert *a = &r->alerts[k];

		snprintf(count, sizeof(count), "%ld", a->count);
		cell[0] = a->raised_on;
		cell[1] = a->kind;
		cell[2] = a->rule;
		cell[3] = a->place;
		cell[4] = count;
		cell[5] = a->summary;
		cell[6] = a->acked_by;
		row(e, cell, REPORT_ALERT_COLUMNS, num);
	}
}

static void case_list(emit *e, const jrc_report *r)
{
	const char *cell[REPORT_CASE_COLUMNS];

	section(e, report_cases_title());
	for (int i = 0; i < REPORT_CASE_COLUMNS; i++)
		cell[i] = report_case_column(i);
	row(e, cell, REPORT_CASE_COLUMNS, NULL);
	for (size_t k = 0; k < r->n_cases; k++) {
		for (int i = 0; i < REPORT_CASE_COLUMNS; i++)
			cell[i] = report_case_field(&r->cases[k], i);
		row(e, cell, REPORT_CASE_COLUMNS, NULL);
	}
}

static jrc_status write_all(emit *e, const jrc_report *r, jrc_err *err)
{
	char title[128];

	snprintf(title, sizeof(title), _("Monthly report %s"), r->month);
	if (e->md) {
		fputs("# ", e->f);
		md_field(e->f, title);
		fputc('\n', e->f);
	} else {
		fputs("\xEF\xBB\xBF", e->f);
		csv_field(e->f, title);
		fputs("\r\n", e->f);
	}
	summary(e, r);
	trend(e, r);
	months(e, r);
	for (int i = 0; i < JRC_REPORT_BREAKDOWNS; i++)
		breakdown(e, r, i);
	if (r->with_alerts)
		alerts(e, r);
	case_list(e, r);
	if (ferror(e->f))
		return jrc_err_set(err, JRC_E_IO, NULL, NULL);
	return JRC_OK;
}

jrc_status report_write_csv(const jrc_report *r, FILE *f, jrc_err *err)
{
	emit e = { .f = f, .md = 0 };

	return write_all(&e, r, err);
}

jrc_status report_write_md(const jrc_report *r, FILE *f, jrc_err *err)
{
	emit e = { .f = f, .md = 1 };

	return write_all(&e, r, err);
}
