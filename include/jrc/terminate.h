/* Lawful termination (依法终结): a matter that has been through answer,
 * review and re-review (复核), or whose handling a public hearing found
 * reasonable, is concluded by a supervisor with a written reason and the
 * legal channel that remains.  It is final: nothing moves it afterwards,
 * and a later filing by the same person on the same kind of matter at the
 * same place is still registered but linked to it at once. */
#ifndef JRC_TERMINATE_H
#define JRC_TERMINATE_H

#include <stdint.h>
#include "jrc/db.h"
#include "jrc/receipt.h"

/* The grounds on which a case may be concluded (bits of which). */
enum {
	JRC_TERM_REREVIEW = 1,    /* a re-review answer was given */
	JRC_TERM_HEARING = 2      /* a public hearing found the handling reasonable */
};

typedef struct jrc_term_grounds {
	unsigned which;           /* 0: no ground, the case may not be concluded */
	char rereview_on[11];     /* local YYYY-MM-DD of the re-review answer, or "" */
	char hearing_on[11];      /* YYYY-MM-DD of the hearing, or "" */
} jrc_term_grounds;

/* The one place that says whether case_id may be lawfully concluded. */
jrc_status term_grounds(jrc_db *db, int64_t case_id, jrc_term_grounds *g, jrc_err *err);

/* What a move to terminated needs besides the table's role: a ground
 * (JRC_E_REFUSED with a sentence if none), a reason and the remaining
 * channel (JRC_E_INVALID naming the field).  lifecycle_check calls it. */
jrc_status term_check(jrc_db *db, int64_t case_id, const char *reason, const char *channel,
		      jrc_err *err);

/* JRC_E_REFUSED with the sentence for any move asked of a concluded case:
 * when it was concluded and where the citizen can still go. */
jrc_status term_refuse_move(jrc_db *db, int64_t case_id, jrc_err *err);

/* The conclusion of a terminated case, as its step recorded it. */
typedef struct jrc_termination {
	int64_t case_id;
	char receipt[JRC_RECEIPT_MAX];
	char on[11];              /* local YYYY-MM-DD */
	char at[32];              /* UTC ISO 8601 */
	char actor[48];
	char reason[4096];
	char channel[4096];
} jrc_termination;

/* The conclusion of case_id; *found 0 (and JRC_OK) if it is not concluded. */
jrc_status term_get(jrc_db *db, int64_t case_id, jrc_termination *out, int *found,
		    jrc_err *err);

/* The concluded matter a case was linked to when it was filed;
 * *found 0 if none. */
jrc_status term_link_of(jrc_db *db, int64_t case_id, jrc_termination *out, int *found,
			jrc_err *err);

/* For a case just filed (inside the filing transaction): if the same ID
 * number filed on the same category and place before and that matter is
 * concluded, link the new case to it (cases.related_case and a
 * concluded_links row) and record a "concluded_link" event covering both.
 * *linked (may be NULL) is 1 when it did.  Filing is never refused. */
jrc_status term_link_filing(jrc_db *db, int64_t case_id, int *linked, jrc_err *err);

#endif
