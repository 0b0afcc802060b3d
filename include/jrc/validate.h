/* Citizen-supplied identifiers: resident ID numbers, phones, names. */
#ifndef JRC_VALIDATE_H
#define JRC_VALIDATE_H

#include <stddef.h>
#include "jrc/status.h"
#include "jrc/mask.h"   /* the masks, for callers that check and mask */

enum {
	JRC_NAME_MAX = 40,        /* characters */
	JRC_TEXT_MAX = 4000,      /* characters, the Open311 limit */
	JRC_OUTCOME_MAX = 1000,   /* characters */
	JRC_OTHER_DOC_MAX = 32    /* characters of an "other document" number */
};

/* Check an 18-character resident ID number (GB 11643): digits, a check
 * character (0-9 or X, lower-case x accepted) that matches, and a real birth
 * date not after today_ymd (YYYYMMDD).  On success writes the normalized
 * form (upper-case X) to out (19 bytes). */
jrc_status validate_id_number(const char *id, const char *today_ymd,
			      char out[19], jrc_err *err);

/* The GB 11643 check character for the first 17 digits. */
char validate_id_check_char(const char *first17);

/* Check a phone: an 11-digit mobile starting 13-19, or a landline with
 * area code (0579-84123456, 057984123456, 010-12345678).  Spaces and
 * dashes are tolerated; out (24 bytes) gets the normalized form
 * (mobile: 11 digits; landline: AREA-NUMBER). */
jrc_status validate_phone(const char *phone, char out[24], jrc_err *err);

/* Check a person's name: 1-40 characters after sanitizing, no digits-only. */
jrc_status validate_name(const char *name, jrc_err *err);

/* Check free text: valid UTF-8, not empty after sanitizing (if required),
 * at most max characters.  field names the field in messages. */
jrc_status validate_text(const char *text, size_t max, int required,
			 const char *field, jrc_err *err);

/* Check an "other document" number: 4-32 letters, digits or dashes. */
jrc_status validate_other_doc(const char *doc, jrc_err *err);

#endif
