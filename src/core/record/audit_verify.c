/* jrc verify's part of the event log: the file, the chain (keyed when the
 * ledger key can be read), the anchors, the cases and the covered tables;
 * and the ledger check printed on receipts. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_internal.h"
#include "jrc/i18n.h"

#define GENESIS AUDIT_GENESIS
#define EVENT_COLS AUDIT_EVENT_COLS

/* The file itself is sound and no row points at one that was removed. */
static jrc_status check_file(jrc_db *db, jrc_verify_report *r, jrc_err *err)
{
	db_file_check fc;
	jrc_status s;

	if ((s = db_check_file(db, &fc, err)))
		return s;
	if (fc.damage[0])
		return jrc_err_set(err, JRC_E_DB_CORRUPT, NULL,
				   _("The database file is damaged (%s): restore it from a backup and report this to the supervisor."),
				   fc.damage);
	r->integrity_ok = 1;
	if (!fc.dangling)
		return JRC_OK;
	if (strcmp(fc.table, "events") == 0)
		r->bad_id = fc.rowid;
	else if (strcmp(fc.table, "cases") == 0)
		r->bad_case = fc.rowid;
	return jrc_err_set(err, JRC_E_TAMPERED, NULL,
			   _("Row %" PRId64 " of %s points at a row of %s that is gone: something was deleted; report this to the supervisor and keep a copy of the database file as it is."),
			   fc.rowid, fc.table, fc.parent);
}

static jrc_status tampered(jrc_verify_report *r, int64_t id, jrc_err *err, const char *what)
{
	r->bad_id = id;
	return jrc_err_set(err, JRC_E_TAMPERED, NULL, "%s %s", what,
			   _("Report this to the supervisor and keep a copy of the database file as it is."));
}

/* Walk every row: each must follow the one before (id + 1, its prev_hash
 * the previous hash) and hash to what it says; the last must be the head.
 * Without the key, keyed rows are taken at their word (links only).  No
 * plain row may follow a keyed one: anyone can compute a plain hash. */
static jrc_status check_chain(jrc_db *db, const unsigned char *key, jrc_verify_report *r,
			      jrc_err *err)
{
	int seen_keyed = 0;
	db_stmt *st;
	jrc_status s = JRC_OK;
	char prev[65] = GENESIS, hash[65], what[320], head[65];
	int64_t last_id = 0, head_id;
	int rc, found;

	if ((s = audit_read_head(db, &head_id, head, &found, err)))
		return s;
	if ((s = db_prepare(db, "SELECT " EVENT_COLS " FROM events ORDER BY id", &st, err)))
		return s;
	while ((rc = db_step(db, st)) == DB_ROW) {
		int64_t id = db_col_int64(st, 0);
		const char *stored_prev = db_col_text(st, 8);
		const char *stored = db_col_text(st, 9);
		int keyed = db_col_int(st, 11) == AUDIT_SCHEME_KEYED;

		if (!keyed && seen_keyed) {
			snprintf(what, sizeof(what),
				 _("Event %" PRId64 " is not keyed although events before it are: it was written behind the program's back."),
				 id);
			s = tampered(r, id, err, what);
			break;
		}
		seen_keyed |= keyed;
		if (!keyed)
			r->legacy_events++;
		if (keyed && !key) {
			/* Structure only: the row is taken at its word. */
			snprintf(hash, sizeof(hash), "%s", stored ? stored : "");
		} else if (audit_stored_hash(prev, st, key, hash) != 0) {
			s = jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
			break;
		}
		if (id != last_id + 1 || !stored_prev || strcmp(stored_prev, prev) != 0) {
			snprintf(what, sizeof(what),
				 _("Event %" PRId64 " does not follow on from the one before it: an event just before it was changed, removed or slipped in."),
				 id);
			s = tampered(r, id, err, what);
			break;
		}
		if (!stored || strcmp(stored, hash) != 0) {
			snprintf(what, sizeof(what),
				 _("Event %" PRId64 " was changed after it was written."), id);
			s = tampered(r, id, err, what);
			break;
		}
		memcpy(prev, hash, sizeof(prev));
		last_id = id;
		r->events++;
	}
	if (s == JRC_OK && rc != DB_DONE)
		s = db_fail(db, rc, err);
	db_finalize(st);
	if (s != JRC_OK)
		return s;
	if (!found && last_id != 0) {
		snprintf(what, sizeof(what),
			 _("The record of where the event log ends is gone (the log has %" PRId64 " events)."),
			 last_id);
		return tampered(r, last_id, err, what);
	}
	if (found && head_id == last_id + 1) {
		snprintf(what, sizeof(what),
			 _("Event %" PRId64 " is missing from the end of the log."), head_id);
		return tampered(r, head_id, err, what);
	}
	if (found && head_id > last_id) {
		snprintf(what, sizeof(what),
			 _("Events %" PRId64 " to %" PRId64 " are missing from the end of the log."),
			 last_id + 1, head_id);
		return tampered(r, last_id + 1, err, what);
	}
	if (found && head_id < last_id) {
		snprintf(what, sizeof(what),
			 _("Event %" PRId64 " was added behind the program's back."), head_id + 1);
		return tampered(r, head_id + 1, err, what);
	}
	if (found && strcmp(head, prev) != 0) {
		snprintf(what, sizeof(what),
			 _("Event %" PRId64 " was changed after it was written."), last_id);
		return tampered(r, last_id, err, what);
	}
	memcpy(r->head, prev, sizeof(r->head));
	return JRC_OK;
}

/* A case's state is its last state event's: a state changed in the cases
 * table alone, or a case without its filing event, shows here. */
static jrc_status check_cases(jrc_db *db, jrc_verify_report *r, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db,
			    "SELECT id, receipt, state, last, filed FROM"
			    " (SELECT c.id AS id, c.receipt AS receipt, c.state AS state,"
			    "  (SELECT e.to_state FROM events e WHERE e.case_id = c.id"
			    "   AND e.to_state IS NOT NULL ORDER BY e.id DESC LIMIT 1) AS last,"
			    "  (SELECT count(*) FROM events e WHERE e.case_id = c.id"
			    "   AND e.kind = 'filed') AS filed FROM cases c) AS k"
			    " WHERE last IS NULL OR last <> state OR filed <> 1"
			    " ORDER BY id LIMIT 1", &st, err)))
		return s;
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		char receipt[40], state[32], last[32];

		r->bad_case = db_col_int64(st, 0);
		db_col_copy(st, 1, receipt, sizeof(receipt));
		db_col_copy(st, 2, state, sizeof(state));
		db_col_copy(st, 3, last, sizeof(last));
		if (db_col_int(st, 4) != 1)
			s = jrc_err_set(err, JRC_E_TAMPERED, NULL,
					_("Case %s has no filing event in the log: it was added or changed behind the program's back. Report this to the supervisor and keep a copy of the database file as it is."),
					receipt);
		else
			s = jrc_err_set(err, JRC_E_TAMPERED, NULL,
					_("Case %s says '%s' but its events say '%s': the case was changed behind the program's back. Report this to the supervisor and keep a copy of the database file as it is."),
					receipt, state, last);
	} else if (rc != DB_DONE) {
		s = db_fail(db, rc, err);
	}
	db_finalize(st);
	return s;
}

/* Each anchor kept in the database names an event and its hash: the event
 * must still be there with that hash (the chain is already checked). */
static jrc_status check_db_anchors(jrc_db *db, jrc_verify_report *r, jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "SELECT a.at, a.events, a.hash, e.hash FROM anchors a"
			    " LEFT JOIN events e ON e.id = a.events ORDER BY a.id", &st, err)))
		return s;
	while ((rc = db_step(db, st)) == DB_ROW) {
		char at[40], want[65], got[65];
		int64_t n = db_col_int64(st, 1);

		db_col_copy(st, 0, at, sizeof(at));
		db_col_copy(st, 2, want, sizeof(want));
		db_col_copy(st, 3, got, sizeof(got));
		if ((s = audit_anchor_match(at, n, want, !db_col_is_null(st, 3),
					    got, r->events, r, err)) != JRC_OK)
			break;
		r->anchors++;
	}
	if (s == JRC_OK && rc != DB_DONE)
		s = db_fail(db, rc, err);
	db_finalize(st);
	return s;
}

jrc_status audit_anchor_match(const char *at, int64_t n, const char *want, int have,
			      const char *got, int64_t events, jrc_verify_report *r, jrc_err *err)
{
	if (n == 0)
		return JRC_OK;
	if (!have || n > events) {
		r->bad_id = n;
		return jrc_err_set(err, JRC_E_TAMPERED, NULL,
				   _("The anchor of %s counted %" PRId64 " events but the log now has %" PRId64 ": events were removed from the end (with the cases they filed). Report this to the supervisor and keep a copy of the database file as it is."),
				   at, n, events);
	}
	if (strcmp(want, got) != 0) {
		r->bad_id = n;
		return jrc_err_set(err, JRC_E_TAMPERED, NULL,
				   _("Event %" PRId64 " is not the one the anchor of %s recorded: the log up to it was rewritten. Report this to the supervisor and keep a copy of the database file as it is."),
				   n, at);
	}
	return JRC_OK;
}

jrc_status audit_verify_report(jrc_db *db, jrc_verify_report *r, jrc_err *err)
{
	jrc_status s;
	jrc_err kerr = { 0 };
	const unsigned char *key;

	memset(r, 0, sizeof(*r));
	key = db_ledger_key(db, &kerr);
	r->keyed = key != NULL;
	if (!key)
		snprintf(r->key_problem, sizeof(r->key_problem), "%s", kerr.msg);
	if ((s = check_file(db, r, err)) != JRC_OK || (s = check_chain(db, key, r, err)) != JRC_OK ||
	    (s = check_db_anchors(db, r, err)) != JRC_OK || (s = check_cases(db, r, err)) != JRC_OK)
		return s;
	return audit_check_tables(db, r->legacy_events > 0, r, err);
}

jrc_status audit_verify(jrc_db *db, int64_t *bad_id, jrc_err *err)
{
	jrc_verify_report r;
	jrc_status s = audit_verify_report(db, &r, err);

	*bad_id = r.bad_id;
	return s;
}

jrc_status audit_ledger_check(jrc_db *db, int64_t case_id, char out[JRC_LEDGER_CHECK_SIZE],
			      jrc_err *err)
{
	db_stmt *st;
	jrc_status s;
	int rc;

	out[0] = '\0';
	if ((s = db_prepare(db, "SELECT hash FROM events WHERE case_id = ? AND kind = 'filed'"
			    " ORDER BY id LIMIT 1", &st, err)))
		return s;
	db_bind_int64(st, 1, case_id);
	rc = db_step(db, st);
	if (rc == DB_ROW) {
		const char *h = db_col_text(st, 0);

		/* 64 bits, read aloud in four groups of four. */
		if (h && strlen(h) >= 16)
			snprintf(out, JRC_LEDGER_CHECK_SIZE, "%.4s %.4s %.4s %.4s", h, h + 4, h + 8,
				 h + 12);
	}
	db_finalize(st);
	if (rc == DB_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, NULL,
				   _("This case has no filing event: run 'jrc verify' and report the result to the supervisor."));
	return rc == DB_ROW ? JRC_OK : db_fail(db, rc, err);
}

jrc_status audit_ledger_confirm(jrc_db *db, int64_t case_id, const char *given, jrc_err *err)
{
	char want[JRC_LEDGER_CHECK_SIZE], norm[17], have[17];
	size_t k = 0, bad = 0;
	jrc_status s;

	for (const char *p = given ? given : ""; *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '\t')
			continue;
		if (!isxdigit((unsigned char)*p) || k == 16) {
			bad = 1;
			break;
		}
		norm[k++] = (char)tolower((unsigned char)*p);
	}
	if (!bad && k == 8)
		return jrc_err_set(err, JRC_E_INVALID, "ledger_check",
				   _("An 8-character ledger check is the old short form, which proves nothing any more: give the 16 characters (four groups of four) printed on the receipt."));
	if (bad || k != 16)
		return jrc_err_set(err, JRC_E_INVALID, "ledger_check",
				   _("A ledger check is 16 characters in four groups of four, digits 0-9 and letters a-f: copy it from the receipt."));
	norm[16] = '\0';
	if ((s = audit_ledger_check(db, case_id, want, err)) != JRC_OK)
		return s;
	snprintf(have, sizeof(have), "%.4s%.4s%.4s%.4s", want, want + 5, want + 10, want + 15);
	if (strcmp(have, norm) != 0)
		return jrc_err_set(err, JRC_E_TAMPERED, "ledger_check",
				   _("The ledger check on the receipt (%.4s %.4s %.4s %.4s) does not match the database (%s): the record before this case was rewritten, or the check was copied wrongly. Compare it again, then report this to the supervisor."),
				   norm, norm + 4, norm + 8, norm + 12, want);
	return JRC_OK;
}
