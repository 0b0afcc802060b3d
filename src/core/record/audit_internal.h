/* Private to the event log modules (audit.c, audit_cover.c,
 * audit_verify.c, anchor.c). */
#ifndef JRC_AUDIT_INTERNAL_H
#define JRC_AUDIT_INTERNAL_H

#include "db_internal.h"
#include "jrc/audit.h"

#define AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* The columns every reader selects, in this order. */
#define AUDIT_EVENT_COLS "id, at, actor, kind, case_id, from_state, to_state, note, prev_hash," \
	" hash, payload, scheme"

/* Scheme 1: SHA-256 of the row, no payload (events written before schema
 * version 2).  Scheme 2: HMAC-SHA256 under the ledger key, payload included. */
enum { AUDIT_SCHEME_PLAIN = 1, AUDIT_SCHEME_KEYED = 2 };

/* The hash of a stored row (a statement over AUDIT_EVENT_COLS) chained to
 * prev; key may be NULL only for scheme 1 rows.  0 on success. */
int audit_stored_hash(const char *prev, db_stmt *st, const unsigned char *key,
		      char out[65]);

/* The chain head: *found 0 on a log that never had a row. */
jrc_status audit_read_head(jrc_db *db, int64_t *last_id, char hash[65], int *found,
			   jrc_err *err);

/* The payload of an event: the rows it vouches for as they are now, a
 * JSON array of [table, key, [columns...]]; NULL when it covers none. */
jrc_status audit_cover_payload(jrc_db *db, const jrc_event_in *ev, char **payload,
			       jrc_err *err);

/* Compare every covered table with the last snapshot the log holds of
 * each row; JRC_E_TAMPERED naming the first case and field that differ.
 * *uncovered counts rows the log has no snapshot of that predate full
 * coverage, and legacy_note (size bytes) names the first few. */
jrc_status audit_check_tables(jrc_db *db, int legacy, jrc_verify_report *r, jrc_err *err);

/* An anchor (taken at `at`, n events, head hash want) against the log:
 * have 0 when event n is not there, got its stored hash, events the
 * length of the log.  JRC_E_TAMPERED with a sentence if they disagree. */
jrc_status audit_anchor_match(const char *at, int64_t n, const char *want, int have,
			      const char *got, int64_t events, jrc_verify_report *r, jrc_err *err);

#endif
