/* The summary tables behind every figure (jrc stats, the desk's charts,
 * the monthly report, the hall's board): a recount for jrc verify. */
#ifndef JRC_TALLY_H
#define JRC_TALLY_H

#include "jrc/db.h"

/* A row of a summary table that does not match a recount of the cases. */
typedef struct jrc_tally_diff {
	char table[8];          /* day, month, all */
	char period[11];        /* the day or month; "" for all */
	char site[16], category[16], division[16], department[16], state[24], source[16];
	long kept, counted;     /* cases in the table, cases recounted */
	int other_counts;       /* the answered/on-time/verdict counts differ too */
} jrc_tally_diff;

typedef void (*jrc_tally_diff_fn)(const jrc_tally_diff *d, void *arg);

/* Recount every summary table from the cases and call fn for each row that
 * differs; *ndiff is their number (0: the figures are right). */
jrc_status tally_verify(jrc_db *db, jrc_tally_diff_fn fn, void *arg, long *ndiff, jrc_err *err);

#endif
