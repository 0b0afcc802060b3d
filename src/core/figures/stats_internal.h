/* Private to the figures: the cross tables along up to four dimensions at
 * once, for jrc stats's breakdowns read in one pass. */
#ifndef JRC_STATS_INTERNAL_H
#define JRC_STATS_INTERNAL_H

#include "jrc/stats.h"

typedef struct jrc_stat_cell4 {
	char k[4][24];          /* the codes along the four dimensions */
	jrc_stat_cell c;        /* the figures (its k1, k2 unused) */
} jrc_stat_cell4;

/* The cells of q's period and site along dims (JRC_DIM_NONE where fewer),
 * ordered by the keys.  free() *out. */
jrc_status stats_cross4(jrc_db *db, const jrc_stat_query *q, const jrc_dim dims[4],
			jrc_stat_cell4 **out, size_t *n, jrc_err *err);

#endif
