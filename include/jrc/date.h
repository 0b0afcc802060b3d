/* The site's calendar: a local date and its arithmetic (date.c). */
#ifndef JRC_DATE_H
#define JRC_DATE_H

#include <stddef.h>

/* A local calendar date. */
typedef struct jrc_date { int y, m, d; } jrc_date;

/* Local date as YYYY-MM-DD (11 bytes), YYMMDD (7) and YYYYMMDD (9). */
void date_format(jrc_date d, char out[11]);
void date_format_yymmdd(jrc_date d, char out[7]);
void date_format_ymd(jrc_date d, char out[9]);

/* Parse YYYY-MM-DD; 0 on success, -1 if not a real date. */
int date_parse(const char *s, jrc_date *out);

/* 1 if y-m-d is a real calendar date. */
int date_valid(int y, int m, int d);

/* d plus n calendar days (n may be negative). */
jrc_date date_add_days(jrc_date d, int n);

/* Days from a to b (b - a). */
long date_diff(jrc_date a, jrc_date b);

/* 0 = Sunday .. 6 = Saturday. */
int date_weekday(jrc_date d);

/* The one way dates are written for people, in the current language:
 * "Tuesday, 1 December 2026" / "2026年12月1日 星期二". */
void date_text(jrc_date d, char *out, size_t size);

/* Compare: <0, 0, >0. */
int date_cmp(jrc_date a, jrc_date b);

#endif
