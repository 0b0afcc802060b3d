/* Shared by the report's writers (report.c, report_xlsx.c, report_text.c):
 * the figures every table shows, in one order, with their titles. */
#ifndef JRC_REPORT_INTERNAL_H
#define JRC_REPORT_INTERNAL_H

#include <stdio.h>

#include "jrc/report.h"

/* The figures of a cell, in the order of the summary's rows and the
 * breakdowns' columns: filed, open, overdue, answered, on time, on-time
 * rate, rated, satisfied, satisfied rate. */
enum { REPORT_FIGURES = 9 };

/* Figure i of c: *rate set when it is a rate (a fraction, or -1 when
 * there was nothing to take it of), else a count. */
double report_figure(const jrc_stat_cell *c, int i, int *rate);
/* Its title, translated. */
const char *report_figure_title(int i);

/* A breakdown's sheet (or section) title and its key column's title. */
const char *report_breakdown_title(int which);
const char *report_breakdown_key_title(int which);

/* Titles of the other sheets and of the columns of the list of cases
 * (REPORT_CASE_COLUMNS) and of the alerts (REPORT_ALERT_COLUMNS). */
enum { REPORT_CASE_COLUMNS = 12, REPORT_ALERT_COLUMNS = 7 };
const char *report_summary_title(void);
const char *report_alerts_title(void);
const char *report_cases_title(void);
const char *report_case_column(int i);
/* Field i of a case, in the order of report_case_column. */
const char *report_case_field(const jrc_report_case *c, int i);
const char *report_alert_column(int i);

/* The workbook (report_xlsx.c); a sentence saying to use csv or md when
 * the build has no libxlsxwriter. */
jrc_status report_write_xlsx(const jrc_report *r, const char *path, jrc_err *err);
/* CSV: UTF-8 with a BOM, CRLF, RFC 4180; Markdown (report_text.c).  Both
 * write to f, which the caller opened and closes. */
jrc_status report_write_csv(const jrc_report *r, FILE *f, jrc_err *err);
jrc_status report_write_md(const jrc_report *r, FILE *f, jrc_err *err);

#endif
