/* The monthly report (jrc report, issue 18): a month's figures gathered
 * once from the cross tables (stats.h), the month's alerts and the list of
 * cases filed in it, then written as an Excel workbook (report_xlsx.c,
 * libxlsxwriter), CSV or Markdown (report_text.c). */
#ifndef JRC_REPORT_H
#define JRC_REPORT_H

#include <stddef.h>
#include "jrc/db.h"
#include "jrc/stats.h"

typedef enum jrc_report_format {
	JRC_REPORT_XLSX,
	JRC_REPORT_CSV,
	JRC_REPORT_MD
} jrc_report_format;

/* One line of a breakdown: its code, its name for people, its figures. */
typedef struct jrc_report_line {
	char key[24];
	char label[160];
	jrc_stat_cell c;
} jrc_report_line;

/* A case of the list, as the report shows it: names for codes, the
 * citizen's name and phone masked unless the report is unmasked, the ID
 * number always masked, the text never. */
typedef struct jrc_report_case {
	char receipt[24];
	char filed_on[11];       /* local date */
	char category[96];
	char township[96];
	char village[96];
	char department[160];
	char state[64];
	char due_on[11];         /* "" when no deadline runs */
	char source[48];
	char name[96];
	char phone[32];
	char id_number[40];
} jrc_report_case;

/* An alert of the month, in words (alert.h carries no personal data). */
typedef struct jrc_report_alert {
	char raised_on[32];      /* local YYYY-MM-DD HH:MM */
	char kind[64];           /* in words */
	char rule[24];
	char place[200];         /* the village or department, and the category */
	long count;
	char summary[256];
	char acked_by[24];       /* "" while open */
} jrc_report_alert;

/* The breakdowns a report has, in the order of its sheets. */
enum { JRC_REPORT_BY_CATEGORY, JRC_REPORT_BY_TOWNSHIP, JRC_REPORT_BY_DEPARTMENT,
       JRC_REPORT_BY_SOURCE, JRC_REPORT_BREAKDOWNS };
enum { JRC_REPORT_MONTHS = 12 };

typedef struct jrc_report {
	char month[8];           /* YYYY-MM */
	char from[11], to[11];   /* its first and last day */
	char prev[16];           /* the month before, YYYY-MM */
	char made_at[32];        /* local YYYY-MM-DD HH:MM it was gathered */
	int unmasked;
	jrc_stat_cell total, before;  /* this month, the month before */
	jrc_dim by_dim[JRC_REPORT_BREAKDOWNS];
	jrc_report_line *by[JRC_REPORT_BREAKDOWNS];
	size_t n_by[JRC_REPORT_BREAKDOWNS];
	/* Cases filed in each of the twelve months ending with this one,
	 * oldest first, months without cases included. */
	jrc_report_line months[JRC_REPORT_MONTHS];
	/* Categories, this month against the same number of days before,
	 * the fastest rising first (stats_trend); labels in trend_label. */
	jrc_stat_trend *trend;
	char (*trend_label)[160];
	size_t n_trend;
	int with_alerts;         /* alerts are part of this build's report */
	jrc_report_alert *alerts;
	size_t n_alerts;
	jrc_report_case *cases;
	size_t n_cases;
} jrc_report;

/* Check a month written YYYY-MM; JRC_E_INVALID with a sentence if not. */
jrc_status report_month_check(const char *month, jrc_err *err);

/* Parse a format word (xlsx, csv, md); -1 if unknown. */
int report_format_parse(const char *word, jrc_report_format *out);

/* Whether this build writes Excel workbooks (libxlsxwriter). */
int report_has_xlsx(void);

/* Gather the month's figures, alerts and cases, in one read transaction.
 * unmasked: the citizens' names and phones as filed (a supervisor's
 * report); the caller decides who may.  Free with report_free. */
jrc_status report_gather(jrc_db *db, const char *month, int unmasked, jrc_report *out,
			 jrc_err *err);
void report_free(jrc_report *r);

/* Write r as format to path: into a temporary file beside it, renamed
 * over path only when complete, so a failure leaves path as it was. */
jrc_status report_write(const jrc_report *r, jrc_report_format format, const char *path,
			jrc_err *err);

#endif
