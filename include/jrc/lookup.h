/* A citizen looks up their matter: receipt number plus the query code or
 * the last 4 phone digits.  The phone digits show the state only; a
 * verdict or a review request needs the query code.  Failed tries are
 * recorded and limited twice over:
 * - per receipt: five within an hour (not reset by a success with the
 *   phone digits) stop the phone digits for that receipt for an hour; the
 *   owner with the right query code still gets through;
 * - per terminal (the source: "kiosk:TTY", or "cli:SITE" for a site's
 *   command line), across receipts: growing waits, and a pause after a
 *   few misses within the hour. */
#ifndef JRC_LOOKUP_H
#define JRC_LOOKUP_H

#include <stddef.h>
#include <stdint.h>
#include "jrc/clock.h"
#include "jrc/db.h"
#include "jrc/lifecycle.h"
#include "jrc/receipt.h"
#include "jrc/site.h"

enum {
	JRC_LOOKUP_MAX_FAILS = 5,        /* failures that lock */
	JRC_LOOKUP_WINDOW = 3600,        /* seconds they are counted over */
	JRC_LOOKUP_LOCK = 3600,          /* seconds a lock lasts */
	JRC_LOOKUP_TERMINAL_FAILS = 8,   /* misses at one terminal that pause it */
	JRC_LOOKUP_TERMINAL_PAUSE = 900  /* seconds the pause lasts after the last */
};

typedef enum jrc_proof {
	JRC_PROOF_CODE,      /* the 6-digit query code on the receipt */
	JRC_PROOF_PHONE4     /* the last 4 digits of the registered phone */
} jrc_proof;

/* How the tries on a receipt stand (after the try just made). */
typedef struct jrc_lookup_info {
	int failures;           /* failed tries counted towards the lock */
	int tries_left;         /* before the lock */
	int delay_seconds;      /* the kiosk waits this long before the next try */
	jrc_time locked_until;  /* 0: the phone digits may be used */
	int terminal_failures;  /* misses at this terminal within the hour */
	jrc_time terminal_last_fail;
	jrc_time terminal_paused_until;   /* 0: the terminal may look up */
} jrc_lookup_info;

/* Seconds to slow a kiosk down after `failures` failed tries in a row:
 * 0, then growing (2, 4, 8, 16 ...), capped at a minute. */
int lookup_delay_seconds(int failures);

/* Check receipt (canonical form) and proof, and record the try (source:
 * "kiosk", "cli" ...).  On success *case_id (may be NULL) gets the case.
 * Wrong proof: JRC_E_AUTH with the tries left; the fifth within the hour:
 * JRC_E_LOCKED_OUT, recorded as an event.  A malformed proof is
 * JRC_E_INVALID and not counted.  info may be NULL. */
jrc_status lookup_verify(jrc_db *db, const char *receipt, jrc_proof kind,
			 const char *proof, const char *source,
			 int64_t *case_id, jrc_lookup_info *info,
			 jrc_err *err);

/* How the tries on a receipt stand now, without trying (for staff). */
jrc_status lookup_info(jrc_db *db, const char *receipt, jrc_lookup_info *info,
		       jrc_err *err);

/* How the misses at a terminal (source) stand now: the terminal_ fields
 * and delay_seconds, the wait still due after its last miss. */
jrc_status lookup_terminal_info(jrc_db *db, const char *source,
				jrc_lookup_info *info, jrc_err *err);

/* Lift a lock early (staff who checked the citizen's ID); an event. */
jrc_status lookup_unlock(jrc_db *db, const char *receipt, const char *actor,
			 jrc_err *err);

/* ---------------------------------------------------------------- the citizen's view */

/* One line of the citizen's timeline. */
typedef struct jrc_progress_step {
	char date[11];            /* local YYYY-MM-DD */
	jrc_state state;          /* the state entered */
	/* What the citizen is told, owned, NULL when there is nothing (or
	 * nothing for a citizen's eyes, such as a mediation note): */
	char *reason;             /* declined, passed on, extended, closed early */
	char *channel;            /* declined: where to take the matter instead */
	char *answer;             /* a written answer */
	char department_zh[96], department_en[128];   /* passed on: to whom */
} jrc_progress_step;

/* Everything a citizen may see about their matter, and nothing more:
 * personal data masked, no internal notes, no query code. */
typedef struct jrc_progress {
	char receipt[JRC_RECEIPT_MAX];
	jrc_state state;
	char department[16];
	char department_zh[96], department_en[128];
	char window[16], department_phone[24];
	char category_zh[64], category_en[96];
	char filed_on[11];
	int anonymous;
	char name[128], phone[32];          /* masked */
	jrc_progress_step *steps;
	size_t nsteps;
	char due_on[11];                    /* "" if no deadline runs */
	long days_left;                     /* negative: overdue */
	char *answer;                       /* latest written answer, may be NULL */
	char answered_on[11];
	jrc_verdict verdict;                /* given on the latest answer */
	int can_give_verdict;
	int can_request_review;             /* now, within the window */
	int needs_code;                     /* looked up by phone digits: a verdict
					       or review needs the query code */
	jrc_state review_state;             /* review_ or rereview_requested */
	/* The case's latest public hearing (hearing.h), if any: */
	int has_hearing;
	char hearing_on[11], hearing_at[6]; /* local YYYY-MM-DD, HH:MM */
	char *hearing_place;                /* owned */
	int hearing_result;                 /* a jrc_conclusion; 0 until recorded */
	/* Filed again after the same matter was lawfully concluded: that
	 * matter's number and day, and the way that remains (owned); "" and
	 * NULL otherwise. */
	char concluded_receipt[JRC_RECEIPT_MAX];
	char concluded_on[11];
	char *concluded_channel;
	/* Where the matter went between the levels and who handles it
	 * jointly (site.h): names only, for handling_sentence. */
	jrc_handling_words handling;
} jrc_progress;

/* The citizen's view of a case (by id) as of now. */
jrc_status lookup_progress_of(jrc_db *db, int64_t case_id, jrc_progress *out,
			      jrc_err *err);

/* lookup_verify, then (on success) record a closing that is due and build
 * the citizen's view, all in one transaction. */
jrc_status lookup_progress(jrc_db *db, const char *receipt, jrc_proof kind,
			   const char *proof, const char *source,
			   jrc_progress *out, jrc_lookup_info *info,
			   jrc_err *err);

/* Free the owned parts of p (not p itself). */
void lookup_progress_free(jrc_progress *p);

#endif
