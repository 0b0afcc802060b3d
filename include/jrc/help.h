/* Help from staff (请工作人员帮我): a citizen stuck in the filing wizard
 * hands what was chosen and typed so far to the front desk.  The draft is
 * kept with a queue ticket (reason "help") until a clerk claims it and
 * files it, or until it expires (the help_expiry setting); then it is
 * wiped: the row is deleted under secure_delete, so nothing of it stays
 * in the database file.  Events name the ticket and that a draft exists,
 * never what it holds. */
#ifndef JRC_HELP_H
#define JRC_HELP_H

#include <stddef.h>
#include <stdint.h>

#include "jrc/db.h"
#include "jrc/queue.h"
#include "jrc/status.h"
#include "jrc/validate.h"

#define JRC_HELP_BUF(chars) ((chars) * 4 + 1)

enum { JRC_HELP_PHONE_MAX = 20 };

/* What the citizen chose and typed, as the wizard holds it. */
typedef struct jrc_help_draft {
	int step;                    /* the furthest wizard step reached */
	char category[8];
	int category_unsure;
	char township[16];
	char division[16];
	int person;                  /* 0 not said, 1 named, 2 anonymous */
	char name[JRC_HELP_BUF(JRC_NAME_MAX)];
	int id_other;
	char id_number[JRC_HELP_BUF(JRC_OTHER_DOC_MAX)];
	char phone[JRC_HELP_BUF(JRC_HELP_PHONE_MAX)];
	char text[JRC_HELP_BUF(JRC_TEXT_MAX)];
	char outcome[JRC_HELP_BUF(JRC_OUTCOME_MAX)];
} jrc_help_draft;

/* A waiting request as staff lists it: no personal data. */
typedef struct jrc_help_request {
	int64_t id, ticket_id;
	char ticket[JRC_TICKET_LABEL_SIZE];
	char created_at[32], expires_at[32];
	char claimed_at[32], claimed_by[48];   /* "" unless claimed */
	int step;
	char category[8];
} jrc_help_request;

/* The draft as text (one "key=value" line each, escaped); free *out. */
jrc_status help_draft_encode(const jrc_help_draft *d, char **out, jrc_err *err);

/* Back from help_draft_encode's text; unknown keys are skipped. */
jrc_status help_draft_decode(const char *s, jrc_help_draft *d, jrc_err *err);

/* When a request made at now expires under the help_expiry setting
 * ("end of day": the next local midnight; else a number of minutes). */
jrc_status help_expiry_at(jrc_db *db, jrc_time now, jrc_time *out, jrc_err *err);

/* Keep the draft and take a ticket for it (department's group, else the
 * question group; reason "help").  *ticket gets the ticket. */
jrc_status help_request_create(jrc_db *db, const jrc_help_draft *d, const char *department,
			       const char *actor, jrc_ticket *ticket, int64_t *id, jrc_err *err);

/* The requests still holding a draft, oldest first (expired ones are
 * wiped first); free *out. */
jrc_status help_request_list(jrc_db *db, jrc_help_request **out, size_t *n, jrc_err *err);

/* The request of a ticket; *found 0 if none (or wiped). */
jrc_status help_request_of_ticket(jrc_db *db, int64_t ticket_id, jrc_help_request *out,
				  int *found, jrc_err *err);

/* A clerk takes the request: marked claimed, its draft into *d. */
jrc_status help_request_claim(jrc_db *db, int64_t id, const char *actor, jrc_help_draft *d,
			      jrc_err *err);

/* The draft was filed as case_id: the request is wiped. */
jrc_status help_request_filed(jrc_db *db, int64_t id, int64_t case_id, const char *actor,
			      jrc_err *err);

/* Wipe every request whose time has passed; *wiped how many. */
jrc_status help_request_expire(jrc_db *db, long *wiped, jrc_err *err);

#endif
