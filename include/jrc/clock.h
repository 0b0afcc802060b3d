/* The one source of "now" and the site's calendar. */
#ifndef JRC_CLOCK_H
#define JRC_CLOCK_H

#include <stdint.h>
#include <stddef.h>
#include "jrc/status.h"

typedef int64_t jrc_time;   /* seconds since the epoch, UTC */

/* A local calendar date. */
typedef struct jrc_date { int y, m, d; } jrc_date;

/* Now: $JRC_NOW (ISO 8601; without an offset it is site-local time) or the
 * system clock. */
jrc_time clock_now(void);

/* Make the site's timezone (an IANA name such as Asia/Shanghai) the one all
 * local dates use, whatever the machine's TZ. */
jrc_status clock_use_timezone(const char *tz);

/* Parse ISO 8601 date-time: YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM|+HHMM];
 * without an offset it is local time.  A date alone is local midnight. */
jrc_status clock_parse(const char *s, jrc_time *out);

/* UTC ISO 8601 "2026-11-29T06:30:00Z" (21 bytes). */
void clock_format_utc(jrc_time t, char out[32]);

/* Local "2026-11-29 14:30" (17 bytes) and "2026-11-29T14:30:00+08:00". */
void clock_format_local(jrc_time t, char out[32]);
void clock_format_local_iso(jrc_time t, char out[32]);

/* The local calendar date of t. */
jrc_date clock_local_date(jrc_time t);

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

/* The local time of midnight starting day d. */
jrc_time date_local_midnight(jrc_date d);

#endif
