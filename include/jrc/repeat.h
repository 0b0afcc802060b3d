/* Repeat matters (重复信访): the same person, the same kind of matter,
 * again while an earlier case is open or recent. */
#ifndef JRC_REPEAT_H
#define JRC_REPEAT_H

#include <stdint.h>
#include "jrc/db.h"

enum { JRC_REPEAT_DAYS = 180 };

/* The most recent earlier case with this ID number and category that is
 * still open, or was filed or last moved within JRC_REPEAT_DAYS of now.
 * *earlier is 0 if there is none.  exclude_id (0: none) is left out. */
jrc_status repeat_find(jrc_db *db, const char *id_number, const char *category,
		       int64_t exclude_id, int64_t *earlier, jrc_err *err);

/* A case just filed, as its filing knows it. */
typedef struct jrc_repeat_filing {
	int64_t case_id;
	const char *id_number, *category;
	const char *actor;   /* who filed it: "staff:D001" or the channel */
} jrc_repeat_filing;

/* For a case just filed (inside the filing transaction): find an earlier
 * case as repeat_find does, link it in cases.related_case and record a
 * "repeat" event naming the earlier receipt.  Filing is never refused. */
jrc_status repeat_link(jrc_db *db, const jrc_repeat_filing *f, jrc_err *err);

#endif
