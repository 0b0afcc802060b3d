/* Supervision notices (督办, issue 21): county staff with the supervisor
 * role press a department on a case that still owes a step (overdue or
 * otherwise flagged): what is expected and by when.  The department
 * acknowledges and replies; a reply after the by-date is late.  Each
 * notice is a row of supervisions, and every change of it is an event of
 * the case that carries the row (jrc verify holds the table to them). */
#ifndef JRC_SUPERVISE_H
#define JRC_SUPERVISE_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/receipt.h"

struct jrc_staff;

enum {
	JRC_SUPERVISE_NOTE_MAX = 1000,   /* characters, the note and the reply */
	/* A case already past its deadline has no statutory time left: the
	 * notice may give at most this many days from today. */
	JRC_SUPERVISE_OVERDUE_DAYS = 5
};

typedef struct jrc_supervision {
	int64_t id, case_id;
	char receipt[JRC_RECEIPT_MAX];
	char department[16];
	char *note;                 /* owned: what is expected */
	char by_on[11];             /* local YYYY-MM-DD */
	char issued_at[32], issued_by[48];
	char acked_at[32], acked_by[48];     /* "" until acknowledged */
	char *reply;                /* owned, NULL until replied */
	char replied_at[32], replied_by[48];
	int late;                   /* replied after by_on, or open past it today */
} jrc_supervision;

/* The latest date a notice on case receipt may give (local YYYY-MM-DD):
 * the case's running deadline, or JRC_SUPERVISE_OVERDUE_DAYS from today
 * when that has passed.  JRC_E_REFUSED when the case owes no step. */
jrc_status supervise_latest(jrc_db *db, const char *receipt, char out[11], jrc_err *err);

/* Issue a notice to department on case receipt, by by_on (YYYY-MM-DD,
 * today to supervise_latest), with note.  Supervisors only; one open
 * notice per case.  Anything refused changes nothing; *id may be NULL. */
jrc_status supervise_issue(jrc_db *db, const struct jrc_staff *by, const char *receipt,
			   const char *department, const char *by_on, const char *note,
			   int64_t *id, jrc_err *err);

/* Acknowledge the case's open notice: a handler of its department or a
 * supervisor, once. */
jrc_status supervise_ack(jrc_db *db, const struct jrc_staff *by, const char *receipt,
			 jrc_err *err);

/* Reply to the case's acknowledged open notice; *late (may be NULL) says
 * whether the reply came after the by-date. */
jrc_status supervise_reply(jrc_db *db, const struct jrc_staff *by, const char *receipt,
			   const char *reply, int *late, jrc_err *err);

/* What to list: late_only, department NULL for any, case_id 0 for any. */
typedef struct jrc_supervise_filter {
	int late_only;
	const char *department;
	int64_t case_id;
} jrc_supervise_filter;

/* Notices matching f, newest first; free with supervise_list_free. */
jrc_status supervise_list(jrc_db *db, const jrc_supervise_filter *f, jrc_supervision **out,
			  size_t *n, jrc_err *err);
void supervise_list_free(jrc_supervision *v, size_t n);

/* The SQL condition "case cid has an open notice", for lists of cases. */
#define SUPERVISE_OPEN_SQL(cid) \
	"EXISTS (SELECT 1 FROM supervisions s WHERE s.case_id = " cid " AND s.replied_at IS NULL)"

#endif
