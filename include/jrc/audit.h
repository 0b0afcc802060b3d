/* The append-only, hash-chained event log. */
#ifndef JRC_AUDIT_H
#define JRC_AUDIT_H

#include <stdint.h>
#include "jrc/db.h"
#include "jrc/clock.h"

typedef struct jrc_event_in {
	const char *actor;      /* "citizen", "staff:ID", "system", "cli" */
	const char *kind;       /* filed, transition, booking, verdict, login ... */
	int64_t case_id;        /* 0: not about a case */
	const char *from_state, *to_state;   /* may be NULL */
	const char *note;       /* may be NULL */
	jrc_time at;            /* 0: clock_now() */
} jrc_event_in;

typedef struct jrc_event {
	int64_t id, case_id;
	char at[32];
	char actor[48];
	char kind[24];
	char from_state[24], to_state[24];
	char *note;             /* owned */
	char hash[65], prev_hash[65];
} jrc_event;

/* Append an event inside the caller's transaction; chains it to the last
 * row (SHA-256 of the previous hash and this row's content).  *id and
 * hash_out (65 bytes) may be NULL. */
jrc_status audit_append(jrc_db *db, const jrc_event_in *ev, int64_t *id,
			char *hash_out, jrc_err *err);

/* The hash an event row gets when stored with this id and `at` (UTC ISO
 * 8601 as clock_format_utc writes it) after a row hashed prev; 0 on
 * success.  For bulk loaders (the benchmark data generator) that write
 * thousands of rows and the audit_head themselves in one transaction. */
int audit_row_hash(const char *prev, int64_t id, const char *at, const jrc_event_in *ev,
		   char out[65]);

/* Events of a case, oldest first; free with audit_events_free. */
jrc_status audit_case_events(jrc_db *db, int64_t case_id, jrc_event **out,
			     size_t *n, jrc_err *err);
void audit_events_free(jrc_event *ev, size_t n);

/* The last events of any case or none, newest first, whose kind starts
 * with kind_prefix (NULL: all); limit 0: all.  Free with audit_events_free. */
jrc_status audit_recent_events(jrc_db *db, const char *kind_prefix, size_t limit,
			       jrc_event **out, size_t *n, jrc_err *err);

/* What a full check found. */
typedef struct jrc_verify_report {
	int integrity_ok;        /* PRAGMA integrity_check said ok */
	int64_t events;          /* events that checked out */
	int64_t bad_id;          /* the first bad event, 0 if none */
	int64_t bad_case;        /* a case that disagrees with its events, 0 if none */
	char head[65];           /* hash of the last event when all is well */
} jrc_verify_report;

/* Check everything: PRAGMA integrity_check and foreign_key_check, then the
 * chain from the first row to the head (a row changed, deleted, inserted
 * out of order, or cut off the end), then that every case has its filing
 * event and the state its last state event says.  JRC_OK, JRC_E_DB_CORRUPT,
 * or JRC_E_TAMPERED with a sentence naming the first bad event (r->bad_id)
 * or case (r->bad_case).  Anyone able to rewrite the whole chain after a
 * point can pass this check: the ledger checks on receipts catch that. */
jrc_status audit_verify_report(jrc_db *db, jrc_verify_report *r, jrc_err *err);

/* As audit_verify_report, giving only the first bad event id. */
jrc_status audit_verify(jrc_db *db, int64_t *bad_id, jrc_err *err);

/* The ledger check printed on a case's receipt: the first 8 hex digits of
 * the hash of its 'filed' event (the chain head right after filing). */
jrc_status audit_ledger_check(jrc_db *db, int64_t case_id, char out[9], jrc_err *err);

/* Compare a ledger check copied from a receipt (8 hex digits, any case,
 * spaces and dashes ignored) with the database: JRC_OK, JRC_E_INVALID for
 * a malformed check, JRC_E_TAMPERED when it differs. */
jrc_status audit_ledger_confirm(jrc_db *db, int64_t case_id, const char *given,
				jrc_err *err);

#endif
