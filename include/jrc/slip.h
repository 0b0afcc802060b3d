/* The slip a citizen takes home after asking for a review (复查) or a
 * re-review (复核): the receipt number, the day of the request and the day
 * the answer is due. */
#ifndef JRC_SLIP_H
#define JRC_SLIP_H

#include <stdint.h>
#include "jrc/db.h"
#include "jrc/anchor.h"
#include "jrc/doc.h"

/* The slip of a case now in review_requested or rereview_requested, laid
 * out for cols columns (Chinese with English under the key lines); free
 * with doc_free.  JRC_E_REFUSED if the case is in neither state. */
jrc_status slip_review_doc(jrc_db *db, const char *receipt, int cols, jrc_doc *out,
			   jrc_err *err);

/* Print that slip on uri (NULL: the "printer" setting) with the site's
 * paper, encoding and cut settings, for actor ("kiosk", "staff:ID",
 * "cli").  *printed (may be NULL) is 1 when it went out, 0 when the
 * printer is "none".  Failures are JRC_E_PRINTER with a sentence; each
 * attempt is a print_jobs row of document "review_slip" with its event
 * ("slip_printed" or "slip_print_failed"), so a failed slip is listed
 * with the failed receipts for staff to print again. */
jrc_status slip_review_print(jrc_db *db, const char *receipt, const char *uri,
			     const char *actor, int *printed, jrc_err *err);

/* The termination slip (依法终结告知) of a lawfully concluded case: the day,
 * the reason, what the conclusion means, and the legal channel that
 * remains; cols columns, Chinese with English under it, or English only
 * (en_only, for printers without Chinese).  JRC_E_REFUSED if the case is
 * not concluded. */
jrc_status slip_term_doc(jrc_db *db, const char *receipt, int cols, int en_only, jrc_doc *out,
			 jrc_err *err);

/* Print the termination slip on uri (NULL: the "printer" setting) with the
 * site's paper and encoding; *printed 0 for the printer "none".  A failure
 * is JRC_E_PRINTER with a sentence; `jrc print RECEIPT --termination`
 * prints it again. */
jrc_status slip_term_print(jrc_db *db, const char *receipt, const char *uri, int *printed,
			   jrc_err *err);

/* Print the anchor slip (for the supervisor's signed daily record) on
 * uri (NULL: the "printer" setting); *printed 0 for the printer "none". */
jrc_status slip_anchor_print(jrc_db *db, const jrc_anchor *a, const char *uri, int *printed,
			     jrc_err *err);

/* The notice of hearing id (hearing.h): when, where, the department and
 * its representative, the panel, and the result once recorded; laid out
 * for cols columns.  Free with doc_free. */
jrc_status hearing_notice_doc(jrc_db *db, int64_t id, int cols, jrc_doc *out, jrc_err *err);

/* Print that notice on uri (NULL: the "printer" setting); *printed 0 for
 * the printer "none".  Failures are JRC_E_PRINTER with a sentence. */
jrc_status hearing_notice_print(jrc_db *db, int64_t id, const char *uri, int *printed,
				jrc_err *err);

#endif
