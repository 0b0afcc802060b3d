/* Statistics for the center's reports: cases by state, department and
 * category, deadlines missed, and the citizens' verdicts. */
#ifndef JRC_STATS_H
#define JRC_STATS_H

#include <stddef.h>
#include "jrc/db.h"

/* One row of a breakdown. */
typedef struct jrc_stat_row {
	char key[24];          /* state, department or category code; verdict */
	long total;            /* cases (or verdicts) */
	long open;             /* still waiting on the department */
	long overdue;          /* waiting past their deadline */
} jrc_stat_row;

typedef struct jrc_stats {
	char from[11], to[11]; /* the filing dates counted (local, inclusive); "" = all */
	long total, open, overdue;
	jrc_stat_row *by_state;      size_t n_state;
	jrc_stat_row *by_department; size_t n_department;
	jrc_stat_row *by_category;   size_t n_category;
	jrc_stat_row *by_verdict;    size_t n_verdict;
	/* Supervision notices per department (supervise.c) on the cases
	 * counted: total notices, open (no reply yet), late (replied after
	 * the by-date or still open past it) in overdue. */
	jrc_stat_row *by_supervision; size_t n_supervision;
	/* Lawful termination (terminate.c), counted apart from closed: the
	 * cases counted that are concluded, and those filed after a
	 * conclusion and linked to it (the same person and matter again). */
	long terminated, linked_to_concluded;
	/* Cases by source: kiosk, desk, cli, visit (a leader's visit). */
	jrc_stat_row *by_source;     size_t n_source;
} jrc_stats;

/* Count cases filed between from and to (local YYYY-MM-DD, inclusive;
 * NULL for no bound).  "Open" are the states in which the department owes
 * the next step; "overdue" are those past their deadline today. */
jrc_status stats_collect(jrc_db *db, const char *from, const char *to, jrc_stats *out,
			 jrc_err *err);

/* Free the rows of s. */
void stats_free(jrc_stats *s);

#endif
