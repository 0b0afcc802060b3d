/* The event log: every row carries SHA-256(previous hash, own content), so
 * changing, removing or slipping in a row breaks the chain from there on.
 * The chain head (last id and hash) is kept in audit_head as well, and new
 * rows chain to it rather than to whatever row is last: rows cut off the
 * end of the log stay visible as a gap forever after. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "db_internal.h"
#include "jrc/audit.h"
#include "jrc/i18n.h"

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct hbuf {
	char *p;
	size_t len, cap;
} hbuf;

/* Length-prefixed fields, so that no two different rows hash alike; a
 * NULL field ("-:") differs from an empty one ("0:"). */
static int put_field(hbuf *b, const char *s, size_t n)
{
	char head[32];
	int h = s ? snprintf(head, sizeof(head), "%zu:", n) : snprintf(head, sizeof(head), "-:");

	if (!s)
		n = 0;
	if (b->len + (size_t)h + n + 1 > b->cap) {
		size_t nc = (b->len + (size_t)h + n + 1) * 2;
		char *nb = realloc(b->p, nc);

		if (!nb)
			return -1;
		b->p = nb;
		b->cap = nc;
	}
	memcpy(b->p + b->len, head, (size_t)h);
	b->len += (size_t)h;
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	return 0;
}

static int put_str(hbuf *b, const char *s)
{
	return put_field(b, s, s ? strlen(s) : 0);
}

static int put_col(hbuf *b, sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);

	return put_field(b, t, t ? (size_t)sqlite3_column_bytes(st, i) : 0);
}

static int put_int(hbuf *b, int64_t v)
{
	char num[24];

	snprintf(num, sizeof(num), "%" PRId64, v);
	return put_str(b, num);
}

static int digest_hex(hbuf *b, char out[65])
{
	unsigned char md[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx;

	/* Nettle rather than OpenSSL: loading libcrypto cost every jrc
	 * process 0.8 ms of start-up (BENCHMARKS.md, figure 3). */
	sha256_init(&ctx);
	sha256_update(&ctx, b->len, (const uint8_t *)b->p);
	sha256_digest(&ctx, sizeof(md), md);
	free(b->p);
	b->p = NULL;
	/* A table, not snprintf: verify hashes every row of the log. */
	for (unsigned i = 0; i < sizeof(md); i++) {
		out[2 * i] = "0123456789abcdef"[md[i] >> 4];
		out[2 * i + 1] = "0123456789abcdef"[md[i] & 15];
	}
	out[64] = '\0';
	return 0;
}

/* The hash of a row about to be written. */
static int new_row_hash(const char *prev, int64_t id, const char *at, const jrc_event_in *ev,
			char out[65])
{
	hbuf b = { 0 };
	int bad = put_str(&b, prev) || put_int(&b, id) || put_str(&b, at) ||
		  put_str(&b, ev->actor) || put_str(&b, ev->kind);

	if (!bad)
		bad = ev->case_id ? put_int(&b, ev->case_id) : put_str(&b, NULL);
	bad = bad || put_str(&b, ev->from_state) || put_str(&b, ev->to_state) ||
	      put_str(&b, ev->note);
	if (bad) {
		free(b.p);
		return -1;
	}
	return digest_hex(&b, out);
}

/* The columns every reader selects, in this order. */
#define EVENT_COLS "id, at, actor, kind, case_id, from_state, to_state, note, prev_hash, hash"

/* The hash of a stored row, from the raw column values: a value changed
 * in any way (even its length or NULL-ness) gives another hash. */
static int stored_row_hash(const char *prev, sqlite3_stmt *st, char out[65])
{
	hbuf b = { 0 };
	int bad = put_str(&b, prev) || put_int(&b, sqlite3_column_int64(st, 0)) ||
		  put_col(&b, st, 1) || put_col(&b, st, 2) || put_col(&b, st, 3);

	if (!bad)
		bad = sqlite3_column_type(st, 4) == SQLITE_NULL ? put_str(&b, NULL)
			: put_int(&b, sqlite3_column_int64(st, 4));
	bad = bad || put_col(&b, st, 5) || put_col(&b, st, 6) || put_col(&b, st, 7);
	if (bad) {
		free(b.p);
		return -1;
	}
	return digest_hex(&b, out);
}

/* The chain head: *found 0 on a log that never had a row. */
static jrc_status read_head(jrc_db *db, int64_t *last_id, char hash[65], int *found,
			    jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;
	int rc;

	*found = 0;
	*last_id = 0;
	memcpy(hash, GENESIS, 65);
	if ((s = db_prepare_cached(db, "SELECT last_id, hash FROM audit_head WHERE one = 1",
				   &st, err)))
		return s;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = 1;
		*last_id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, hash, 65);
	}
	db_release(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? JRC_OK : db_fail(db, rc, err);
}

static jrc_status append_locked(jrc_db *db, const jrc_event_in *ev, int64_t *id_out,
				char *hash_out, jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;
	char prev[65], at[32], hash[65];
	int64_t id;
	int rc, found;

	if (!ev->actor || !*ev->actor || !ev->kind || !*ev->kind)
		return jrc_err_set(err, JRC_E_INVALID, NULL,
				   _("An event needs a kind and an actor: this is a program error, report it."));
	if ((s = read_head(db, &id, prev, &found, err)))
		return s;
	id++;
	clock_format_utc(ev->at ? ev->at : clock_now(), at);
	if (new_row_hash(prev, id, at, ev, hash) != 0)
		return jrc_err_set(err, JRC_E_NOMEM, NULL, NULL);
	if ((s = db_prepare_cached(db, "INSERT INTO events(" EVENT_COLS ")"
				   " VALUES (?,?,?,?,?,?,?,?,?,?)", &st, err)))
		return s;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, at);
	db_bind_text(st, 3, ev->actor);
	db_bind_text(st, 4, ev->kind);
	if (ev->case_id)
		sqlite3_bind_int64(st, 5, ev->case_id);
	db_bind_text(st, 6, ev->from_state);
	db_bind_text(st, 7, ev->to_state);
	db_bind_text(st, 8, ev->note);
	db_bind_text(st, 9, prev);
	db_bind_text(st, 10, hash);
	rc = sqlite3_step(st);
	db_release(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	if ((s = db_prepare_cached(db, "INSERT INTO audit_head(one, last_id, hash) VALUES (1, ?, ?)"
				   " ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id,"
				   " hash = excluded.hash", &st, err)))
		return s;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, hash);
	rc = sqlite3_step(st);
	db_release(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, err);
	if (id_out)
		*id_out = id;
	if (hash_out)
		memcpy(hash_out, hash, 65);
	return JRC_OK;
}

int audit_row_hash(const char *prev, int64_t id, const char *at, const jrc_event_in *ev,
		   char out[65])
{
	return new_row_hash(prev, id, at, ev, out);
}

jrc_status audit_append(jrc_db *db, const jrc_event_in *ev, int64_t *id, char *hash_out,
			jrc_err *err)
{
	jrc_status s;

	if (!sqlite3_get_autocommit(db_handle(db)))
		return append_locked(db, ev, id, hash_out, err);
	if ((s = db_begin(db, err)) != JRC_OK)
		return s;
	if ((s = append_locked(db, ev, id, hash_out, err)) != JRC_OK) {
		db_rollback(db);
		return s;
	}
	return db_commit(db, err);
}

static void fill_event(sqlite3_stmt *st, jrc_event *e, int *oom)
{
	memset(e, 0, sizeof(*e));
	e->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, e->at, sizeof(e->at));
	db_col_copy(st, 2, e->actor, sizeof(e->actor));
	db_col_copy(st, 3, e->kind, sizeof(e->kind));
	e->case_id = sqlite3_column_int64(st, 4);
	db_col_copy(st, 5, e->from_state, sizeof(e->from_state));
	db_col_copy(st, 6, e->to_state, sizeof(e->to_state));
	e->note = db_col_strdup(st, 7, oom);
	db_col_copy(st, 8, e->prev_hash, sizeof(e->prev_hash));
	db_col_copy(st, 9, e->hash, sizeof(e->hash));
}

/* Collect the rows of a prepared, bound statement over EVENT_COLS. */
static jrc_status collect(jrc_db *db, sqlite3_stmt *st, jrc_event **out, size_t *n,
			  jrc_err *err)
{
	size_t cap = 8;
	int rc = SQLITE_DONE, oom = 0;

	*out = malloc(cap * sizeof(**out));
	if (!*out)
		oom = 1;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			jrc_event *nb = realloc(*out, (cap *= 2) * sizeof(**out));

			if (!nb) {
				oom = 1;
				break;
			}
			*out = nb;
		}
		fill_event(st, &(*out)[(*n)++], &oom);
	}
	sqlite3_finalize(st);
	if (oom || rc != SQLITE_DONE) {
		audit_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return oom ? jrc_err_set(err, JRC_E_NOMEM, NULL, NULL) : db_fail(db, rc, err);
	}
	return JRC_OK;
}

jrc_status audit_case_events(jrc_db *db, int64_t case_id, jrc_event **out, size_t *n,
			     jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " EVENT_COLS " FROM events WHERE case_id = ? ORDER BY id",
			    &st, err)))
		return s;
	sqlite3_bind_int64(st, 1, case_id);
	return collect(db, st, out, n, err);
}

jrc_status audit_recent_events(jrc_db *db, const char *kind_prefix, size_t limit,
			       jrc_event **out, size_t *n, jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;

	*out = NULL;
	*n = 0;
	if ((s = db_prepare(db, "SELECT " EVENT_COLS " FROM events"
			    " WHERE ?1 IS NULL OR substr(kind, 1, length(?1)) = ?1"
			    " ORDER BY id DESC LIMIT ?2", &st, err)))
		return s;
	db_bind_text(st, 1, kind_prefix);
	sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : -1);
	return collect(db, st, out, n, err);
}

void audit_events_free(jrc_event *ev, size_t n)
{
	if (!ev)
		return;
	for (size_t i = 0; i < n; i++)
		free(ev[i].note);
	free(ev);
}

/* PRAGMA integrity_check and foreign_key_check: the file itself is sound
 * and no row points at one that was removed. */
static jrc_status check_file(jrc_db *db, jrc_verify_report *r, jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db, "PRAGMA integrity_check", &st, err)))
		return s;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		if (!t || strcmp(t, "ok") != 0) {
			char what[200];

			/* sqlite's report spans lines; one line reads better. */
			snprintf(what, sizeof(what), "%s", t ? t : "?");
			for (char *p = what; *p; p++)
				if (*p == '\n')
					*p = ' ';
			s = jrc_err_set(err, JRC_E_DB_CORRUPT, NULL,
					_("The database file is damaged (%s): restore it from a backup and report this to the supervisor."),
					what);
			sqlite3_finalize(st);
			return s;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, err);
	r->integrity_ok = 1;
	if ((s = db_prepare(db, "PRAGMA foreign_key_check", &st, err)))
		return s;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char table[64], parent[64];
		int64_t rowid = sqlite3_column_int64(st, 1);

		db_col_copy(st, 0, table, sizeof(table));
		db_col_copy(st, 2, parent, sizeof(parent));
		if (strcmp(table, "events") == 0)
			r->bad_id = rowid;
		else if (strcmp(table, "cases") == 0)
			r->bad_case = rowid;
		s = jrc_err_set(err, JRC_E_TAMPERED, NULL,
				_("Row %" PRId64 " of %s points at a row of %s that is gone: something was deleted; report this to the supervisor and keep a copy of the database file as it is."),
				rowid, table, parent);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, err);
	}
	sqlite3_finalize(st);
	return s;
}

static jrc_status tampered(jrc_verify_report *r, int64_t id, jrc_err *err, const char *what)
{
	r->bad_id = id;
	return jrc_err_set(err, JRC_E_TAMPERED, NULL, "%s %s", what,
			   _("Report this to the supervisor and keep a copy of the database file as it is."));
}

/* Walk every row: each must follow the one before (id + 1, its prev_hash
 * the previous hash) and hash to what it says; the last must be the head. */
static jrc_status check_chain(jrc_db *db, jrc_verify_report *r, jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s = JRC_OK;
	char prev[65] = GENESIS, hash[65], what[320], head[65];
	int64_t last_id = 0, head_id;
	int rc, found;

	if ((s = read_head(db, &head_id, head, &found, err)))
		return s;
	if ((s = db_prepare(db, "SELECT " EVENT_COLS " FROM events ORDER BY id", &st, err)))
		return s;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *stored_prev = (const char *)sqlite3_column_text(st, 8);
		const char *stored = (const char *)sqlite3_column_text(st, 9);

		if (stored_row_hash(prev, st, hash) != 0) {
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
	if (s == JRC_OK && rc != SQLITE_DONE)
		s = db_fail(db, rc, err);
	sqlite3_finalize(st);
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
	sqlite3_stmt *st;
	jrc_status s;
	int rc;

	if ((s = db_prepare(db,
			    "SELECT c.id, c.receipt, c.state,"
			    " (SELECT e.to_state FROM events e WHERE e.case_id = c.id"
			    "   AND e.to_state IS NOT NULL ORDER BY e.id DESC LIMIT 1) AS last,"
			    " (SELECT count(*) FROM events e WHERE e.case_id = c.id"
			    "   AND e.kind = 'filed') AS filed"
			    " FROM cases c WHERE last IS NULL OR last <> c.state OR filed <> 1"
			    " ORDER BY c.id LIMIT 1", &st, err)))
		return s;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char receipt[40], state[32], last[32];

		r->bad_case = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, receipt, sizeof(receipt));
		db_col_copy(st, 2, state, sizeof(state));
		db_col_copy(st, 3, last, sizeof(last));
		if (sqlite3_column_int(st, 4) != 1)
			s = jrc_err_set(err, JRC_E_TAMPERED, NULL,
					_("Case %s has no filing event in the log: it was added or changed behind the program's back. Report this to the supervisor and keep a copy of the database file as it is."),
					receipt);
		else
			s = jrc_err_set(err, JRC_E_TAMPERED, NULL,
					_("Case %s says '%s' but its events say '%s': the case was changed behind the program's back. Report this to the supervisor and keep a copy of the database file as it is."),
					receipt, state, last);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, err);
	}
	sqlite3_finalize(st);
	return s;
}

jrc_status audit_verify_report(jrc_db *db, jrc_verify_report *r, jrc_err *err)
{
	jrc_status s;

	memset(r, 0, sizeof(*r));
	if ((s = check_file(db, r, err)) != JRC_OK || (s = check_chain(db, r, err)) != JRC_OK)
		return s;
	return check_cases(db, r, err);
}

jrc_status audit_verify(jrc_db *db, int64_t *bad_id, jrc_err *err)
{
	jrc_verify_report r;
	jrc_status s = audit_verify_report(db, &r, err);

	*bad_id = r.bad_id;
	return s;
}

jrc_status audit_ledger_check(jrc_db *db, int64_t case_id, char out[9], jrc_err *err)
{
	sqlite3_stmt *st;
	jrc_status s;
	int rc;

	out[0] = '\0';
	if ((s = db_prepare(db, "SELECT hash FROM events WHERE case_id = ? AND kind = 'filed'"
			    " ORDER BY id LIMIT 1", &st, err)))
		return s;
	sqlite3_bind_int64(st, 1, case_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 0);

		snprintf(out, 9, "%.8s", h ? h : "");
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return jrc_err_set(err, JRC_E_NOT_FOUND, NULL,
				   _("This case has no filing event: run 'jrc verify' and report the result to the supervisor."));
	return rc == SQLITE_ROW ? JRC_OK : db_fail(db, rc, err);
}

jrc_status audit_ledger_confirm(jrc_db *db, int64_t case_id, const char *given, jrc_err *err)
{
	char want[9], norm[9];
	size_t k = 0;
	jrc_status s;

	for (const char *p = given ? given : ""; *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (!isxdigit((unsigned char)*p) || k == 8) {
			k = 9;
			break;
		}
		norm[k++] = (char)tolower((unsigned char)*p);
	}
	if (k != 8)
		return jrc_err_set(err, JRC_E_INVALID, "ledger_check",
				   _("A ledger check is 8 characters, digits 0-9 and letters a-f: copy it from the receipt."));
	norm[8] = '\0';
	if ((s = audit_ledger_check(db, case_id, want, err)) != JRC_OK)
		return s;
	if (strcmp(want, norm) != 0)
		return jrc_err_set(err, JRC_E_TAMPERED, "ledger_check",
				   _("The ledger check on the receipt (%s) does not match the database (%s): the record before this case was rewritten, or the check was copied wrongly. Compare it again, then report this to the supervisor."),
				   norm, want);
	return JRC_OK;
}
