/* Daily anchors: the head of the event chain (time, number of events,
 * hash) kept in the database, on a slip the supervisor signs, and in
 * syslog, so that a log cut short or rewritten shows against them. */
#ifndef JRC_ANCHOR_H
#define JRC_ANCHOR_H

#include <stdint.h>
#include "jrc/audit.h"
#include "jrc/db.h"

typedef struct jrc_anchor {
	char at[32];        /* UTC ISO 8601 */
	int64_t events;     /* the number of events (the last event's id) */
	char hash[65];      /* that event's hash */
	char site[8];
} jrc_anchor;

/* The form of an anchor in a file, one per line:
 * "JRC-ANCHOR <at> <events> <hash>" (anything after is ignored). */
enum { JRC_ANCHOR_LINE_SIZE = 160 };
void anchor_line(const jrc_anchor *a, char out[JRC_ANCHOR_LINE_SIZE]);

/* Verify the whole record first (with the ledger key; without it,
 * JRC_E_IO), then record its head as an anchor.  On a record that fails
 * verification nothing is anchored and the verify error is returned. */
jrc_status anchor_take(jrc_db *db, const char *actor, jrc_anchor *out, jrc_err *err);

/* Check the anchors in a file (lines as anchor_line writes them; blank
 * lines and lines starting with '#' skipped) against the log, after a
 * verify that passed (r from it).  *checked counts them.  JRC_E_INVALID
 * naming the line for one that does not parse; JRC_E_TAMPERED for one
 * the log disagrees with; JRC_E_IO if the file cannot be read. */
jrc_status anchor_check_file(jrc_db *db, const char *path, jrc_verify_report *r,
			     int64_t *checked, jrc_err *err);

#endif
