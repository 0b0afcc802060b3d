/* The one source of "now", the site's time zone, and instants in it; the
 * calendar is jrc/date.h. */
#ifndef JRC_CLOCK_H
#define JRC_CLOCK_H

#include <stdint.h>
#include <stddef.h>
#include "jrc/date.h"
#include "jrc/status.h"

typedef int64_t jrc_time;   /* seconds since the epoch, UTC */

/* Now: $JRC_NOW (ISO 8601; without an offset it is site-local time) or the
 * system clock. */
jrc_time clock_now(void);

/* Milliseconds on the monotonic clock, for deadlines of waits (a printer,
 * a server's login): never $JRC_NOW, never stepped by the wall clock. */
int64_t clock_monotonic_ms(void);

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

/* The local time of midnight starting day d. */
jrc_time clock_local_midnight(jrc_date d);

#endif
