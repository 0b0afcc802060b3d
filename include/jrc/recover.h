/* "I lost my number": a citizen who gave an ID number and a phone when
 * filing gets the receipt numbers of their matters back by typing both.
 * A try that finds nothing counts like a failed status lookup (five within
 * an hour pause recovery for that ID number for an hour); the query code
 * is never shown: it goes to the phone once SMS exists, until then the
 * citizen brings the ID card to the front desk. */
#ifndef JRC_RECOVER_H
#define JRC_RECOVER_H

#include <stddef.h>

#include "jrc/db.h"
#include "jrc/lifecycle.h"
#include "jrc/lookup.h"
#include "jrc/receipt.h"

enum { JRC_RECOVER_MAX = 10 };   /* matters listed at most, newest first */

/* One matter found: nothing the citizen did not already know but the
 * number itself; the phone is masked. */
typedef struct jrc_recovered {
	char receipt[JRC_RECEIPT_MAX];
	char filed_on[16];              /* local YYYY-MM-DD */
	char category[8];
	jrc_state state;
	char phone_masked[32];
} jrc_recovered;

/* Find the matters filed with this resident ID number and this phone
 * (both as typed; checked and normalized first: a malformed one is
 * JRC_E_INVALID and not counted).  Nothing found: JRC_E_NOT_FOUND with
 * the tries left, counted; the fifth within the hour: JRC_E_LOCKED_OUT.
 * out gets up to JRC_RECOVER_MAX matters, *n how many. */
jrc_status recover_numbers(jrc_db *db, const char *id_number, const char *phone,
			   const char *source, jrc_recovered *out, size_t *n,
			   jrc_lookup_info *info, jrc_err *err);

#endif
