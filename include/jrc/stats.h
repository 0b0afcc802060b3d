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

/* The same for the cases filed at one site (NULL: every site). */
jrc_status stats_collect_at(jrc_db *db, const char *from, const char *to, const char *site,
			    jrc_stats *out, jrc_err *err);

/* Free the rows of s. */
void stats_free(jrc_stats *s);

/* ------------------------------------------------------------ cross tables
 * Figures along one or two dimensions (jrc stats --by, the desk's charts,
 * the monthly report, the hall's board).  They are read from the summary
 * tables kept in the same transaction as every filing and transition
 * (tally.c), so they cost hundreds of rows at any size; overdue counts
 * come from the cases' deadline index. */
typedef enum jrc_dim {
	JRC_DIM_NONE = 0,  /* no breakdown: one cell, the totals */
	JRC_DIM_STATE,
	JRC_DIM_CATEGORY,
	JRC_DIM_DEPARTMENT,
	JRC_DIM_SITE,      /* the site (hall) that filed it */
	JRC_DIM_TOWNSHIP,  /* township or subdistrict of the case's place */
	JRC_DIM_VILLAGE,   /* village or community; "" when only a township was given */
	JRC_DIM_SOURCE,    /* kiosk, desk, cli, visit */
	JRC_DIM_MONTH,     /* month of filing, "YYYY-MM" (local) */
	JRC_DIM_COUNT
} jrc_dim;

/* The word for a dimension on the command line and in JSON ("township"),
 * and back; stats_dim_parse returns -1 for an unknown word. */
const char *stats_dim_name(jrc_dim d);
int stats_dim_parse(const char *word, jrc_dim *out);

typedef struct jrc_stat_cell {
	char k1[24], k2[24];   /* codes along dim1 and dim2; "" where no dimension */
	long total;            /* cases filed */
	long open;             /* still owed a step by the department */
	long overdue;          /* owed and past their deadline today */
	long answered;         /* answered at least once */
	long on_time;          /* of those, the first answer by its deadline */
	long rated;            /* a verdict was given on the first answer */
	long satisfied;        /* of those, "satisfied" */
	/* Every answer (first, review, re-review) by the first verdict on it. */
	long v_satisfied, v_basic, v_unsatisfied;
} jrc_stat_cell;

typedef struct jrc_stat_query {
	const char *from, *to; /* filing dates, local YYYY-MM-DD inclusive; NULL: unbounded */
	const char *site;      /* only cases filed at this site; NULL: every site */
	jrc_dim dim1, dim2;    /* dim2 JRC_DIM_NONE for a single breakdown */
} jrc_stat_query;

/* The cells of q, ordered by k1 then k2 (months ascending, codes as
 * sorted).  Cells with no cases are not returned.  free() *out. */
jrc_status stats_cross(jrc_db *db, const jrc_stat_query *q, jrc_stat_cell **out, size_t *n,
		       jrc_err *err);

/* Along q->dim1: cases filed in the period against the period of the same
 * length just before it (q->from and q->to both needed), the fastest
 * rising first (by the difference, then by the ratio).  free() *out. */
typedef struct jrc_stat_trend {
	char key[24];
	long now, before;
} jrc_stat_trend;
jrc_status stats_trend(jrc_db *db, const jrc_stat_query *q, jrc_stat_trend **out, size_t *n,
		       jrc_err *err);

/* A cell key in words for people: a category's, department's or place's
 * name in the interface language, a state or source in words, a month as
 * it is; the code itself when nothing better is known. */
const char *stats_label(jrc_db *db, jrc_dim d, const char *key, char *buf, size_t size);

#endif
