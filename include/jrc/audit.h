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

/* Events of a case, oldest first; free with audit_events_free. */
jrc_status audit_case_events(jrc_db *db, int64_t case_id, jrc_event **out,
			     size_t *n, jrc_err *err);
void audit_events_free(jrc_event *ev, size_t n);

/* Walk the chain from the first row: JRC_OK, or JRC_E_TAMPERED with the
 * first bad event id in *bad_id and a sentence. */
jrc_status audit_verify(jrc_db *db, int64_t *bad_id, jrc_err *err);

#endif
