/* Statutory deadlines in the site's calendar: calendar days, or working
 * days with the holidays table (holiday / make-up workday). */
#ifndef JRC_DEADLINE_H
#define JRC_DEADLINE_H

#include "jrc/clock.h"
#include "jrc/db.h"

/* The date `days` days after start, counted as the site's calendar setting
 * says ("calendar" or "working"). */
jrc_status deadline_add(jrc_db *db, jrc_date start, int days, jrc_date *out,
			jrc_err *err);

/* *work 1 if d is a working day (Mon-Fri unless a holiday, or a make-up
 * workday), else 0; a database error is returned, not guessed around. */
jrc_status deadline_is_workday(jrc_db *db, jrc_date d, int *work, jrc_err *err);

#endif
