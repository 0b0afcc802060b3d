/* Staff work on a case that is not a lifecycle move: correcting intake
 * details and internal notes.  Both check the role in the core and leave
 * an event. */
#ifndef JRC_GRIEVANCE_EDIT_H
#define JRC_GRIEVANCE_EDIT_H

#include "jrc/auth.h"
#include "jrc/db.h"

enum { JRC_NOTE_MAX = 2000 };   /* characters */

/* The fields to correct; NULL leaves a field as it is.  An empty outcome
 * clears it. */
typedef struct jrc_intake_edit {
	const char *name;
	const char *id_kind;      /* "resident" or "other", with id_number */
	const char *id_number;
	const char *phone;
	const char *text;
	const char *outcome;
} jrc_intake_edit;

/* Correct the intake of a registered case (desk or supervisor), checked
 * as at filing.  The event "intake_edited" lists each changed field with
 * its old value, so nothing said at the desk is lost.  A case filed
 * anonymously keeps no personal data: editing it is refused. */
jrc_status grievance_edit_intake(jrc_db *db, const jrc_staff *by, const char *receipt,
				 const jrc_intake_edit *ed, jrc_err *err);

/* The note of an "intake_edited" event with the old name, ID number and
 * phone masked as the current ones are; a new string (NULL: no memory). */
char *grievance_edit_note_masked(const char *note);

/* Add an internal note (event "note"), seen by staff only. */
jrc_status grievance_add_note(jrc_db *db, const jrc_staff *by, const char *receipt,
			      const char *text, jrc_err *err);

/* Reprint a case's receipt for staff (desk or supervisor): the role is
 * checked here, the printing and its record are print_receipt's.  uri
 * NULL: the site's printer setting. */
jrc_status grievance_reprint(jrc_db *db, const jrc_staff *by, const char *receipt,
			     const char *uri, jrc_err *err);

/* The same for a failed print's document ("receipt" or "review_slip"). */
jrc_status grievance_reprint_doc(jrc_db *db, const jrc_staff *by, const char *receipt,
				 const char *document, const char *uri, jrc_err *err);

#endif
