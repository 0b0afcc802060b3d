/* The append-only, hash-chained event log. */
#ifndef JRC_AUDIT_H
#define JRC_AUDIT_H

#include <stdint.h>
#include "jrc/db.h"
#include "jrc/clock.h"

/* A row an event vouches for: table and its key (id, or key_text for a
 * text key such as a staff ID).  The row is copied into the event as it
 * is when the event is appended, so write the row first. */
typedef struct jrc_cover {
	const char *table;      /* cases, lifecycle_steps, verdicts, bookings, arrivals,
				   supervisions, hearings, hearing_panel, concluded_links, staff,
				   ... tickets (audit_cover.c lists them all) */
	int64_t id;
	const char *key_text;   /* NULL: the key is id */
} jrc_cover;

enum { JRC_EVENT_COVERS = 6 };

typedef struct jrc_event_in {
	const char *actor;      /* "citizen", "staff:ID", "system", "cli" */
	const char *kind;       /* filed, transition, booking, verdict, login ... */
	int64_t case_id;        /* 0: not about a case */
	const char *from_state, *to_state;   /* may be NULL */
	const char *note;       /* may be NULL */
	jrc_time at;            /* 0: clock_now() */
	jrc_cover cover[JRC_EVENT_COVERS];  /* rows it vouches for; table NULL ends */
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
 * row (HMAC-SHA256 under the ledger key of the previous hash, this row's
 * content and the rows it covers).  *id and hash_out (65 bytes) may be
 * NULL.  Without a readable ledger key nothing is written (JRC_E_IO); a
 * log shorter than its last anchor is JRC_E_TAMPERED. */
jrc_status audit_append(jrc_db *db, const jrc_event_in *ev, int64_t *id,
			char *hash_out, jrc_err *err);

/* The id the next event will get, for rows keyed by their event (a
 * lifecycle step, a verdict) that must be written before the event that
 * covers them; it also defers foreign key checks to the commit.  Inside a
 * transaction only. */
jrc_status audit_next_id(jrc_db *db, int64_t *id, jrc_err *err);

/* The hash an event row gets (scheme 2, payload NULL) when stored with
 * this id and `at` (UTC ISO 8601 as clock_format_utc writes it) after a
 * row hashed prev, under key; 0 on success.  For bulk loaders (the
 * benchmark data generator) that write thousands of rows and the
 * audit_head themselves in one transaction. */
int audit_row_hash(const unsigned char *key, const char *prev, int64_t id, const char *at,
		   const jrc_event_in *ev, char out[65]);

/* JRC_OK when the ledger key can be read, else JRC_E_IO with a sentence
 * for staff: terminals check it before they take in anything. */
jrc_status audit_key_ready(jrc_db *db, jrc_err *err);

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
	int keyed;               /* the ledger key was read: hashes were recomputed */
	char key_problem[520];   /* why not, when !keyed */
	int64_t legacy_events;   /* events written before the chain was keyed */
	int64_t uncovered;       /* rows with no copy in the log (written before) */
	char uncovered_note[300];/* the first of them, named */
	int64_t anchors;         /* anchors in the database that checked out */
} jrc_verify_report;

/* Check everything: PRAGMA integrity_check and foreign_key_check, then the
 * chain from the first row to the head (a row changed, deleted, inserted
 * out of order, or cut off the end; with the ledger key every hash is
 * recomputed, without it only the links, and r->keyed says which), then
 * the anchors recorded in the database, then that every case has its
 * filing event and the state its last state event says, and that every
 * covered table agrees with the last copy of each row in the log.
 * JRC_OK, JRC_E_DB_CORRUPT, or JRC_E_TAMPERED with a sentence naming the
 * first bad event (r->bad_id) or case and field (r->bad_case). */
jrc_status audit_verify_report(jrc_db *db, jrc_verify_report *r, jrc_err *err);

/* As audit_verify_report, giving only the first bad event id. */
jrc_status audit_verify(jrc_db *db, int64_t *bad_id, jrc_err *err);

/* The ledger check printed on a case's receipt: the first 16 hex digits
 * of the hash of its 'filed' event (the chain head right after filing),
 * in four groups of four ("0a1b 2c3d 4e5f 6a7b"). */
enum { JRC_LEDGER_CHECK_SIZE = 20 };
jrc_status audit_ledger_check(jrc_db *db, int64_t case_id, char out[JRC_LEDGER_CHECK_SIZE],
			      jrc_err *err);

/* Compare a ledger check copied from a receipt (16 hex digits, any case,
 * spaces and dashes ignored) with the database: JRC_OK, JRC_E_INVALID for
 * a malformed check (the old 8-digit form included), JRC_E_TAMPERED when
 * it differs. */
jrc_status audit_ledger_confirm(jrc_db *db, int64_t case_id, const char *given,
				jrc_err *err);

#endif
