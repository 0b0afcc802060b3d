/* The monthly report as an Excel workbook (libxlsxwriter), for county
 * offices that work in Excel and WPS: a summary with native charts, a
 * sheet per breakdown, the month's alerts and the list of cases.  Counts
 * and rates are numbers (rates with a percent format), dates are dates,
 * so the offices can sum, sort and filter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "jrc/i18n.h"

#ifndef HAVE_XLSXWRITER

jrc_status report_write_xlsx(const jrc_report *r, const char *path, jrc_err *err)
{
	(void)r;
	(void)path;
	return jrc_err_set(err, JRC_E_IO, "format",
			   _("This build of jrc has no Excel writer (libxlsxwriter): write the report with --format csv or --format md."));
}

#else

#include <xlsxwriter.h>

typedef struct book {
	lxw_workbook *wb;
	lxw_format *title, *head, *bold, *pct, *date, *wrap;
	const char *sheet[JRC_REPORT_BREAKDOWNS];   /* the breakdowns' sheet names */
} book;

/* A figure in its cell: a count, a rate with the percent format, or
 * nothing when there was nothing to take the rate of. */
static void figure_cell(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
			const jrc_stat_cell *c, int i)
{
	int is_rate;
	double v = report_figure(c, i, &is_rate);

	if (is_rate && v < 0)
		worksheet_write_blank(ws, row, col, b->pct);
	else
		worksheet_write_number(ws, row, col, v, is_rate ? b->pct : NULL);
}

/* A local YYYY-MM-DD as an Excel date; text if it is not one. */
static void date_cell(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s)
{
	lxw_datetime dt = { 0 };

	if (!*s)
		return;
	if (sscanf(s, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) == 3)
		worksheet_write_datetime(ws, row, col, &dt, b->date);
	else
		worksheet_write_string(ws, row, col, s, NULL);
}

/* A column chart of the cases filed along a breakdown's sheet. */
static void breakdown_chart(book *b, const jrc_report *r, int which, const char *title,
			    lxw_worksheet *ws, lxw_row_t at)
{
	lxw_chart *ch;
	lxw_chart_series *se;
	lxw_row_t last = (lxw_row_t)r->n_by[which];

	if (!r->n_by[which])
		return;
	ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	se = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(se, b->sheet[which], 1, 1, last, 1);
	chart_series_set_values(se, b->sheet[which], 1, 2, last, 2);
	chart_series_set_name(se, report_figure_title(0));
	chart_title_set_name(ch, title);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	worksheet_insert_chart(ws, at, 5, ch);
}

static void summary(book *b, const jrc_report *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, report_summary_title());
	char buf[128], before[64];
	lxw_row_t row, months_at;
	lxw_chart *ch;
	lxw_chart_series *se;

	worksheet_set_column(ws, 0, 0, 28, NULL);
	worksheet_set_column(ws, 1, 3, 16, NULL);
	snprintf(buf, sizeof(buf), _("Monthly report %s"), r->month);
	worksheet_write_string(ws, 0, 0, buf, b->title);
	worksheet_write_string(ws, 1, 0, _("Period"), b->bold);
	snprintf(buf, sizeof(buf), "%s – %s", r->from, r->to);
	worksheet_write_string(ws, 1, 1, buf, NULL);
	worksheet_write_string(ws, 2, 0, _("Made"), b->bold);
	worksheet_write_string(ws, 2, 1, r->made_at, NULL);

	worksheet_write_string(ws, 4, 0, _("Figure"), b->head);
	snprintf(buf, sizeof(buf), _("This month (%s)"), r->month);
	worksheet_write_string(ws, 4, 1, buf, b->head);
	snprintf(before, sizeof(before), _("Month before (%s)"), r->prev);
	worksheet_write_string(ws, 4, 2, before, b->head);
	for (int i = 0; i < REPORT_FIGURES; i++) {
		worksheet_write_string(ws, (lxw_row_t)(5 + i), 0, report_figure_title(i), NULL);
		figure_cell(b, ws, (lxw_row_t)(5 + i), 1, &r->total, i);
		figure_cell(b, ws, (lxw_row_t)(5 + i), 2, &r->before, i);
	}

	row = 5 + REPORT_FIGURES + 1;
	worksheet_write_string(ws, row++, 0,
			       _("Categories against the same number of days before, fastest rising first"),
			       b->bold);
	worksheet_write_string(ws, row, 0, report_breakdown_key_title(JRC_REPORT_BY_CATEGORY),
			       b->head);
	worksheet_write_string(ws, row, 1, _("This month"), b->head);
	worksheet_write_string(ws, row, 2, _("Days before"), b->head);
	worksheet_write_string(ws, row++, 3, _("Change"), b->head);
	for (size_t i = 0; i < r->n_trend; i++, row++) {
		worksheet_write_string(ws, row, 0, r->trend_label[i], NULL);
		worksheet_write_number(ws, row, 1, (double)r->trend[i].now, NULL);
		worksheet_write_number(ws, row, 2, (double)r->trend[i].before, NULL);
		worksheet_write_number(ws, row, 3, (double)(r->trend[i].now - r->trend[i].before),
				       NULL);
	}

	row++;
	worksheet_write_string(ws, row++, 0, _("The last twelve months"), b->bold);
	worksheet_write_string(ws, row, 0, _("Month"), b->head);
	worksheet_write_string(ws, row++, 1, report_figure_title(0), b->head);
	months_at = row;
	for (int i = 0; i < JRC_REPORT_MONTHS; i++, row++) {
		worksheet_write_string(ws, row, 0, r->months[i].key, NULL);
		worksheet_write_number(ws, row, 1, (double)r->months[i].c.total, NULL);
	}

	/* Native charts: Excel and WPS draw them from the cells. */
	breakdown_chart(b, r, JRC_REPORT_BY_CATEGORY, _("Cases filed by category"), ws, 0);
	breakdown_chart(b, r, JRC_REPORT_BY_TOWNSHIP, _("Cases filed by township"), ws, 16);
	ch = workbook_add_chart(b->wb, LXW_CHART_LINE);
	se = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(se, report_summary_title(), months_at, 0,
				    months_at + JRC_REPORT_MONTHS - 1, 0);
	chart_series_set_values(se, report_summary_title(), months_at, 1,
				months_at + JRC_REPORT_MONTHS - 1, 1);
	chart_series_set_name(se, report_figure_title(0));
	chart_title_set_name(ch, _("Cases filed in the last twelve months"));
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	worksheet_insert_chart(ws, 32, 5, ch);
}

static void breakdown(book *b, const jrc_report *r, int which)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, b->sheet[which]);

	worksheet_set_column(ws, 0, 0, 14, NULL);
	worksheet_set_column(ws, 1, 1, 30, NULL);
	worksheet_set_column(ws, 2, 1 + REPORT_FIGURES, 12, NULL);
	worksheet_write_string(ws, 0, 0, _("Code"), b->head);
	worksheet_write_string(ws, 0, 1, report_breakdown_key_title(which), b->head);
	for (int i = 0; i < REPORT_FIGURES; i++)
		worksheet_write_string(ws, 0, (lxw_col_t)(2 + i), report_figure_title(i), b->head);
	for (size_t k = 0; k < r->n_by[which]; k++) {
		const jrc_report_line *l = &r->by[which][k];
		lxw_row_t row = (lxw_row_t)(k + 1);

		worksheet_write_string(ws, row, 0, l->key, NULL);
		worksheet_write_string(ws, row, 1, l->label, NULL);
		for (int i = 0; i < REPORT_FIGURES; i++)
			figure_cell(b, ws, row, (lxw_col_t)(2 + i), &l->c, i);
	}
	worksheet_freeze_panes(ws, 1, 0);
}

static void alerts(book *b, const jrc_report *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, report_alerts_title());

	worksheet_set_column(ws, 0, 0, 18, NULL);
	worksheet_set_column(ws, 1, 2, 12, NULL);
	worksheet_set_column(ws, 3, 3, 24, NULL);
	worksheet_set_column(ws, 4, 4, 8, NULL);
	worksheet_set_column(ws, 5, 5, 60, b->wrap);
	worksheet_set_column(ws, 6, 6, 14, NULL);
	for (int i = 0; i < REPORT_ALERT_COLUMNS; i++)
		worksheet_write_string(ws, 0, (lxw_col_t)i, report_alert_column(i), b->head);
	for (size_t k = 0; k < r->n_alerts; k++) {
		const jrc_report_alert *a = &r->alerts[k];
		lxw_row_t row = (lxw_row_t)(k + 1);

		worksheet_write_string(ws, row, 0, a->raised_on, NULL);
		worksheet_write_string(ws, row, 1, a->kind, NULL);
		worksheet_write_string(ws, row, 2, a->rule, NULL);
		worksheet_write_string(ws, row, 3, a->place, NULL);
		worksheet_write_number(ws, row, 4, (double)a->count, NULL);
		worksheet_write_string(ws, row, 5, a->summary, NULL);
		if (*a->acked_by)
			worksheet_write_string(ws, row, 6, a->acked_by, NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
}

static void case_list(book *b, const jrc_report *r)
{
	static const double width[REPORT_CASE_COLUMNS] = { 18, 11, 16, 14, 14, 22, 10, 11, 10,
							   10, 14, 20 };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, report_cases_title());

	for (int i = 0; i < REPORT_CASE_COLUMNS; i++) {
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width[i], NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)i, report_case_column(i), b->head);
	}
	for (size_t k = 0; k < r->n_cases; k++) {
		const jrc_report_case *c = &r->cases[k];
		lxw_row_t row = (lxw_row_t)(k + 1);

		for (int i = 0; i < REPORT_CASE_COLUMNS; i++) {
			const char *s = report_case_field(c, i);

			if (i == 1 || i == 7)
				date_cell(b, ws, row, (lxw_col_t)i, s);
			else if (*s)
				worksheet_write_string(ws, row, (lxw_col_t)i, s, NULL);
		}
	}
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)r->n_cases, REPORT_CASE_COLUMNS - 1);
}

jrc_status report_write_xlsx(const jrc_report *r, const char *path, jrc_err *err)
{
	lxw_workbook_options opt = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
	lxw_doc_properties props = { 0 };
	char title[128];
	book b = { 0 };
	lxw_error e;

	if (!(b.wb = workbook_new_opt(path, &opt)))
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The workbook could not be started: check that there is memory and room in the temporary folder, then try again."));
	for (int i = 0; i < JRC_REPORT_BREAKDOWNS; i++)
		b.sheet[i] = report_breakdown_title(i);
	snprintf(title, sizeof(title), _("Monthly report %s"), r->month);
	props.title = title;
	workbook_set_properties(b.wb, &props);
	b.title = workbook_add_format(b.wb);
	format_set_bold(b.title);
	format_set_font_size(b.title, 14);
	b.bold = workbook_add_format(b.wb);
	format_set_bold(b.bold);
	b.head = workbook_add_format(b.wb);
	format_set_bold(b.head);
	format_set_bg_color(b.head, 0xDDEBF7);
	format_set_bottom(b.head, LXW_BORDER_THIN);
	b.pct = workbook_add_format(b.wb);
	format_set_num_format(b.pct, "0.0%");
	b.date = workbook_add_format(b.wb);
	format_set_num_format(b.date, "yyyy-mm-dd");
	b.wrap = workbook_add_format(b.wb);
	format_set_text_wrap(b.wrap);

	summary(&b, r);
	for (int i = 0; i < JRC_REPORT_BREAKDOWNS; i++)
		breakdown(&b, r, i);
	if (r->with_alerts)
		alerts(&b, r);
	case_list(&b, r);
	if ((e = workbook_close(b.wb)) != LXW_NO_ERROR)
		return jrc_err_set(err, JRC_E_IO, NULL,
				   _("The workbook could not be written (%s): give -o a file in a folder you may write to, with room to spare."),
				   lxw_strerror(e));
	return JRC_OK;
}

#endif
